"""The pre-commit hook, end to end: a throwaway repository uses this one (repo: path, rev: HEAD)
and the real pre-commit tool must block a bad draft and pass a good one.

pre-commit installs the hook from the committed HEAD into its own virtualenv (pip, from PyPI),
so this tests committed code, as a user of the hook would get it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
import yaml
from conftest import ROOT


def git(*args, cwd) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)


def committed_head() -> str:
    head = git("rev-parse", "HEAD", cwd=ROOT)
    if head.returncode != 0 or Path(git("rev-parse", "--show-toplevel", cwd=ROOT).stdout.strip()).resolve() != ROOT:
        pytest.skip(f"{ROOT} is not a git checkout with a commit: pre-commit installs hooks from a commit")
    if git("cat-file", "-e", "HEAD:.pre-commit-hooks.yaml", cwd=ROOT).returncode != 0:
        pytest.skip(".pre-commit-hooks.yaml is not committed yet: pre-commit reads it from HEAD")
    return head.stdout.strip()


@pytest.fixture
def drafts(tmp_path):
    """A git repository of drafts whose .pre-commit-config.yaml points at this repository's HEAD."""
    pre_commit = Path(sys.executable).with_name("pre-commit")
    if not pre_commit.exists():
        pytest.skip(f"pre-commit is not installed beside {sys.executable}")
    repo = tmp_path / "drafts"
    repo.mkdir()
    config = {"repos": [{
        "repo": str(ROOT),
        "rev": committed_head(),
        # The short drafts below are not whole annual reports, which the structure and duty packs
        # rightly flag; this test is about the hook's wiring, so it runs the hygiene pack only.
        "hooks": [{"id": "reportlint", "args": ["--select", "hygiene"]}],
    }]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    (repo / "初稿.txt").write_text("一、基本数据\n（一）办理行政案件情况。（略）\n", encoding="utf-8")
    (repo / "定稿.md").write_text("一、基本数据\n（一）办理行政案件情况。全年受理行政案件2241起，办结1179起。\n",
                                  encoding="utf-8")
    word = docx.Document()
    for text in ("一、基本数据", "", "（二）办理行政许可情况。（略）"):
        word.add_paragraph(text)
    word.save(repo / "初稿.docx")
    (repo / "说明.py").write_text("# （略）: not a draft, the hook's file pattern leaves it alone\n", encoding="utf-8")
    assert git("init", "-q", cwd=repo).returncode == 0
    # pre-commit refuses to run with an unstaged configuration.
    assert git("add", ".", cwd=repo).returncode == 0
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRE_COMMIT", "GIT_"))}
    env.update(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), PRE_COMMIT_COLOR="never")

    def run(*files) -> subprocess.CompletedProcess:
        return subprocess.run([str(pre_commit), "run", "--files", *files], cwd=repo, env=env,
                              capture_output=True, text=True, timeout=900)

    return run


def test_hook_blocks_a_bad_draft_and_passes_a_good_one(drafts):
    bad = drafts("初稿.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "reportlint" in bad.stdout and "Failed" in bad.stdout
    assert "初稿.txt:2:" in bad.stdout and "[hygiene/placeholder]" in bad.stdout and "（略）" in bad.stdout

    good = drafts("定稿.md")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "reportlint" in good.stdout and "Passed" in good.stdout

    word = drafts("初稿.docx")
    assert word.returncode == 1, word.stdout + word.stderr
    assert "初稿.docx（一、基本数据／（二）办理行政许可情况）:" in word.stdout
    assert "[hygiene/placeholder]" in word.stdout

    other = drafts("说明.py")
    assert other.returncode == 0, other.stdout + other.stderr
    assert "(no files to check)" in other.stdout
