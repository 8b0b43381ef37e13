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
    result = subprocess.run([ruff, "check", "reportlint", "tests", "bench"], cwd=ROOT, capture_output=True, text=True)
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


def readme_text_after(marker: str) -> str:
    """README text from `marker` up to the end of the code block it stands in."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split(marker, 1)[1].split("```", 1)[0]


def readme_block_after(heading: str) -> str:
    """The first code block after `heading`, without its fence line."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split(heading, 1)[1].split("```", 2)[1].split("\n", 1)[1]


def test_readme_example_output_is_what_reportlint_prints(cli, monkeypatch):
    command = "$ reportlint check seeds/004_ef96db1b2199c610.txt\n"
    monkeypatch.chdir(ROOT)
    run = cli(*command[2:].split()[1:])
    assert run.out == readme_text_after(command)


def test_readme_configuration_is_valid(cli, tmp_path):
    config = readme_block_after("## Configuration")
    (tmp_path / ".reportlint.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "team-rules.yaml").write_text("rules: []\n", encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_bytes((ROOT / "seeds" / "000_063048ef22c17581.txt").read_bytes())
    run = cli("check", draft)
    assert run.code in (0, 1), run.err
    assert cli("config", draft).code == 0


def test_readme_suppression_examples_name_real_rules():
    import re

    from reportlint.engine import load_rules, matches

    ids = [r.id for r in load_rules().rules]
    block = readme_block_after("## Suppressing a finding")
    named = [p.strip() for d in re.findall(r"reportlint-disable(?:-next-line)? ([^ ]+) -->", block)
             for p in d.split(",")]
    assert named and all(any(matches(i, p) for i in ids) for p in named), named
