#!/usr/bin/env bash
# The main job: builds subsetix and runs the demonstration on built-in 2D and 3D shapes.
# Prints a table of sizes, times and Kokkos counters and writes demo.png (a 2D result).
set -euo pipefail
cd "$(dirname "$0")/.."
kokkos=$(bash scripts/bootstrap.sh | tail -n 1)
cmake --preset openmp -DCMAKE_PREFIX_PATH="$kokkos" > /dev/null
cmake --build --preset openmp --target demo subsetix_cli
OMP_NUM_THREADS=${OMP_NUM_THREADS:-2} ./build/openmp/examples/demo "$@"
