"""duties pack: the 第一责任人 part on the real seeds and on constructed parts (issue 4's "done when")."""

from __future__ import annotations

import pytest
from conftest import ROOT, SEEDS, seed

from reportlint.checks import ParamError
from reportlint.checks.coverage import Coverage
from reportlint.document import Document
from reportlint.engine import load_rules, run
from reportlint.load import load

# only this pack: the tests judge these rules whatever the other packs hold
RULES = load_rules([str(ROOT / "lintrules" / "duties.yaml")], defaults=False).rules
IDS = {"duties/not-separate", "duties/coverage", "duties/personally", "duties/vague"}
PART = "三、党政主要负责人履行推进法治建设第一责任人职责情况\n"
VAGUE = "局主要负责人高度重视法治建设，多次强调要提高思想认识。"


def findings(doc: Document, rule_id: str | None = None):
    return [f for f in run(doc, RULES) if rule_id is None or f.rule == rule_id]


def seed_doc(prefix: str) -> Document:
    return Document(load(str(seed(prefix))))


def test_pack_has_the_four_rules_each_with_five_examples_either_way():
    assert {r.id for r in RULES} == IDS
    for rule in RULES:
        assert len(rule.bad) >= 5 and len(rule.good) >= 5, rule.id


def test_seed_000_part_three_lacks_only_lawful_decisions():
    doc = seed_doc("000")
    # 6 of the 7 duties are there, the four 亲自 too; no line of the draft speaks of decisions
    (coverage,) = findings(doc)
    assert (coverage.rule, coverage.line) == ("duties/coverage", 14)
    assert "未写明“依法决策”" in coverage.message and "写在" not in coverage.message
    check = next(r for r in RULES if r.id == "duties/coverage").check
    located = check.locator.locate(doc)
    assert located.dedicated and located.places[0][0] == 14
    covered = {check.elements[i].name for i in check.covered(located.text(doc))}
    assert covered == {e.name for e in check.elements} - {"依法决策"}


@pytest.mark.parametrize("prefix", ["001", "002", "004"])
def test_no_part_and_no_content_is_left_to_the_structure_rules(prefix):
    # 001 names 第一责任人职责 only in its opening paragraph; 004 has 亲自负责 and 亲自出庭应诉
    assert findings(seed_doc(prefix)) == []


def test_seed_003_content_inside_part_two_is_not_a_separate_part():
    doc = seed_doc("003")
    (elsewhere,) = findings(doc, "duties/not-separate")
    assert (elsewhere.line, elsewhere.severity) == (9, "warning")
    assert "未单列第一责任人履职情况" in elsewhere.message
    assert "第9行“二、主要工作(一)加强领导抓规划”" in elsewhere.message


def test_seed_003_coverage_is_judged_on_the_content_found():
    doc = seed_doc("003")
    (coverage,) = findings(doc, "duties/coverage")
    assert coverage.line == 9
    # 二(一) has 研究部署 (党委会 听取汇报), 纳入考核, 执法监督 (案卷评查), 督促各单位, and all four 亲自
    assert "按第9行“二、主要工作(一)加强领导抓规划”中的内容判断" in coverage.message
    # 述法 is nowhere in the draft; 依法决策 and 带头学法 are, in other sub-parts: said once, with where
    assert "未写明“述法”（如“" in coverage.message
    assert "“依法决策”写在第10行“二、主要工作(二)健全保障强决策”中" in coverage.message
    assert "“带头学法”写在第13行“二、主要工作(五)强化培训提素质”中" in coverage.message
    assert "写入这一部分" in coverage.message
    assert "未写明“依法决策" not in coverage.message and "未写明“带头学法" not in coverage.message
    for present in ("研究部署法治建设", "纳入规划与考核", "执法监督与应诉", "督促班子成员"):
        assert present not in coverage.message
    assert findings(doc, "duties/personally") == []
    assert findings(doc, "duties/vague") == []


def test_seed_003_coverage_changes_with_the_found_content_only():
    lines = seed("003").read_text(encoding="utf-8").split("\n")
    duty = "局长在年终述职中专门述法。"
    # written in 二(五) (not the found content) it changes nothing
    in_other_part = lines[:12] + [lines[12] + duty] + lines[13:]
    assert len(findings(Document.from_text("\n".join(in_other_part)), "duties/coverage")) == 1
    # written in 二(一) it is no longer missing: only the duties written elsewhere are left to say
    in_found_part = lines[:8] + [lines[8] + duty] + lines[9:]
    doc = Document.from_text("\n".join(in_found_part))
    (coverage,) = findings(doc, "duties/coverage")
    assert "述法" not in coverage.message and "未写明" not in coverage.message
    assert "“依法决策”写在" in coverage.message
    assert len(findings(doc, "duties/not-separate")) == 1


