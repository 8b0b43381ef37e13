"""Paths as strings give what pathlib gave: the same names, suffixes and answers, on made-up paths and
on a tree with links."""

from __future__ import annotations

import itertools
import os
from pathlib import Path, PurePath

import pytest
from conftest import SEEDS

from reportlint import paths
from reportlint.engine import default_rules_dir, is_shipped, resolved

PARTS = ["", ".", "..", "a", "b.txt", "..txt", ".md", "c.", "d.tar.gz", "报告.DOCX", "x y"]


def made_up() -> list[str]:
    out = []
    for n in (1, 2, 3):
        for combo in itertools.product(PARTS, repeat=n):
            for lead in ("", "/", "//", "///", "./"):
                for trail in ("", "/", "/."):
                    out.append(lead + "/".join(combo) + trail)
    return out


def test_names_and_suffixes_are_pathlibs():
    for path in made_up():
        assert paths.tidy(path) == str(PurePath(path)), path
        assert paths.as_posix(path) == PurePath(path).as_posix(), path
        assert paths.suffix(path) == PurePath(path).suffix, path


def test_inside_is_pathlibs_parents(tmp_path):
    folders = ["/", "/a", "/a/b", "/ab", "/a/b/c"]
    for path, folder in itertools.product(folders, repeat=2):
        assert paths.inside(path, folder) == (PurePath(folder) in PurePath(path).parents), (path, folder)


def test_a_draft_named_with_a_trailing_slash_is_read_as_before(cli, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("全年办理案件XX起。", encoding="utf-8")
    run = cli("check", "--format", "json", "--select", "hygiene/placeholder-x", f"{draft}/")
    assert run.code == 1, run.err
    assert [f["rule"] for f in run.json()["findings"]] == ["hygiene/placeholder-x"]


def test_a_link_before_dotdot_is_followed_before_a_pack_counts_as_shipped(tmp_path):
    """link/../lintrules is a/lintrules when link points to a/b: not the shipped folder, even if the
    text, read without the link, would name a link to it."""
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "lintrules").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "a" / "b")
    (tmp_path / "lintrules").symlink_to(default_rules_dir())
    pack = tmp_path / "link" / ".." / "lintrules" / "team.yaml"
    (tmp_path / "a" / "lintrules" / "team.yaml").write_text("rules: []\n", encoding="utf-8")
    assert Path(pack).is_file()
    assert not is_shipped(str(pack))
    assert is_shipped(str(tmp_path / "lintrules" / "hygiene.yaml"))
    assert resolved(str(tmp_path / "link")) == str((tmp_path / "a" / "b").resolve())


def test_a_pack_not_in_utf8_says_so(cli, tmp_path):
    pack = tmp_path / "team.yaml"
    pack.write_bytes("rules:\n  - id: local/旧名称\n".encode("gbk"))
    run = cli("check", "--rules", pack, sorted(SEEDS.glob("*.txt"))[0])
    assert run.code == 2 and "不是 UTF-8 编码" in run.err and "第 2 行" in run.err, run.err


def test_an_unreadable_draft_is_not_called_missing(cli, tmp_path, monkeypatch):
    import errno

    draft = tmp_path / "d.txt"
    draft.write_text("正文。", encoding="utf-8")
    real_stat = os.stat

    def denied(name, *args, **kwargs):  # its folder cannot be searched (as root, no folder is closed)
        if os.fspath(name) == str(draft):
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return real_stat(name, *args, **kwargs)

    monkeypatch.setattr(os, "stat", denied)
    run = cli("check", draft)
    assert run.code == 2 and "文件不存在" not in run.err and "没有读取权限" in run.err, run.err


def test_a_link_named_with_a_trailing_slash_takes_the_configuration_beside_it(tmp_path, monkeypatch):
    from reportlint.config import config_for

    (tmp_path / "else").mkdir()
    (tmp_path / ".reportlint.yaml").write_text("select: [hygiene]\n", encoding="utf-8")
    (tmp_path / "else" / ".reportlint.yaml").write_text("select: [wording]\n", encoding="utf-8")
    (tmp_path / "else" / "x.txt").write_text("正文。", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "else" / "x.txt")
    monkeypatch.chdir(tmp_path)
    assert config_for("link.txt/").select == config_for(str(PurePath("link.txt/"))).select == ["hygiene"]


def test_a_configuration_named_with_a_trailing_slash_keeps_its_format(tmp_path):
    from reportlint.config import config_for

    cfg = tmp_path / "team.toml"
    cfg.write_text('[tool.reportlint]\nselect = ["hygiene"]\n', encoding="utf-8")
    assert config_for("x.txt", f"{cfg}/").select == ["hygiene"]


def test_a_pack_in_a_relative_folder_is_judged_from_the_folder_of_the_moment(tmp_path, monkeypatch):
    (tmp_path / "lintrules").mkdir()
    (tmp_path / "lintrules" / "team.yaml").write_text("rules: []\n", encoding="utf-8")
    monkeypatch.chdir(os.path.dirname(default_rules_dir()))
    assert is_shipped(os.path.join("lintrules", "hygiene.yaml"))
    monkeypatch.chdir(tmp_path)  # the same words now name the team's folder
    assert not is_shipped(os.path.join("lintrules", "team.yaml"))


def test_odd_names_and_line_ends_get_plain_messages(tmp_path):
    from reportlint.engine import load_rules
    from reportlint.errors import InputError, RuleError
    from reportlint.load import load

    with pytest.raises(InputError, match="文件不存在"):
        load("a\0b.txt")
    pack = tmp_path / "mac.yaml"
    pack.write_bytes(b"rules:\r  - id: a/b\r    why: \xff\r")
    with pytest.raises(RuleError, match="第 3 行"):
        load_rules([str(pack)], defaults=False)
