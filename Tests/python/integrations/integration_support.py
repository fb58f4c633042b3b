"""Helpers of the integration tests (Integrations/python, Integrations/spark).

Not named conftest.py on purpose: Tests/python's own tests import `conftest` by name, and a
second conftest module would take its place. Fixtures are imported from here by the tests.

The `serve` fixture is parametrized:
  - "real": the beian binary of Tests/python/conftest.py ($BEIAN, else .build/debug/beian).
    Skipped, with the reason, only while that binary has no `serve` subcommand.
  - "fake": fake_beian_serve.py (the protocol imitated, findings from the real
    `beian check`). Runs only while the real binary has no `serve`, or with BEIAN_TEST_FAKE=1:
    once `beian serve` exists, the real runs are the ones that count.
"""
import functools
import os
import pathlib
import stat
import subprocess
import sys
import textwrap

import pytest

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[2]
for folder in (ROOT / "Integrations" / "python", ROOT / "Integrations" / "spark"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

FAKE_SERVE = HERE / "fake_beian_serve.py"


@functools.lru_cache(maxsize=None)
def has_serve(binary):
    """Whether `binary serve --help` shows serve's own help. Exit status 0 alone does not
    tell: a beian without `serve` prints its general help for `serve --help` and exits 0."""
    try:
        result = subprocess.run([binary, "serve", "--help"], capture_output=True, text=True, timeout=60)
    except OSError:
        return False
    return result.returncode == 0 and "beian serve" in result.stdout


def write_script(path, text):
    """An executable script at `path`."""
    path = pathlib.Path(path)
    path.write_text(textwrap.dedent(text).lstrip())
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return str(path)


def fake_serve_binary(folder, real_binary, environment=""):
    """A `beian` look-alike whose `serve` is the fake (see fake_beian_serve.py)."""
    return write_script(pathlib.Path(folder) / "fake-beian", f"""
        #!/bin/sh
        # FAKE beian for the integration tests: only `serve`, imitated by fake_beian_serve.py.
        export BEIAN_REAL='{real_binary}'
        {environment}
        exec '{sys.executable}' '{FAKE_SERVE}' "$@"
        """)


class Serve:
    """The executable the client tests start, and whether it is the real one."""

    def __init__(self, binary, real):
        self.binary = binary
        self.real = real

    def __repr__(self):
        return f"Serve({'real' if self.real else 'FAKE'}: {self.binary})"


@pytest.fixture(params=["real", "fake"])
def serve(request, binary, tmp_path):
    if request.param == "real":
        if not has_serve(binary):
            pytest.skip(f"{binary} has no `serve` subcommand yet (`beian serve --help` does not show its help): "
                        "the test ran against the fake instead; rebuild beian with serve to run it for real")
        return Serve(binary, real=True)
    if has_serve(binary) and os.environ.get("BEIAN_TEST_FAKE") != "1":
        pytest.skip("the real `beian serve` exists, so the fake stand-in is not used (BEIAN_TEST_FAKE=1 runs it anyway)")
    return Serve(fake_serve_binary(tmp_path, binary), real=False)


def check_json_bytes(binary, data, *extra):
    """`beian check --format json` of `data` on standard input: its report."""
    import json
    result = subprocess.run([binary, "check", "--format", "json", *extra, "-"], input=data, capture_output=True)
    assert result.returncode in (0, 1), result.stderr.decode(errors="replace")
    return json.loads(result.stdout.decode("utf-8").splitlines()[0])
