"""Drafts of the shapes that once made a check quadratic (one huge line, thousands of rates in one
sentence, thousands of directives or 一是 paragraphs): every finding is still there. How long they
take is measured by bench/bench.py, never asserted here."""

from __future__ import annotations

from collections import Counter

from reportlint.document import Document
from reportlint.engine import load_rules, run

RULES = load_rules().rules


def counts(text: str) -> Counter:
    return Counter(f.rule for f in run(Document.from_text(text), RULES))


def test_a_long_line_of_one_character_gets_every_doubled_pair_from_a_shipped_rule():
    found = counts("的" * 60_000)  # a shipped rule runs without a time budget: it never gives up
    assert found["hygiene/doubled-char"] == 30_000


def test_every_wrong_rate_of_a_sentence_of_thousands_is_reported():
    found = counts("全年受理行政案件100起，办结80起，办结率90%，" * 3000)
    assert found["numbers/close-rate-mismatch"] == 3000


def test_thousands_of_open_disables_suppress_what_follows_them_and_nothing_before():
    text = "开头的的重复。\n" + "".join(
        f"<!-- reportlint-disable hygiene/doubled-char -->\n第{i}行的的\n" for i in range(3000))
    found = [f for f in run(Document.from_text(text), RULES) if f.rule.startswith(("hygiene/doubled", "meta/"))]
    assert [(f.rule, f.line) for f in found] == [("hygiene/doubled-char", 1)]


def test_a_stale_directive_among_thousands_is_still_reported():
    lines = [f"<!-- reportlint-disable-next-line hygiene/doubled-char -->\n第{i}行的的\n" for i in range(3000)]
    lines[1500] = "<!-- reportlint-disable-next-line hygiene/doubled-char -->\n第1500行没有重复\n"
    found = [f for f in run(Document.from_text("".join(lines)), RULES)
             if f.rule.startswith(("hygiene/doubled", "meta/"))]
    assert [(f.rule, f.line) for f in found] == [("meta/unused-suppression", 3001)]


def test_thousands_of_paragraphs_opening_with_markers_keep_their_sequence_check():
    cycle = "".join(f"{'一二三四五六七八九'[i % 9]}是加强执法规范化建设。\n" for i in range(9000))
    found = [f for f in run(Document.from_text(cycle + "一是甲。\n二是乙。\n四是丁。\n"), RULES)
             if f.rule == "structure/enumeration-sequence"]
    assert [(f.line, f.message) for f in found] == [(9003, "列举序号“四是”之前缺少“三是”")]


def test_a_line_of_open_title_marks_reports_each_of_them():
    found = counts("《" * 20_000)
    assert found["citations/title-marks"] == 20_000 + 19_999  # each unclosed, and each nested in the one before


def test_numbers_on_a_line_with_no_clause_mark_keep_their_labels_and_a_bounded_clause():
    # Each number once carried the rest of the line as the text after it: quadratic in memory.
    from reportlint.quantities import AFTER_WINDOW

    found = Document.from_text("全年共立刑事案件1146起破案476起" * 5000).quantities
    assert len(found) == 10_000
    assert [q.label for q in found[-2:]] == ["立刑事案件", "破案"] == [q.label for q in found[:2]]
    assert max(len(q.after) for q in found) == AFTER_WINDOW
    assert found[-1].after == ""