def test_a_part_of_attitude_only_draws_coverage_and_vagueness():
    text = "一、主要工作\n全年受理行政案件2241起。\n" + PART + VAGUE + "\n"
    doc = Document.from_text(text)
    (coverage,) = findings(doc, "duties/coverage")
    assert (coverage.line, coverage.column) == (3, 3)  # the part's heading title
    assert "未写明“研究部署法治建设”（如“" in coverage.message and "“述法”（如“将履行" in coverage.message
    assert "纳入规划与考核" not in coverage.message  # an area a reviewer does not require
    (vague,) = findings(doc, "duties/vague")
    assert "缺少具体履职举措" in vague.message and "高度重视”“多次强调" in vague.message
    assert (vague.line, vague.column, vague.end_column) == (4, 1, 28)  # the vague sentence (end column is exclusive)
    # a warning for each missing 亲自, each naming its own
    personally = findings(doc, "duties/personally")
    elements = ("重要工作亲自部署", "重大问题亲自过问", "重点环节亲自协调", "重要任务亲自督办")
    named = [[e for e in elements if f"“{e}”（如“" in f.message] for f in personally]
    assert sorted(named) == sorted([e] for e in elements)


def test_the_vague_sentence_is_pointed_at_not_the_first_one():
    text = PART + "（一）提高站位\n2021年，局党委书记、局长高度重视，营造良好氛围。\n"
    doc = Document.from_text(text)
    (vague,) = findings(doc, "duties/vague")
    assert vague.line == 3 and "营造良好氛围" in vague.message
    # one meeting, a count or a named document is enough to make the part more than attitude
    for concrete in ("召开党委会研究法治建设。", "亲自过问涉企案件14起。", "出台《职责清单》。"):
        assert findings(Document.from_text(text + concrete), "duties/vague") == []


def test_a_part_missing_personal_coordination_is_told_exactly_that():
    text = PART + "局长对重要工作亲自部署、重大问题亲自过问、重要任务亲自督办。\n"
    (missing,) = findings(Document.from_text(text), "duties/personally")
    assert "重点环节亲自协调" in missing.message
    assert not any(other in missing.message for other in ("亲自部署", "亲自过问", "亲自督办"))
    assert missing.line == 1


@pytest.mark.parametrize("wording", [
    "对重要工作亲自研究部署、重大问题亲自过问、重点环节亲自组织协调、重要任务亲自督导",
    "对法治建设重要工作亲自研究、部署，重大问题亲自“过问”，重点环节亲自　协调，重要任务亲自督办",
])
def test_wording_variants_of_the_four_personally(wording):
    assert findings(Document.from_text(PART + wording + "。\n"), "duties/personally") == []


def missing_personally(body: str) -> list[str]:
    elements = ("重要工作亲自部署", "重大问题亲自过问", "重点环节亲自协调", "重要任务亲自督办")
    messages = " ".join(f.message for f in findings(Document.from_text(PART + body + "\n"), "duties/personally"))
    return [e for e in elements if e in messages]


@pytest.mark.parametrize(("body", "missing"), [
    # one 亲自 governing a list of verbs states each of them
    ("局长对法治建设重要工作亲自部署、协调、督办，全年听取汇报4次。", ["重大问题亲自过问"]),
    ("局长亲自部署、过问和督办执法突出问题整改。", ["重点环节亲自协调"]),
    ("局长亲自过问、协调并督办重大案件。", ["重要工作亲自部署"]),
    # presiding over a meeting that 研究部署 is 部署 in substance
    ("局长主持召开党委会议，研究部署年度法治建设任务；对重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。", []),
    ("局党委召开会议研究部署法治建设；局长对重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。",
     ["重要工作亲自部署"]),  # the committee's meeting is not the principal's own 部署
    # 亲自 before the verb's object or place
    ("局长亲自到现场协调解决执法保障问题，亲自对重大敏感案件把关，亲自带队督导整改，亲自研究年度法治建设任务。", []),
    ("局长亲自过问重大案件协调情况。", ["重要工作亲自部署", "重点环节亲自协调", "重要任务亲自督办"]),
    # a list that does not follow 亲自 is not spread
    ("局长亲自部署，各单位协调、督办。", ["重大问题亲自过问", "重点环节亲自协调", "重要任务亲自督办"]),
])
def test_personally_reads_the_construction_not_the_four_character_phrase(body, missing):
    assert missing_personally(body) == missing


def coverage_check():
    return next(r for r in RULES if r.id == "duties/coverage").check


def covered_names(text: str) -> set[str]:
    check = coverage_check()
    return {check.elements[i].name for i in check.covered(text)}


