"""Shared helpers: run the built `beian` binary from the package root."""
import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("BEIAN", str(ROOT / ".build" / "debug" / "beian"))
SAMPLES = [ROOT / "Samples" / "ichongqing.txt"] + sorted((ROOT / "Samples" / "footers").iterdir())


def run(*arguments, check_status=None):
    """Runs beian with `arguments` in the package root; returns (status, stdout)."""
    result = subprocess.run([BINARY, *arguments], cwd=ROOT, capture_output=True, text=True)
    if check_status is not None:
        assert result.returncode in check_status, result.stderr
    return result.returncode, result.stdout


def check_json(path, *extra):
    """The `check --format json` object of one file."""
    _, out = run("check", "--format", "json", "--reference-year", "2026", *extra, str(path), check_status=(0, 1))
    return json.loads(out.splitlines()[0])


@pytest.fixture(scope="session")
def binary():
    assert os.access(BINARY, os.X_OK), f"build beian first: {BINARY}"
    return BINARY
