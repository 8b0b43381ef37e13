"""The plan cache: the checks of a plan's shipped rules, unpickled instead of built, find exactly what
built ones find; an edited pack or module, a broken or foreign entry, a configured rule or the cache
turned off mean building, as before."""

from __future__ import annotations

import os
import pickle
import zlib

import pytest
from conftest import SEEDS as SEED_DIR

from reportlint import plancache
from reportlint.checks import Params, ReadParams
from reportlint.checks.phrases import SHARED
from reportlint.runner import Options, Planner, lint_one

SEEDS = sorted(SEED_DIR.glob("*.txt"))


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path))
    return tmp_path


def entries(folder) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n.startswith("plan-"))


def findings(planner: Planner) -> list[tuple]:
    out = []
    for seed in SEEDS:
        report = lint_one(planner, str(seed)).report
        out += [(f.path, f.line, f.column, f.end_line, f.end_column, f.rule, f.message) for f in report.findings]
    return out


def fresh_planner(options: Options | None = None) -> Planner:
    return Planner(options or Options())  # its own RuleSet: every rule unbuilt


def test_unpickled_checks_find_what_built_ones_find(folder, monkeypatch):
    built = fresh_planner()
    expected = findings(built)
    assert expected and len(entries(folder)) == 1
    assert all(type(r.built.params) is Params for r in built.plan(str(SEEDS[0])).rules)
    # The shared phrase index as a new process has it: empty. Unpickled checks register their
    # phrases again, or the phrase rules (misspellings, dated terms, debris) would find nothing.
    monkeypatch.setattr(SHARED, "phrases", set())
    monkeypatch.setattr(SHARED, "auto", None)
    monkeypatch.setattr(SHARED, "version", SHARED.version + 1)
    cached = fresh_planner()
    rules = cached.plan(str(SEEDS[0])).rules
    assert all(type(r.built.params) is ReadParams for r in rules)  # from the cache indeed
    assert SHARED.phrases
    finders = [r.built.finder for r in rules if hasattr(r.built, "finder")]
    assert len(finders) >= 6 and len({id(f) for f in finders}) == 1  # one for the same parts, unpickled too
    assert findings(cached) == expected
    assert {f[5].split("/")[0] for f in expected} >= {"hygiene", "wording", "numbers", "duties"}


def test_an_edited_module_or_pack_is_built_afresh(folder, monkeypatch):
    fresh_planner().plan(str(SEEDS[0]))
    module = plancache.__file__.replace("plancache.py", os.path.join("checks", "pattern.py"))
    info = os.stat(module)
    try:
        os.utime(module, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
        monkeypatch.setattr(plancache, "CODE", plancache.code_stamp())  # as a run started now takes it
        rules = fresh_planner().plan(str(SEEDS[0])).rules
    finally:
        os.utime(module, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert all(type(r.built.params) is Params for r in rules)
    assert len(entries(folder)) == 2
    # a pack is known by the checksum of the bytes its rules were read from, whatever its size and date
    planner = fresh_planner()
    hygiene = [r for r in planner.ruleset(()).rules if r.id.startswith("hygiene/")]
    with open(hygiene[0].file, "rb") as f:
        assert hygiene[0].pack == zlib.crc32(f.read())
    for rule in hygiene:
        monkeypatch.setattr(rule, "pack", rule.pack ^ 1)  # one bit of the pack read otherwise
    rules = planner.plan(str(SEEDS[0])).rules
    assert {type(r.built.params) for r in rules if r.id.startswith("hygiene/")} == {Params}
    assert len(entries(folder)) == 3


@pytest.mark.parametrize("content", [b"not a pickle", None, "other kinds"])
def test_a_broken_or_foreign_entry_means_building(folder, content):
    fresh_planner().plan(str(SEEDS[0]))
    (name,) = entries(folder)
    path = os.path.join(folder, name)
    if content is None:  # the right stamp, one check short
        with open(path, "rb") as f:
            stamp, checks = pickle.load(f)
        content = pickle.dumps((stamp, checks[:-1]))
    elif content == "other kinds":  # the right stamp and count, the checks of other rules
        with open(path, "rb") as f:
            stamp, checks = pickle.load(f)
        content = pickle.dumps((stamp, checks[::-1]))
    with open(path, "wb") as f:
        f.write(content)
    planner = fresh_planner()
    rules = planner.plan(str(SEEDS[0])).rules
    assert all(type(r.built.params) is Params for r in rules)
    assert findings(planner) == findings(fresh_planner())


def test_a_configured_rule_is_built_from_its_parameters(folder, tmp_path):
    fresh_planner().plan(str(SEEDS[0]))
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / ".reportlint.yaml").write_text('params:\n  hygiene/placeholder:\n    phrases: ["暂缺"]\n',
                                             encoding="utf-8")
    draft = drafts / "a.txt"
    draft.write_text("本节（略）。数据暂缺。\n", encoding="utf-8")
    fresh_planner().plan(str(draft))  # this configuration's selection, stored
    planner = fresh_planner()
    rules = {r.id: r for r in planner.plan(str(draft)).rules}
    assert type(rules["hygiene/placeholder"].built.params) is Params  # built from the configuration
    assert rules["hygiene/placeholder"].built.params["phrases"] == ["暂缺"]
    assert type(rules["hygiene/web-debris"].built.params) is ReadParams  # the others from the cache
    found = [f for f in lint_one(planner, str(draft)).report.findings if f.rule == "hygiene/placeholder"]
    assert [(f.column, f.end_column) for f in found] == [(9, 11)]  # 暂缺, not （略）


def test_old_entries_go_past_the_limit_and_the_cache_can_be_off(folder, monkeypatch):
    ids = [r.id for r in fresh_planner().ruleset(()).rules][: plancache.LIMIT + 3]
    for rule_id in ids:  # a selection each: an entry each
        fresh_planner(Options(select=[rule_id])).plan(str(SEEDS[0]))
    assert len(entries(folder)) == plancache.LIMIT
    newest = fresh_planner(Options(select=[ids[-1]])).plan(str(SEEDS[0])).rules
    assert type(newest[0].built.params) is ReadParams  # the latest entry is one of those kept
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", "off")
    rules = fresh_planner().plan(str(SEEDS[0])).rules
    assert all(type(r.built.params) is Params for r in rules)