@pytest.mark.parametrize(("text", "duty"), [
    ("将法治建设纳入全局重点工作计划，与业务工作同部署、同考核。", "纳入规划与考核"),
    ("把法治建设列入党委年度重点考核内容。", "纳入规划与考核"),
    ("局长主持召开党委会，专题听取法治建设情况汇报。", "研究部署法治建设"),
    ("重大事项提交党委会集体决定前均经法制部门审查把关。", "依法决策"),
])
def test_duties_written_with_words_in_between(text, duty):
    assert duty in covered_names(text)


def test_words_in_between_do_not_make_a_duty_out_of_nothing():
    assert covered_names("将群众满意度作为重要参考。局长到基层调研。") == set()


CONCRETE = ("局长对法治建设重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办，"
            "主持召开党委会专题研究法治建设4次；重大行政决策经合法性审查后集体讨论决定；"
            "带头参加党委理论学习中心组学法6次；在年终述职中专门述法。")


def test_a_concrete_part_is_judged_as_a_reviewer_does():
    # the four 亲自 with meetings and counts, 学法, 述法, 合法性审查: nothing a reviewer would ask for
    assert findings(Document.from_text(PART + CONCRETE + "\n")) == []
    # without 述法 the finding names 述法, and only it
    (coverage,) = findings(Document.from_text(PART + CONCRETE.replace("在年终述职中专门述法。", "") + "\n"))
    assert coverage.rule == "duties/coverage" and "未写明“述法”（如“" in coverage.message
    assert not any(d in coverage.message for d in ("研究部署", "依法决策", "带头学法", "纳入规划"))


def test_a_duty_written_in_another_part_is_pointed_at_once():
    text = ("一、主要举措和成效\n（一）严格依法决策。重大行政决策均经合法性审查和集体讨论决定。\n"
            "（二）规范执法。全年受理行政案件2241起。\n二、存在不足和原因\n少数领导干部参加学法不够经常。\n"
            + PART + "局长主持召开党委会研究法治建设3次，在年终述职中专门述法。\n")
    (coverage,) = findings(Document.from_text(text), "duties/coverage")
    assert "“依法决策”写在第2行“一、主要举措和成效（一）严格依法决策”中" in coverage.message
    assert coverage.message.count("“依法决策”") == 1
    # 学法 in the shortfalls part is no report of what was done: still missing
    assert "未写明“带头学法”（如“" in coverage.message


def test_anchor_in_a_shortfall_or_plan_part_is_not_content():
    for part in ("二、存在不足和原因", "四、2022年推进法治政府建设主要安排"):
        text = f"一、主要工作\n全年受理行政案件2241起。\n{part}\n严格落实法治建设第一责任人职责，重要工作亲自部署。\n"
        assert findings(Document.from_text(text)) == []


def test_found_content_is_one_sub_part_even_when_the_anchor_is_in_a_numbered_item():
    text = ("一、主要举措和成效\n（一）加强组织领导\n1.压实责任。局长履行法治建设第一责任人职责。\n"
            "2.抓好学法。参加中心组学法4次。\n（二）规范执法\n出庭应诉2次。\n")
    doc = Document.from_text(text)
    (elsewhere,) = findings(doc, "duties/not-separate")
    assert elsewhere.line == 2 and "“一、主要举措和成效（一）加强组织领导”" in elsewhere.message
    (coverage,) = findings(doc, "duties/coverage")
    assert "带头学法" not in coverage.message and "未写明“研究部署法治建设”" in coverage.message


def test_a_title_line_standing_alone_is_a_dedicated_part():
    text = ("一、主要工作\n全年受理行政案件2241起。\n党政主要负责人履行推进法治建设第一责任人职责情况：\n"
            "局长对重要工作亲自部署、重大问题亲自过问。\n二、下一步工作安排\n强化执法培训。\n")
    doc = Document.from_text(text)
    assert findings(doc, "duties/not-separate") == []
    personally = findings(doc, "duties/personally")
    assert {f.line for f in personally} == {3}
    messages = " ".join(f.message for f in personally)
    assert "重点环节亲自协调" in messages and "重要任务亲自督办" in messages and "重大问题" not in messages


def test_a_report_titled_after_the_duties_is_not_a_titled_block():
    text = ("局长履行推进法治建设第一责任人职责情况报告\n市委依法治市办：\n现将有关情况报告如下。\n"
            "一、主要工作\n（一）强化组织领导。召开党委会专题研究法治建设3次。\n二、存在不足和原因\n执法队伍素质参差不齐。\n")
    doc = Document.from_text(text)
    assert findings(doc) == []  # no part, no anchor: left to the structure rules


def test_a_sub_heading_for_the_part_inside_another_part_is_not_separate():
    text = ("一、主要工作\n（一）规范执法。全年受理行政案件2241起。\n"
            "（二）主要负责人履行推进法治建设第一责任人职责情况。局长对重要工作亲自部署、重大问题亲自过问。\n"
            "二、存在不足和原因\n执法队伍素质参差不齐。\n")
    (elsewhere,) = findings(Document.from_text(text), "duties/not-separate")
    assert elsewhere.line == 3 and "第3行“一、主要工作（二）主要负责人履行" in elsewhere.message


