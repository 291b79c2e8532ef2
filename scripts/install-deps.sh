#!/bin/sh
# Installs asmstory's build and test dependencies from Debian's packages.
# Idempotent: does nothing when everything is already there.
set -eu
PKGS="llvm-22-dev llvm-22-tools clang-22 libclang-22-dev libclang-cpp22-dev libz3-dev z3 cmake ninja-build libcmocka-dev"
missing=""
for p in $PKGS; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0
echo "asmstory: installing:$missing" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
