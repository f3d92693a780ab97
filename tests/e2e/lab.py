"""Driving JupyterLab in Debian's headless Chromium: a server, a browser, a notebook page.

Kept apart from ``conftest.py`` so a person can use it from a shell too::

    .venv/bin/python -m tests.e2e.lab notebooks/04-claims.ipynb   # run it, save a screenshot

Nothing here downloads a browser: Playwright is pointed at the system Chromium
(``/usr/bin/chromium``, or ``$CLAIMFRAME_CHROMIUM``).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
HERE = Path(__file__).resolve().parent
ARTIFACTS = Path(os.environ.get("CLAIMFRAME_E2E_ARTIFACTS", ROOT / "artifacts" / "e2e"))

CHROMIUM = os.environ.get("CLAIMFRAME_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VIEWPORT = {"width": 1400, "height": 1000}

#: JupyterLab user settings written to the server's temporary settings directory.
LAB_SETTINGS = {
    # every cell in the page (no virtual scrolling), so every widget renders and can be found
    # (and no blank "scroll past end" space, so a screenshot of the whole notebook is the notebook)
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none", "scrollPastEnd": False},
    # never write the committed notebooks (the contents manager refuses writes as well)
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    # no network: no news, no update checks, no extension manager asking PyPI
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/extensionmanager-extension/plugin": {"enabled": False},
    # as `make lab`: widget state is saved with a notebook, so its widgets show after a reopen
    "@jupyter-widgets/jupyterlab-manager/plugin": {"saveState": True},
}
#: The one folder (under the server's root) where the suite may save notebooks: the reopen test
#: saves a copy there; the committed notebooks stay read-only.
WRITABLE = ROOT / "artifacts" / "e2e-writable"

#: Console messages that are not the notebooks' fault. Each needs a reason; keep the list short.
#: (None seen so far with JupyterLab 4.6, ipywidgets 8.1 and Chromium 156.)
BENIGN_CONSOLE: list[re.Pattern] = []

#: Text that means a widget did not render.
WIDGET_FAILURES = ("Error displaying widget", "model not found", "Failed to load model class",
                   "Could not create a view", "Error rendering output item",
                   "Click to show javascript error")  # ipywidgets 8's error widget


WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
#: A code cell's own outputs (not those nested in an Output widget), in model order.
_CELL_OUTPUTS = ".jp-Cell-outputArea > .jp-OutputArea-child > .jp-OutputArea-output"
#: Controls a user acts on: labelled controls (select, slider, dropdown, text) and buttons.
_CONTROLS = ".widget-inline-hbox:not(.widget-label):not(.widget-html), .widget-button, .widget-toggle-button"

#: Labels of dropdowns that show a blank box: options but none selected. ipywidgets 8 does this to
#: ``Dropdown(options=[("all", None), ...], value=None)``: value None means "no selection" there.
_JS_BLANK_DROPDOWNS = """(root) => [root, ...root.querySelectorAll('.widget-dropdown')]
  .filter(d => d.matches('.widget-dropdown'))
  .filter(d => { const s = d.querySelector('select'); return s && s.options.length && s.selectedIndex < 0; })
  .map(d => { const l = d.querySelector('.widget-label'); return l ? l.textContent.trim() : '(no label)'; })"""


class E2EError(RuntimeError):
    """Something the suite needs (Chromium, the server) is not there; the message says what to do."""


def python_for_lab() -> Path:
    """The repo's .venv Python (its kernel imports claimframe), else the running interpreter."""
    venv = ROOT / ".venv" / "bin" / "python"
    return venv if venv.exists() else Path(sys.executable)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ----------------------------------------------------------------------------------------------
# The server
# ----------------------------------------------------------------------------------------------

