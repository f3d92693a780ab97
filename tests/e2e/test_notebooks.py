"""Every notebook in JupyterLab in a real browser: Run All, then look at the page as a user would.

nbval re-runs cells in a kernel but renders nothing; these tests catch what only the page shows:
a widget that does not render ("Error displaying widget: model not found"), a chart that does not
redraw, a table that does not follow the controls, errors in the browser console.

Run with ``make e2e`` (see tests/e2e/README.md). Screenshots go to artifacts/e2e/.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .lab import ARTIFACTS, NOTEBOOKS, ROOT

NOTEBOOK_PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
NOTEBOOK_NAMES = [p.relative_to(ROOT).as_posix() for p in NOTEBOOK_PATHS]


def _require(name: str) -> str:
    """An interaction's notebook must exist: renaming it without updating the test fails, loudly."""
    assert (ROOT / name).exists(), f"{name} is gone: update tests/e2e/test_notebooks.py"
    return name


def _stem(name: str) -> str:
    return Path(name).stem


def _report(nb, problems: list[str], shot: Path) -> str:
    return (f"{nb.name} in JupyterLab (opened in {nb.opened_s:.0f} s, ran in {nb.ran_s:.0f} s; "
            f"screenshot {shot.relative_to(ROOT) if shot.is_relative_to(ROOT) else shot}):\n  - "
            + "\n  - ".join(problems))


# ----------------------------------------------------------------------------------------------
# Every notebook
# ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", NOTEBOOK_NAMES, ids=[_stem(n) for n in NOTEBOOK_NAMES])
def test_notebook_runs_clean_in_jupyterlab(run_notebook, name):
    """Run All: every code cell runs, no error or stderr output, every widget renders and its
    controls can be seen, the browser console has no errors."""
    nb = run_notebook(name)
    problems = ([f"not run: {c}" for c in nb.unrun_cells()] + nb.output_problems()
                + nb.widget_problems() + nb.console_errors)
    shot = nb.screenshot(ARTIFACTS / f"{_stem(name)}.png")
    for i in nb.widget_cells():
        view = nb.widget_view(i)
        if view.count():
            nb.screenshot(ARTIFACTS / f"{_stem(name)}.widget-cell{i}.png", element=view)
    assert not problems, _report(nb, problems, shot)


# ----------------------------------------------------------------------------------------------
# Helpers for the interactions
# ----------------------------------------------------------------------------------------------

_TABLE_JS = """(root) => {
  const t = root.querySelector('table');
  if (!t) return null;
  const heads = [...t.querySelectorAll('thead tr:last-child th')].map(th => th.textContent.trim());
  const rows = [...t.querySelectorAll('tbody tr')].map(
    tr => [...tr.children].map(td => td.textContent.trim()));
  return rows.map(r => Object.fromEntries(heads.map((h, i) => [h, r[i]])));
}"""


def table_rows(locator) -> list[dict] | None:
    """The first HTML table under ``locator`` as a list of {column header: cell text}."""
    return locator.evaluate(_TABLE_JS)


def image_src(locator) -> str:
    img = locator.locator("img").first
    img.wait_for(state="visible")
    assert img.evaluate("i => i.complete && i.naturalWidth > 0"), "the chart image did not load"
    return img.get_attribute("src")


def control(view, label: str, kind: str = ""):
    """The control (``.widget-inline-hbox``) in ``view`` whose description is ``label``."""
    page = view.page
    return view.locator(f".widget-inline-hbox{kind}",
                        has=page.locator("label.widget-label", has_text=re.compile(rf"^\s*{re.escape(label)}\s*$")))


def explorer(nb, label: str):
    """The explorer widget holding the control labelled ``label``: the nearest VBox around it that
    has a table and a chart (so it is found also when nested in an Output, as by the article
    picker)."""
    view = nb.widget_view(nb.find_widget_cell(label))
    root = control(view, label).first.locator(
        "xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' widget-vbox ')]"
        "[.//table and .//img][1]")
    assert root.count() == 1, f"{nb.name}: no box with a table and a chart around the {label!r} control"
    root.scroll_into_view_if_needed()
    return root


