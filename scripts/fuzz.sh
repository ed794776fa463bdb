#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for SECONDS (default 20) on a copy of
# its committed corpus. `--merge` folds new interesting inputs back into tests/fuzz/corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
out=build/fuzz
mkdir -p "$out"
flags=(-std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Iinclude)
clang++ "${flags[@]}" tests/fuzz/fuzz_text_reader.cpp src/io/text_reader.cpp src/core/error.cpp -o "$out/fuzz_text_reader"
clang++ "${flags[@]}" tests/fuzz/fuzz_expression.cpp src/expr/parser.cpp src/core/error.cpp -o "$out/fuzz_expression"
for target in text_reader expression; do
  work="$out/corpus_$target"
  rm -rf "$work" && mkdir -p "$work" && cp tests/fuzz/corpus/$target/* "$work/"
  echo "=== fuzzing $target for ${seconds}s ==="
  "$out/fuzz_$target" -max_total_time="$seconds" -max_len=512 -timeout=10 -print_final_stats=1 "$work" 2>&1 | tail -n 12
  if [ "${2:-}" = "--merge" ]; then
    "$out/fuzz_$target" -merge=1 tests/fuzz/corpus/$target "$work" > /dev/null 2>&1
  fi
done
