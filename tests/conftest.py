"""Shared fixtures: the bundled seeds and a helper to run the CLI in-process."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportlint.cli import main

# The suite's own pack cache (reportlint.packcache), never the user's: the CLI runs in-process and
# in subprocesses, both read the variable.
os.environ["REPORTLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="reportlint-test-cache-")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def seed(prefix: str) -> Path:
    """The seed draft whose file name starts with `prefix` (e.g. "003")."""
    return next(SEEDS.glob(f"{prefix}_*.txt"))


class Run:
    def __init__(self, result):
        self.code = result.exit_code
        self.out = result.stdout
        self.err = result.stderr
        self.exception = result.exception

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def cli():
    runner = CliRunner()

    def invoke(*args):
        return Run(runner.invoke(main, [str(a) for a in args]))

    return invoke