def option_starting(select, prefix: str):
    """The <option> whose text starts with ``prefix`` (option labels may carry counts: 'count (6)')."""
    texts = [t.replace("\xa0", " ") for t in select.locator("option").all_inner_texts()]
    matches = [k for k, t in enumerate(texts) if t.startswith(prefix)]
    assert matches, f"no option starting with {prefix!r} in {texts}"
    return select.locator("option").nth(matches[0]), texts[matches[0]]


def wait_until_changes(get, before, *, page, timeout_ms: int = 15_000):
    """Poll ``get()`` until it gives something other than ``before`` (and not None: an Output
    being cleared); return it."""
    for _ in range(timeout_ms // 100):
        now = get()
        if now is not None and now != before:
            return now
        page.wait_for_timeout(100)
    raise AssertionError(f"nothing changed within {timeout_ms / 1000:.0f} s (still {str(before)[:200]})")


# ----------------------------------------------------------------------------------------------
# 04 · the claims explorer: choose a kind, the table and the chart follow
# ----------------------------------------------------------------------------------------------

CLAIMS = "notebooks/04-claims.ipynb"


def test_claims_explorer_kind_filters_table_and_chart(run_notebook):
    nb = run_notebook(_require(CLAIMS))
    page = nb.page
    errors_before = len(nb.console_errors)
    view = explorer(nb, "kind")
    status = view.get_by_text(re.compile(r"^\d+ of \d+ claims$"))
    chart = table = view  # the first image and the first table in it

    total = int(status.inner_text().split(" of ")[1].split()[0])
    assert status.inner_text() == f"{total} of {total} claims"
    rows = table_rows(table)
    assert rows is not None and len(rows) == total, f"the table shows {rows and len(rows)} rows, not {total}"
    chart_before = image_src(chart)
    nb.screenshot(ARTIFACTS / "04-claims.explorer-0-all.png", element=view)

    # one kind: click it, as a user does in the list
    kinds = control(view, "kind", ".widget-select-multiple").locator("select")
    option, text = option_starting(kinds, "distance")
    n_distance = int(re.search(r"\((\d+)\)$", text).group(1))
    option.click()
    status_text = wait_until_changes(lambda: status.inner_text(), f"{total} of {total} claims", page=page)
    assert status_text == f"{n_distance} of {total} claims"
    rows = wait_until_changes(lambda: table_rows(table), rows, page=page)
    assert len(rows) == n_distance and {r["kind"] for r in rows} == {"distance"}, rows
    chart_distance = wait_until_changes(lambda: image_src(chart), chart_before, page=page)
    nb.screenshot(ARTIFACTS / "04-claims.explorer-1-distance.png", element=view)

    # add a second kind with ctrl-click: both in the table, the chart moves to the larger measure
    option, text = option_starting(kinds, "count")
    n_count = int(re.search(r"\((\d+)\)$", text).group(1))
    option.click(modifiers=["Control"])
    status_text = wait_until_changes(lambda: status.inner_text(), f"{n_distance} of {total} claims", page=page)
    assert status_text == f"{n_distance + n_count} of {total} claims"
    rows = wait_until_changes(lambda: table_rows(table), rows, page=page)
    assert len(rows) == n_distance + n_count and {r["kind"] for r in rows} == {"distance", "count"}
    wait_until_changes(lambda: image_src(chart), chart_distance, page=page)
    nb.screenshot(ARTIFACTS / "04-claims.explorer-2-distance-count.png", element=view)

    assert nb.console_errors[errors_before:] == []


# ----------------------------------------------------------------------------------------------
# 02 · the timeline: drag the start of the date range, the events table shrinks
# ----------------------------------------------------------------------------------------------

TIMELINE = "notebooks/02-timeline.ipynb"
_MONTHS = {m: i for i, m in enumerate(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                                       "Oct", "Nov", "Dec"], start=1)}