def elements(*phrases_lists):
    return [{"name": f"要素{i}", "example": "例", "phrases": p} for i, p in enumerate(phrases_lists)]


@pytest.mark.parametrize(("params", "field"), [
    ({"part_titles": [], "elements": elements(["述法"])}, "params.part_titles"),
    ({"elements": []}, "params.elements"),
    ({"elements": elements(["述法"], ["述法"]), "one_per_element": True}, "params.elements[1].phrases"),
    ({"elements": [{"name": "述法", "example": "例", "phrases": ["述法"], "required": "yes"}]},
     "params.elements[0].required"),
    ({"elements": [{"name": "述法", "example": "例", "phrases": ["述法"], "patterns": ["述法("]}]},
     "params.elements[0].patterns[0]"),
    ({"elements": [{"name": "述法", "phrases": ["述法"]}]}, "params.elements[0].example"),
])
def test_bad_params_name_the_field(params, field):
    with pytest.raises(ParamError) as caught:
        Coverage({"part_titles": ["第一责任人"], **params})
    assert caught.value.field == field


def test_cli_over_all_seeds_reports_seeds_000_and_003(cli):
    result = cli("check", "--format", "json", "--select", "duties", SEEDS)
    assert result.code == 1
    reported = {(f["path"].rsplit("/", 1)[-1][:3], f["rule"], f["line"]) for f in result.json()["findings"]}
    assert reported == {("000", "duties/coverage", 14), ("003", "duties/not-separate", 9),
                        ("003", "duties/coverage", 9)}


@pytest.mark.parametrize("text", [
    *(seed(p).read_text(encoding="utf-8") for p in ("000", "001", "002", "003", "004")),
    "区政府：\n一、2021年主要举措和成效\n（一）强化领导。局长对重要工作亲自部署。\n二、存在不足和原因\n由于素质参差不齐。\n",
    "区政府：\n一、2021年主要举措和成效\n（一）强化领导。局长落实“四个亲自”要求。\n二、存在不足和原因\n由于素质参差不齐。\n",
])
def test_the_missing_part_is_reported_once_by_structure_or_by_duties(text):
    everything = load_rules().rules
    found = run(Document.from_text(text), [r for r in everything if r.id in ("structure/missing-part",
                                                                          "duties/not-separate")])
    missing = [f for f in found if f.rule == "structure/missing-part" and "第一责任人" in f.message]
    elsewhere = [f for f in found if f.rule == "duties/not-separate"]
    assert not (missing and elsewhere)


def test_a_bureau_part_in_its_own_words_lacks_only_what_it_lacks():
    text = ("三、党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设有关情况\n"
            "局党委书记、局长切实履行法治建设第一责任人职责，对法治建设重要工作亲自部署、协调、督办。"
            "一是加强组织领导。调整充实法治公安建设领导小组，主持召开党委会议专题研究法治建设工作5次。"
            "二是坚持依法决策。严格落实“三重一大”集体决策制度，重大事项均经法制部门审核、法律顾问论证。"
            "三是带头尊法学法。坚持党委会会前学法制度，全年开展集体学法12次。"
            "四是认真述法。将履行第一责任人职责情况列入年终述职内容，在全县政法系统述职述法会上专题述法。\n")
    (personally,) = findings(Document.from_text(text))
    assert personally.rule == "duties/personally" and "“重大问题亲自过问”" in personally.message


def test_duties_inside_the_first_part_with_decisions_in_the_next_sub_part():
    text = ("一、主要举措和成效\n（一）坚持党的领导，压实法治建设责任。局主要负责人认真履行推进法治建设第一责任人职责，"
            "将法治建设纳入全局重点工作计划，与公安业务工作同部署、同推进、同考核。局长亲自部署、过问和督办重大执法问题整改，"
            "全年主持召开局党委会研究法治工作6次，带头学习习近平法治思想，参加党委理论学习中心组专题学习4次。\n"
            "（二）健全依法决策机制。出台重大行政决策程序规定，全年7项重大决策事项均经合法性审查。\n"
            "二、存在的不足和原因\n执法监督效能有待提升，原因在于信息化手段运用不足。\n")
    doc = Document.from_text(text)
    (coverage,) = findings(doc, "duties/coverage")
    assert "未写明“述法”" in coverage.message
    assert "“依法决策”写在第3行“一、主要举措和成效（二）健全依法决策机制”中" in coverage.message
    assert "带头学法" not in coverage.message and "纳入规划" not in coverage.message
    (personally,) = findings(doc, "duties/personally")
    assert "“重点环节亲自协调”" in personally.message
