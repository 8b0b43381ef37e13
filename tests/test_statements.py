"""The statement model and the numeric kinds that read it: each phrasing of issue #10 with the
correct twin that must stay silent (sentences written for these tests)."""

from __future__ import annotations

import os

import docx
import pytest

from reportlint.document import Document
from reportlint.engine import default_rules_dir, load_rules, run
from reportlint.load import load
from reportlint.statements import statements

RULES = load_rules([os.path.join(default_rules_dir(), "numbers.yaml")], defaults=False).rules


def rules_fired(text: str) -> list[str]:
    return [f.rule for f in run(Document.from_text(text), RULES)]


# (wrong, its correct twin, the rule that catches the wrong one)
PHRASINGS = [
    # parts named by different words across commas, four of them, with 其中
    pytest.param("全年办理行政复议案件31起，其中维持24起，撤销4起，确认违法2起，终止3起。",
                 "全年办理行政复议案件33起，其中维持24起，撤销4起，确认违法2起，终止3起。",
                 "numbers/parts-exceed-total", id="four-parts-across-commas"),
    pytest.param("全年办理行政复议案件三十一起，其中维持二十四起，撤销四起，确认违法二起，终止三起。",
                 "全年办理行政复议案件三十三起，其中维持二十四起，撤销四起，确认违法二起，终止三起。",
                 "numbers/parts-exceed-total", id="four-parts-chinese-numerals"),
    pytest.param("全年办理行政复议案件31起，其中维持二十四起，撤销4起，确认违法2起，终止3起。",
                 "全年办理行政复议案件33起，其中维持二十四起，撤销4起，确认违法2起，终止3起。",
                 "numbers/parts-exceed-total", id="four-parts-mixed-numerals"),
    pytest.param("全县共有警务室30个，其中社区警务室12个；农村警务室15个；校园警务室6个。",
                 "全县共有警务室33个，其中社区警务室12个；农村警务室15个；校园警务室6个。",
                 "numbers/parts-exceed-total", id="parts-separated-by-semicolons"),
    # without 其中: parts that name the total's noun
    pytest.param("全市共设立派出所28个，城区派出所12个，农村派出所17个。",
                 "全市共设立派出所29个，城区派出所12个，农村派出所17个。",
                 "numbers/parts-exceed-total", id="parts-without-qizhong"),
    # "N个…中的a个…，b个…": parallel clauses after 中
    pytest.param("全市22个派出所中的18个评为一级所，5个评为二级所。",
                 "全市22个派出所中的17个评为一级所，5个评为二级所。",
                 "numbers/parts-exceed-total", id="parallel-parts-after-zhong"),
    # a single part larger than its whole
    pytest.param("全局共有民警860人，其中党员民警910人。", "全局共有民警960人，其中党员民警910人。",
                 "numbers/part-exceeds-total", id="single-part-over-whole"),
    # shares, whatever the wording
    pytest.param("全市政务服务事项共205项，其中可网上办理的171项，占比88.3%。",
                 "全市政务服务事项共205项，其中可网上办理的171项，占比83.4%。",
                 "numbers/share-mismatch", id="share-zhanbi"),
    pytest.param("全市梳理政务服务事项205项，可网上办理的171项，占全部事项的88.3%。",
                 "全市梳理政务服务事项205项，可网上办理的171项，占全部事项的83.4%。",
                 "numbers/share-mismatch", id="share-of-the-whole-named-otherwise"),
    pytest.param("全市政务服务事项共205项，其中可网上办理的171项，比例为88.3%。",
                 "全市政务服务事项共205项，其中可网上办理的171项，比例为83.4%。",
                 "numbers/share-mismatch", id="share-bili-wei"),
    pytest.param("全年受理行政案件500起，其中治安案件300起，占60%；交通案件150起，占25%。",
                 "全年受理行政案件500起，其中治安案件300起，占60%；交通案件150起，占30%。",
                 "numbers/share-mismatch", id="shares-between-the-parts"),
    pytest.param("全局共有民警300人，其中党员民警210人（占比75%）。",
                 "全局共有民警300人，其中党员民警210人（占比70%）。",
                 "numbers/share-mismatch", id="share-in-parentheses"),
    # a rate named for the count right before it
    pytest.param("全局共评查案卷1200份，其中优秀案卷960份，优秀率85%。",
                 "全局共评查案卷1200份，其中优秀案卷960份，优秀率80%。",
                 "numbers/share-mismatch", id="rate-named-for-its-part"),
    pytest.param("共组织执法资格考试3次，参考民警860人次，通过820人次，通过率90.3%。",
                 "共组织执法资格考试3次，参考民警860人次，通过820人次，通过率95.3%。",
                 "numbers/share-mismatch", id="rate-named-for-its-count"),
    # a rate before its counts
    pytest.param("破案率为80%，共立刑事案件100起，破案60起。", "破案率为60%，共立刑事案件100起，破案60起。",
                 "numbers/solve-rate-mismatch", id="rate-before-its-counts"),
    pytest.param("全年受理行政案件400起，同比下降3%。办结300起，办结率80%。",
                 "全年受理行政案件400起，同比下降3%。办结300起，办结率75%。",
                 "numbers/close-rate-mismatch", id="rate-in-the-next-sentence"),
    # relations across sentences of one paragraph, and new pairs
    pytest.param("全年立刑事案件640起，同比下降8%。共破获刑事案件702起。",
                 "全年立刑事案件640起，同比下降8%。共破获刑事案件502起。",
                 "numbers/solved-le-filed", id="relation-across-sentences"),
    pytest.param("全年受理、办结行政案件分别为2241起、2279起。", "全年受理、办结行政案件分别为2241起、2179起。",
                 "numbers/closed-le-accepted", id="relation-respectively"),
    pytest.param("受理行政复议案件20件，办结25件。", "受理行政复议案件20件，办结18件。",
                 "numbers/closed-le-accepted", id="review-accepted-closed"),
    pytest.param("2024年受理行政案件300起，同比上升5%。办结行政案件320起。",
                 "2024年受理行政案件300起，同比上升5%。办结行政案件280起。",
                 "numbers/closed-le-accepted", id="relation-with-the-report-year"),
]


