"""The `citation` kind and the `citations` pack: repealed titles cited as in force, titles a
character or two away from a listed one, and broken title marks. Each behaviour has a silent twin."""

from __future__ import annotations

import pytest
from conftest import ROOT

from reportlint.document import Document
from reportlint.engine import load_rules, run
from reportlint.errors import RuleError

PACK = ROOT / "lintrules" / "citations.yaml"
RULES = load_rules([str(PACK)], defaults=False).rules
TITLE_2022 = "2022年度某县公安局法治政府建设工作报告\n"


def findings(text: str, rule: str | None = None):
    found = run(Document.from_text(text), RULES)
    return [f for f in found if rule is None or f.rule == rule]


def messages(text: str, rule: str) -> list[str]:
    return [f.message for f in findings(text, rule)]


# -- repealed titles ------------------------------------------------------------------------------
def test_a_repealed_law_cited_in_a_later_report_names_the_date_and_the_replacement():
    text = TITLE_2022 + "依照《中华人民共和国婚姻法》调处家庭纠纷。\n"
    found = findings(text, "citations/repealed")
    assert [(f.line, f.column, f.end_column) for f in found] == [(2, 3, 15)]
    assert found[0].message == ("《中华人民共和国婚姻法》已于2021年1月1日废止，2022年不应再作为现行依据引用："
                                "请改为《中华人民共和国民法典》，或写明是历史情况（如“原《中华人民共和国婚姻法》”）")


@pytest.mark.parametrize("title", ["合同法", "继承法", "收养法", "担保法", "民法总则"])
def test_every_law_the_civil_code_replaced_is_reported_after_2020_and_not_before(title):
    cited = f"依照《{title}》调处纠纷。\n"
    assert len(findings(TITLE_2022 + cited, "citations/repealed")) == 1
    assert findings("2019年度某县公安局法治政府建设工作报告\n" + cited, "citations/repealed") == []


@pytest.mark.parametrize("title, in_force_in, wrong_in, replacement", [
    ("中华人民共和国外资企业法", 2019, 2020, "中华人民共和国外商投资法"),  # the 外资三法, 2020-01-01
    ("国家行政机关公文处理办法", 2011, 2013, "党政机关公文处理工作条例"),  # repealed 2012-07-01
    ("中华人民共和国执业医师法", 2021, 2023, "中华人民共和国医师法"),  # 2022-03-01
    ("中华人民共和国外国人入境出境管理法实施细则", 2012, 2014, "中华人民共和国外国人入境出境管理条例"),
    ("中国共产党党员领导干部廉洁从政若干准则", 2015, 2016, "中国共产党廉洁自律准则"),
    ("中华人民共和国预备役军官法", 2023, 2024, "中华人民共和国预备役人员法"),  # 2023-03-01: in force part of 2023
])
def test_repealed_laws_regulations_and_party_rules_of_the_list_are_judged_by_the_report_year(
        title, in_force_in, wrong_in, replacement):
    cited = f"依据《{title}》开展工作。\n"
    found = messages(f"{wrong_in}年度某县公安局法治政府建设工作报告\n" + cited, "citations/repealed")
    assert len(found) == 1 and f"请改为《{replacement}》" in found[0]
    assert findings(f"{in_force_in}年度某县公安局法治政府建设工作报告\n" + cited, "citations/repealed") == []


def test_a_replacement_named_by_an_entry_is_itself_listed_and_every_entry_has_a_source():
    titles = next(r for r in RULES if r.id == "citations/repealed").params["titles"]
    listed = {e["title"] for e in titles}
    assert len(listed) == len(titles) >= 500
    assert [e["title"] for e in titles if e.get("replaced_by") and e["replaced_by"] not in listed] == []
    assert [e["title"] for e in titles if not str(e.get("source", "")).strip()] == []


def test_the_same_citation_in_a_report_of_a_year_it_was_in_force_is_silent():
    text = "2015年度某县公安局法治政府建设工作报告\n依照《中华人民共和国婚姻法》调处家庭纠纷。\n"
    assert findings(text, "citations/repealed") == []


def test_the_short_form_without_the_state_name_is_the_same_law():
    assert messages(TITLE_2022 + "依据《治安管理处罚条例》处罚。\n", "citations/repealed") == [
        "《治安管理处罚条例》已于2006年3月1日废止，2022年不应再作为现行依据引用：请改为《中华人民共和国治安管理处罚法》，"
        "或写明是历史情况（如“原《治安管理处罚条例》”）"]
    assert messages(TITLE_2022 + "依据《治安管理处罚法》处罚。\n", "citations/repealed") == []


