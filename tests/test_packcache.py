"""The parsed-pack cache: a pack read twice is parsed once; an edited pack, a broken entry or a folder
others can write to means parsing again; the cached data builds the same rules."""

from __future__ import annotations

import os
import sys

import pytest
from conftest import ROOT

from reportlint import packcache
from reportlint.engine import load_rules


class Parser:
    def __init__(self, data):
        self.data, self.calls = data, 0

    def __call__(self):
        self.calls += 1
        return self.data


@pytest.fixture
def folder(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(where))
    return where


def test_a_pack_read_twice_is_parsed_once(folder):
    parse = Parser({"rules": [{"id": "a/b"}]})
    assert packcache.load(b"text", parse) == {"rules": [{"id": "a/b"}]}
    assert packcache.load(b"text", parse) == {"rules": [{"id": "a/b"}]}
    assert parse.calls == 1
    assert len(list(folder.glob("*.pickle"))) == 1


def test_an_entry_is_used_only_for_the_very_text_it_was_parsed_from(folder, monkeypatch):
    parse = Parser({"n": 1})
    packcache.load(b"text", parse)
    monkeypatch.setattr(packcache, "key", lambda text: next(folder.glob("*.pickle")).stem)  # a collision
    assert packcache.load(b"other text", Parser({"n": 2})) == {"n": 2}


def test_an_edited_pack_is_parsed_again(folder):
    parse = Parser({"n": 1})
    packcache.load(b"text", parse)
    packcache.load(b"text, edited", parse)
    assert parse.calls == 2


def test_a_broken_entry_is_ignored_and_rewritten(folder):
    parse = Parser({"n": 1})
    packcache.load(b"text", parse)
    entry = next(folder.glob("*.pickle"))
    entry.write_bytes(b"not a pickle")
    assert packcache.load(b"text", parse) == {"n": 1}
    assert packcache.load(b"text", parse) == {"n": 1}
    assert parse.calls == 2  # rewritten by the second call, read by the third


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_folder_others_may_write_to_is_not_trusted(folder):
    parse = Parser({"n": 1})
    packcache.load(b"text", parse)
    folder.chmod(0o777)
    packcache.load(b"text", parse)
    assert parse.calls == 2


def test_off_turns_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", "off")
    parse = Parser({"n": 1})
    packcache.load(b"text", parse)
    packcache.load(b"text", parse)
    assert parse.calls == 2


def test_rules_built_from_the_cache_are_the_rules_built_from_yaml(folder, monkeypatch):
    pack = str(ROOT / "lintrules" / "citations.yaml")
    fresh = load_rules([pack], defaults=False).rules  # parsed, and written to the cache
    assert list(folder.glob("*.pickle"))
    monkeypatch.setattr("reportlint.yamlfile.load", lambda *a, **k: pytest.fail("parsed again"))
    cached = load_rules([pack], defaults=False).rules
    assert [(r.id, r.params) for r in cached] == [(r.id, r.params) for r in fresh]
    assert cached[0].check.list.exact("民法通则").repealed.isoformat() == "2021-01-01"


def test_no_home_directory_means_no_cache_not_an_error(monkeypatch):
    monkeypatch.delenv("REPORTLINT_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    monkeypatch.delenv("HOME", raising=False)
    if sys.platform != "win32":  # no HOME and no password entry: "~" cannot be expanded
        import pwd

        def unknown(uid):
            raise KeyError(uid)

        monkeypatch.setattr(pwd, "getpwuid", unknown)
    monkeypatch.delenv("USERPROFILE", raising=False)
    assert packcache.usable_dir() is None
    assert packcache.load(b"text", Parser({"n": 1})) == {"n": 1}


def test_a_users_copy_of_a_shipped_pack_is_checked_whatever_the_cache_holds(folder, tmp_path, cli):
    """The shipped citations pack uses a YAML alias, which only a shipped pack may: a copy of it in a
    user's folder is refused, whether or not the shipped one was cached just before."""
    shipped = ROOT / "lintrules" / "citations.yaml"
    copy = tmp_path / "team.yaml"
    copy.write_text(shipped.read_text(encoding="utf-8"), encoding="utf-8")
    load_rules([str(shipped)], defaults=False)  # cached as a trusted read
    run = cli("check", "--rules", copy, ROOT / "seeds")
    assert run.code != 0 and "别名" in run.err
