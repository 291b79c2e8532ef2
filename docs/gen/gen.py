#!/usr/bin/env python3
"""docs/gen/gen.py TEMPLATES OUT: render the doc templates (docs/gen/tpl -> docs).

Render doc templates: every example and every output is taken from the
files and from a real run of the tool at generation time.

Directives (each on its own line):
  @@file DIR/NAME@@                 contents of the example file
  @@run DIR :: ARGS [| REGEX]@@     tool output (diagnostic lines only; optional
                                    regex keeps only matching lines); must find something
  @@silent DIR :: ARGS@@            asserts no output and exit 0; renders nothing
  @@out DIR :: ARGS [| REGEX]@@     every stdout line (optionally only matching
                                    lines, e.g. --explain text); must find something
  @@err DIR :: ARGS [| REGEX]@@     the same for stderr
  @@status DIR :: ARGS = N@@        asserts exit status N; renders nothing
  @@grep FILE :: REGEX@@            matching lines of an example file
"""
import os, re, shlex, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOOL = os.environ.get("ASMSTORY", os.path.join(HERE, "..", "..", "build", "bin", "asmstory"))
ROOT = HERE
DIAG = re.compile(r"^\S+:\d+:\d+: (warning|error|note): ")
errors = []


def run(d, args):
    import time
    for attempt in range(30):
        try:
            p = subprocess.run([TOOL] + shlex.split(args), cwd=os.path.join(ROOT, d),
                               capture_output=True, text=True)
            return p.returncode, p.stdout, p.stderr
        except (PermissionError, FileNotFoundError, OSError):
            time.sleep(5)
    raise SystemExit("tool not runnable")


def render(text, name):
    out = []
    for line in text.split("\n"):
        m = re.fullmatch(r"@@(file|run|silent|grep|out|err|status) (.*)@@", line.strip())
        if not m:
            out.append(line)
            continue
        kind, arg = m.groups()
        if kind == "grep":
            fpath, rx = [x.strip() for x in arg.split("::", 1)]
            with open(os.path.join(ROOT, fpath)) as f:
                hits = [l.strip() for l in f if re.search(rx, l)]
            if not hits:
                errors.append(f"{name}: grep found nothing: {arg}")
            out.append("\n".join(hits))
            continue
        if kind == "file":
            with open(os.path.join(ROOT, arg)) as f:
                out.append(f.read().rstrip("\n"))
            continue
        d, rest = [s.strip() for s in arg.split("::", 1)]
        if kind == "status":
            rest, want = [s.strip() for s in rest.rsplit("=", 1)]
            rc, so, se = run(d, rest)
            if rc != int(want):
                errors.append(f"{name}: exit status {rc}, not {want}: {d} {rest}\n{so}{se}")
            continue
        regex = None
        if "|" in rest:
            rest, regex = [s.strip() for s in rest.split("|", 1)]
        rc, so, se = run(d, rest)
        if kind == "silent":
            if rc != 0 or so.strip() or se.strip():
                errors.append(f"{name}: not silent: {d} {rest}: rc={rc}\n{so}{se}")
            continue
        if kind in ("out", "err"):
            lines = [l for l in (so if kind == "out" else se).rstrip("\n").split("\n") if l]
        else:
            lines = [l for l in so.split("\n") if DIAG.match(l)]
        if regex:
            lines = [l for l in lines if re.search(regex, l)]
        if not lines:
            errors.append(f"{name}: no output: {d} {rest} rc={rc}\n{so}{se}")
        out.append("\n".join(lines))
    return "\n".join(out)


def main():
    src, dst = sys.argv[1], sys.argv[2]
    for root, _, files in os.walk(src):
        for fn in sorted(files):
            if not fn.endswith(".md"):
                continue
            rel = os.path.relpath(os.path.join(root, fn), src)
            with open(os.path.join(root, fn)) as f:
                text = render(f.read(), rel)
            target = os.path.join(dst, rel)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w") as f:
                f.write(text)
            n = text.count("\n")
            if n > 85:
                print(f"note: {rel} has {n} lines")
    for e in errors:
        print("ERROR:", e)
    sys.exit(1 if errors else 0)


main()
