#!/usr/bin/env bash
# Installs the Debian packages brainhost needs to build and test, and nothing when they are all
# present already (so `make demo` and `make test` can call it every time).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config   # toolchain
  libeigen3-dev                                  # cortex math (later regions)
  libboost-dev libboost-filesystem-dev           # Boost.DLL: loading region plugins
  libtomlplusplus-dev                            # routing graphs
  libsqlite3-dev sqlite3                         # the brain; the stock shell inspects it
  libspdlog-dev                                  # logging
  doctest-dev                                    # tests
  libcli11-dev                                   # argument parsing
  nlohmann-json3-dev                             # --json / --jsonl output
  libedit-dev                                    # line editing and history in chat
  libutfcpp-dev                                  # UTF-8 validation of user input
  libstemmer-dev                                 # Snowball stemming for the memory regions
  wordnet-base                                   # WordNet: irregular forms and word counts
  libsentencepiece-dev                           # the cortex's BPE tokenizer
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