def _readout_start(text: str) -> str:
    """'9 Nov 2016-10 Jul 2017' (the range slider's readout: it moves by days) -> '2016-11-09'."""
    day, month, year = text.split("-")[0].split()
    return f"{int(year):04d}-{_MONTHS[month]:02d}-{int(day):02d}"


def drag_handle(page, slider, handle: str, fraction: float) -> None:
    """Drag a range slider's handle ('lower' or 'upper') to ``fraction`` of the track, with the
    mouse, as a user does (the widget updates on release: continuous_update=False)."""
    knob = slider.locator(f".noUi-handle-{handle}")
    track = slider.locator(".noUi-base").bounding_box()
    box = knob.bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] / 2, y)
    page.mouse.down()
    target = track["x"] + track["width"] * fraction
    page.mouse.move(target, y, steps=12)
    page.mouse.up()


def test_timeline_date_slider_shrinks_the_event_table(run_notebook):
    nb = run_notebook(_require(TIMELINE))
    page = nb.page
    errors_before = len(nb.console_errors)
    view = explorer(nb, "Dates")
    slider = control(view, "Dates", ".widget-slider")
    readout = slider.locator(".widget-readout")
    status = view.get_by_text(re.compile(r"^Showing \d+ of \d+ events\.$"))
    chart = table = view  # the first image and the first table in it

    before = status.inner_text()
    shown, total = map(int, re.findall(r"\d+", before))
    rows = table_rows(table)
    assert len(rows) == shown, f"{before!r} but the table has {len(rows)} rows"
    chart_before = image_src(chart)
    range_before = readout.inner_text()
    nb.screenshot(ARTIFACTS / "02-timeline.explorer-0-all.png", element=view)

    slider.scroll_into_view_if_needed()
    drag_handle(page, slider, "lower", 0.55)
    range_after = wait_until_changes(lambda: readout.inner_text(), range_before, page=page)
    after = wait_until_changes(lambda: status.inner_text(), before, page=page)
    n_after = int(re.findall(r"\d+", after)[0])
    assert 0 < n_after < shown, f"moving the start from {range_before!r} to {range_after!r}: {after!r}"
    rows_after = wait_until_changes(lambda: table_rows(table), rows, page=page)
    assert len(rows_after) == n_after, f"{after!r} but the table has {len(rows_after)} rows"
    start = _readout_start(range_after)
    early = [r for r in rows_after if (r.get("date_end") or r["date"]) < start]
    assert not early, f"range starts {start} ({range_after!r}), yet the table keeps {early}"
    wait_until_changes(lambda: image_src(chart), chart_before, page=page)
    nb.screenshot(ARTIFACTS / "02-timeline.explorer-1-later-start.png", element=view)

    assert nb.console_errors[errors_before:] == []


# ----------------------------------------------------------------------------------------------
# 03 · the map: highlight one relative position, then another; its numbers follow
# ----------------------------------------------------------------------------------------------

MAP = "notebooks/03-map.ipynb"