@pytest.mark.parametrize("sentence", [
    "对照原《治安管理处罚条例》梳理裁量基准的变化。",
    "《民法典》施行后，《婚姻法》同时废止。",
    "2019年，我局依据《物权法》受理的一起纠纷今年审结。",
    "与《中华人民共和国民法通则》相比，民法典的诉讼时效延长为三年。",
    "组织民警对照民法典与《婚姻法》的不同之处开展专题培训。",
])
def test_a_citation_written_as_history_is_silent(sentence):
    assert findings(TITLE_2022 + sentence + "\n", "citations/repealed") == []


def test_history_words_in_another_sentence_do_not_excuse_a_citation():
    text = TITLE_2022 + "《民法典》施行后，旧法同时废止。我局仍依照《婚姻法》调处纠纷。\n"
    assert len(findings(text, "citations/repealed")) == 1


def test_a_year_in_the_same_sentence_is_the_year_judged_when_the_report_has_none():
    assert len(findings("2023年，我局依据《婚姻法》调处纠纷。\n", "citations/repealed")) == 1
    assert findings("我局依据《婚姻法》调处纠纷。\n", "citations/repealed") == []  # no year anywhere


def test_years_inside_other_titles_are_not_years_of_the_sentence():
    text = TITLE_2022 + "依据《婚姻法》和《法治政府建设实施纲要（2015－2020年）》开展工作。\n"
    assert len(findings(text, "citations/repealed")) == 1


def test_a_law_repealed_late_in_a_year_was_in_force_for_that_years_report():
    cite = "依照《卖淫嫖娼人员收容教育办法》管理收容教育所。\n"
    assert findings("2019年度某区公安分局法治政府建设工作报告\n" + cite, "citations/repealed") == []
    assert len(findings("2020年度某区公安分局法治政府建设工作报告\n" + cite, "citations/repealed")) == 1


def test_the_labour_education_rules_are_found_by_their_short_title_too():
    text = "2015年度某县公安局法治政府建设工作报告\n依据《关于劳动教养问题的决定》办理案件。\n"
    assert messages(text, "citations/repealed") == [
        "《关于劳动教养问题的决定》已于2013年12月28日废止，2015年不应再作为现行依据引用：请改为现行有效的规定，"
        "或写明是历史情况（如“原《关于劳动教养问题的决定》”）"]


# -- near misses ---------------------------------------------------------------------------------
def test_a_title_two_characters_short_names_the_listed_title_in_the_same_style():
    found = findings("依据《中华人民共和国治安处罚法》作出处罚。\n", "citations/near-miss")
    assert [(f.column, f.end_column) for f in found] == [(3, 17)]
    assert found[0].message == ("《中华人民共和国治安处罚法》与《中华人民共和国治安管理处罚法》只差一两个字，疑为笔误："
                                "请核对文件全称，改为《中华人民共和国治安管理处罚法》")
    assert messages("依据《治安处罚法》作出处罚。\n", "citations/near-miss") == [
        "《治安处罚法》与《治安管理处罚法》只差一两个字，疑为笔误：请核对文件全称，改为《治安管理处罚法》"]


def test_the_listed_titles_and_their_short_forms_are_silent():
    text = ("依据《中华人民共和国治安管理处罚法》《治安管理处罚法》《法治政府建设与责任落实督察工作规定》"
            "《公安机关办理行政案件程序规定》开展工作。\n")
    assert findings(text, "citations/near-miss") == []


def test_a_long_title_missing_a_word_is_a_near_miss():
    assert messages("落实《法治政府建设与责任落实工作规定》。\n", "citations/near-miss") == [
        "《法治政府建设与责任落实工作规定》与《法治政府建设与责任落实督察工作规定》只差一两个字，疑为笔误："
        "请核对文件全称，改为《法治政府建设与责任落实督察工作规定》"]


def test_a_title_equally_close_to_two_listed_ones_names_both():
    assert messages("执行《公安机关办理案件程序规定》。\n", "citations/near-miss") == [
        "《公安机关办理案件程序规定》与《公安机关办理行政案件程序规定》或《公安机关办理刑事案件程序规定》只差一两个字，"
        "疑为笔误：请核对文件全称，改为《公安机关办理行政案件程序规定》或《公安机关办理刑事案件程序规定》"]


