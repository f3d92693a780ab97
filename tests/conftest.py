"""Shared fixtures: the seed article and the fixture articles written for tests."""
import contextlib
import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

import claimframe

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "iraq-shiite-militias-2016"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURE_ARTICLES = sorted(p for p in (FIXTURES / "articles").iterdir() if (p / "article.txt").is_file())
#: Every article in data/articles/ with a hand-verified gold file (the seed among them).
DATA_ARTICLES = sorted(p for p in (ROOT / "data" / "articles").iterdir() if (p / "claims.gold.csv").is_file())


@pytest.fixture(scope="session")
def seed():
    return claimframe.load_article(SEED)


@pytest.fixture(scope="session")
def seed_claims(seed):
    return seed.claims


@pytest.fixture
def seed_folder(tmp_path):
    """A writable copy of the seed article's folder, without review notes."""
    dst = tmp_path / "iraq"
    shutil.copytree(SEED, dst)
    (dst / "review.csv").unlink(missing_ok=True)
    return dst


def claim_id_of(article, text):
    """The claim_id of the claim whose text is `text`."""
    return article.claims.set_index("text").loc[text, "claim_id"]


@contextlib.contextmanager
def bench_module(name: str):
    """bench/<name>.py imported as a module (bench/ is scripts, not a package), registered in
    sys.modules while in use (dataclasses need it) and removed afterwards."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)
