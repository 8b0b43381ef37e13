"""The `dated_term` kind and the `terms` pack: a phrase judged against the year it speaks of."""

from __future__ import annotations

import pytest
from conftest import ROOT, SEEDS

from reportlint.checks.dated_term import to_chinese
from reportlint.document import Document
from reportlint.engine import load_rules, run
from reportlint.errors import RuleError

PACK = ROOT / "lintrules" / "terms.yaml"
RULES = load_rules([str(PACK)], defaults=False).rules
REAL = ROOT.parent / "shared" / "real"


def found(text: str, rule: str | None = None):
    return [(f.rule, f.message) for f in run(Document.from_text(text), RULES) if rule in (None, f.rule)]


def report(year: int, body: str) -> str:
    return f"{year}年度法治政府建设情况报告\n{body}"


def test_the_title_year_decides_whether_a_phrase_is_outdated():
    body = "深入推进打黑除恶专项斗争，打掉恶势力犯罪集团3个。"
    assert found(report(2015, body)) == []
    assert found(report(2019, body)) == [
        ("terms/fight-gangs", "自2018年起应为“扫黑除恶”，写2019年的情况不宜再写“打黑除恶”")]


def test_the_opening_year_serves_when_there_is_no_title():
    text = "区政府：\n2017年，我局全年办理暂住证1.2万张。\n"
    assert [r for r, _ in found(text)] == ["terms/temporary-residence-permit"]


def test_with_no_year_known_a_dated_entry_is_silent_and_a_fixed_formulation_is_not():
    assert found("全年办理暂住证1.2万张。认真学习党的二十大三中全会精神。") == [
        ("terms/plenary-session", "中央全会按“届”称，“二十大三中全会”应为“二十届三中全会”")]


@pytest.mark.parametrize("sentence", [
    "原市政府法制办的行政复议职责已划转。",  # 原 + the organ's place name
    "2016年起，重大决策事项报市政府法制办审查。",  # a year before the cut-over in the sentence
    "机构改革前，重大决策事项报市政府法制办审查。",
])
def test_history_is_not_reported(sentence):
    assert found(report(2021, sentence)) == []


def test_a_title_in_shuming_hao_is_a_name_and_is_never_updated():
    text = report(2019, "依据《关于深入开展打黑除恶专项斗争的通知》的要求开展打黑除恶专项斗争。")
    assert [(f.rule, f.column) for f in run(Document.from_text(text), RULES)] == [("terms/fight-gangs", 27)]


@pytest.mark.parametrize("sentence", [
    "重大决策事项报市政府法制办审查。",
    "高原地区重大决策事项报州政府法制办审查。",  # the 原 of 高原 marks nothing as former
    "在春节之前，重大决策事项报市政府法制办审查。",
])
def test_the_same_phrase_describing_the_present_is_reported(sentence):
    assert [r for r, _ in found(report(2021, sentence))] == ["terms/legislative-affairs-office"]


def test_police_day_count_follows_a_date_in_the_sentence_before_the_report_year():
    text = report(2024, "2023年1月10日，在第四个中国人民警察节到来之际，走访慰问英模家属。\n"
                        "以庆祝第四个中国人民警察节为契机，开展警营开放日活动。\n"
                        "值此第五个中国人民警察节之际，向全体民警致以问候。")
    assert found(text) == [("terms/police-day", "中国人民警察节自2021年设立，2023年1月10日是“第三个中国人民警察节”，"
                                                "不是“第四个中国人民警察节”")]


def test_a_count_right_for_any_year_of_its_sentence_is_not_reported():
    assert found(report(2024, "较2023年增加两场，第五个中国人民警察节当天举办警营开放日。")) == []
    assert found(report(2024, "第十一个国家宪法日，开展宪法宣誓。")) == []
    assert [r for r, _ in found(report(2024, "第十二个国家宪法日，开展宪法宣誓。"))] == ["terms/constitution-day"]


def test_counted_forms_keep_the_way_the_number_is_written():
    assert found(report(2025, "在第4个中国人民警察节开展活动。"), "terms/police-day")[0][1].count("第5个") == 1
    assert "第十二个国家宪法日" in found(report(2025, "第十一个国家宪法日当天开展宣传。"))[0][1]
    assert [to_chinese(n) for n in (1, 10, 12, 20, 21)] == ["一", "十", "十二", "二十", "二十一"]


def test_fixed_formulation_patterns_accept_the_right_form_with_or_without_enumeration_commas():
    for good in ("严格规范公正文明执法", "严格、规范、公正、文明执法", "严格规范执法"):
        assert found(report(2019, f"促进民警{good}。")) == [], good
    assert [r for r, _ in found(report(2019, "促进民警严格文明规范公正执法。"))] == ["terms/law-enforcement-formula"]


