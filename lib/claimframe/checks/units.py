"""Stated conversions: "13 kilometers (8 miles)" holds within the rounding of both numbers."""
from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from claimframe.checks.common import _f, _overlap, _quote, _s, fmt, fmt_interval
from claimframe.checks.registry import Row, check

if TYPE_CHECKING:

    from claimframe.checks.registry import CheckInputs


#: A conversion off by more than rounding but at most this (relative) is a warning.
CONVERSION_WARN = 0.10


_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")


def rounding_half_width(number_text: str | None, value: float) -> float:
    """Half the rounding step a written number implies: '13' 0.5, '50' 5, '8.5' 0.05, '190' 5."""
    if number_text:
        s = number_text.replace(",", "")
        if "." in s:
            return 0.5 * 10 ** -len(s.split(".")[1])
        stripped = s.rstrip("0")
        zeros = len(s) - len(stripped) if stripped else 0
        return 0.5 * 10 ** zeros
    s = f"{abs(value):.0f}"
    return 0.5 * 10 ** (len(s) - len(s.rstrip("0"))) if value and float(value).is_integer() else 0.5


def _unit_factors() -> dict[str, tuple[str, float, float]]:
    """stated unit -> (canonical unit, factor, offset): canonical = (stated + offset) x factor."""
    from claimframe.extract.numbers import STATED_UNITS

    return STATED_UNITS


@check("claims")
def check_unit_conversions(inputs: "CheckInputs") -> list[Row]:
    """A conversion stated in parentheses holds within the rounding of both numbers."""
    rows = []
    factors = _unit_factors()
    for c in inputs.records("claims"):
        conv, unit_c, unit_s = _f(c.get("conversion_value")), _s(c.get("conversion_unit")), _s(c.get("unit_stated"))
        value = _f(c.get("value"))
        if conv is None or value is None or not unit_c or not unit_s:
            continue
        if unit_s not in factors or unit_c not in factors or factors[unit_s][0] != factors[unit_c][0]:
            rows.append({"kind": "unit_conversion", "status": "info", "claim_ids": [c["claim_id"]],
                         "message": f"{_quote(c['text'])} states a conversion between units claimframe "
                                    "cannot compare.",
                         "detail": f"stated unit {unit_s!r}, conversion unit {unit_c!r}"})
            continue
        canon, f_s, o_s = factors[unit_s]
        _, f_c, o_c = factors[unit_c]
        text = str(c["text"])
        paren = text.find("(")
        main_nums = _DIGITS.findall(text[:paren] if paren >= 0 else text)
        conv_nums = _DIGITS.findall(text[paren:]) if paren >= 0 else []
        v_s = value / f_s - o_s  # the value in the stated unit
        h_s = rounding_half_width(main_nums[0] if main_nums else None, v_s)
        h_c = rounding_half_width(conv_nums[-1] if conv_nums else None, conv)
        stated = ((v_s - h_s + o_s) * f_s, (v_s + h_s + o_s) * f_s)
        converted = ((conv - h_c + o_c) * f_c, (conv + h_c + o_c) * f_c)
        conv_in_stated = (conv + o_c) * f_c / f_s - o_s
        gap = abs((conv + o_c) * f_c - value) / abs(value) if value else math.inf
        if _overlap(stated, converted):
            status = "ok"
            message = (f"{_quote(text)}: {fmt(conv)} {unit_c} is {conv_in_stated:.2f} {unit_s}, which agrees "
                       f"with {fmt(v_s)} {unit_s} within rounding.")
        else:
            status = "warn" if gap <= CONVERSION_WARN else "fail"
            message = (f"{_quote(text)}: {fmt(conv)} {unit_c} is {conv_in_stated:.2f} {unit_s}, not "
                       f"{fmt(v_s)} {unit_s}; the conversion is off by {gap:.0%}.")
        detail = (f"{fmt(v_s)} {unit_s} stands for {fmt_interval((v_s - h_s, v_s + h_s), unit_s)} "
                  f"(rounded to ±{h_s:g}); {fmt(conv)} {unit_c} for "
                  f"{fmt_interval((conv - h_c, conv + h_c), unit_c)} (±{h_c:g}) = "
                  f"{converted[0]:.2f}–{converted[1]:.2f} {canon}; factor 1 {unit_c} = {f_c:g} {canon} "
                  f"(claimframe.lexicon.UNITS)")
        rows.append({"kind": "unit_conversion", "status": status, "claim_ids": [c["claim_id"]],
                     "message": message, "detail": detail})
    return rows
