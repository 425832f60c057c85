#!/usr/bin/env bash
# Installs the Debian 12 packages PrepBot builds and tests with, when any is missing.
# Usage: scripts/deps.sh [build|test]   (test adds the tools the test suite runs)
set -euo pipefail

build_packages=(
  cmake ninja-build g++ pkg-config
  librestinio-dev libasio-dev libhttp-parser-dev nlohmann-json3-dev libfmt-dev libspdlog-dev libcli11-dev
  libsqlite3-dev libpqxx-dev libstemmer-dev libhunspell-dev hunspell-en-us wordnet-dev wordnet-base libcurl4-openssl-dev
  libcairo2-dev libpango1.0-dev fonts-dejavu-core fonts-wqy-microhei libpoppler-cpp-dev libsndfile1-dev libssl-dev
  libjemalloc-dev
)
test_packages=(
  libgtest-dev libgmock-dev libbenchmark-dev curl wrk sqlite3 poppler-utils clang libclang-rt-14-dev
  postgresql nginx strace qpdf espeak-ng sox libsox-fmt-base
)

wanted=("${build_packages[@]}")
if [[ "${1:-build}" == "test" ]]; then wanted+=("${test_packages[@]}"); fi

missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Installing: ${missing[*]}"
sudo_cmd=()
[[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
