"""Fixtures for the JupyterLab end-to-end tests: one server and one browser for the session, and
each notebook opened and run once (the generic check and the interactions share that page).

Both are always torn down, also when a test fails. Nothing is skipped when Chromium or the server
cannot start: the tests fail and say what to install.

The suite is collected only when tests/e2e (or a file in it) is named on the command line
(``pytest tests/e2e``, ``make e2e``, ``make test``): ``pytest``, ``pytest tests`` and ``make unit``
stay browser-free.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from .lab import ARTIFACTS, E2EError, LabServer, NotebookPage, launch_chromium

E2E_DIR = Path(__file__).resolve().parent


def _named(config) -> bool:
    """Whether a command-line argument points at tests/e2e or inside it."""
    here = Path(config.invocation_params.dir)
    for arg in config.args:
        path = (here / str(arg).split("::")[0]).resolve()
        if path == E2E_DIR or E2E_DIR in path.parents:
            return True
    return False


def pytest_ignore_collect(collection_path, config):
    if not _named(config):
        return True
    return None


@pytest.fixture(scope="session")
def e2e_data(tmp_path_factory) -> Path:
    """A data folder for the session: data/'s files and articles linked (nothing copied, nothing
    written to data/), in which a test may add an article with `claimframe add`."""
    from .lab import ROOT

    folder = tmp_path_factory.mktemp("data")
    for entry in (ROOT / "data").iterdir():
        if entry.name != "articles":
            (folder / entry.name).symlink_to(entry)
    (folder / "articles").mkdir()
    for article in (ROOT / "data" / "articles").iterdir():
        (folder / "articles" / article.name).symlink_to(article)
    return folder


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory, e2e_data):
    server = LabServer(tmp_path_factory.mktemp("jupyter-home"), data_dir=e2e_data)
    problem = None
    try:
        server.start()
    except E2EError as exc:
        server.stop()
        problem = str(exc)
    if problem:
        pytest.fail(problem, pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - requirements.txt installs it
        sync_playwright = None
    if sync_playwright is None:
        pytest.fail("Playwright for Python is not installed: `.venv/bin/pip install -r requirements.txt`",
                    pytrace=False)
    pw = sync_playwright().start()
    problem = None
    try:
        chromium = launch_chromium(pw)
    except E2EError as exc:
        pw.stop()
        problem = str(exc)
    if problem:
        pytest.fail(problem, pytrace=False)
    try:
        yield chromium
    finally:
        try:
            chromium.close()
        finally:
            pw.stop()


TIMINGS: dict[str, tuple[float, float]] = {}  # notebook -> (seconds to open, seconds to Run All)


def pytest_terminal_summary(terminalreporter):
    if TIMINGS:
        terminalreporter.write_sep("-", "JupyterLab e2e: seconds to open / to Run All")
        for name, (opened, ran) in TIMINGS.items():
            terminalreporter.write_line(f"{name}: {opened:5.1f} / {ran:5.1f}")
        terminalreporter.write_line(f"screenshots: {ARTIFACTS}")


class RunNotebooks:
    """Opens and runs each notebook once; later requests get the same page (or the same error)."""

    def __init__(self, server: LabServer, browser):
        self.server, self.browser = server, browser
        self.pages: dict[str, NotebookPage] = {}
        self.failures: dict[str, BaseException] = {}

    def __call__(self, name: str) -> NotebookPage:
        if name in self.failures:
            raise self.failures[name]
        if name not in self.pages:
            nb = NotebookPage(self.server, self.browser, name)
            self.pages[name] = nb
            try:
                t0 = time.monotonic()
                nb.open()
                nb.opened_s = time.monotonic() - t0
                nb.run_all()
                nb.ran_s = time.monotonic() - t0 - nb.opened_s
                TIMINGS[name] = (nb.opened_s, nb.ran_s)
            except BaseException as exc:
                self.failures[name] = exc
                if nb.page is not None:  # what the page looked like when it gave up
                    try:
                        nb.screenshot(ARTIFACTS / f"{Path(name).stem}.failed.png", full=False)
                    except Exception:
                        pass
                raise
        return self.pages[name]

    def close(self) -> None:
        for nb in self.pages.values():
            nb.close()
        self.server.shutdown_kernels()


@pytest.fixture(scope="session")
def run_notebook(browser, lab_server):  # the browser first: without Chromium, fail at once
    runner = RunNotebooks(lab_server, browser)
    try:
        yield runner
    finally:
        runner.close()
