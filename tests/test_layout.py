"""The package's structure as the README draws it: one direction of imports, no circle, every
module where the layout says."""
import re

import grimp
from importlinter.cli import EXIT_STATUS_SUCCESS, lint_imports

from .conftest import ROOT

LIB = ROOT / "lib" / "claimframe"


def test_import_contracts_hold():
    # pyproject.toml [tool.importlinter]: extract, checks and io never import views; no module
    # imports one of a higher layer.
    status = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True)
    assert status == EXIT_STATUS_SUCCESS


def test_no_module_imports_itself_round_a_circle():
    graph = grimp.build_graph("claimframe", exclude_type_checking_imports=True)
    modules = sorted(graph.modules)
    state: dict[str, int] = {}  # 1: on the path being walked, 2: done

    def walk(module: str, path: list[str]) -> None:
        state[module] = 1
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            assert state.get(imported) != 1, " -> ".join([*path, module, imported])
            if imported not in state:
                walk(imported, [*path, module])
        state[module] = 2

    for module in modules:
        if module not in state:
            walk(module, [])


def test_readme_layout_names_every_module():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = re.search(r"## Layout\n.*?```\n(.*?)```", readme, re.S).group(1)
    named = set(re.findall(r"([\w]+\.py)\b", layout))
    on_disk = {p.name for p in LIB.rglob("*.py") if p.name != "__init__.py"}
    assert on_disk - named == set(), "modules missing from README's layout"
    assert named - on_disk - {"__init__.py"} == set(), "README's layout names modules that do not exist"
