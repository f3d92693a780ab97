"""Executing a notebook outside JupyterLab does not stall at a cell that displays into a widget Output.

nbclient (under nbconvert and papermill) answers each output captured by an ``ipywidgets.Output``
with a comm message on the shell socket, sent blocking while the same socket's asyncio ``poll``
awaits the cell's reply; the send can swallow the reply's wake-up, and the cell then waits out its
whole timeout (forever with none). jupyter_nbconvert_config.py has the details and the fix,
``make rerun`` passes it to nbconvert, conftest.py installs it for papermill. bench/notebook_hangs.py
counts the stalls with and without it.
"""
import asyncio
import json
import re
import shlex
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from .conftest import ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
import zmq  # noqa: E402 - pyzmq comes with nbclient (through jupyter_client)
import zmq.asyncio  # noqa: E402

#: A stall lasts the whole cell timeout; a run that does not stall takes about 3 s.
CELL_TIMEOUT = 15

WIDGET_CELL = "out = w.Output()\nwith out:\n    out.clear_output(wait=True)\n    display(page)\nout"


def widget_notebook(folder: Path) -> Path:
    """No claimframe: a large page in an Output, displayed last, as ArticlePicker.view does (the size
    widens the window in which the bug strikes, so that without the fix most runs stall)."""
    v4 = nbformat.v4
    nb = v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [v4.new_code_cell("import ipywidgets as w\nfrom IPython.display import HTML, display"),
                v4.new_code_cell("page = HTML('<p>' + 'word ' * 200_000 + '</p>')"),
                v4.new_code_cell(WIDGET_CELL)]
    path = folder / "widget.ipynb"
    nbformat.write(nb, str(path))
    return path


def rerun_command(notebook: Path) -> list[str]:
    """The nbconvert command of `make rerun`, as make would run it, on ``notebook`` instead."""
    if not shutil.which("make"):
        pytest.skip("make is not installed")
    dry = subprocess.run(["make", "-n", "rerun"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    lines = [line for line in dry.replace("\\\n", " ").splitlines() if " nbconvert " in line]
    assert len(lines) == 1, dry
    command = [arg if arg != "notebooks/*.ipynb" else str(notebook) for arg in shlex.split(lines[0])]
    assert str(notebook) in command, lines[0]
    if not (ROOT / command[0]).exists():
        pytest.skip(f"{command[0]} is not installed")
    return [*command, f"--ExecutePreprocessor.timeout={CELL_TIMEOUT}"]  # the command line wins


def test_make_rerun_does_not_stall_at_a_widget_output(tmp_path):
    notebook = widget_notebook(tmp_path)
    command = rerun_command(notebook)
    for run in range(4):
        start = time.monotonic()
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=4 * CELL_TIMEOUT)
        seconds = time.monotonic() - start
        assert done.returncode == 0, done.stderr[-2000:]
        assert seconds < CELL_TIMEOUT, f"run {run + 1} stalled: {seconds:.0f} s with a {CELL_TIMEOUT} s cell timeout"
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    assert cells[-1]["outputs"][0]["data"]["application/vnd.jupyter.widget-view+json"]


def test_papermill_does_not_stall_at_a_widget_output(tmp_path):
    papermill = pytest.importorskip("papermill")
    notebook = widget_notebook(tmp_path)
    for run in range(4):
        start = time.monotonic()
        papermill.execute_notebook(str(notebook), str(tmp_path / "out.ipynb"), kernel_name="python3",
                                   cwd=str(tmp_path), progress_bar=False, execution_timeout=CELL_TIMEOUT)
        seconds = time.monotonic() - start
        assert seconds < CELL_TIMEOUT, f"run {run + 1} stalled: {seconds:.0f} s with a {CELL_TIMEOUT} s cell timeout"


def test_the_tests_execute_notebooks_with_the_fix():
    client = nbclient.NotebookClient(nbformat.v4.new_notebook())
    output_widget = client.widget_registry["@jupyter-widgets/output"]["OutputModel"]
    assert getattr(output_widget, "_wakes_shell_poll", False), "conftest.py did not install the fix"


def test_rerun_passes_the_config_file():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^rerun:.*\n((?:\t.*\n)+)", makefile, re.M).group(1)
    assert "--config jupyter_nbconvert_config.py" in recipe


class _Client:
    """What nbclient's Output widget stand-in uses of its kernel client: the session and shell channel."""

    def __init__(self, socket):
        from jupyter_client.channels import AsyncZMQSocketChannel
        from jupyter_client.session import Session

        self.session = Session(key=b"")
        self.shell_channel = AsyncZMQSocketChannel(socket, self.session)


def test_a_comm_message_from_the_output_widget_does_not_swallow_the_reply():
    """The mechanism, deterministically: the reply arrives while nbclient is busy with an output,
    the Output stand-in sends its comm message, and the pending poll must still wake at once."""
    output_widget = nbclient.client.OutputWidget  # as NotebookClient uses it (conftest installed the fix)

    async def main():
        ctx = zmq.asyncio.Context()
        kernel = ctx.socket(zmq.ROUTER)
        port = kernel.bind_to_random_port("tcp://127.0.0.1")
        shell = ctx.socket(zmq.DEALER)
        shell.connect(f"tcp://127.0.0.1:{port}")
        try:
            await shell.send(b"execute_request")
            ident, _ = await kernel.recv_multipart()
            reply = asyncio.ensure_future(shell.poll(5000))  # nbclient awaiting execute_reply
            await asyncio.sleep(0.05)
            zmq.Socket.shadow(kernel.underlying).send_multipart([ident, b"execute_reply"])
            time.sleep(0.05)  # busy with an output: the loop does not run while the reply lands
            widget = output_widget("comm-id", {"outputs": []}, _Client(shell), executor=None)
            widget.parent_header = {}
            widget.sync_state()
            start = time.monotonic()
            assert await reply
            return time.monotonic() - start
        finally:
            shell.close(0)
            kernel.close(0)
            ctx.term()

    waited = asyncio.run(main())
    assert waited < 1, f"the reply waited {waited:.1f} s for the poll's timeout"
