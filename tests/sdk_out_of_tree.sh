#!/usr/bin/env bash
# A third-party region author's path: install the SDK, build the plain-C clock region out of
# tree with find_package(brainhost-sdk), and have the host load and use it.
# usage: sdk_out_of_tree.sh SOURCE_DIR BUILD_DIR BRAINHOST_BIN
set -euo pipefail
src=$1 build=$2 bin=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/prefix" --component sdk >/dev/null
cp -r "$src/examples/clock-region" "$work/clock-src"
cmake -S "$work/clock-src" -B "$work/clock-build" -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/clock-build" >/dev/null

plugin="$work/clock-build/brainhost_clock.so"
test -f "$plugin" || { echo "FAIL: $plugin was not built"; exit 1; }
exported=$(nm -D --defined-only "$plugin" | awk '$2 == "T" {print $3}')
if [ "$exported" != "brainhost_library_entry" ]; then
  echo "FAIL: the plugin exports more than its entry symbol: $exported"; exit 1
fi

# Searched first, so the out-of-tree build provides brainhost.clock.
regions=$("$bin" --plugin-path "$work/clock-build" regions --json)
echo "$regions" | grep -q "\"file\":\"$plugin\"" \
  || { echo "FAIL: host did not load $plugin: $regions"; exit 1; }
reply=$(echo "what day is it today?" | "$bin" --config "$src/config/default.toml" \
  --plugin-path "$work/clock-build" --brain "$work/brain.db" chat)
case "$reply" in
  "today is "*) echo "PASS: out-of-tree plugin answered: $reply" ;;
  *) echo "FAIL: unexpected reply: $reply"; exit 1 ;;
esac
