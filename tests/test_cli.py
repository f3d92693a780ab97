"""The command line: tables to stdout, one clear line and exit code 2 on bad input."""
import io
import json
import subprocess
import sys

import pandas as pd

from .conftest import SEED


def run(*args, stdin=b""):
    return subprocess.run([sys.executable, "-m", "claimframe", *args], input=stdin, capture_output=True)


def test_claims_csv():
    r = run("claims", str(SEED))
    assert r.returncode == 0, r.stderr
    df = pd.read_csv(io.BytesIO(r.stdout))
    assert len(df) == 14
    assert "up to 900" in df["text"].tolist()


def test_claims_json_from_stdin_with_published():
    r = run("claims", "-", "--published", "2017-01-12", "--format", "json",
            stdin="Officials said 500 recruits began training on Dec. 4.".encode())
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert [(x["text"], x["kind"]) for x in rows] == [("500", "count"), ("Dec. 4", "date")]
    assert rows[1]["date"] == "2016-12-04"


def test_bad_input_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x01")
    for args, stdin in ((("claims", "/no/such/path"), b""), (("claims", "-"), b"  \n"),
                        (("claims", str(tmp_path / "bad.txt")), b""),
                        (("claims", str(SEED), "--published", "15/12/2016"), b"")):
        r = run(*args, stdin=stdin)
        assert r.returncode == 2, (args, r.stderr)
        lines = r.stderr.decode().strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("claimframe: "), r.stderr
        assert r.stdout == b""


def test_import_is_light():
    code = "import sys, claimframe; print(any(m in sys.modules for m in ('pandas', 'pyproj', 'matplotlib')))"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.stdout.strip() == "False"
