"""The notebooks on any article, in JupyterLab: pick another article and every view follows; add a
saved web page with the command line and open it; save, close and reopen a notebook and see its
widgets; the review form starts empty.

Each test opens its own page (the interactions in test_notebooks.py keep theirs on the seed).
Screenshots go to artifacts/e2e/ (see README.md there): look at them.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .lab import ARTIFACTS, NOTEBOOKS, ROOT, WRITABLE, NotebookPage

NOTEBOOK_NAMES = [p.relative_to(ROOT).as_posix() for p in sorted(NOTEBOOKS.glob("*.ipynb"))]
SEED = "iraq-shiite-militias-2016"
OTHER = "wildfire-evacuations-2021"
#: Words only the seed article has: none may be left on the page once another article is picked.
SEED_WORDS = ("Mosul", "Shiite", "Breitbart", "Iraq", SEED)
PAGE = ROOT / "tests" / "fixtures" / "pages" / "courier-flood.html"

#: The text of every output of the notebook, without the options of <select> lists (the article
#: dropdown names every article) and without widget labels' option buttons listed in ``skip``.
_OUTPUT_TEXT_JS = """([id, skip]) => {
  const root = document.querySelector('#' + id + ' .jp-Notebook');
  const texts = [];
  for (const area of root.querySelectorAll('.jp-Cell-outputArea')) {
    const copy = area.cloneNode(true);
    copy.querySelectorAll('select, option, style').forEach(n => n.remove());
    copy.querySelectorAll('button').forEach(b => { if (skip.includes(b.textContent.trim())) b.remove(); });
    texts.push(copy.textContent);
  }
  return texts.join('\\n');
}"""
_HEADINGS_JS = """(id) => [...document.querySelectorAll('#' + id + ' .claimframe-article')]
  .map(n => n.getAttribute('data-slug'))"""


def _stem(name: str) -> str:
    return Path(name).stem


def open_and_run(lab_server, browser, name: str) -> NotebookPage:
    nb = NotebookPage(lab_server, browser, name).open()
    nb.run_all()
    problems = nb.output_problems() + nb.widget_problems() + nb.console_errors
    assert not problems, f"{name}: {problems}"
    return nb


def wait_idle(nb: NotebookPage, timeout_ms: int = 60_000) -> None:
    nb.page.wait_for_function(
        "() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle'",
        timeout=timeout_ms, polling=200)


def pick(nb: NotebookPage, slug: str) -> None:
    """Choose ``slug`` in the article dropdown at the top, as a user does, and wait until every
    view has been replaced (the heading shows it and the kernel is idle again)."""
    select = nb.page.locator(f"#{nb.panel_id} .widget-dropdown",
                             has=nb.page.locator("label.widget-label", has_text=re.compile(r"^\s*article\s*$")))
    select = select.first.locator("select")
    select.scroll_into_view_if_needed()
    select.select_option(label=slug)
    nb.page.wait_for_function(f"""(id) => {{
        const slugs = [...document.querySelectorAll('#' + id + ' .claimframe-article')]
          .map(n => n.getAttribute('data-slug'));
        return slugs.length > 0 && slugs.every(s => s === {slug!r});
      }}""", arg=nb.panel_id, timeout=60_000, polling=200)
    wait_idle(nb)
    nb.page.wait_for_timeout(500)  # the last display updates reach the page after the idle message
    wait_idle(nb)


@pytest.mark.parametrize("name", NOTEBOOK_NAMES, ids=[_stem(n) for n in NOTEBOOK_NAMES])
def test_picking_another_article_changes_every_view(lab_server, browser, name):
    nb = open_and_run(lab_server, browser, name)
    try:
        assert nb.page.evaluate(_HEADINGS_JS, nb.panel_id) == [SEED]
        nb.screenshot(ARTIFACTS / f"{_stem(name)}.seed.png")
        before = nb.page.evaluate(_OUTPUT_TEXT_JS, [nb.panel_id, []])
        assert "Shiite" in before or "Mosul" in before or "Iraq" in before, "the seed's words are not on the page"
        pick(nb, OTHER)
        nb.screenshot(ARTIFACTS / f"{_stem(name)}.{OTHER}.png")
        text = nb.page.evaluate(_OUTPUT_TEXT_JS, [nb.panel_id, []])
        left = [w for w in SEED_WORDS if w in text]
        assert not left, f"{name}: after picking {OTHER}, the page still shows {left}"
        assert nb.page.evaluate(_HEADINGS_JS, nb.panel_id) == [OTHER]
        assert "Wildfire forces thousands to flee Sierra foothill town" in text, text[:500]
        errors = [e for e in nb.snapshot()["errors"]]
        assert not errors and not nb.console_errors, errors + nb.console_errors
    finally:
        nb.close()
        lab_server.shutdown_kernels()


def test_a_page_added_with_the_command_line_opens_in_the_notebooks(lab_server, browser, e2e_data):
    slug = "e2e-courier-flood"
    env = {**os.environ, "CLAIMFRAME_DATA": str(e2e_data), "PYTHONPATH": str(ROOT / "lib")}
    added = subprocess.run([sys.executable, "-m", "claimframe", "add", str(PAGE), "--slug", slug],
                           capture_output=True, text=True, env=env, cwd=ROOT)
    assert added.returncode == 0, added.stderr
    assert "published: 2023-04-12" in added.stdout and "outlet: Valley Courier" in added.stdout
    try:
        for name in NOTEBOOK_NAMES:  # each notebook on the page added
            nb = open_and_run(lab_server, browser, name)
            try:
                pick(nb, slug)
                nb.screenshot(ARTIFACTS / f"{_stem(name)}.{slug}.png")
                text = nb.page.evaluate(_OUTPUT_TEXT_JS, [nb.panel_id, []])
                assert "Flood waters force 2,300 from homes in river town" in text
                assert "Valley Courier" in text and "2023-04-12" in text
                if name.endswith("01-article.ipynb"):
                    # the text, and nothing of the page around it (navigation, comments, related links)
                    assert "The river crested at 21.3 feet" in text and "$12,000,000" in text
                    assert "Related stories" not in text and "basement" not in text
                left = [w for w in SEED_WORDS if w in text]
                assert not left, f"{name}: {left}"
            finally:
                nb.close()
                lab_server.shutdown_kernels()
    finally:
        shutil.rmtree(e2e_data / "articles" / slug, ignore_errors=True)


def test_a_saved_notebook_shows_its_widgets_when_reopened(lab_server, browser):
    """Run, save (widget state with it), close, shut the kernel down, reopen: the widgets render
    from the saved state: no "Loading widget...", no "model not found"."""
    WRITABLE.mkdir(parents=True, exist_ok=True)
    copy = WRITABLE / "04-claims.ipynb"
    shutil.copy(NOTEBOOKS / "04-claims.ipynb", copy)
    name = copy.relative_to(ROOT).as_posix()
    nb = open_and_run(lab_server, browser, name)
    try:
        before = nb.widget_cells()
        nb.page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
        nb.page.wait_for_function("() => !window.jupyterapp.shell.currentWidget.context.model.dirty",
                                  timeout=30_000, polling=200)
    finally:
        nb.close()
        lab_server.shutdown_kernels()
    assert '"application/vnd.jupyter.widget-state+json"' in copy.read_text(encoding="utf-8")
    again = NotebookPage(lab_server, browser, name).open()
    try:
        again.wait_for_widgets()
        again.state = again.snapshot()
        assert again.widget_cells() == before
        problems = again.widget_problems() + again.console_errors
        again.screenshot(ARTIFACTS / "04-claims.reopened.png")
        assert not problems, problems
    finally:
        again.close()
        lab_server.shutdown_kernels()


def test_the_review_form_starts_empty(lab_server, browser):
    nb = open_and_run(lab_server, browser, "notebooks/04-claims.ipynb")
    try:
        cell = nb.find_widget_cell("verdict")
        form = nb.widget_view(cell)
        form.scroll_into_view_if_needed()
        nb.screenshot(ARTIFACTS / "04-claims.review-form.png", element=form)
        verdicts = form.locator(".widget-toggle-buttons button")
        assert verdicts.count() == 3
        assert form.locator(".widget-toggle-buttons button.mod-active").count() == 0, "a verdict is preselected"
        assert form.locator("textarea").input_value() == ""
        assert form.locator("input[type=text]").first.input_value() == ""
        assert form.locator("button", has_text="save verdict").is_disabled()
    finally:
        nb.close()
        lab_server.shutdown_kernels()
