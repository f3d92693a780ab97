"""How often executing a notebook outside JupyterLab stalls at its last widget cell, without and with
the fix in jupyter_nbconvert_config.py.

    .venv/bin/python bench/notebook_hangs.py                  # 15 runs each way, nbconvert and papermill
    .venv/bin/python bench/notebook_hangs.py -n 30 --path nbconvert
    .venv/bin/python bench/notebook_hangs.py --project        # the project's notebooks, not the minimal one

The minimal notebook has no claimframe in it: an ``ipywidgets.Output`` showing a large HTML page, as
``ArticlePicker.view`` shows an article. A run "stalls" when it takes longer than the cell timeout
(nbclient waits the timeout out, then finds the reply that was there all along) or fails. Wall
time, not the cells' recorded timing: those stamps are the kernel's, and the kernel replied on time.
``nbconvert`` is the ``make rerun`` command (``before`` without ``--config jupyter_nbconvert_config.py``);
``papermill`` is what tests/test_notebooks_any_article.py calls (``after`` with ``install()`` first).
nbval is not measured: it uses a blocking client that never answers widget messages.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CONFIG = ROOT / "jupyter_nbconvert_config.py"


def minimal_notebook(folder: Path, size: int) -> Path:
    import nbformat.v4 as v4

    nb = v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [
        v4.new_code_cell("import ipywidgets as w\nfrom IPython.display import HTML, display"),
        v4.new_code_cell(f"page = HTML('<p>' + 'word ' * {size} + '</p>')"),
        v4.new_code_cell("out = w.Output()\nwith out:\n    out.clear_output(wait=True)\n    display(page)\nout"),
    ]
    path = folder / "minimal-widget.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def run_nbconvert(notebook: Path, out_dir: Path, fixed: bool, timeout: int) -> float | None:
    """One ``make rerun``-style execution: its seconds (kernel start to shutdown), None if it failed."""
    cmd = [str(BIN / "jupyter"), "nbconvert", "--to", "notebook", "--execute"]
    if fixed:
        cmd += ["--config", str(CONFIG)]
    # after --config: the command line wins over the config file
    cmd += [f"--ExecutePreprocessor.timeout={timeout}", "--output-dir", str(out_dir), str(notebook)]
    start = time.monotonic()
    done = subprocess.run(cmd, cwd=notebook.parent, capture_output=True, text=True)
    return None if done.returncode else time.monotonic() - start


def papermill_child(notebooks: list[Path], out_dir: Path, fixed: bool, timeout: int, n: int) -> None:
    """In a fresh process (so ``before`` really is unpatched): n papermill runs, one line each."""
    import papermill

    if fixed:
        sys.path.insert(0, str(ROOT))
        import jupyter_nbconvert_config

        jupyter_nbconvert_config.install()
    for i in range(n):
        notebook = notebooks[i % len(notebooks)]
        out = out_dir / notebook.name
        start = time.monotonic()
        try:
            papermill.execute_notebook(str(notebook), str(out), kernel_name="python3", cwd=str(notebook.parent),
                                       progress_bar=False, execution_timeout=timeout)
            print(json.dumps(time.monotonic() - start), flush=True)
        except Exception:  # noqa: BLE001 - a failed run counts as a stall
            print("null", flush=True)


def run_papermill(notebooks: list[Path], out_dir: Path, fixed: bool, timeout: int, n: int) -> list[float | None]:
    cmd = [sys.executable, __file__, "--child-papermill", "--timeout", str(timeout), "-n", str(n),
           "--out", str(out_dir), *(["--fixed"] if fixed else []), *map(str, notebooks)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=15, help="runs each way (default 15)")
    parser.add_argument("--timeout", type=int, help="cell timeout in seconds (default 15; 30 with --project)")
    parser.add_argument("--size", type=int, default=200_000, help="words in the minimal notebook's page")
    parser.add_argument("--path", choices=("nbconvert", "papermill", "both"), default="both")
    parser.add_argument("--project", action="store_true", help="run notebooks/*.ipynb in turn instead")
    parser.add_argument("--child-papermill", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--fixed", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("notebooks", nargs="*", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.timeout = args.timeout or (30 if args.project else 15)
    if args.child_papermill:
        papermill_child(args.notebooks, args.out, args.fixed, args.timeout, args.n)
        return

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if args.project:
            notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
            what = f"the project's {len(notebooks)} notebooks in turn"
        else:
            notebooks = [minimal_notebook(tmp, args.size)]
            what = f"a minimal Output-widget notebook ({args.size:,} words of HTML, no claimframe)"
        print(f"{what}; cell timeout {args.timeout} s; a stall = a run over {args.timeout} s or a failure")
        paths = ("nbconvert", "papermill") if args.path == "both" else (args.path,)
        for path in paths:
            for fixed in (False, True):
                start = time.monotonic()
                if path == "nbconvert":
                    seconds = [run_nbconvert(notebooks[i % len(notebooks)], tmp, fixed, args.timeout)
                               for i in range(args.n)]
                else:
                    seconds = run_papermill(notebooks, tmp, fixed, args.timeout, args.n)
                stalled = [notebooks[i % len(notebooks)].stem for i, s in enumerate(seconds)
                           if s is None or s >= args.timeout]
                ok = sorted(s for s in seconds if s is not None and s < args.timeout)
                median = f"{ok[len(ok) // 2]:.2f} s" if ok else "-"
                which = f" [{', '.join(stalled)}]" if args.project and stalled else ""
                print(f"{path:9} {'after ' if fixed else 'before'}: {len(stalled)}/{len(seconds)} stalled{which}"
                      f"  (the others: {median} median a run; {time.monotonic() - start:.0f} s in all)", flush=True)


if __name__ == "__main__":
    main()
