"""The wheel a desk installs: built from this tree with `pip wheel --no-deps` (setuptools, the
build backend pyproject.toml names), installed into a fresh virtual environment with its
dependencies, and run on a seed from outside the source tree. Skipped, with the reason, when the
build tooling cannot be had (no package index reachable)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
import zipfile

import pytest
from conftest import ROOT, seed

OFFLINE = ("No matching distribution", "Could not find a version", "Network is unreachable", "Failed to establish")


def pip(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pip", *args], capture_output=True, text=True, timeout=600)


def test_the_wheel_installs_into_a_fresh_venv_and_lints_a_seed(tmp_path):
    source = tmp_path / "src"  # a copy: building writes build/ and .egg-info beside the sources
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".venv*", ".git", "build", "dist", "*.egg-info",
                                                                  "__pycache__", ".pytest_cache", ".ruff_cache"))
    built = pip("wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"), str(source))
    if built.returncode != 0 and any(s in built.stdout + built.stderr for s in OFFLINE):
        pytest.skip(f"cannot fetch the build backend (setuptools): {built.stderr.strip().splitlines()[-1]}")
    assert built.returncode == 0, built.stdout + built.stderr
    wheel = next((tmp_path / "dist").glob("reportlint-*.whl"))
    from reportlint import __version__

    assert wheel.name.startswith(f"reportlint-{__version__}-")
    names = zipfile.ZipFile(wheel).namelist()
    assert "reportlint/lintrules/hygiene.yaml" in names and "reportlint/__main__.py" in names

    fresh = tmp_path / "fresh"
    venv.create(fresh)  # no pip of its own: this environment's pip installs into it (--python)
    python = fresh / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    installed = pip("--python", str(python), "install", "-q", str(wheel))
    if installed.returncode != 0 and any(s in installed.stdout + installed.stderr for s in OFFLINE):
        pytest.skip(f"cannot fetch the dependencies: {installed.stderr.strip().splitlines()[-1]}")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    exe = python.with_name("reportlint.exe" if sys.platform == "win32" else "reportlint")
    draft = seed("002")
    for command in ([str(exe)], [str(python), "-m", "reportlint"]):
        run = subprocess.run([*command, "check", "--select", "hygiene/doubled-symbol", str(draft)],
                             cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert run.returncode == 1 and "[hygiene/doubled-symbol]" in run.stdout, run.stdout + run.stderr
    where = subprocess.run([str(python), "-c", "import reportlint; print(reportlint.__file__)"],
                           cwd=tmp_path, capture_output=True, text=True)
    assert str(fresh) in where.stdout  # the wheel's copy, not this source tree
