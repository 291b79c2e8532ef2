#!/bin/sh
# Installs asmstory's build and test dependencies from Debian's packages.
# (chromium: the scan-build report is opened headless in a test; bear: -p with
# a database recorded from make; the libc6-dev-*-cross and libgcc-12-dev-*-cross packages: the C headers
# of the other targets, which clang finds for hosted code built with
# --target=aarch64-linux-gnu, arm-linux-gnueabihf or riscv64-linux-gnu.)
# Idempotent: does nothing when everything is already there.
set -eu
PKGS="llvm-22-dev llvm-22-tools clang-22 clang-tools-22 libclang-rt-22-dev chromium bear libclang-22-dev libclang-cpp22-dev libz3-dev z3 cmake ninja-build libcmocka-dev libc6-dev-arm64-cross libc6-dev-armhf-cross libc6-dev-riscv64-cross libgcc-12-dev-arm64-cross libgcc-12-dev-armhf-cross libgcc-12-dev-riscv64-cross"
missing=""
for p in $PKGS; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
# The SARIF validator of the test suite (Microsoft's SARIF Multitool, from
# the npm registry) needs npm; Debian's nodejs/npm when the machine has none.
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
if [ -n "$missing" ]; then
  echo "asmstory: installing:$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# SARIF Multitool into .tools/ (not a Debian package: a test tool only).  A
# machine without the npm registry still builds and tests; the validator
# test is then reported unsupported by lit.
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOL="$ROOT/.tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -x "$TOOL" ] && command -v npm >/dev/null 2>&1; then
  echo "asmstory: installing the SARIF validator (@microsoft/sarif-multitool) into .tools/" >&2
  if npm install --prefix "$ROOT/.tools" --no-audit --no-fund --loglevel=error \
       @microsoft/sarif-multitool@5.7.0 >/dev/null 2>&1; then
    chmod u+x "$TOOL" 2>/dev/null || true
  else
    echo "asmstory: warning: could not install the SARIF validator; its test will be skipped" >&2
  fi
fi
exit 0
