"""pytest configuration shared by tests/ and notebooks/ (nbval)."""
import importlib.util
from pathlib import Path


def pytest_configure(config):
    # Notebooks executed through nbclient in the tests (papermill, nbconvert) would otherwise stall
    # for a whole cell timeout at a cell that displays into an ipywidgets Output; the cause and the
    # fix are in jupyter_nbconvert_config.py, which `make rerun` passes to nbconvert.
    spec = importlib.util.spec_from_file_location(
        "jupyter_nbconvert_config", Path(__file__).with_name("jupyter_nbconvert_config.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    try:
        module.install()
    except ImportError:  # nbclient missing: nothing in this run executes notebooks through it
        pass


def pytest_collectstart(collector):
    # nbval compares committed outputs; HTML (tables, highlighted articles) and stderr (warnings,
    # progress bars) change with library versions, so compare the text/plain forms only.
    if collector.fspath and str(collector.fspath).endswith(".ipynb"):
        collector.skip_compare += ("text/html", "application/javascript", "stderr")
