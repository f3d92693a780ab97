"""Every notebook runs end to end on other articles, through its papermill `parameters` cell:
the two extra articles in data/articles/ and a fixture with no claims at all."""
import json
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT

papermill = pytest.importorskip("papermill")

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
ARTICLES = ["wildfire-evacuations-2021", "clinic-funding-2019", str(FIXTURES / "articles" / "no-claims")]


def test_every_notebook_has_a_parameters_cell():
    for nb in NOTEBOOKS:
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        tagged = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
        assert len(tagged) == 1, f"{nb.name}: needs exactly one cell tagged 'parameters'"
        assert "article = " in "".join(tagged[0]["source"]), nb.name


#: Seconds one cell may take (the stall at a cell that displays into a widget Output is fixed by
#: jupyter_nbconvert_config.py, which the root conftest.py installs).
CELL_TIMEOUT = 120


def execute(notebook: Path, out: Path, article: str) -> None:
    papermill.execute_notebook(str(notebook), str(out), parameters={"article": article},
                               kernel_name="python3", cwd=str(notebook.parent), progress_bar=False,
                               execution_timeout=CELL_TIMEOUT)


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: Path(a).name)
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_on_another_article(notebook, article, tmp_path):
    out = tmp_path / notebook.name
    execute(notebook, out, article)
    cells = json.loads(out.read_text(encoding="utf-8"))["cells"]
    errors = [o for c in cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, errors[0]["ename"] + ": " + errors[0]["evalue"]
