"""Accuracy on the peers' own test suites: what each system finds with the right value.

    .venv/bin/python bench/accuracy.py                         # this tree, quantulum3
    .venv/bin/python bench/accuracy.py --baseline /tmp/base    # and an older checkout, side by side
    .venv/bin/python bench/accuracy.py --rt-python /tmp/rt/bin/python   # and Recognizers-Text
    .venv/bin/python bench/accuracy.py --misses claimframe --suite DimensionModel   # list cases

Suites (../shared/corpora/peer-specs, read in place; the bench says so and exits 0 when absent):
Recognizers-Text's English NumberModel, NumberRangeModel, PercentModel, CurrencyModel and
DimensionModel specs, and quantulum3's quantities.json.

Per suite and system, over the expected items in scope:
  found   a claim (quantity) overlaps the expected text and carries its value: ranges both bounds
          in one claim, open ranges ("more than 20") as a bound,
          units compared after conversion to one base unit per dimension, currencies by ISO code,
          percents as written; on the number and range suites the value alone is compared;
  wrong   a claim overlaps the expected text with another value (worse than a blank);
  missed  nothing overlaps it;
  extra   claims that overlap no expected item of the case (the suite does not expect them), of
          the suite's own family only (money on the currency suite, percents on the percent suite,
          physical units on the dimension suite; anything on the others).
Out of scope (listed with counts): families a news tool does not read (see bench/README.md).

The currency and dimension specs are tokenised Wall Street Journal text ("$ 14 million , he
said ."): the bench undoes the tokenisation around numbers and signs ("$14 million, he said.")
in both the input and the expected text before any system reads it.

Each system runs in its own interpreter (``--worker``) so trees and libraries never mix; claimframe
runs its whole pipeline (``claimframe.read_text(text).claims``, dates left out).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: ../shared/corpora relative to the repository root; a worktree elsewhere passes --corpora.
CORPORA = ROOT.parent / "shared" / "corpora"
SPECS = CORPORA / "peer-specs"
RT = "recognizers-text"
SUITES = {
    "NumberModel": (f"{RT}/Number-NumberModel.json", "number"),
    "NumberRangeModel": (f"{RT}/Number-NumberRangeModel.json", "range"),
    "PercentModel": (f"{RT}/Number-PercentModel.json", "percent"),
    "CurrencyModel": (f"{RT}/NumberWithUnit-CurrencyModel.json", "currency"),
    "DimensionModel": (f"{RT}/NumberWithUnit-DimensionModel.json", "dimension"),
    "quantities.json": ("quantulum3/quantities.json", "q3"),
}

# --- units: name (lower case) -> (dimension, factor to the dimension's base unit) -------------
# Bases: metre, kilogram, litre, square metre, km/h, day, degree Celsius; money in the currency.
_LENGTH = {"metre": 1, "meter": 1, "m": 1, "kilometre": 1e3, "kilometer": 1e3, "km": 1e3, "mile": 1609.344,
           "mi": 1609.344, "foot": 0.3048, "ft": 0.3048, "inch": 0.0254, "yard": 0.9144, "yd": 0.9144,
           "centimetre": 0.01, "centimeter": 0.01, "millimetre": 0.001, "millimeter": 0.001,
           "nautical mile": 1852, "nmi": 1852}
_MASS = {"kilogram": 1, "kg": 1, "gram": 0.001, "g": 0.001, "milligram": 1e-6, "mg": 1e-6, "tonne": 1000,
         "metric ton": 1000, "t": 1000, "ton": 907.18474, "short ton": 907.18474, "pound": 0.45359237,
         "pound-mass": 0.45359237, "lb": 0.45359237, "ounce": 0.028349523125, "oz": 0.028349523125}
_VOLUME = {"litre": 1, "liter": 1, "l": 1, "millilitre": 0.001, "milliliter": 0.001, "ml": 0.001,
           "centilitre": 0.01, "gallon": 3.785411784, "gal": 3.785411784, "barrel": 158.987294928,
           "bbl": 158.987294928, "cubic metre": 1000, "cubic meter": 1000, "m3": 1000,
           "cubic foot": 28.316846592, "cubic kilometre": 1e12, "cubic centimetre": 0.001}
_AREA = {"square metre": 1, "square meter": 1, "m2": 1, "square kilometre": 1e6, "square kilometer": 1e6,
         "km2": 1e6, "square mile": 2589988.110336, "mi2": 2589988.110336, "hectare": 1e4, "ha": 1e4,
         "acre": 4046.8564224, "square foot": 0.09290304, "sq ft": 0.09290304}
_SPEED = {"kilometre per hour": 1, "kilometer per hour": 1, "km/h": 1, "mile per hour": 1.609344, "mph": 1.609344,
          "knot": 1.852, "kn": 1.852, "metre per second": 3.6, "m/s": 3.6}
_TIME = {"day": 1, "hour": 1 / 24, "h": 1 / 24, "minute": 1 / 1440, "min": 1 / 1440, "second": 1 / 86400,
         "s": 1 / 86400, "week": 7, "month": 30.436875, "year": 365.2425}
_CURRENCY = {"dollar": ("USD", 1), "united states dollar": ("USD", 1), "usd": ("USD", 1), "cent": ("USD", 0.01),
             "euro": ("EUR", 1), "eur": ("EUR", 1), "pound": ("GBP", 1), "british pound": ("GBP", 1),
             "pound sterling": ("GBP", 1), "gbp": ("GBP", 1), "pence": ("GBP", 0.01), "penny": ("GBP", 0.01),
             "dime": ("USD", 0.1)}
UNIT_TABLE: dict[str, tuple[str, float]] = {
    **{k: ("length", v) for k, v in _LENGTH.items()}, **{k: ("mass", v) for k, v in _MASS.items()},
    **{k: ("volume", v) for k, v in _VOLUME.items()}, **{k: ("area", v) for k, v in _AREA.items()},
    **{k: ("speed", v) for k, v in _SPEED.items()}, **{k: ("time", v) for k, v in _TIME.items()},
    **{k: (f"money:{c}", f) for k, (c, f) in _CURRENCY.items()},
    "percentage": ("percent", 1), "percent": ("percent", 1), "percentage points": ("percent", 1),
    "dimensionless": ("count", 1), "degree celsius": ("temperature", 1), "degc": ("temperature", 1),
    "°c": ("temperature", 1), "degree fahrenheit": ("temperature", 1), "degf": ("temperature", 1),
    "°f": ("temperature", 1), "kelvin": ("temperature", 1),
}
_FAHRENHEIT = {"degree fahrenheit", "degf", "°f"}


def to_base(value: float | None, unit: str | None) -> tuple[str, float | None] | None:
    """(dimension, value in its base unit), or None for a unit the table lacks."""
    name = (unit or "dimensionless").strip().lower()
    if name in UNIT_TABLE:
        dim, factor = UNIT_TABLE[name]
    elif len(name) == 3 and name.isupper() is False and name.isalpha() and unit.isupper():
        dim, factor = f"money:{unit}", 1  # an ISO currency code
    else:
        return None
    if value is None:
        return dim, None
    if name in _FAHRENHEIT:
        return dim, (value - 32) * 5 / 9
    if name == "kelvin":
        return dim, value - 273.15
    return dim, value * factor


# --- the suites ---------------------------------------------------------------------------------

#: Recognizers-Text dimension units a news tool does not read (information, angles, cooking
#: measures, physics units), and currencies without a code claimframe could give.
_RT_OUT_UNITS = {"Bit": "information units", "Megabit": "information units", "Megabyte": "information units",
                 "Degree": "angles", "Turn": "angles", "Radian": "angles", "Tablespoon": "cooking measures",
                 "Teaspoon": "cooking measures", "Cup": "cooking measures", "Dram": "cooking measures",
                 "Meter per millisecond": "per-millisecond speeds",
                 "Centimeter per millisecond": "per-millisecond speeds",
                 "Kilometer per millisecond": "per-millisecond speeds", "Picometer": "sub-micron lengths",
                 "Microgram": "micrograms", "Decimeter": "decimetres", "Bitcoin": "crypto-currencies",
                 "Satoshi": "crypto-currencies"}
_RT_CURRENCY = {"Dollar": "USD", "Cent": "USD", "Pound": "GBP", "Pence": "GBP", "Penny": "GBP", "Euro": "EUR",
                "Franc": "FRF", "Rupee": "INR", "Sen": "JPY", "Finnish markka": "FIM", "Peseta": "ESP",
                "Netherlands guilder": "NLG"}
_RT_MINOR = {"Cent", "Pence", "Penny", "Sen"}
_RT_DIM_UNITS = {"Pound": "pound-mass", "Gallon": "gallon", "Ton": "ton", "Metric ton": "metric ton",
                 "Square meter": "square metre",
                 "Square kilometer": "square kilometre", "Cubic foot": "cubic foot",
                 "Kilometer per hour": "kilometre per hour", "Mile per hour": "mile per hour"}


_INDIAN = re.compile(r"lakh|crore")


def _number_out_of_scope(text: str, res: dict) -> str | None:
    t = text.lower()
    if re.match(r"[-−]\s", t) or re.search(r"\d\s+k$|\d\s*[mgb]$", t):
        return "spaced minus signs and single-letter scales (- 10 k, 2.33 k, 10M, 1.2b, 1,674.5 G)"
    if re.search(r"\d\s+(?:hundred|thousand)\s+(?:and\s+)?\w", t):
        return "digits and number words mixed (4 thousand 3 hundred and 21)"
    if res.get("subtype") == "power" or "^" in t or re.search(r"\d[eg]\b|\de[+-]?\d|\dx10", t):
        return "powers and scientific notation"
    if re.search(r"\b(?:over|out of|in)\b", t):
        return "fractions written 'x over y', 'x out of y', 'x in y'"
    if re.search(r"lakh|crore|\bmm\b|\bmil\b|\bbln\b|\btln\b|\bdoz|\bdzs\b", t):
        return "Indian scales and chat abbreviations (lakh, crore, MM, mil, bln, dzs)"
    if re.search(r"\d,\d{1,2}\b|\d\.\d{3},|\d,\d\d,\d", t):
        return "continental and Indian digit grouping (5,00; 1.111,11; 12,34,567)"
    if re.search(r"naught|nought", t):
        return "nought and naught"
    if re.search(r"(?:th|ths|fifths?|firsts?|eighths?|ninths|fourths?|thirtieth)\b", t) and not re.search(
            r"\b(?:half|halves|quarters?|thirds)\b", t):
        return "ordinal-word fractions (three fifths, a hundredth)"
    return None


def detokenise(s: str) -> str:
    """Undo the specs' tokenisation around numbers and signs: "$ 14 million , he said ." ->
    "$14 million, he said."; "u . s . $ 5" -> "u.s. $5"."""
    s = re.sub(r"(?<![A-Za-z])([$£€¥]) (?=\d)", r"\1", s)
    # "c $ 16.4" -> "C$16.4", "hk $ 10.05" -> "HK$10.05": the WSJ wrote these signs upper-case
    s = re.sub(r"\b(c|hk|nz|us|mex|a) \$(?=\d)", lambda m: (m.group(1).upper() if m.group(1) != "mex" else "Mex") + "$"
               if m.group(1) != "a" else "a $", s)
    s = re.sub(r"\b([A-Za-z]) \. (?=[A-Za-z] \.)", r"\1.", s)  # "u . s ." -> "u.s ."
    s = re.sub(r"\b([A-Za-z]) \.(?= |$)", r"\1.", s)
    s = re.sub(r" ([,;:%)]|\.(?= |$)|'s\b|n't\b)", r"\1", s)
    s = re.sub(r"\( ", "(", s)
    s = re.sub(r"(?<=\d) - (?=\d)", "-", s)
    return s


def _range_bounds(value: str) -> tuple[float | None, float | None]:
    lo, hi = value.strip("[]()").split(",")
    return (float(lo) if lo else None), (float(hi) if hi else None)


def load_suite(name: str) -> list[dict]:
    """The suite's cases: input (detokenised where the suite is tokenised) and expected items
    {start, end, text, dim, value, low, high, scope}; scope is None or why the item is out."""
    path, family = SUITES[name]
    raw = json.loads((SPECS / path).read_text(encoding="utf-8-sig"))
    cases = []
    for case in raw:
        if family == "q3":
            text = case["req"]
            results = [{"Text": r["surface"], "value": r["value"], "unit": r["unit"]} for r in case["res"]]
        else:
            text = case["Input"]
            results = case.get("Results", [])
        if family in ("currency", "dimension"):
            text = detokenise(text)
        expected, cursor = [], 0
        for r in results:
            etext = detokenise(r["Text"]) if family in ("currency", "dimension") else r["Text"]
            at = text.lower().find(etext.lower(), cursor)
            if at < 0:
                at = text.lower().find(etext.lower())
            if at < 0:
                continue  # the spec's text is not in its input (a handful of cases)
            cursor = at + len(etext)
            item = {"start": at, "end": at + len(etext), "text": etext, "scope": None,
                    "value": None, "low": None, "high": None, "dim": None}
            res = r.get("Resolution", {})
            if family == "number":
                item.update(dim=None, value=float(res["value"]), scope=_number_out_of_scope(etext, res))
            elif family == "range":
                item["low"], item["high"] = _range_bounds(res["value"])
            elif family == "percent":
                if re.match(r"(?:percents?|per cent) of", etext.lower()):
                    item["scope"] = "'percent of 10' word order (chat)"
                try:
                    item.update(dim="percent", value=float(res["value"].rstrip("%")))
                except ValueError:  # "null": a percent the spec gives no value
                    item["scope"] = "percents without a value in the spec"
            elif family == "currency":
                unit = res.get("unit", "")
                if _INDIAN.search(etext.lower()) or re.search(r"\d,\d\d,\d", etext):
                    item["scope"] = "Indian scales and grouping (lakh, crore, 12,34,567)"
                code = res.get("isoCurrency") or _RT_CURRENCY.get(unit)
                if unit in _RT_OUT_UNITS or not code:
                    item["scope"] = _RT_OUT_UNITS.get(unit, f"currency without a code ({unit})")
                if re.search(r"\d\s*m(?:usd|eur|gbp|aud)\b|\bm(?:usd|eur|gbp|aud)\b", etext.lower()):
                    item["scope"] = "finance abbreviations (MUSD, MEUR)"
                if re.search(r"\bsen\b|kuai|mao|ரூ", etext.lower()):
                    item["scope"] = "sen, kuai and mao, Tamil rupee sign"
                factor = 0.01 if unit in _RT_MINOR else 1
                if res.get("value") is None:
                    item["scope"] = "currency names without an amount"
                    amount = None
                else:
                    amount = float(res["value"]) * factor
                item.update(dim=f"money:{code}", value=amount)
            elif family == "dimension":
                unit = res.get("unit", "")
                if unit in _RT_OUT_UNITS:
                    item["scope"] = _RT_OUT_UNITS[unit]
                if _INDIAN.search(etext.lower()):
                    item["scope"] = "Indian scales and grouping (lakh, crore, 12,34,567)"
                if res.get("value") is None:
                    item["scope"] = "unit names without an amount"
                base = to_base(float(res["value"]) if res.get("value") is not None else None,
                               _RT_DIM_UNITS.get(unit, unit))
                if base is None:
                    item["scope"] = item["scope"] or f"unit {unit}"
                else:
                    item["dim"], item["value"] = base
            else:  # quantulum3
                base = to_base(float(r["value"]), r["unit"])
                if base is None:
                    item["scope"] = "physics and computing units (eV, femtobarn, byte, joule, ...)"
                else:
                    item["dim"], item["value"] = base
                if r["unit"] == "dimensionless":
                    if re.fullmatch(r"1[5-9]\d\d|20\d\d", etext):
                        item["scope"] = "bare years (claimframe reads them as dates)"
                    elif re.search(r"[×^]|\d/\d\d", etext):
                        item["scope"] = "scientific notation and fractions like 1/40"
                elif re.search(r"\^|\bcubed\b|\bsquared\b", etext):
                    item["scope"] = "units written km^2, km cubed"
            expected.append(item)
        cases.append({"input": text, "expected": expected})
    return cases


# --- the systems (each in its own interpreter) ---------------------------------------------------

def _worker_claimframe(texts: list[str]) -> list[list[dict]]:
    import warnings

    import claimframe
    from claimframe import lexicon
    from claimframe.extract import numbers
    from claimframe.schema import records

    warnings.simplefilter("ignore")
    # the value as the text states it: canonical / factor - offset ("30 years", not 10,957 days)
    factors = {spec[3]: spec[2] for spec in numbers.UNITS.values()}
    factors["fraction"] = 100.0
    offsets = getattr(lexicon, "UNIT_OFFSETS", {})

    def stated(value, unit_stated):
        if value is None:
            return None
        return value / factors.get(unit_stated, 1.0) - offsets.get(unit_stated, 0.0)

    def canonical(value, unit_stated):  # a stated conversion in the claim's canonical unit
        if value is None or unit_stated not in factors:
            return None
        return (value + offsets.get(unit_stated, 0.0)) * factors[unit_stated]

    out = []
    for text in texts:
        claims = claimframe.read_text(text).claims
        rows = []
        for c in records(claims):
            if c["kind"] == "date":
                continue
            rows.append({"start": c["start"], "end": c["end"], "kind": c["kind"], "hedge": c["hedge"],
                         "value": c["value"], "low": c["low"], "high": c["high"], "unit": c["unit"],
                         **{f"stated_{k}": stated(c[k], c["unit_stated"]) for k in ("value", "low", "high")},
                         "unit_stated": c["unit_stated"], "conversion": canonical(c.get("conversion_value"),
                                                                                  c.get("conversion_unit"))})
        out.append(rows)
    return out


def _worker_quantulum3(texts: list[str]) -> list[list[dict]]:
    import warnings

    from quantulum3 import parser

    warnings.simplefilter("ignore")
    out = []
    for text in texts:
        rows = []
        try:
            quantities = parser.parse(text)
        except Exception:  # quantulum3 raises on a few inputs; a raise is no output
            quantities = []
        for q in quantities:
            rows.append({"start": q.span[0], "end": q.span[1], "value": float(q.value), "unit": q.unit.name,
                         "entity": q.unit.entity.name})
        out.append(rows)
    return out


def _worker_recognizers(texts: list[str], family: str) -> list[list[dict]]:
    from recognizers_number import Culture, recognize_number, recognize_percentage
    from recognizers_number_with_unit import recognize_currency, recognize_dimension

    models = {"number": [recognize_number], "range": [], "percent": [recognize_percentage],
              "currency": [recognize_currency], "dimension": [recognize_dimension],
              "q3": [recognize_currency, recognize_dimension, recognize_percentage, recognize_number]}[family]
    out = []
    for text in texts:
        rows: list[dict] = []
        for model in models:
            try:
                results = model(text, Culture.English)
            except Exception:
                results = []
            for r in results:
                if any(r.start < x["end"] and x["start"] <= r.end for x in rows):
                    continue  # an earlier model read this text
                rows.append({"start": r.start, "end": r.end + 1, "resolution": r.resolution or {},
                             "type": r.type_name})
        out.append(rows)
    return out


def worker(system: str, family: str) -> None:
    texts = json.loads(sys.stdin.read())
    if system == "claimframe":
        result = _worker_claimframe(texts)
    elif system == "quantulum3":
        result = _worker_quantulum3(texts)
    else:
        result = _worker_recognizers(texts, family)
    sys.stdout.write(json.dumps(result))


def run_system(python: str, system: str, family: str, texts: list[str], lib: Path | None) -> list | None:
    env = dict(os.environ)
    if lib is not None:
        env["PYTHONPATH"] = str(lib)
    proc = subprocess.run([python, str(Path(__file__).resolve()), "--worker", system, "--family", family],
                          input=json.dumps(texts), capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        print(f"  ({system} failed: {proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else '?'})")
        return None
    return json.loads(proc.stdout)


# --- scoring -------------------------------------------------------------------------------------

_CF_UNITS = {"km": ("length", 1000), "km2": ("area", 1e6), "kg": ("mass", 1), "L": ("volume", 1),
             "day": ("time", 1), "percent": ("percent", 1), "percentage points": ("percent", 1),
             "km/h": ("speed", 1), "degC": ("temperature", 1)}
_RT_UNIT_NAMES = {**{k: v for k, v in _RT_DIM_UNITS.items()}}


def normalise(system: str, row: dict) -> dict:
    """A prediction as {start, end, dim, value, low, high} in base units."""
    out = {"start": row["start"], "end": row["end"], "dim": None, "value": None, "low": None, "high": None}
    if system.startswith("claimframe"):
        unit = row.get("unit")
        if row["kind"] == "money":
            dim, factor = f"money:{unit}", 1
        elif unit in _CF_UNITS:
            dim, factor = _CF_UNITS[unit]
        else:
            dim, factor = ("count", 1)
        out["dim"] = dim
        for k in ("value", "low", "high"):
            v = row.get(k)
            out[k] = None if v is None else v * factor
            out[f"stated_{k}"] = row.get(f"stated_{k}", v)
        conv = row.get("conversion")
        out["conversion"] = None if conv is None else conv * factor
        out["fraction"] = row.get("unit_stated") == "fraction"
        return out
    if system == "quantulum3":
        base = to_base(row["value"], row["unit"])
        if base is None:
            out["dim"], out["value"] = f"other:{row['unit']}", row["value"]
        else:
            out["dim"], out["value"] = base
        return out
    res, typ = row["resolution"], row["type"]
    try:
        value = float(str(res.get("value", "nan")).rstrip("%"))
    except ValueError:
        value = math.nan
    if typ == "currency":
        unit = res.get("unit", "")
        code = res.get("isoCurrency") or _RT_CURRENCY.get(unit, unit)
        out["dim"], out["value"] = f"money:{code}", value * (0.01 if unit in _RT_MINOR else 1)
    elif typ == "dimension":
        base = to_base(value, _RT_UNIT_NAMES.get(res.get("unit", ""), res.get("unit", "")))
        out["dim"], out["value"] = base if base else (f"other:{res.get('unit')}", value)
    elif typ == "percentage":
        out["dim"], out["value"] = "percent", value
    else:
        out["dim"], out["value"] = "count", value
    return out


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=2e-3, abs_tol=1e-9)


def matches(item: dict, pred: dict, family: str) -> bool:
    if family in ("number", "range"):  # no unit in these suites: the number as the text states it
        pred = {**pred, **{k: pred.get(f"stated_{k}", pred[k]) for k in ("value", "low", "high")}}
    if family == "range":
        lo, hi = item["low"], item["high"]
        if lo is not None and lo == hi:  # "equal to 20"
            return _close(pred["value"], lo)
        if lo is not None and hi is not None:
            return _close(pred["low"], lo) and _close(pred["high"], hi)
        # an open range is a bound: the claim must carry it as one ("more than 20": low 20)
        return _close(pred["low"], lo) if lo is not None else _close(pred["high"], hi)
    if item["dim"] == "count" and pred.get("fraction"):  # "two thirds": a share, stated 0.667
        return _close(pred["stated_value"], item["value"])
    if family != "number" and item["dim"] != pred["dim"]:
        return False
    if pred.get("conversion") is not None and _close(pred["conversion"], item["value"]):
        return True  # the stated conversion in "1,500,000 kilometres (930,000 mi)"
    value = pred["value"]
    if value is None and pred["low"] is not None and pred["high"] is not None and family != "q3":
        # a range over an expected single number ("8 to 10 feet" over "10 feet"): the bound it covers
        value = pred["high"] if item["end"] >= pred["end"] else pred["low"] if item["start"] <= pred["start"] else None
    if value is None and pred["low"] is not None and pred["high"] is not None and family == "q3":
        value = (pred["low"] + pred["high"]) / 2  # quantulum3's suite gives a range its middle
    return _close(value, item["value"])


_PHYSICAL = ("length", "mass", "volume", "area", "speed", "temperature", "other:")


def _in_family(pred: dict, family: str) -> bool:
    """Extras count only in the suite's own family: a percent is no extra currency."""
    dim = pred["dim"] or "count"
    if family == "currency":
        return dim.startswith("money:")
    if family == "percent":
        return dim == "percent"
    if family == "dimension":
        return dim.startswith(_PHYSICAL)
    return True


