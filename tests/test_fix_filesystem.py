"""--fix edits the draft the user meant, as the file system knows it: links, mode, owner, read-only."""

from __future__ import annotations

import os
import stat

import pytest

from reportlint import fix

DRAFT = "全市共办理案件14起，结案率达到98%%。\n"
FIXED = "全市共办理案件14起，结案率达到98%。\n"


def run_fix(cli, path):
    return cli("check", "--select", "hygiene/doubled-symbol", "--fix", path)


def test_fix_through_a_symlink_fixes_the_target_and_keeps_the_link(cli, tmp_path):
    target = tmp_path / "real.txt"
    target.write_text(DRAFT, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    run_fix(cli, link)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == FIXED


def test_fix_keeps_hard_links(cli, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    other = tmp_path / "other-name.txt"
    os.link(draft, other)
    run_fix(cli, draft)
    assert os.stat(draft).st_ino == os.stat(other).st_ino
    assert other.read_text(encoding="utf-8") == FIXED


def test_fix_keeps_mode(cli, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    draft.chmod(0o640)
    run_fix(cli, draft)
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640 and draft.read_text(encoding="utf-8") == FIXED


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="changing a file's owner needs root")
def test_fix_run_as_root_keeps_the_owner(cli, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    os.chown(draft, 4321, 4321)
    run_fix(cli, draft)
    info = draft.stat()
    assert (info.st_uid, info.st_gid) == (4321, 4321) and draft.read_text(encoding="utf-8") == FIXED


def test_read_only_draft_is_refused_in_one_line_and_left_alone(cli, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    draft.chmod(0o444)
    run = run_fix(cli, draft)
    assert run.code == 2
    assert "只读" in run.err and "Traceback" not in run.err and len(run.err.strip().splitlines()) == 1
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_interrupted_write_leaves_no_temporary_file_and_the_draft_intact(tmp_path, monkeypatch):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(fix.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fix.write_atomically(str(draft), FIXED, "utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["draft.txt"]
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_failed_in_place_write_restores_the_old_bytes(tmp_path, monkeypatch):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    os.link(draft, tmp_path / "second.txt")  # a hard link: written in place
    real_fsync = os.fsync
    calls = []

    def failing_fsync(fd):
        calls.append(fd)
        if len(calls) == 2:  # the temporary copy's fsync passes, the in-place one fails
            raise OSError("disk full")
        real_fsync(fd)

    monkeypatch.setattr(fix.os, "fsync", failing_fsync)
    with pytest.raises(OSError):
        fix.write_atomically(str(draft), FIXED, "utf-8")
    assert draft.read_text(encoding="utf-8") == DRAFT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt", "second.txt"]
