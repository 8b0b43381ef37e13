"""The numbers pack on the real drafts: the one real contradiction is flagged, every correct
statement is silent. Each correct statement is also changed into a wrong one, to show the
rule really looked at it (a silent rule that never pairs the numbers would pass otherwise)."""

from __future__ import annotations

import os

import pytest
import yaml
from conftest import seed

from reportlint.document import Document
from reportlint.engine import default_rules_dir, load_rules, run
from reportlint.errors import RuleError
from reportlint.load import load

# Only this pack: its verdicts must not depend on the state of the other packs.
RULES = load_rules([os.path.join(default_rules_dir(), "numbers.yaml")], defaults=False).rules


def findings(text: str):
    return run(Document.from_text(text), RULES)


def seed_findings(prefix: str):
    return run(Document(load(str(seed(prefix)))), RULES)


def test_seed_000_restated_closure_rate_is_flagged_at_the_second_statement():
    found = seed_findings("000")
    assert [(f.rule, f.line, f.severity) for f in found] == [("numbers/restated-rate", 17, "warning")]
    message = found[0].message
    assert "伤害性案件结案率" in message and "95%" in message
    assert "第4行" in message and "伤害类案件结案率85%" in message


@pytest.mark.parametrize("prefix", ["001", "002", "003", "004"])
def test_no_numeric_finding_in_the_other_seeds(prefix):
    assert seed_findings(prefix) == []


# (correct sentence from a seed, the same sentence made wrong, the rule that must catch it)
CORRECT_STATEMENTS = [
    pytest.param("全年共立刑事案件1146起,破案476起,移送起诉896人;",
                 "全年共立刑事案件1146起,破案1476起,移送起诉896人;",
                 "numbers/solved-le-filed", id="000-filed-1146-solved-476"),
    pytest.param("受理行政案件2241起,办结1179起,查处2302人,行政拘留1156人次;",
                 "受理行政案件2241起,办结2279起,查处2302人,行政拘留1156人次;",
                 "numbers/closed-le-accepted", id="000-accepted-2241-closed-1179"),
    pytest.param("行政复议14起,复议机关维持决定7起,当事人撤回7起;行政诉讼一审4起,二审6起,再审1起,无败诉。",
                 "行政复议14起,复议机关维持决定7起,当事人撤回8起;行政诉讼一审4起,二审6起,再审1起,无败诉。",
                 "numbers/review-outcomes-exceed-total", id="000-review-14-is-7-plus-7"),
    pytest.param("目前,全市公安机关所有办事事项为222项,可实现“最多跑一次”的事项达217项,占所有办事事项的98%。",
                 "目前,全市公安机关所有办事事项为222项,可实现“最多跑一次”的事项达217项,占所有办事事项的95%。",
                 "numbers/share-mismatch", id="003-217-of-222-is-98"),
    pytest.param("市人大代表、政协委员对公安工作共提出建议提案51件,其中主办件21件,会办件30件,均在规定时限内办结,"
                 "办结率、面商率、满意率均达到100%。",
                 "市人大代表、政协委员对公安工作共提出建议提案51件,其中主办件31件,会办件30件,均在规定时限内办结,"
                 "办结率、面商率、满意率均达到100%。",
                 "numbers/parts-exceed-total", id="003-51-is-21-plus-30"),
    pytest.param("在2007年省厅组织的执法质量考评中,9个市(县)局、分局中7个优秀、2个达标,其中江阴市局已连续9年执法质量考评优秀。",
                 "在2007年省厅组织的执法质量考评中,9个市(县)局、分局中7个优秀、3个达标,其中江阴市局已连续9年执法质量考评优秀。",
                 "numbers/parts-exceed-total", id="004-9-is-7-plus-2"),
]


@pytest.mark.parametrize(("correct", "wrong", "rule"), CORRECT_STATEMENTS)
def test_correct_statement_is_silent_and_its_wrong_twin_is_caught(correct, wrong, rule):
    assert findings(correct) == []
    assert [f.rule for f in findings(wrong)] == [rule]


def test_different_units_are_never_compared():
    # 000: 查处2302人 exceeds 受理2241起, 移送起诉896人 exceeds 破案476起: people, not cases.
    text = "全年共立刑事案件1146起,破案476起,移送起诉896人;受理行政案件2241起,办结1179起,查处2302人。"
    assert findings(text) == []
    assert findings("受理行政案件2241起，办结2302人。") == []
    assert [f.rule for f in findings("受理行政案件2241起，办结2302起。")] == ["numbers/closed-le-accepted"]