def test_one_wrong_character_in_a_five_character_title_counts_but_an_added_word_does_not():
    assert len(findings("学习《人民检察法》。\n", "citations/near-miss")) == 1
    # 人民武装警察法 is another law: two characters more than 人民警察法, not a slip
    assert findings("学习《中华人民共和国人民武装警察法》。\n", "citations/near-miss") == []


def test_two_scattered_slips_in_a_long_title_count_but_a_replaced_word_does_not():
    assert len(findings("落实《法制政府建设与责任落实督查工作规定》。\n", "citations/near-miss")) == 1
    # 深化 → 加强 is a word of another document's title, not a typing slip
    assert findings("落实《关于加强公安执法规范化建设的意见》。\n", "citations/near-miss") == []


@pytest.mark.parametrize("title", [
    "中华人民共和国民事诉讼法",  # one character from the 刑事诉讼法, and a law of its own
    "国家情报法",  # two characters from 国家安全法-like titles: different laws differ so
    "民法",  # short titles count only when equal
    "法治政府建设实施纲要（2016－2020年）",  # numerals only: another document, not a slip
    "法治政府建设实施纲要(2021-2025年)",  # half-width brackets and dash are the same title
    "政府工作报告",
    "关于进一步规范使用监视居住措施的通知",
])
def test_titles_not_close_to_a_listed_one_are_silent(title):
    assert findings(f"认真学习《{title}》。\n", "citations/near-miss") == []


def test_the_reach_filter_keeps_every_form_two_edits_can_reach():
    """The edit distance is computed only for the forms in reach: the answer must be the one a
    search over every listed form gives, for titles one to three random edits off a listed one."""
    import random

    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    rule = next(r for r in RULES if r.id == "citations/near-miss")
    titles = rule.check.list
    rng = random.Random(15)
    alphabet = sorted(set("".join(titles.forms)))
    checked = reached = 0
    for form in rng.sample(titles.forms, 300):
        chars = list(form)
        for _ in range(rng.choice([1, 2, 2, 3])):
            i = rng.randrange(len(chars))
            op = rng.choice("isdt")
            if op == "i":
                chars.insert(i, rng.choice(alphabet))
            elif op == "s":
                chars[i] = rng.choice(alphabet)
            elif op == "d" and len(chars) > 1:
                del chars[i]
            elif op == "t" and i + 1 < len(chars):
                chars[i], chars[i + 1] = chars[i + 1], chars[i]
        key = "".join(chars)
        everywhere = {f for f, _, _ in process.extract(key, titles.forms, scorer=OSA.distance, score_cutoff=2,
                                                       limit=None)}
        assert everywhere <= set(titles.within_reach(key)), key
        checked += 1
        reached += bool(everywhere)
    assert checked == 300 and reached > 150
    assert titles.within_reach("三门县全面推进行政执法改革实施方案") == []  # a local document: no search at all


# -- title marks -----------------------------------------------------------------------------------
def test_half_width_title_marks_are_reported_with_the_right_form():
    found = findings("贯彻<<中华人民共和国行政处罚法>>，规范执法。\n", "citations/title-marks")
    assert [(f.column, f.end_column) for f in found] == [(3, 19)]
    assert found[0].message == "书名号使用有误：用了半角的“<<”“>>”，应改为《中华人民共和国行政处罚法》"
    assert findings("首页 >> 新闻中心 >> 工作动态\n", "citations/title-marks") == []


def test_a_title_mark_left_open_says_where_the_title_seems_to_end():
    found = findings("出台《派出所办理行政案件工作细则，明确办案责任。\n", "citations/title-marks")
    assert [(f.column, f.message) for f in found] == [
        (3, "书名号使用有误：“《”在本行没有闭合，文件名称疑止于“工作细则”，请在其后补上“》”")]
    assert findings("出台《派出所办理行政案件工作细则》，明确办案责任。\n", "citations/title-marks") == []


