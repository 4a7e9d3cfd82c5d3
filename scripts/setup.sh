#!/usr/bin/env bash
# Installs every Debian package that caucus needs to build, test and run its examples.
# Idempotent and non-interactive; runs as root or through sudo.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config      # the build
  libicu-dev libpcre2-dev libboost-graph-dev libtomlplusplus-dev
  libgtest-dev libgmock-dev libbenchmark-dev         # tests and benchmarks
  python3 python3-networkx python3-igraph           # read the GraphML with real clients
  parallel                                          # the multi-process corpus example
  clang libclang-rt-14-dev                          # libFuzzer targets
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "setup: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
