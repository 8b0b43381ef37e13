"""The document model on real drafts: headings, the section tree, enumerations, sentences."""

from __future__ import annotations

from conftest import seed

from reportlint.document import Document
from reportlint.load import load


def doc_of(prefix: str) -> Document:
    return Document(load(str(seed(prefix))))


def test_headings_of_seed_000():
    doc = doc_of("000")
    top = [(h.line.number, h.ordinal, h.title) for h in doc.headings if h.level == 1]
    assert [t[:2] for t in top] == [(3, 1), (9, 2), (14, 3), (18, 4)]
    assert top[1][2] == "存在不足和原因"
    second = [h for h in doc.headings if h.level == 2]
    assert second[0].marker == "(一)" and second[0].title == "树牢法治思想,提升执法能力"
    assert second[0].style == "()"


def test_section_tree_owns_lines_up_to_the_next_heading_of_same_or_higher_level():
    doc = doc_of("000")
    parts = doc.sections(level=1)
    assert [(s.first_line, s.last_line) for s in parts] == [(3, 8), (9, 13), (14, 17), (18, 22)]
    shortfalls = parts[1]
    assert [c.first_line for c in shortfalls.children] == [11, 12, 13]
    assert shortfalls.children[0].parent is shortfalls
    assert "分析如下" in doc.section_text(shortfalls)


def test_level_two_without_level_one_hangs_from_the_root():
    doc = doc_of("001")  # （一）…（八） come before any 一、 heading
    assert doc.headings[0].level == 2 and doc.root.children[0].level == 2
    assert [h.line.number for h in doc.headings if h.level == 1] == [14, 18]


def test_enumerations_within_a_paragraph_and_across_paragraphs():
    doc = doc_of("000")
    line16 = [e for e in doc.enumerations if e.items[0].line == 16][0]
    assert [i.marker for i in line16.items] == ["一是", "二是", "二是"]
    doc4 = doc_of("004")
    across = [e for e in doc4.enumerations if e.items[0].line == 20][0]
    assert [(i.ordinal, i.line) for i in across.items] == [(1, 20), (2, 21), (3, 22), (4, 23), (5, 24)]
    # 统一是 is not a marker; an item's span runs to the next marker
    assert not Document.from_text("坚持统一是关键。").enumerations
    first = line16.items[0]
    assert doc.text[first.start:first.end].startswith("一是能力提升增效。")


def test_sentences_and_positions():
    doc = Document.from_text("标题\n　　全年共立刑事案件1146起，破案476起。受理行政案件2241起！")
    texts = [s.text for s in doc.sentences]
    assert texts == ["标题", "全年共立刑事案件1146起，破案476起。", "受理行政案件2241起！"]
    s = doc.sentences[2]
    assert doc.position(s.start) == (2, 24)  # 2 indent + 21 characters before it


def test_level_three_heading_is_not_a_decimal_number():
    doc = Document.from_text("1.2万人次参加培训。\n1.定位分解权力。\n2、公开执法程序")
    assert [(h.level, h.ordinal) for h in doc.headings] == [(3, 1), (3, 2)]


def test_markdown_headings_hashes_and_bold_in_any_case_of_suffix():
    for path in ("d.md", "D.MD"):
        text = "## 一、主要举措和成效\n**（一）强化组织领导**\n正文。\n**二、存在不足和原因**"
        doc = Document.from_text(text, path=path)
        assert [(h.level, h.ordinal, h.title) for h in doc.headings] == [
            (1, 1, "主要举措和成效"), (2, 1, "强化组织领导"), (1, 2, "存在不足和原因")]
        assert doc.position(doc.headings[1].marker_start) == (2, 3)
    assert Document.from_text("**一、主要举措**", path="d.txt").headings == []  # not Markdown


def test_a_nested_list_does_not_swallow_the_outer_items():
    doc = Document.from_text("一是强化学习，学习内容：一是法律法规，二是业务知识。二是完善制度。三是加强考核。")
    assert [[i.marker for i in e.items] for e in doc.enumerations] == [["一是", "二是", "三是"],
                                                                      ["一是", "二是"]]
    repeat = Document.from_text("一是能力提升。二是专业服务。二是法律支撑。")
    assert [[i.ordinal for i in e.items] for e in repeat.enumerations] == [[1, 2, 2]]