def test_map_relation_dropdown_changes_the_numbers(run_notebook):
    nb = run_notebook(_require(MAP))
    page = nb.page
    errors_before = len(nb.console_errors)
    view = explorer(nb, "highlight")
    chart = table = view  # the map image and the relation numbers
    select = control(view, "highlight", ".widget-dropdown").locator("select")
    labels = [t.replace("\xa0", " ") for t in select.locator("option").all_inner_texts()]
    assert len(labels) >= 3, f"the highlight dropdown needs at least two relations to compare: {labels}"

    rows_all = table_rows(table)
    map_before = image_src(chart)
    nb.screenshot(ARTIFACTS / "03-map.explorer-0-none.png", element=view)

    seen = []
    previous_rows, previous_map = rows_all, map_before
    for k in (1, 2):
        select.select_option(index=k)  # a native <select>: what a user's pick does
        rows = wait_until_changes(lambda: table_rows(table), previous_rows, page=page)
        ids = {r["relation_id"] for r in rows}
        assert len(ids) == 1, f"picking {labels[k]!r} should show one relation's numbers, got {ids}"
        numbers = {r["quantity"]: (r["stated"], r["gazetteer"], r["error"]) for r in rows}
        assert "distance" in numbers, rows
        seen.append((ids.pop(), numbers))
        previous_map = wait_until_changes(lambda: image_src(chart), previous_map, page=page)
        previous_rows = rows
        nb.screenshot(ARTIFACTS / f"03-map.explorer-{k}-relation.png", element=view)

    (id1, numbers1), (id2, numbers2) = seen
    assert id1 != id2
    assert numbers1 != numbers2, f"{labels[1]!r} and {labels[2]!r} show the same numbers {numbers1}"
    assert nb.console_errors[errors_before:] == []


# ----------------------------------------------------------------------------------------------
# The suite checks itself: a notebook with a broken widget, an error and stderr must fail it
# ----------------------------------------------------------------------------------------------

SELFTEST = ARTIFACTS / "selftest" / "broken-widget.ipynb"
_BROKEN_CELLS = [
    # a widget whose front-end module does not exist: what a missing or mismatched lab extension
    # (ipympl, say) looks like in the page
    'import ipywidgets as w\nfrom traitlets import Unicode\n\n'
    'class Missing(w.DOMWidget):\n'
    '    _model_name = Unicode("MissingModel").tag(sync=True)\n'
    '    _model_module = Unicode("claimframe-e2e-no-such-module").tag(sync=True)\n'
    '    _model_module_version = Unicode("0.0.1").tag(sync=True)\n'
    '    _view_name = Unicode("MissingView").tag(sync=True)\n'
    '    _view_module = Unicode("claimframe-e2e-no-such-module").tag(sync=True)\n'
    '    _view_module_version = Unicode("0.0.1").tag(sync=True)\n\n'
    'Missing()',
    'w.IntSlider(description="fine")',
    # a dropdown that shows a blank box (value=None means "no selection" in ipywidgets 8)
    'w.Dropdown(options=[("all", None), ("one", 1)], value=None, description="blank")',
    'import sys\nprint("a warning on stderr", file=sys.stderr)',
    '1 / 0',
    'never_run = True',
]


def _write_selftest() -> str:
    cells = [{"cell_type": "code", "execution_count": None, "id": f"c{i}", "metadata": {},
              "outputs": [], "source": src} for i, src in enumerate(_BROKEN_CELLS)]
    nb = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3 (ipykernel)",
                                                      "language": "python", "name": "python3"}},
          "nbformat": 4, "nbformat_minor": 5}
    SELFTEST.parent.mkdir(parents=True, exist_ok=True)
    SELFTEST.write_text(json.dumps(nb, indent=1))
    return SELFTEST.relative_to(ROOT).as_posix()


def test_the_checks_catch_a_broken_notebook(run_notebook):
    nb = run_notebook(_write_selftest())
    nb.screenshot(ARTIFACTS / "selftest.png", full=False)
    widgets = nb.widget_problems()
    assert any(p.startswith("cell 0 output 0: the widget failed to load") for p in widgets), widgets
    assert not any("cell 1" in p for p in widgets), widgets  # the IntSlider rendered
    outputs = nb.output_problems()
    assert any("ZeroDivisionError" in p for p in outputs), outputs
    assert any("stderr: a warning on stderr" in p for p in outputs), outputs
    assert any(p.startswith("cell 2 output 0: dropdown 'blank' shows no choice") for p in widgets), widgets
    assert [u for u in nb.unrun_cells() if u.startswith("cell 5")], nb.unrun_cells()
    assert any("claimframe-e2e-no-such-module" in e for e in nb.console_errors), nb.console_errors
