#!/usr/bin/env python3
"""Reduces the findings of one asmstory front door to sorted lines
`file:line:column: rule` (file as its base name), one per finding.

    normalize-findings.py [--drop-rules=a,b] [--keep-rules=a,b] [FILE...]

Reads the given files (or stdin) as any door's console output: the CLI's
text format (`f.c:3:9: warning: ... [asmstory-RULE]`), the Clang plugin's
warnings (`... [asmstory-RULE] [-Winline-asm]`) and scan-build's console
(`... [asmstory-RULE] [asmstory.InlineAsm]`).  Only diagnostic lines that
end in an asmstory rule tag count: notes, source lines, carets, clang's
"expanded from macro" notes and scan-build's own chatter are not findings.
A line that names an asmstory rule but is not a diagnostic is an error (the
format changed; the comparison would otherwise pass on nothing), and so is
a scan-build summary ("N bugs found") that does not match the findings read.
--drop-rules removes the listed rules; the caller states why (a door that
cannot report them).  --keep-rules keeps only those.  Duplicates (a finding
printed twice, as scan-build's per-file runs may) are kept: the comparison
is of multisets.
"""
import os
import re
import sys

DIAG = re.compile(
    r"^(?P<file>[^:\s][^:]*):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<sev>warning|error|note|remark): .*\[asmstory-(?P<rule>[a-z0-9-]+)\]"
    r"(?: \[(?:-W[a-z0-9-]+(?:,-W[a-z0-9-]+)*|-R[a-z0-9-]+|asmstory\.InlineAsm)\])?\s*$")
TAG = re.compile(r"\[asmstory-[a-z0-9-]+\]")


def main(argv):
    drop, keep, files = set(), None, []
    for a in argv:
        if a.startswith("--drop-rules="):
            drop |= {r for r in a.split("=", 1)[1].split(",") if r}
        elif a.startswith("--keep-rules="):
            keep = {r for r in a.split("=", 1)[1].split(",") if r}
        else:
            files.append(a)
    texts = [open(f, encoding="utf-8", errors="replace").read() for f in files] or [sys.stdin.read()]
    out = []
    for text in texts:
        # scan-build's summary counts its reports: every one must have been read.
        summary = re.search(r"^scan-build: (\d+) bugs? found\.$", text, re.M)
        if summary:
            found = sum(1 for raw in text.splitlines() if DIAG.match(raw))
            if found != int(summary.group(1)):
                sys.stderr.write("normalize-findings: scan-build reports %s bugs, %d findings read\n"
                                 % (summary.group(1), found))
                return 2
        for raw in text.splitlines():
            m = DIAG.match(raw)
            if not m:
                # A source line shown under a diagnostic may contain such a
                # tag only in a comment; a diagnostic line must not be missed.
                if TAG.search(raw) and re.match(r"^[^:\s][^:]*:\d+:\d+: ", raw):
                    sys.stderr.write("normalize-findings: unrecognized finding line: %s\n" % raw)
                    return 2
                continue
            if m.group("sev") == "note" and not raw.rstrip().endswith("]"):
                continue
            rule = m.group("rule")
            if rule in drop or (keep is not None and rule not in keep):
                continue
            out.append("%s:%s:%s: %s" % (os.path.basename(m.group("file")), m.group("line"),
                                         m.group("col"), rule))
    out.sort()
    sys.stdout.write("".join(line + "\n" for line in out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
