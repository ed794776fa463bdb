#!/usr/bin/env bash
# Builds and runs the test suite. With no arguments: Kokkos OpenMP on 2 threads, then Kokkos
# Serial. Arguments name other presets from CMakePresets.json (e.g. `asan`).
set -euo pipefail
cd "$(dirname "$0")/.."
kokkos=$(bash scripts/bootstrap.sh | tail -n 1)
presets=("$@")
[ ${#presets[@]} -gt 0 ] || presets=(openmp serial)
for preset in "${presets[@]}"; do
  echo "=== test preset: $preset ==="
  cmake --preset "$preset" -DCMAKE_PREFIX_PATH="$kokkos" > /dev/null
  cmake --build --preset "$preset"
  ctest --preset "$preset"
done
