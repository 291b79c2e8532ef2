# Reads every plist of a directory with Python's plistlib (a real parser of
# the format) and prints what the tests check.
import glob, os, plistlib, sys
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.plist"))):
    with open(path, "rb") as f:
        doc = plistlib.load(f)
    files = doc["files"]
    print(os.path.basename(path), "diagnostics", len(doc["diagnostics"]))
    for d in doc["diagnostics"]:
        loc = d["location"]
        assert d["category"] == "asmstory" and d["type"] and d["description"]
        assert d["issue_hash_content_of_line_in_context"]
        for e in d["path"]:
            assert e["kind"] == "event" and e["message"] and e["location"]["file"] < len(files)
        print(d["check_name"], files[loc["file"]], loc["line"], loc["col"], "events", len(d["path"]))
