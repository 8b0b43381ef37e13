"""Rule packs and configurations are untrusted input: a hostile pattern is refused or stopped."""

from __future__ import annotations

import time

import pytest
import regex

from reportlint.safe_regex import MAX_EXPANSION, budget, compile_bounded, expansion

RELATION_WITH_BACKTRACKING_UNLESS = """\
rules:
  - id: team/solved-le-filed
    kind: relation
    severity: error
    message: 破案数（{a}）大于立案数（{b}），请核对
    why: 破案数不可能超过同期立案数。
    params: {a: 破案, b: 立案, op: "<=", unless: "(a|aa)+$"}
    examples:
      bad: ["全年共立刑事案件1408起，破案1520起。"]
      good: ["全年共立刑事案件1408起，破案967起。"]
"""

PATTERN_RULE = """\
rules:
  - id: team/pattern
    kind: pattern
    severity: warning
    message: 示例
    why: 示例
    params: {{pattern: '{pattern}'}}
    examples:
      bad: ["的的"]
      good: ["的"]
"""


@pytest.mark.parametrize(("source", "size"), [
    ("abc", 3), (r"\d{4}年", 5), ("(ab){3}", 6), ("((a{10}){10}){10}", 1000), ("[{}]{2}", 2),
    (r"\{3}", 3), ("a{,5}", 5), ("x{}", 3),
])
def test_expansion_counts_what_counted_repetitions_unroll_to(source, size):
    assert expansion(source) == size


@pytest.mark.parametrize("source", ["a{1000000000}", "((a{100}){100}){100}", "(a{1000}){1000}", "x" * 3000])
def test_patterns_that_would_take_long_or_much_memory_to_compile_are_refused(source):
    start = time.monotonic()
    with pytest.raises(ValueError):
        compile_bounded(source)
    assert time.monotonic() - start < 1


def test_a_realistic_pattern_compiles_and_behaves_like_the_regex_module():
    source = r"(\d{4})年(\d{1,2})月(\d{1,2})日"
    bounded = compile_bounded(source)
    text = "2021年1月29日和2022年12月1日"
    plain = regex.compile(source)
    assert [m.span() for m in bounded.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert bounded.search(text).group(1) == "2021" and bounded.groups == 3
    assert expansion(source) < MAX_EXPANSION


def test_a_catastrophic_search_stops_when_the_rules_budget_is_spent():
    bounded = compile_bounded("(a|aa)+$")
    start = time.monotonic()
    with pytest.raises(TimeoutError), budget(0.3):
        for _ in range(1000):  # the budget is shared: many calls cannot add up past it
            bounded.search("a" * 40 + "b")
    assert time.monotonic() - start < 3


def test_relation_rule_with_a_backtracking_unless_is_skipped_and_the_run_goes_on(cli, tmp_path):
    pack = tmp_path / "team.yaml"
    pack.write_text(RELATION_WITH_BACKTRACKING_UNLESS, encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text(("全年共立刑事案件1408起，破案1520起，" + "a" * 40 + "b。\n") * 20
                     + "材料中“的的”出现。\n", encoding="utf-8")
    start = time.monotonic()
    run = cli("check", "--rules", pack, "--select", "team,hygiene/doubled-char", draft)
    assert time.monotonic() - start < 30
    assert run.code == 1, run.err  # the other rule still reports
    assert "hygiene/doubled-char" in run.out
    assert "team/solved-le-filed" in run.err and "超时" in run.err


@pytest.mark.parametrize("pattern", ["a{1000000000}", "((a{100}){100}){100}"])
def test_pack_with_a_huge_repetition_is_a_one_line_error_naming_the_field(cli, tmp_path, pattern):
    pack = tmp_path / "team.yaml"
    pack.write_text(PATTERN_RULE.format(pattern=pattern), encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("正文。\n", encoding="utf-8")
    start = time.monotonic()
    run = cli("check", "--rules", pack, draft)
    assert time.monotonic() - start < 5
    assert run.code == 2 and "params.pattern" in run.err and "team/pattern" in run.err
    assert len(run.err.strip().splitlines()) == 1