def test_a_closing_mark_never_opened_and_nested_marks():
    assert messages("执行公安部有关规定》。\n", "citations/title-marks") == [
        "书名号使用有误：“》”前面没有与之配对的“《”，请补上“《”或删去“》”"]
    found = findings("印发《关于印发《执法办案规范》的通知》。\n", "citations/title-marks")
    assert [(f.column, f.message) for f in found] == [
        (8, "书名号使用有误：书名号内再用书名号时应改用单书名号“〈〉”，如《关于印发〈…〉的通知》")]
    assert findings("印发《关于印发〈执法办案规范〉的通知》。\n", "citations/title-marks") == []
    # three levels: 《 〈 《 》 〉 》 is the standard's own form
    assert findings("转发《关于转发〈关于执行《治安管理处罚法》的解释〉的通知》。\n", "citations/title-marks") == []
    # a title never closes on the next line: each line is judged alone
    assert len(findings("出台《执法细则\n》。\n", "citations/title-marks")) == 2


# -- user titles and validation --------------------------------------------------------------------------
USER_PACK = """\
rules:
  - id: local/citation
    kind: citation
    severity: warning
    message: 《{{title}}》疑为《{{suggestion}}》
    why: 本局文件清单。
    params:
      check: near-miss
      titles:
{titles}
    examples:
      bad: ["执行《榆树市公安局严格管理办案期限工作规定》。"]
      good: ["执行《榆树市公安局严格管理办案时限工作规定》。"]
"""


def test_a_user_pack_adds_its_own_titles(tmp_path):
    pack = tmp_path / "mine.yaml"
    own = "榆树市公安局严格管理办案时限工作规定"
    pack.write_text(USER_PACK.format(titles=f"        - {{title: {own}, source: 本局文件}}"), encoding="utf-8")
    rule = load_rules([str(pack)], defaults=False).rules[0]
    found = run(Document.from_text("执行《榆树市公安局严格管理办案期限工作规定》。"), [rule])
    assert [f.message for f in found] == [f"《榆树市公安局严格管理办案期限工作规定》疑为《{own}》"]


@pytest.mark.parametrize(("entry", "field", "reason"), [
    ("{title: 某规定, source: 本局, repeald: 2020-01-01}", "params.titles[0].repeald", "未知字段"),
    ("{title: 某规定, source: 本局, repealed: '2020-13-01'}", "params.titles[0].repealed", "应为日期"),
    ("{title: 某规定, source: 本局, revised: 2020-01-01}", "params.titles[0].revised", "应为日期列表"),
    ("{title: 某规定}", "params.titles[0].source", "缺少"),
    ("{title: 《某规定》, source: 本局}", "params.titles[0].title", "不带书名号"),
    ("{title: 某规定, source: 本局, replaced_by: 新规定}", "params.titles[0].replaced_by", "repealed"),
])
def test_a_bad_entry_names_the_file_the_rule_and_the_field(tmp_path, entry, field, reason):
    pack = tmp_path / "mine.yaml"
    pack.write_text(USER_PACK.format(titles=f"        - {entry}"), encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_rules([str(pack)], defaults=False)
    text = str(err.value)
    assert "mine.yaml" in text and "local/citation" in text and field in text and reason in text


def test_an_impossible_date_is_an_error_naming_the_file_not_a_traceback(tmp_path):
    pack = tmp_path / "mine.yaml"
    pack.write_text(USER_PACK.format(titles="        - {title: 某规定, source: 本局, repealed: 2020-13-01}"),
                    encoding="utf-8")
    with pytest.raises(RuleError, match=r"mine\.yaml.*YYYY-MM-DD"):
        load_rules([str(pack)], defaults=False)


def test_a_title_listed_twice_is_an_error(tmp_path):
    pack = tmp_path / "mine.yaml"
    twice = "        - {title: 某规定, source: 甲}\n        - {title: 某规定, source: 乙}"
    pack.write_text(USER_PACK.format(titles=twice), encoding="utf-8")
    with pytest.raises(RuleError, match=r"params\.titles\[1\]\.title"):
        load_rules([str(pack)], defaults=False)


def test_explain_lists_each_title_with_its_dates_and_source(cli):
    out = cli("explain", "citations/repealed").out
    assert "《中华人民共和国治安管理处罚条例》（公布1986年9月5日，修订1994年5月12日，废止2006年3月1日）" in out
    assert "来源 https://law.lawtime.cn/lifadongtai/39163.html：" in out
    near = cli("explain", "citations/near-miss").out
    assert "《法治政府建设与责任落实督察工作规定》（施行2019年4月15日）" in near