def score(cases: list[dict], predictions: list[list[dict]], system: str, family: str) -> dict:
    tally = {"found": 0, "wrong": 0, "missed": 0, "extra": 0, "scope": 0, "misses": []}
    for case, preds in zip(cases, predictions):
        preds = [normalise(system, p) for p in preds]
        used = set()
        for item in case["expected"]:
            over = [i for i, p in enumerate(preds) if p["start"] < item["end"] and item["start"] < p["end"]]
            used.update(over)
            if item["scope"]:
                tally["scope"] += 1
                continue
            good = [preds[i] for i in over if matches(item, preds[i], family)]
            if good:
                tally["found"] += 1
            else:
                tally["wrong" if over else "missed"] += 1
                tally["misses"].append((case["input"], item["text"], item, [preds[i] for i in over]))
        tally["extra"] += sum(1 for i in range(len(preds)) if i not in used and _in_family(preds[i], family))
    return tally


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--worker")
    ap.add_argument("--family")
    ap.add_argument("--baseline", type=Path, help="another checkout of claimframe to score beside this one")
    ap.add_argument("--rt-python", help="a Python with recognizers-text-suite installed (its own environment)")
    ap.add_argument("--no-quantulum3", action="store_true")
    ap.add_argument("--suite", action="append", help="only these suites (repeatable)")
    ap.add_argument("--misses", help="print this system's wrong values and misses")
    ap.add_argument("--corpora", type=Path, help=f"the shared corpora folder (default {CORPORA})")
    args = ap.parse_args(argv)
    global SPECS
    if args.corpora:
        SPECS = args.corpora / "peer-specs"
    if args.worker:
        worker(args.worker, args.family)
        return 0
    if not SPECS.is_dir():
        print(f"peer suites not found at {SPECS} (../shared/corpora/peer-specs): nothing to score.")
        return 0
    systems: list[tuple[str, str, Path | None]] = [("claimframe", sys.executable, ROOT / "lib")]
    if args.baseline:
        systems.insert(0, ("claimframe@baseline", sys.executable, args.baseline / "lib"))
    if not args.no_quantulum3:
        probe = subprocess.run([sys.executable, "-c", "import quantulum3"], capture_output=True)
        if probe.returncode == 0:
            systems.append(("quantulum3", sys.executable, None))
        else:
            print("quantulum3 is not installed here: its column is left out.")
    if args.rt_python:
        systems.append(("recognizers-text", args.rt_python, None))
    else:
        print("Recognizers-Text: pass --rt-python (a Python with recognizers-text-suite) for its column.")
    print("found = right value over the expected text; wrong = a claim over it with another value;")
    print("missed = nothing over it; extra = claims over no expected item. Tokenised specs detokenised.\n")
    header = f"{'suite':<18}{'in scope':>9}  " + "  ".join(f"{name[:22]:>24}" for name, _, _ in systems)
    print(header)
    print(f"{'':<29}" + "  ".join(f"{'found/wrong/missed/extra':>24}" for _ in systems))
    scopes: dict[str, dict[str, int]] = {}
    for suite in args.suite or SUITES:
        family = SUITES[suite][1]
        cases = load_suite(suite)
        texts = [c["input"] for c in cases]
        cells = []
        in_scope = sum(1 for c in cases for i in c["expected"] if not i["scope"])
        for name, python, lib in systems:
            preds = run_system(python, name.split("@")[0], family, texts, lib)
            if preds is None or (name == "recognizers-text" and family == "range"):
                cells.append(f"{'n/a':>24}")
                continue
            t = score(cases, preds, name, family)
            cells.append(f"{t['found']:>6}/{t['wrong']:>4}/{t['missed']:>4}/{t['extra']:>5}    ")
            if args.misses == name:
                for text, etext, item, over in t["misses"]:
                    got = [(p["dim"], p["value"], p["low"], p["high"]) for p in over]
                    print(f"  [{suite}] {etext!r} want {item['dim']} {item['value'] or (item['low'], item['high'])}"
                          f" got {got}  | {text[:100]!r}")
        for c in cases:
            for i in c["expected"]:
                if i["scope"]:
                    scopes.setdefault(suite, {}).setdefault(i["scope"], 0)
                    scopes[suite][i["scope"]] += 1
        print(f"{suite:<18}{in_scope:>9}  " + "  ".join(cells))
    print("\nOut of scope (expected items not scored):")
    for suite, families in scopes.items():
        for family, n in sorted(families.items(), key=lambda kv: -kv[1]):
            print(f"  {suite}: {n:>3}  {family}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