def test_share_without_a_stated_whole_is_silent():
    # 003: 高级资格通过人数为610人,占比4.63% — the whole is not in the text, nothing to divide.
    text = "全市公安机关除见习民警外,全部取得基本级执法资格,高级资格通过人数为610人,占比4.63%。"
    assert findings(text) == []


def test_seed_002_percentages_are_silent():
    assert findings("一要着力优化实体运行,加强与检察院协作,推动速裁法庭运行,让20%的人办75%的案件。") == []
    text = "分局案件办理回复率从1月份的25.89%提升到9月份的69.93%%,回复率全市第一,满意率97.44%;"
    assert findings(text) == []
    # the same rate at two different months is not a restatement; without the months it is
    twice = "分局案件办理回复率为25.89%。\n分局案件办理回复率为69.93%。"
    assert [f.rule for f in findings(twice)] == ["numbers/restated-rate"]


def test_approximate_parts_are_summed_by_their_lower_bound_only():
    assert findings("共组织测试1000人次，其中500余人次为中层领导、400余人次为民警。") == []
    found = findings("共组织测试1000人次，其中600余人次为中层领导、500余人次为民警。")
    assert [f.rule for f in found] == ["numbers/parts-exceed-total"]
    assert "1100人次以上" in found[0].message and "600余+500余" in found[0].message
    # a total that is itself a lower bound is never exceeded
    assert findings("全市民警2000余名，其中女民警300余名、45岁以上民警1800名。") == []


def test_parts_message_shows_the_arithmetic():
    found = findings("全年办理行政复议案件22起，其中维持15起、撤销5起、撤回3起。")
    assert [f.message for f in found] == ["其中各项之和为23起（15+5+3），大于总数22起，请核对总数或各项数字"]


def test_chinese_numerals_are_compared_like_arabic_ones():
    found = findings("全市共有派出所二十八个，其中城区派出所十二个、农村派出所十七个。")
    assert [f.message for f in found] == ["其中各项之和为29个（12+17），大于总数28个，请核对总数或各项数字"]
    assert findings("立刑事案件一千一百四十六起，破案四百七十六起。") == []


def test_ratio_accepts_rounding_and_truncation_to_the_stated_precision():
    base = "全市所有办事事项为222项，可网上办理的事项达217项，占所有办事事项的{}。"
    for stated in ("98%", "97%", "97.7%", "97.8%"):
        assert findings(base.format(stated)) == [], stated
    for stated in ("96%", "99%", "97.5%"):
        assert [f.rule for f in findings(base.format(stated))] == ["numbers/share-mismatch"], stated


def test_growth_may_exceed_100_percent_but_a_rate_may_not():
    assert findings("受理案件同比增长150%，群众满意率97%。") == []
    found = findings("群众满意率提高至103%。")
    assert [f.rule for f in found] == ["numbers/rate-over-100"]


@pytest.mark.parametrize(("kind", "params", "field"), [
    ("relation", {"a": "破案", "b": "立案", "op": "≤"}, "params.op"),
    ("relation", {"a": "破案", "b": "立案", "scope": "page"}, "params.scope"),
    ("relation", {"a": "破案("}, "params.a"),
    ("relation", {"a": "破案"}, "params.b"),
    ("ratio", {"form": "fraction"}, "params.form"),
    ("ratio", {"form": "rate", "rate": "办结率", "part": "办结"}, "params.whole"),
    ("parts_sum", {"intro": "其中("}, "params.intro"),
    ("parts_sum", {"whole": "行政复议"}, "params.parts"),
    ("percent_range", {"changes": ["增长", ""]}, "params.changes[1]"),
    ("restated_metric", {"min_length": "5"}, "params.min_length"),
])
def test_bad_params_name_the_field(tmp_path, kind, params, field):
    pack = tmp_path / "pack.yaml"
    rule = {"id": "t/x", "kind": kind, "severity": "error", "message": "m", "why": "w", "params": params,
            "examples": {"bad": ["a"], "good": ["b"]}}
    pack.write_text(yaml.safe_dump({"rules": [rule]}, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_rules([str(pack)], defaults=False)
    assert caught.value.field == field


def test_a_period_holds_for_the_rest_of_its_sentence():
    # 办结1900起 is last year's: it is not compared with this year's 受理1800起
    assert findings("上年受理行政案件2000起，办结1900起；今年受理1800起，办结1700起。") == []
    found = findings("上年受理行政案件2000起，办结1900起；今年受理1800起，办结1850起。")
    assert [(f.rule, f.column) for f in found] == [("numbers/closed-le-accepted", 35)]  # at 1850起
    # 同比 qualifies the change it precedes, not the counts after it
    assert [f.rule for f in findings("刑事案件同比下降12.5%，立刑事案件1000起，破案1100起。")] == \
        ["numbers/solved-le-filed"]
