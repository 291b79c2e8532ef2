# lit configuration: every .c/.ll/.rs/.test under test/lit is a test.
import os
import lit.formats

config.name = "asmstory"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".ll", ".rs", ".test", ".cpp"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py.in"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.asmstory_obj_root, "test", "lit")

bindir = os.path.join(config.asmstory_obj_root, "bin")
config.environment["PATH"] = os.pathsep.join(
    [bindir, config.llvm_tools_dir, config.environment.get("PATH", os.environ.get("PATH", ""))])
config.environment["HOME"] = os.environ.get("HOME", "/tmp")
config.substitutions.append(("%asmstory", os.path.join(bindir, "asmstory")))
config.substitutions.append(("%clang", os.path.join(config.llvm_tools_dir, "clang")))
config.substitutions.append(("%FileCheck", os.path.join(config.llvm_tools_dir, "FileCheck")))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))
