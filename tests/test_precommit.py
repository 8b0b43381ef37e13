"""The pre-commit hook, end to end, exactly as the README documents it: the README's snippet is
pasted into a throwaway repository of drafts and the real pre-commit tool runs it.

pre-commit installs the hook from the snippet's `rev:` into its own virtualenv (pip), so this
tests committed code, as a user of the hook gets it. The README names the release tag (v0.2.0); a
throwaway mirror of the committed HEAD carries that tag, so the snippet runs exactly as written."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import docx
import pytest
import yaml
from conftest import ROOT


def git(*args, cwd) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)


def readme_snippet() -> str:
    """The .pre-commit-config.yaml the README tells a user to paste, verbatim."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("## pre-commit", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]


def test_the_documented_rev_is_this_version():
    rev = yaml.safe_load(readme_snippet())["repos"][0]["rev"]
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    from reportlint import __version__

    assert rev == f"v{version}" == f"v{__version__}"
    tagged = git("show", f"{rev}:pyproject.toml", cwd=ROOT)
    if tagged.returncode == 0:  # once tagged, the tag must be the release it names
        assert f'version = "{version}"' in tagged.stdout


def hook_source(tmp: Path, rev: str) -> str:
    """A mirror of this checkout's HEAD with `rev` on it: the README's snippet, run against the code
    as committed now (test_the_documented_rev_is_this_version checks the real tag, once it exists)."""
    head = git("rev-parse", "HEAD", cwd=ROOT)
    if head.returncode != 0 or Path(git("rev-parse", "--show-toplevel", cwd=ROOT).stdout.strip()).resolve() != ROOT:
        pytest.skip(f"{ROOT} is not a git checkout with a commit: pre-commit installs hooks from a commit")
    if git("cat-file", "-e", "HEAD:.pre-commit-hooks.yaml", cwd=ROOT).returncode != 0:
        pytest.skip(".pre-commit-hooks.yaml is not committed yet: pre-commit reads it from HEAD")
    mirror = tmp / "reportlint-mirror"
    sha = head.stdout.strip()
    for args in (("init", "-q", str(mirror)), ("-C", str(mirror), "fetch", "-q", str(ROOT), sha),
                 ("-C", str(mirror), "tag", rev, sha)):
        done = git(*args, cwd=tmp)
        assert done.returncode == 0, done.stderr
    return str(mirror)


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    """A git repository of drafts whose .pre-commit-config.yaml is the README's snippet."""
    pre_commit = Path(sys.executable).with_name("pre-commit")
    if not pre_commit.exists():
        pytest.skip(f"pre-commit is not installed beside {sys.executable}")
    tmp = tmp_path_factory.mktemp("precommit")
    snippet = readme_snippet()
    config = yaml.safe_load(snippet)
    documented = config["repos"][0]["repo"]
    # the one substitution: the README's placeholder URL becomes where this reportlint is
    snippet = snippet.replace(documented, hook_source(tmp, config["repos"][0]["rev"]), 1)
    repo = tmp / "drafts"
    (repo / "archive").mkdir(parents=True)
    (repo / ".pre-commit-config.yaml").write_text(snippet, encoding="utf-8")
    (repo / ".reportlint.yaml").write_text("exclude: ['archive/*']\n", encoding="utf-8")
    # None of these is a whole annual report: linted, each would fail the structure rules.
    (repo / "README.md").write_text("# 报告草稿库\n\n各科室的报告草稿放在此处，定稿后归档。\n", encoding="utf-8")
    (repo / "requirements.txt").write_text("pre-commit>=3.5\n", encoding="utf-8")
    bad = "一、基本数据\n（一）办理行政案件情况。（略）\n"
    (repo / "archive" / "2019年度报告.txt").write_text(bad, encoding="utf-8")
    (repo / "初稿.txt").write_text(bad, encoding="utf-8")
    # A folder whose drafts are checked by the hygiene pack only (its own configuration).
    (repo / "短稿").mkdir()
    (repo / "短稿" / ".reportlint.yaml").write_text("select: [hygiene]\n", encoding="utf-8")
    good = "一、基本数据\n（一）办理行政案件情况。全年受理行政案件2241起，办结1179起。\n"
    (repo / "短稿" / "定稿.md").write_text(good, encoding="utf-8")
    word = docx.Document()
    for text in ("一、基本数据", "", "（二）办理行政许可情况。（略）"):
        word.add_paragraph(text)
    word.save(repo / "短稿" / "初稿.docx")
    (repo / "说明.py").write_text("# （略）: not a draft, the hook's file pattern leaves it alone\n", encoding="utf-8")
    assert git("init", "-q", cwd=repo).returncode == 0
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRE_COMMIT", "GIT_"))}
    env.update(PRE_COMMIT_HOME=str(tmp / "pre-commit-home"), PRE_COMMIT_COLOR="never")

    class Drafts:
        path = repo

        @staticmethod
        def run(*args) -> subprocess.CompletedProcess:
            return subprocess.run([str(pre_commit), "run", *args], cwd=repo, env=env,
                                  capture_output=True, text=True, timeout=900)

    return Drafts


def test_the_readme_snippet_blocks_only_the_bad_draft(drafts):
    staged = [".pre-commit-config.yaml", ".reportlint.yaml", "README.md", "requirements.txt", "archive", "初稿.txt"]
    assert git("add", *staged, cwd=drafts.path).returncode == 0
    commit = drafts.run()  # what `git commit` runs: the hook on the staged files
    out = commit.stdout
    assert commit.returncode == 1, out + commit.stderr
    assert "Failed" in out and "初稿.txt:2:" in out and "[hygiene/placeholder]" in out
    assert "共 1 个文件" in out
    for other in ("README.md", "requirements.txt", "archive", "2019"):
        assert other not in out, out
    passing = drafts.run("--files", "README.md", "requirements.txt", "archive/2019年度报告.txt")
    assert passing.returncode == 0 and "Passed" in passing.stdout, passing.stdout + passing.stderr


def test_the_hook_checks_word_drafts_and_passes_a_good_one(drafts):
    assert git("add", ".", cwd=drafts.path).returncode == 0  # pre-commit refuses an unstaged configuration
    good = drafts.run("--files", "短稿/定稿.md")
    assert good.returncode == 0 and "Passed" in good.stdout, good.stdout + good.stderr
    word = drafts.run("--files", "短稿/初稿.docx")
    assert word.returncode == 1, word.stdout + word.stderr
    assert "初稿.docx（一、基本数据／（二）办理行政许可情况）:" in word.stdout
    assert "[hygiene/placeholder]" in word.stdout
    other = drafts.run("--files", "说明.py")
    assert other.returncode == 0 and "(no files to check)" in other.stdout, other.stdout + other.stderr
