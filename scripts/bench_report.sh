#!/usr/bin/env bash
# Runs the Google Benchmark suites (JSON) with Kokkos Serial and with OpenMP on 2 threads, five
# repetitions each, randomly interleaved across benchmarks (the report uses medians: this VM's
# speed drifts by up to 2x within minutes), and turns the results
# into docs/benchmarks.md with PNG plots in docs/benchmarks/.
set -euo pipefail
cd "$(dirname "$0")/.."
kokkos=$(bash scripts/bootstrap.sh | tail -n 1)  # also installs python3-matplotlib
results=build/bench-results
mkdir -p "$results"
for preset in serial openmp; do
  cmake --preset "$preset" -DCMAKE_PREFIX_PATH="$kokkos" > /dev/null
  cmake --build --preset "$preset" --target bench_fused bench_unfused bench_memory
  for suite in fused unfused memory; do
    echo "=== $preset: bench_$suite ==="
    OMP_NUM_THREADS=2 OMP_PROC_BIND=false "build/$preset/bench/bench_$suite" --benchmark_min_time=0.1 \
      --benchmark_repetitions=5 --benchmark_enable_random_interleaving=true --benchmark_report_aggregates_only=true \
      --benchmark_out="$results/${suite}_${preset}.json" --benchmark_out_format=json > /dev/null
  done
done
/usr/bin/python3 scripts/bench_report.py "$results" docs
echo "wrote docs/benchmarks.md"