@pytest.mark.parametrize(("wrong", "right", "rule"), PHRASINGS)
def test_phrasing_is_caught_and_its_twin_is_silent(wrong, right, rule):
    assert rules_fired(wrong) == [rule]
    assert rules_fired(right) == []


@pytest.mark.parametrize("text", [
    # different periods and scopes are different statements
    "全年立刑事案件640起。上年同期破获刑事案件702起。",
    "1至11月立刑事案件640起。全年破获刑事案件702起。",
    "城区立刑事案件640起；农村破获刑事案件702起。",
    # a rate named for its count, whose counts agree
    "全局共评查案卷1200份，其中优秀案卷960份，优秀率80%。",
    "共排查矛盾纠纷500起，化解480起，化解率96%。",
    # 当场办结 is not the count 办结率 divides
    "受理行政案件2000起，当场办结1500起，办结率96%。",
    # a count of its own sentence before the 办结: not the 受理 of the sentence before
    "受理行政案件200起，办结190起。受理治安类行政案件2000起，办结1900起。",
    "受理行政案件200起，办结190起，办结率95%。受理治安类行政案件2000起，办结1900起，办结率95%。",
    # a nested subset after parts that already make the whole
    "共办理案件100起，其中刑事案件60起，行政案件40起，涉黑案件5起。",
    # attributes of people overlap (党员 / 女 / 35岁以下)
    "全局共有民警860人，其中党员民警610人，女民警280人，35岁以下民警330人。",
    # peers listed with 、 are no parts of the first
    "新增规上企业1494家、专精特新企业81家、上市企业6家。",
    # a per-unit figure is no total
    "人均办理案件6.5起，其中当场办结案件120起。",
    # one part after two counts: it may belong to either
    "全市共有民警464人、辅警520人，其中女民警60人。",
    # parts that are another statement (破案 after 立案), or statuses of different levels
    "共立刑事案件100起，其中电信诈骗案件40起，破案70起。",
    "共立案100起，其中刑事案件60起已破获，50起正在侦办。",
    "共立案100起，其中刑事案件60起，50起已破获。",
])
def test_near_misses_stay_silent(text):
    assert rules_fired(text) == []


def test_restated_count_in_two_phrasings():
    wrong = "一、主要工作\n全局共有民警528人，辅警310人。\n二、存在的不足和原因\n全局518名民警中，35岁以下的不足三成。"
    found = run(Document.from_text(wrong), RULES)
    assert [(f.rule, f.line) for f in found] == [("numbers/restated-count", 4)]
    assert "第2行" in found[0].message and "528人" in found[0].message
    assert rules_fired(wrong.replace("518", "528")) == []
    assert rules_fired(wrong.replace("全局518名", "上年全局518名")) == []


