# Prints the parts of a SARIF log the tests check, failing on structural errors.
import json, sys
log = json.load(open(sys.argv[1]))
assert log["version"] == "2.1.0"
run = log["runs"][0]
driver = run["tool"]["driver"]
ids = [r["id"] for r in driver["rules"]]
assert len(ids) == len(set(ids))
print("version", log["version"], "runs", len(log["runs"]), "driver", driver["name"], "rules", len(ids))
for r in run["results"]:
    assert r["ruleId"] in ids and ids[r["ruleIndex"]] == r["ruleId"]
    assert r["level"] in ("error", "warning", "note") and r["message"]["text"]
    loc = r["locations"][0]["physicalLocation"]
    print("result", r["ruleId"], r["level"], loc["artifactLocation"]["uri"], loc["region"]["startLine"], loc["region"]["startColumn"])
print("results", len(run["results"]))
