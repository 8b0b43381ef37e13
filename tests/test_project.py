"""The project keeps its promises: README commands are what CI runs, the code is ruff-clean."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip() and not line.startswith("#")]


def test_readme_opens_with_two_setup_commands_and_ci_runs_the_second():
    commands = readme_commands()
    assert len(commands) == 2
    assert "reportlint check seeds" in commands[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert commands[1] in ci


def test_code_is_ruff_clean():
    ruff = Path(sys.executable).with_name("ruff")
    ruff = str(ruff) if ruff.exists() else shutil.which("ruff")
    if not ruff:
        pytest.skip("ruff is not installed (it comes with the test extra)")
    result = subprocess.run([ruff, "check", "reportlint", "tests"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_installed_command_finds_its_rules_outside_the_source_tree(tmp_path):
    exe = Path(sys.executable).with_name("reportlint")
    if not exe.exists():
        pytest.skip("reportlint is not installed in this environment")
    draft = tmp_path / "d.txt"
    draft.write_text("下一步工作待补充。", encoding="utf-8")
    result = subprocess.run([str(exe), "check", "--select", "hygiene/placeholder", str(draft)],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1 and "hygiene/placeholder" in result.stdout, result.stderr