@pytest.mark.parametrize(("second", "fires"), [
    ("2024年行政案件办结率为92%。", True),  # the report year is no other period
    ("行政案件办结率仅为92%，与先进地区相比仍有差距。", True),  # the shortfalls part
    ("2023年行政案件办结率为92%。", False),
    ("上年行政案件办结率为92%。", False),
    ("行政案件办结率同比提高2个百分点，达到92%。", False),
    ("1至11月行政案件办结率为92%。", False),
    ("城区分局行政案件办结率为92%。", False),
])
def test_restated_rate_with_a_year_or_in_the_shortfalls(second, fires):
    text = f"2024年法治政府建设年度报告\n一、主要工作\n全年行政案件办结率96%。\n二、存在的不足和原因\n{second}"
    assert (rules_fired(text) == ["numbers/restated-rate"]) is fires


def test_model_names_whole_parts_shares_and_the_report_year():
    doc = Document.from_text("2024年工作报告\n全市政务服务事项共205项，其中可网上办理的171项，占比83.4%；"
                             "即办件20项，占9.8%。")
    st = statements(doc)
    (whole,) = st.wholes  # each part's share stands between the parts: the list goes on after it
    assert whole.total.text == "205项" and [p.text for p in whole.parts] == ["171项", "20项"]
    assert [(s.part.text, s.whole.text, s.pct.text) for s in st.shares] == [("171项", "205项", "83.4%"),
                                                                            ("20项", "205项", "9.8%")]
    assert st.year == "2024"


# -- tables --------------------------------------------------------------------------------------
def table_docx(path, rows):
    document = docx.Document()
    document.add_paragraph("一、基本数据")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("二、存在的不足和原因")
    document.save(path)
    return path


def docx_findings(path):
    return [(f.rule, f.line, f.message) for f in run(Document(load(str(path))), RULES)]


def test_docx_total_row_contradicted_by_its_cells(tmp_path):
    rows = [["单位", "受理", "办结"], ["城区分局", "120", "110"], ["郊区分局", "80", "75"], ["合计", "210", "185"]]
    found = docx_findings(table_docx(tmp_path / "t.docx", rows))
    assert [(rule, line) for rule, line, _ in found] == [("numbers/table-total-mismatch", 12)]
    assert "合计为210" in found[0][2] and "200" in found[0][2]
    rows[3][1] = "200"
    assert docx_findings(table_docx(tmp_path / "t2.docx", rows)) == []


def test_markdown_table_with_subtotals_is_not_summed_blindly():
    text = ("| 单位 | 案件 |\n|---|---|\n| 城区一所 | 10 |\n| 城区二所 | 20 |\n| 小计 | 30 |\n"
            "| 农村所 | 5 |\n| 合计 | 35 |\n")
    assert rules_fired(text) == []


def test_docx_total_column_contradicted_by_its_cells(tmp_path):
    rows = [["类别", "城区", "农村", "合计"], ["刑事案件", "60", "40", "90"], ["行政案件", "120", "30", "150"]]
    found = docx_findings(table_docx(tmp_path / "t.docx", rows))
    assert [rule for rule, _, _ in found] == ["numbers/table-total-mismatch"]
    rows[1][3] = "100"
    assert docx_findings(table_docx(tmp_path / "t2.docx", rows)) == []


def test_docx_closed_more_than_accepted_in_one_table(tmp_path):
    rows = [["单位", "受理", "办结"], ["城区分局", "120", "130"], ["郊区分局", "80", "75"]]
    found = docx_findings(table_docx(tmp_path / "t.docx", rows))
    assert [(rule, line) for rule, line, _ in found] == [("numbers/closed-le-accepted", 7)]
    rows[1][2] = "110"
    assert docx_findings(table_docx(tmp_path / "t2.docx", rows)) == []


def test_docx_headers_with_units_and_counts(tmp_path):
    rows = [["单位", "受理数（起）", "办结数（起）"], ["城区分局", "120", "130"], ["郊区分局", "80", "75"]]
    found = docx_findings(table_docx(tmp_path / "t.docx", rows))
    assert [rule for rule, _, _ in found] == ["numbers/closed-le-accepted"]
    rows[1][2] = "110"
    assert docx_findings(table_docx(tmp_path / "t2.docx", rows)) == []


def test_markdown_pipe_table_is_read_as_a_table():
    text = "| 单位 | 立案 | 破案 |\n|---|---|---|\n| 城区 | 100 | 60 |\n| 农村 | 50 | 55 |\n"
    assert rules_fired(text) == ["numbers/solved-le-filed"]
    assert rules_fired(text.replace("| 55 |", "| 45 |")) == []
