"""Compiled patterns kept across runs: a pattern from the cache is the pattern regex compiles, match
for match; a stale, broken or foreign cache file is ignored; a worker never writes; with the cache off
nothing is kept."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
import regex
from conftest import SEEDS

from reportlint import patterns
from reportlint.engine import load_rules

SEED_TEXT = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))


def shipped_patterns() -> list[tuple[str, int]]:
    """Every pattern the modules and the shipped rules compile (each rule built)."""
    for rule in load_rules().rules:
        rule.ready()
    return sorted({(p, f) for p, f, _ in patterns.STORE.used} | {(p, f) for p, f, _ in patterns.STORE.known or {}})


def spans(compiled, text: str) -> list:
    return [(m.span(), m.groups(), m.groupdict()) for m in compiled.finditer(text)]


def from_cache(folder, pattern: str, flags: int = 0):
    """`pattern` compiled by one store and saved, then read back by a new store from the same folder."""
    first = patterns.Store(folder)
    first.compile(pattern, flags)
    first.save()
    second = patterns.Store(folder)
    assert (pattern, flags, regex.DEFAULT_VERSION) in second._load()
    return second.compile(pattern, flags)


def test_every_shipped_pattern_comes_back_from_the_cache_as_regex_compiles_it(tmp_path):
    wanted = shipped_patterns()
    assert len(wanted) > 150
    first = patterns.Store(tmp_path)
    for pattern, flags in wanted:
        first.compile(pattern, flags)
    first.save()
    second = patterns.Store(tmp_path)
    assert len(second._load()) >= len(wanted)
    for pattern, flags in wanted:
        fresh, again = regex.compile(pattern, flags), second.compile(pattern, flags)
        assert again is not fresh
        assert (again.pattern, again.flags, again.groups, again.groupindex) == \
               (fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex)
        assert spans(again, SEED_TEXT) == spans(fresh, SEED_TEXT), pattern


def test_flags_and_a_replacement_survive_the_cache(tmp_path):
    again = from_cache(tmp_path, r"(?P<year>\d{4})年", regex.IGNORECASE)
    assert again.flags & regex.IGNORECASE
    assert again.sub(r"\g<year>年度", "2023年报告") == "2023年度报告"


def test_a_file_from_another_regex_is_ignored(tmp_path, monkeypatch):
    store = patterns.Store(tmp_path)
    store.compile(r"立案\d+起")
    store.save()
    monkeypatch.setattr(patterns, "STAMP", ("regex", "0.0", 0, 0, ""))
    stale = patterns.Store(tmp_path)
    assert stale._load() == {}  # the entry name changes with the stamp, and so would the stamp inside
    assert stale.compile(r"立案\d+起").search("立案12起").group() == "立案12起"


def test_a_broken_file_and_a_broken_entry_fall_back_to_compiling(tmp_path):
    store = patterns.Store(tmp_path)
    Path(store.entry).write_bytes(b"not a pickle")
    assert store.compile(r"破案(\d+)起").search("破案7起").group(1) == "7"
    bogus = patterns.Store(tmp_path)
    bogus.known = {(r"破案(\d+)起", 0, regex.DEFAULT_VERSION): b"not a pickled pattern"}
    assert bogus.compile(r"破案(\d+)起").search("破案7起").group(1) == "7"
    other = patterns.Store(tmp_path)  # an entry that holds another pattern is not taken for this one
    other.known = {(r"立案(\d+)起", 0, regex.DEFAULT_VERSION): pickle.dumps(regex.compile(r"破案(\d+)起"))}
    assert other.compile(r"立案(\d+)起").search("立案5起").group(1) == "5"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_folder_others_may_write_to_is_not_read(tmp_path):
    store = patterns.Store(tmp_path)
    store.compile(r"结案\d+件")
    store.save()
    tmp_path.chmod(0o777)
    try:
        assert patterns.Store(tmp_path)._load() == {}
    finally:
        tmp_path.chmod(0o700)


def test_a_worker_process_never_writes(tmp_path):
    store = patterns.Store(tmp_path)
    store.owner = -1  # as in a forked worker: another process's store
    store.compile(r"查处\d+起")
    store.save()
    assert not os.path.exists(store.entry)


def test_with_the_cache_off_nothing_is_kept():
    store = patterns.Store(None)
    assert store.compile(r"受理\d+件").search("受理3件")
    assert store.used == {} and not store.added
    store.save()  # nothing to write, nowhere to write it


def test_past_the_limit_only_the_latest_run_is_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(patterns, "LIMIT", 3)
    old = patterns.Store(tmp_path)
    for i in range(3):
        old.compile(f"旧{i}")
    old.save()
    new = patterns.Store(tmp_path)
    new.compile("新的")
    new.save()
    kept = {p for p, _, _ in patterns.Store(tmp_path)._load()}
    assert kept == {"新的"}
