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
# Answers on disk (include/asmstory/disk_cache.h: MC's, and the plugin's
# analyses): one cache for this run of the tests, empty at its start, never
# the user's.
import shutil as _shutil
_mc_cache = os.path.join(config.test_exec_root, "mc-cache")
_shutil.rmtree(_mc_cache, ignore_errors=True)
config.environment["ASMSTORY_CACHE_DIR"] = _mc_cache
# cargo-asmstory tests run cargo: put its directory on PATH (read when lit
# starts) and keep the variables that locate the toolchain.
import shutil
_cargo = shutil.which("cargo") or shutil.which("cargo", path=os.pathsep.join(
    [os.path.join(os.environ.get("CARGO_HOME", os.path.join(os.path.expanduser("~"), ".cargo")), "bin")]))
if _cargo:
    config.available_features.add("cargo")
    config.environment["PATH"] = os.pathsep.join(
        [config.environment["PATH"], os.path.dirname(_cargo)])
for _var, _default in (("CARGO_HOME", ".cargo"), ("RUSTUP_HOME", ".rustup"), ("RUSTUP_TOOLCHAIN", None)):
    if _var in os.environ:
        config.environment[_var] = os.environ[_var]
    elif _default and "HOME" not in os.environ:
        # HOME above falls back to /tmp: point at the user's toolchain.
        _dir = os.path.join(os.path.expanduser("~"), _default)
        if os.path.isdir(_dir):
            config.environment[_var] = _dir
# A sanitizer or fuzzer build: its AsmStory.so needs the sanitizer runtime
# first in the process, so it cannot be loaded into clang-22 ("plugin" is
# missing); "asan" is there, for RUN lines that depend on ASan's handlers.
import re
try:
    with open(os.path.join(config.asmstory_obj_root, "CMakeCache.txt")) as _f:
        _cache_text = _f.read()
except OSError:
    _cache_text = ""
if re.search(r"^ASMSTORY_(SANITIZE|FUZZ):BOOL=(ON|TRUE|1)$", _cache_text, re.M):
    config.available_features.add("asan")
else:
    config.available_features.add("plugin")
# The Clang plugin / pass plugin (test/lit/plugin); listed before %asmstory,
# whose name it starts with.
config.substitutions.append(("%asmstory_so", os.path.join(config.asmstory_obj_root, "lib", "AsmStory.so")))
config.substitutions.append(("%asmstory", os.path.join(bindir, "asmstory")))
config.substitutions.append(("%clang", os.path.join(config.llvm_tools_dir, "clang")))
config.substitutions.append(("%FileCheck", os.path.join(config.llvm_tools_dir, "FileCheck")))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))
# The SARIF validator installed by scripts/install-deps.sh (a .NET program:
# invariant globalization, so no ICU library is needed).
_sarif = os.path.join(os.path.dirname(os.path.dirname(config.test_source_root)), ".tools", "node_modules",
                      "@microsoft", "sarif-multitool-linux", "Sarif.Multitool")
if os.access(_sarif, os.X_OK):
    config.available_features.add("sarif-validator")
    config.environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1"
    config.substitutions.append(("%sarif_validate", _sarif + " validate"))
if shutil.which("bear"):
    config.available_features.add("bear")
if shutil.which("chromium"):
    config.available_features.add("chromium")