def test_fazhi_where_only_one_is_right_and_fazhi_names_stay_silent():
    text = report(2019, "推进法制政府建设。法制大队、法制部门、法制员落实法制审核，重大执法决定法制审核制度全面推行。")
    assert found(text) == [("terms/rule-of-law-government",
                            "“法制政府”应为“法治政府”（依法治国是“法治”，“法制”用于法律制度和法制部门、法制审核等名称）")]
    assert [m for _, m in found("落实重大执法决定法治审核。")] == [
        "制度名称是“重大执法决定法制审核”，“法治审核”应为“法制审核”"]


def test_campaign_ended_speaks_of_the_campaign_in_retrospect():
    assert found(report(2022, "持续巩固扫黑除恶专项斗争成果。")) == []
    assert found(report(2022, "扫黑除恶专项斗争开展以来共打掉团伙5个。")) == []
    assert [r for r, _ in found(report(2022, "深入推进扫黑除恶专项斗争。"))] == ["terms/gang-campaign-ended"]


def user_pack(tmp_path, params: str, examples: str = "{bad: [x], good: [y]}"):
    pack = tmp_path / "mine.yaml"
    pack.write_text("rules:\n  - id: mine/term\n    kind: dated_term\n    severity: warning\n"
                    "    message: “{phrase}”应为“{right}”\n    why: 本单位规定。\n"
                    f"    params: {params}\n    examples: {examples}\n", encoding="utf-8")
    return pack


def test_a_user_pack_adds_a_dated_term_with_a_window(tmp_path):
    pack = user_pack(tmp_path, "{wrong: [城区分局], right: 中心城区分局, from: 2019, until: 2022}",
                     "{bad: [\"2020年度工作报告\\n城区分局开展巡查。\"],"
                     " good: [\"2023年度工作报告\\n城区分局开展巡查。\"]}")
    rule = next(r for r in load_rules([str(pack)], defaults=False).rules if r.id == "mine/term")
    hits = {year: [f.message for f in run(Document.from_text(f"{year}年度工作报告\n城区分局开展巡查。"), [rule])]
            for year in (2018, 2019, 2022, 2023)}
    assert hits == {2018: [], 2019: ["“城区分局”应为“中心城区分局”"], 2022: ["“城区分局”应为“中心城区分局”"], 2023: []}


@pytest.mark.parametrize(("params", "field"), [
    ("{right: 居住证}", "params.wrong"),
    ("{wrong: [暂住证], pattern: 暂住证, right: 居住证}", "params.wrong"),
    ("{wrong: [], right: 居住证}", "params.wrong"),
    ("{wrong: {暂住证: ''}}", "params.wrong.暂住证"),
    ("{wrong: [暂住证], right: 居住证, from: 16}", "params.from"),
    ("{wrong: [暂住证], right: 居住证, from: 2016, until: 2015}", "params.until"),
    ("{pattern: 第(\\d+)个, counted: 2021}", "params.counted"),
    ("{pattern: 暂住证}", "params.right"),
    ("{wrong: [暂住证], right: 居住证, historical: [1]}", "params.historical[0]"),
    ("{wrong: [暂住证], right: 居住证, since: 2016}", "params.since"),
    ("{wrong: [暂住证], right: 居住证, next_year_counts: true}", "params.next_year_counts"),
])
def test_a_bad_user_entry_names_file_rule_and_field(tmp_path, params, field):
    with pytest.raises(RuleError) as error:
        load_rules([str(user_pack(tmp_path, params))], defaults=False)
    assert (error.value.rule, error.value.field) == ("mine/term", field)
    assert "mine.yaml" in str(error.value)


def test_explain_shows_the_source_of_an_entry(cli):
    run_ = cli("explain", "terms/temporary-residence-permit")
    assert run_.code == 0
    assert "《居住证暂行条例》2015年11月26日公布" in run_.out and "fslgb.foshan.gov.cn" in run_.out


def test_rules_lists_every_terms_entry(cli):
    listed = cli("rules").out
    assert all(rule.id in listed for rule in RULES)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_no_terms_finding_on_the_seeds(cli, path):
    assert cli("check", "--select", "terms", "--format", "json", path).json()["findings"] == []


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real is not present")
def test_no_terms_finding_on_the_real_reports(cli):
    out = cli("check", "--select", "terms", "--format", "json", REAL).json()
    assert out["findings"] == [] and out["summary"]["files"] >= 10


def test_a_2015_report_may_use_the_forms_of_its_time_and_a_2019_report_may_not():
    body = ("在以习近平同志为总书记的党中央坚强领导下，深入开展打黑除恶专项斗争；"
            "全年办理暂住证1.2万张，重大行政决策事项报市政府法制办合法性审查。")
    assert found(report(2015, body)) == []
    assert sorted(r for r, _ in found(report(2019, body))) == [
        "terms/fight-gangs", "terms/legislative-affairs-office", "terms/party-centre-general-secretary",
        "terms/temporary-residence-permit"]