@dataclass
class LabServer:
    """``jupyter lab`` from the repo root (as ``make lab``), on 127.0.0.1, no token, in a temporary
    Jupyter home: settings, workspaces, config, data and runtime dirs.

    The server's root is the repo (``make lab`` roots it at notebooks/), so the suite can also open
    the notebook it writes under artifacts/ to check that it catches broken widgets; a notebook's
    kernel starts in the notebook's folder either way (notebooks/ for ours, as with ``make lab``).
    """

    workdir: Path
    #: $CLAIMFRAME_DATA for the kernels (a data folder with an article added by a test), or None
    data_dir: Path | None = None
    port: int = 0
    proc: subprocess.Popen | None = None
    log_path: Path | None = None
    _log: object = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _write_home(self) -> dict:
        home = {name: self.workdir / name for name in ("settings", "workspaces", "config", "data",
                                                       "runtime", "ipython")}
        for path in home.values():
            path.mkdir(parents=True, exist_ok=True)
        for plugin, values in LAB_SETTINGS.items():
            target = home["settings"] / f"{plugin}.jupyterlab-settings"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(values, indent=2))
        (home["config"] / "jupyter_server_config.py").write_text(
            "import sys\n"
            f"sys.path.insert(0, {str(HERE)!r})\n"
            "from readonly_contents import ReadOnlyContentsManager\n"
            "c.ServerApp.contents_manager_class = ReadOnlyContentsManager\n"
        )
        (home["config"] / "jupyter_lab_config.py").write_text("c.LabApp.news_url = None\n")
        return home

    def start(self, timeout: float = 90.0) -> "LabServer":
        home = self._write_home()
        self.port = free_port()
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("JUPYTER_", "JPY_")) and k not in ("MPLBACKEND", "PYTHONPATH")}
        env.update({
            "JUPYTER_CONFIG_DIR": str(home["config"]),
            "JUPYTER_DATA_DIR": str(home["data"]),
            "JUPYTER_RUNTIME_DIR": str(home["runtime"]),
            "JUPYTER_PREFER_ENV_PATH": "1",
            "IPYTHONDIR": str(home["ipython"]),
            "PYDEVD_DISABLE_FILE_VALIDATION": "1",
            # the kernels import this tree's claimframe, whichever environment runs the server
            "PYTHONPATH": str(ROOT / "lib"),
            "CLAIMFRAME_E2E_WRITABLE": WRITABLE.relative_to(ROOT).as_posix(),
        })
        if self.data_dir is not None:
            env["CLAIMFRAME_DATA"] = str(self.data_dir)
        cmd = [
            str(python_for_lab()), "-m", "jupyter", "lab", f"--ServerApp.root_dir={ROOT}",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
            "--IdentityProvider.token=", "--ServerApp.disable_check_xsrf=True",
            "--ServerApp.terminals_enabled=False",
            f"--LabApp.user_settings_dir={home['settings']}",
            f"--LabApp.workspaces_dir={home['workspaces']}",
            "--LabApp.expose_app_in_browser=True",
            "--LabApp.extension_manager=readonly",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")  # CI and these machines run as root
        self.log_path = self.workdir / "jupyter-lab.log"
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise E2EError(f"jupyter lab exited with code {self.proc.returncode} before it served "
                               f"{self.url}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/api/status", timeout=2) as r:
                    if r.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass
            time.sleep(0.25)
        self.stop()
        raise E2EError(f"jupyter lab did not answer on {self.url} within {timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        if self._log:
            self._log.flush()
        if not self.log_path or not self.log_path.exists():
            return "(no log)"
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def api(self, method: str, path: str, timeout: float = 10.0):
        req = urllib.request.Request(f"{self.url}{path}", method=method)
        with urllib.request.urlopen(req, timeout=timeout) as r:
            body = r.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """Shut every kernel down (each test leaves none running for the next)."""
        try:
            for kernel in self.api("GET", "/api/kernels") or []:
                try:
                    self.api("DELETE", f"/api/kernels/{kernel['id']}", timeout=20)
                except (urllib.error.URLError, OSError):
                    pass
        except (urllib.error.URLError, OSError):
            pass

    def stop(self) -> None:
        """Kernels first, then the server (its own shutdown, SIGTERM, SIGKILL: whichever works)."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.shutdown_kernels()
            try:
                self.api("POST", "/api/shutdown", timeout=5)
            except (urllib.error.URLError, OSError):
                pass
            for sig, wait in ((None, 10), (signal.SIGTERM, 10), (signal.SIGKILL, 5)):
                if sig is not None:
                    try:
                        os.killpg(self.proc.pid, sig)
                    except ProcessLookupError:
                        break
                try:
                    self.proc.wait(timeout=wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
        if self._log:
            self._log.close()
            self._log = None
        self.proc = None


# ----------------------------------------------------------------------------------------------
# The browser
# ----------------------------------------------------------------------------------------------

def launch_chromium(playwright):
    """Debian's Chromium through Playwright, or :class:`E2EError` saying why not."""
    if not Path(CHROMIUM).exists():
        raise E2EError(
            f"Chromium is not at {CHROMIUM}. The e2e tests drive Debian's Chromium and never download "
            "a browser: install it with `apt-get install -y --no-install-recommends chromium` "
            "(.ci/run does), or point $CLAIMFRAME_CHROMIUM at a Chromium binary.")
    try:
        return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
                                          chromium_sandbox=False, timeout=60_000)
    except Exception as exc:  # Playwright raises its own Error types; say what failed and go
        raise E2EError(f"Could not start Chromium at {CHROMIUM} with Playwright: {exc}") from exc


# ----------------------------------------------------------------------------------------------
# One notebook in one page
# ----------------------------------------------------------------------------------------------

# JavaScript run in the page; `window.jupyterapp` is there because of --LabApp.expose_app_in_browser.
_JS_HOOK = """
() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const e2e = window.__e2e = {executed: 0, errors: [], status: 'unknown'};
  panel.sessionContext.iopubMessage.connect((_, msg) => {
    const t = msg.header.msg_type;
    if (t === 'execute_input') e2e.executed += 1;
    if (t === 'error') e2e.errors.push(msg.content.ename + ': ' + msg.content.evalue);
  });
  return true;
}
"""
_JS_STATE = """
() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  const cells = panel.content.widgets.map((cell, i) => {
    const m = cell.model;
    const out = {index: i, type: m.type, source: m.sharedModel.getSource()};
    if (m.type === 'code') {
      out.execution_count = m.executionCount;
      out.outputs = m.outputs.toJSON().map(o => ({
        output_type: o.output_type, name: o.name, ename: o.ename, evalue: o.evalue,
        text: typeof o.text === 'string' ? o.text : (o.text || []).join(''),
        mimes: o.data ? Object.keys(o.data) : []}));
      const prompt = cell.node.querySelector('.jp-InputArea-prompt');
      out.prompt = prompt ? prompt.textContent.trim() : '';
    }
    return out;
  });
  return {kernel: kernel ? kernel.status : 'none', busy: panel.sessionContext.kernelDisplayStatus,
          executed: window.__e2e ? window.__e2e.executed : 0, errors: window.__e2e ? window.__e2e.errors : [],
          cells};
}
"""


@dataclass
class NotebookPage:
    """A notebook opened in JupyterLab in its own browser page."""

    server: LabServer
    browser: object
    name: str
    page: object = None
    context: object = None
    console_errors: list = field(default_factory=list)
    state: dict | None = None
    opened_s: float = 0.0  # seconds to load JupyterLab with the notebook and start its kernel
    ran_s: float = 0.0     # seconds for Run All until the kernel was idle
    panel_id: str = ""

    def open(self, timeout: float = 90.0) -> "NotebookPage":
        """Open ``name`` (a path under the repo root, e.g. ``notebooks/04-claims.ipynb``) and wait
        until its kernel is idle."""
        self.context = self.browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
        self.page = self.context.new_page()
        self.page.set_default_timeout(30_000)
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda exc: self.console_errors.append(f"page error: {exc}"))
        # a workspace of its own, reset: only this notebook open, whatever earlier pages left
        workspace = "e2e-" + re.sub(r"[^A-Za-z0-9-]+", "-", Path(self.name).stem)
        self.page.goto(f"{self.server.url}/lab/workspaces/{workspace}/tree/{self.name}?reset",
                       wait_until="domcontentloaded", timeout=timeout * 1000)
        try:
            self._wait_open(timeout)
        except Exception as exc:
            raise E2EError(f"{self.name}: JupyterLab did not show the notebook with an idle kernel "
                           f"within {timeout:.0f} s ({type(exc).__name__}). Console errors: "
                           f"{self.console_errors or 'none'}. Server log:\n{self.server.log_tail()}") from exc
        # the file browser takes a third of the screen: close it as a reader would
        self.page.evaluate("() => { const s = window.jupyterapp.shell; if (!s.leftCollapsed) "
                           "window.jupyterapp.commands.execute('application:toggle-left-area'); }")
        self.panel_id = self.page.evaluate("() => window.jupyterapp.shell.currentWidget.id")
        self.page.evaluate(_JS_HOOK)
        return self

    def _wait_open(self, timeout: float) -> None:
        self.page.wait_for_function(
            """(name) => {
                 const app = window.jupyterapp;
                 const w = app && app.shell && app.shell.currentWidget;
                 return !!(w && w.context && w.context.path.endsWith(name) && w.content
                           && w.sessionContext && w.sessionContext.session
                           && w.sessionContext.session.kernel
                           && w.sessionContext.session.kernel.status === 'idle');
               }""", arg=self.name, timeout=timeout * 1000, polling=200)

    @property
    def notebook(self):
        """This notebook's cell list (a Playwright locator)."""
        return self.page.locator(f"#{self.panel_id} .jp-Notebook")

    def _on_console(self, msg) -> None:
        if msg.type != "error":
            return
        text = msg.text
        loc = msg.location or {}
        if any(p.search(text) for p in BENIGN_CONSOLE):
            return
        first = text.strip().splitlines()[0] if text.strip() else text
        self.console_errors.append(f"console error: {first[:300]} ({loc.get('url', '')}:{loc.get('lineNumber', '')})")

    def code_cells_to_run(self) -> int:
        return self.page.evaluate("""() => window.jupyterapp.shell.currentWidget.content.widgets
            .filter(c => c.model.type === 'code' && c.model.sharedModel.getSource().trim()).length""")

    def run_all(self, timeout: float = 180.0) -> dict:
        """Run → Run All Cells from the menu bar, as a user does; wait until every code cell ran (or
        one failed) and the kernel is idle; return :meth:`snapshot`."""
        expected = self.code_cells_to_run()
        page = self.page
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
        try:
            self._wait_ran(expected, timeout)
        except Exception as exc:
            state = self.snapshot()
            pending = [f"cell {c['index']} {c['prompt']}" for c in state["cells"]
                       if c["type"] == "code" and "*" in c.get("prompt", "")]
            raise E2EError(f"{self.name}: Run All did not finish within {timeout:.0f} s "
                           f"({type(exc).__name__}): {state['executed']} of {expected} cells ran, "
                           f"kernel {state['kernel']}, still queued or running: {pending or 'none'}") from exc
        self.wait_for_widgets()
        self.state = self.snapshot()
        self.state["expected"] = expected
        return self.state

    def _wait_ran(self, expected: int, timeout: float) -> None:
        self.page.wait_for_function(
            """(expected) => {
                 const e2e = window.__e2e;
                 const panel = window.jupyterapp.shell.currentWidget;
                 const kernel = panel.sessionContext.session.kernel;
                 const queued = [...panel.content.node.querySelectorAll('.jp-InputArea-prompt')]
                   .some(p => p.textContent.includes('*'));
                 const done = e2e.executed >= expected || e2e.errors.length > 0;
                 return done && !queued && kernel.status === 'idle';
               }""", arg=expected, timeout=timeout * 1000, polling=250)

    def snapshot(self) -> dict:
        return self.page.evaluate(_JS_STATE)

    def wait_for_widgets(self, timeout: float = 30.0) -> None:
        """Until no "Loading widget..." placeholder is left (a widget that never loads stays so)."""
        try:
            self.page.wait_for_function(
                "() => !document.body.innerText.includes('Loading widget...')", timeout=timeout * 1000,
                polling=250)
        except Exception:
            pass  # reported by widget_problems()

    # --- what a test asserts on ----------------------------------------------------------------
    def output_problems(self) -> list[str]:
        """Error outputs and stderr, per cell, from the notebook model."""
        problems = []
        for cell in self.state["cells"]:
            for out in cell.get("outputs", []):
                if out["output_type"] == "error":
                    problems.append(f"cell {cell['index']}: {out['ename']}: {out['evalue']}")
                elif out["output_type"] == "stream" and out.get("name") == "stderr":
                    problems.append(f"cell {cell['index']}: stderr: {out['text'].strip()[:500]}")
        for err in self.state["errors"]:
            if not any(err.split(":")[0] in p for p in problems):
                problems.append(f"kernel error message: {err}")
        return problems

    def unrun_cells(self) -> list[str]:
        return [f"cell {c['index']} (prompt {c['prompt']!r}): {c['source'][:60]!r}"
                for c in self.state["cells"]
                if c["type"] == "code" and c["source"].strip() and c.get("execution_count") is None]

    def widget_problems(self) -> list[str]:
        """Widget outputs in the model that did not render as a visible widget in the page, and
        controls inside them (selects, sliders, dropdowns, buttons) that cannot be seen."""
        problems = []
        text = self.notebook.inner_text()
        for phrase in WIDGET_FAILURES + ("Loading widget...",):
            if phrase in text:
                problems.append(f"the page says {phrase!r}")
        for cell in self.state["cells"]:
            outputs = cell.get("outputs", [])
            if not any(WIDGET_MIME in o["mimes"] for o in outputs):
                continue
            i = cell["index"]
            rendered = self.cell(i).locator(_CELL_OUTPUTS)
            if rendered.count() != len(outputs):
                problems.append(f"cell {i}: {len(outputs)} outputs in the model, {rendered.count()} in the page")
                continue
            for k, out in enumerate(outputs):
                if WIDGET_MIME not in out["mimes"]:
                    continue
                node = rendered.nth(k)
                view = node.locator(":scope > .jupyter-widgets")
                if view.count() == 0:
                    problems.append(f"cell {i} output {k}: no widget view; the output shows "
                                    f"{node.inner_text().strip()[:200]!r}")
                    continue
                broken = view.first.locator(".jupyter-widgets-error-widget")
                if broken.count():
                    problems.append(f"cell {i} output {k}: the widget failed to load and shows "
                                    "ipywidgets' error widget (see the console errors)")
                    continue
                box = view.first.bounding_box()
                if not view.first.is_visible() or not box or box["width"] < 50 or box["height"] < 20:
                    problems.append(f"cell {i} output {k}: the widget is not visible (box {box})")
                for label in view.first.evaluate(_JS_BLANK_DROPDOWNS):
                    problems.append(f"cell {i} output {k}: dropdown {label!r} shows no choice (none of "
                                    "its options is selected: a Dropdown built with value=None)")
                controls = view.first.locator(_CONTROLS)
                for c in range(controls.count()):
                    control = controls.nth(c)
                    if not control.is_visible():
                        label = control.locator(".widget-label").first
                        name = label.inner_text() if label.count() else control.get_attribute("class")
                        problems.append(f"cell {i} output {k}: control {name!r} is not visible")
        return problems

    def widget_cells(self) -> list[int]:
        return [c["index"] for c in self.state["cells"]
                if any(WIDGET_MIME in o["mimes"] for o in c.get("outputs", []))]

    def cell(self, index: int):
        return self.notebook.locator(":scope > .jp-WindowedPanel-outer .jp-Cell").nth(index)

    def widget_view(self, index: int):
        """The first widget view rendered in cell ``index`` (a Playwright locator)."""
        return self.cell(index).locator(f"{_CELL_OUTPUTS} > .jupyter-widgets").first

    def find_widget_cell(self, control_label: str) -> int:
        """The index of the first cell whose widget has a control labelled ``control_label``."""
        for i in self.widget_cells():
            if self.widget_view(i).locator(".widget-label", has_text=re.compile(
                    rf"^\s*{re.escape(control_label)}\s*$")).count():
                return i
        raise AssertionError(f"{self.name}: no widget with a control labelled {control_label!r} "
                             f"(widget cells: {self.widget_cells()})")

    # --- pictures ------------------------------------------------------------------------------
    _MAX_HEIGHT = 16000  # px: Chromium's screenshots get unwieldy beyond this

    def _stretch(self) -> None:
        """Make the viewport as tall as the notebook (capped), scrolled to the top: every cell is
        on screen, so a screenshot shows the whole notebook or a whole widget. Measured again after
        the resize, since outputs can reflow."""
        for _ in range(3):
            need = self.page.evaluate("""(id) => {
                const scroller = document.querySelector('#' + id + ' .jp-WindowedPanel-outer');
                if (!scroller) return 0;
                scroller.scrollTop = 0;
                const chrome = window.innerHeight - scroller.clientHeight;
                return Math.ceil(scroller.scrollHeight + chrome + 20);
            }""", self.panel_id)
            height = self.page.viewport_size["height"]
            if need <= height or height >= self._MAX_HEIGHT:
                break
            self.page.set_viewport_size({"width": VIEWPORT["width"], "height": min(need, self._MAX_HEIGHT)})
            self.page.wait_for_timeout(300)
        self.page.evaluate("(id) => { const s = document.querySelector('#' + id + ' .jp-WindowedPanel-outer'); "
                           "if (s) s.scrollTop = 0; }", self.panel_id)
        self.page.wait_for_timeout(100)

    def screenshot(self, path: Path, full: bool = True, element=None) -> Path:
        """The whole notebook, one element of it (``element``, a locator) or what is in view.

        The notebook scrolls inside the page, so the viewport is stretched to the notebook's
        height and an element is cut out of that by its box (no scrolling, which would leave the
        parts outside the viewport unpainted)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        if not full and element is None:
            self.page.screenshot(path=str(path))
            return path
        try:
            self._stretch()
            if element is None:
                self.page.screenshot(path=str(path))
            else:
                box = element.bounding_box()
                if not box:
                    raise AssertionError(f"{self.name}: nothing to screenshot for {path.name} (not rendered)")
                size = self.page.viewport_size
                bottom = min(box["y"] + box["height"], size["height"])
                clip = {"x": max(box["x"], 0), "y": max(box["y"], 0),
                        "width": min(box["width"], size["width"] - max(box["x"], 0)),
                        "height": max(bottom - max(box["y"], 0), 1)}
                self.page.screenshot(path=str(path), clip=clip)
        finally:
            self.page.set_viewport_size(VIEWPORT)
        return path

    def close(self) -> None:
        if self.context is not None:
            try:
                self.context.close()
            except Exception:
                pass
            self.context = None


def main(argv: list[str]) -> int:  # pragma: no cover - a helper for people
    from playwright.sync_api import sync_playwright

    paths = [Path(a).resolve() for a in argv] or sorted(NOTEBOOKS.glob("*.ipynb"))
    names = [p.relative_to(ROOT).as_posix() for p in paths]
    with tempfile.TemporaryDirectory(prefix="claimframe-e2e-") as tmp:
        server = LabServer(Path(tmp)).start()
        try:
            with sync_playwright() as pw:
                browser = launch_chromium(pw)
                try:
                    for name in names:
                        nb = NotebookPage(server, browser, name).open()
                        t0 = time.monotonic()
                        nb.run_all()
                        print(f"{name}: ran in {time.monotonic() - t0:.1f} s; "
                              f"problems: {nb.output_problems() + nb.widget_problems() + nb.console_errors}")
                        print("  screenshot:", nb.screenshot(ARTIFACTS / f"{Path(name).stem}.png"))
                        nb.close()
                        server.shutdown_kernels()
                finally:
                    browser.close()
        finally:
            server.stop()
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
