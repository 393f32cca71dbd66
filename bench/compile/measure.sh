#!/usr/bin/env bash
# Compile cost of the generated crates (run generate.py first). Needs `hyperfine`
# (Debian: apt-get install -y hyperfine). Each crate builds into its own target directory.
set -euo pipefail
# Each crate in its own target directory, so that none reuses another's artifacts.
unset CARGO_TARGET_DIR
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/generated"
runs="${RUNS:-5}"

# Incremental: dependencies built, the consumer's source touched.
for crate in qbitel envconfig confique serde; do
    (cd "$out/$crate" && cargo build -q)
done
hyperfine --runs "$runs" --warmup 1 --export-markdown "$out/incremental.md" \
    --prepare "touch $out/qbitel/src/main.rs" -n qbitel "cd $out/qbitel && cargo build -q" \
    --prepare "touch $out/envconfig/src/main.rs" -n envconfig "cd $out/envconfig && cargo build -q" \
    --prepare "touch $out/confique/src/main.rs" -n confique "cd $out/confique && cargo build -q" \
    --prepare "touch $out/serde/src/main.rs" -n "serde derive + envy" "cd $out/serde && cargo build -q"

# Clean build and crate count of a minimal app on qbitel-runtime's default features.
hyperfine --runs "${CLEAN_RUNS:-2}" --export-markdown "$out/clean.md" \
    --prepare "cd $out/minimal && cargo clean -q" -n "minimal app, clean" \
    "cd $out/minimal && cargo build -q"
echo "crates (cargo tree --prefix none -e normal | sort -u | wc -l):"
(cd "$out/minimal" && cargo tree --prefix none -e normal | sort -u | wc -l)
