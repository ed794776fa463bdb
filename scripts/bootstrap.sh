#!/usr/bin/env bash
# Installs what subsetix needs on a fresh Debian 12 machine and, where no Kokkos is installed,
# builds Kokkos 3.4.01 (Serial + OpenMP) from Debian's own `trilinos` source package into a cache.
# Prints the Kokkos install prefix on its last line (for CMAKE_PREFIX_PATH).
set -euo pipefail

cache=${SUBSETIX_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/subsetix}
prefix="$cache/kokkos-3.4.01"
log() { printf '[bootstrap] %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- Debian packages -------------------------------------------------------------------------
packages=(g++ cmake ninja-build libboost1.81-dev libgtest-dev libgmock-dev libbenchmark-dev libpng-dev
  clang libclang-rt-14-dev libomp-dev clang-format dpkg-dev doxygen python3-matplotlib)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
apt_updated=0
if [ ${#missing[@]} -gt 0 ]; then
  log "installing: ${missing[*]}"
  as_root apt-get update -q >&2
  apt_updated=1
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi

# --- Kokkos ----------------------------------------------------------------------------------
if [ -f "$prefix/lib/cmake/Kokkos/KokkosConfig.cmake" ] || [ -f "$prefix/lib64/cmake/Kokkos/KokkosConfig.cmake" ]; then
  log "Kokkos cached at $prefix"
  echo "$prefix"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# Source packages need deb-src entries: derive them from the machine's own apt configuration.
if ! apt-get source --download-only --print-uris trilinos >/dev/null 2>&1 ||
   ! apt-get source --download-only --print-uris trilinos 2>/dev/null | grep -q orig; then
  log "adding deb-src entries derived from the system's apt sources"
  src_list=/etc/apt/sources.list.d/subsetix-deb-src.sources
  tmp_list="$work/deb-src.sources"
  : > "$tmp_list"
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && [ "$f" != "$src_list" ] && sed 's/^Types:.*deb\b.*/Types: deb-src/' "$f" >> "$tmp_list" && echo >> "$tmp_list"
  done
  if [ -f /etc/apt/sources.list ]; then
    grep -E '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' > "$work/deb-src.list" || true
    [ -s "$work/deb-src.list" ] && as_root cp "$work/deb-src.list" /etc/apt/sources.list.d/subsetix-deb-src.list
  fi
  [ -s "$tmp_list" ] && as_root cp "$tmp_list" "$src_list"
  apt_updated=0
fi
[ "$apt_updated" = 1 ] || as_root apt-get update -q >&2

log "downloading Debian source package trilinos"
apt-get source --download-only trilinos >&2
tarball=$(ls trilinos_*.orig.tar.* | head -n 1)
log "extracting packages/kokkos from $tarball"
tar xf "$tarball" --wildcards '*/packages/kokkos/*'
src=$(ls -d */packages/kokkos | head -n 1)

log "building Kokkos (Serial + OpenMP) into $prefix"
cmake -S "$src" -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$prefix" \
  -DCMAKE_CXX_STANDARD=17 -DKokkos_ENABLE_SERIAL=ON -DKokkos_ENABLE_OPENMP=ON \
  -DKokkos_ENABLE_TESTS=OFF -DKokkos_ENABLE_EXAMPLES=OFF -DBUILD_SHARED_LIBS=OFF \
  -DCMAKE_POSITION_INDEPENDENT_CODE=ON >&2
cmake --build build >&2
cmake --install build >&2
echo "$prefix"
