#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for SECONDS (default 20; the pipeline,
# whose committed corpus alone takes ~15 s to replay, three times as long) on a copy of its
# committed corpus:
# - text_reader and expression: the two parsers alone (host code, built directly);
# - pipeline: an expression string and small random sets through parse -> passes -> fused and
#   unfused evaluation against a dense-bitmap oracle, the whole library under ASan + UBSan with
#   kernel bounds checks, Kokkos OpenMP on 2 threads (built by the `asan` preset, which the
#   test suite's sanitizer run shares).
# `--merge` folds new interesting inputs back into tests/fuzz/corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
out=build/fuzz-host
mkdir -p "$out"
flags=(-std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Iinclude)
clang++ "${flags[@]}" tests/fuzz/fuzz_text_reader.cpp src/io/text_reader.cpp src/core/error.cpp -o "$out/fuzz_text_reader"
clang++ "${flags[@]}" tests/fuzz/fuzz_expression.cpp src/expr/parser.cpp src/expr/ir.cpp src/core/error.cpp -o "$out/fuzz_expression"
kokkos=$(bash scripts/bootstrap.sh | tail -n 1)
cmake --preset asan -DCMAKE_PREFIX_PATH="$kokkos" > /dev/null
cmake --build --preset asan --target fuzz_pipeline
export ASAN_OPTIONS=detect_leaks=0 OMP_PROC_BIND=false OMP_NUM_THREADS=2
for target in text_reader expression pipeline; do
  binary="$out/fuzz_$target"
  [ "$target" = pipeline ] && binary=build/asan/tests/fuzz/fuzz_pipeline
  work="$out/corpus_$target"
  rm -rf "$work" && mkdir -p "$work" && cp tests/fuzz/corpus/$target/* "$work/"
  time=$seconds
  [ "$target" = pipeline ] && time=$((3 * seconds))
  echo "=== fuzzing $target for ${time}s ==="
  "$binary" -max_total_time="$time" -max_len=1024 -timeout=10 -print_final_stats=1 "$work" 2>&1 | tail -n 12
  if [ "${2:-}" = "--merge" ]; then
    "$binary" -merge=1 tests/fuzz/corpus/$target "$work" > /dev/null 2>&1
  fi
done
