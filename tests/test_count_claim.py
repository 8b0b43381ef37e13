"""structure/count-claim: a claimed count (“四项措施”, 三级审核, 5个方面) against the list that goes with it.

Each phrasing has its twin: the same sentence with the count right, which must stay silent. The
sentences are written for these tests (issues #10 and #11 describe the phrasings, not the text).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.document import Document
from reportlint.engine import load_rules, run

RULE = next(r for r in load_rules().rules if r.id == "structure/count-claim")
REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "real"


def claims(text: str) -> list[str]:
    return [f.message for f in run(Document.from_text(text), [RULE])]


def fires(text: str, claim: str, count: int) -> None:
    found = claims(text)
    assert len(found) == 1 and found[0].startswith(f"“{claim}”") and f"{count}项不一致" in found[0], found


# -- issue #10: phrasings that must be read --------------------------------------------------------
@pytest.mark.parametrize(("wrong", "right", "claim", "count"), [
    # a quoted name tied to its list by a colon
    ("推行“四项措施”：一是压实办案责任；二是严格案件审核；三是深化警务公开。",
     "推行“三项措施”：一是压实办案责任；二是严格案件审核；三是深化警务公开。", "四项措施", 3),
    # a list right before a quoted claim
    ("实行办案民警自审、所队长审核、法制员审核、法制部门审核“三级审核”机制，把牢案件质量关。",
     "实行办案民警自审、所队长审核、法制员审核、法制部门审核“四级审核”机制，把牢案件质量关。", "三级审核", 4),
    # the ordinals are wrong, the items are still four
    ("我们从三大机制上下功夫。一是完善案件审核机制。二是健全执法考评机制。二是建立风险预警机制。四是落实过错追究机制。",
     "我们从四大机制上下功夫。一是完善案件审核机制。二是健全执法考评机制。二是建立风险预警机制。四是落实过错追究机制。",
     "三大机制", 4),
    # unquoted, the list after a colon
    ("今年以来采取四项措施：压缩审批时限、推行容缺受理、开通绿色通道。",
     "今年以来采取三项措施：压缩审批时限、推行容缺受理、开通绿色通道。", "四项措施", 3),
    ("聚焦“三个环节”：受案、立案、审核、结案，实现全流程监管。",
     "聚焦“四个环节”：受案、立案、审核、结案，实现全流程监管。", "三个环节", 4),
    ("重点把握三个方面：强化理念转变；加强队伍建设；深化执法监督；夯实科技支撑。",
     "重点把握四个方面：强化理念转变；加强队伍建设；深化执法监督；夯实科技支撑。", "三个方面", 4),
    # as 一是… after a comma
    ("采取五项措施，一是规范受案立案，二是严格案件审核，三是强化执法监督，四是推进网上办案。",
     "采取四项措施，一是规范受案立案，二是严格案件审核，三是强化执法监督，四是推进网上办案。", "五项措施", 4),
    # as 1、2、… and as 1.2.
    ("相应推出两项举措。1、实行一次告知。2、延长服务时间。3、推广网上办理。",
     "相应推出三项举措。1、实行一次告知。2、延长服务时间。3、推广网上办理。", "两项举措", 3),
    ("建立3项制度：1.执法公示制度；2.全过程记录制度；3.法制审核制度；4.案件评查制度。",
     "建立4项制度：1.执法公示制度；2.全过程记录制度；3.法制审核制度；4.案件评查制度。", "3项制度", 4),
    # as （一）（二）… inline and ① ②
    ("推广三种模式：（一）社区勤务；（二）网格巡防。", "推广两种模式：（一）社区勤务；（二）网格巡防。", "三种模式", 2),
    ("梳理出四类问题：①受案不及时；②取证不规范；③告知不到位。",
     "梳理出三类问题：①受案不及时；②取证不规范；③告知不到位。", "四类问题", 3),
    # 第一，第二，…
    ("提出三项要求：第一，严格规范公正文明执法；第二，落实执法责任。",
     "提出两项要求：第一，严格规范公正文明执法；第二，落实执法责任。", "三项要求", 2),
    # a list before, closed by 等: listing more than claimed is wrong
    ("建立警情会商、案件评查、执法巡查、案例剖析等三项制度，推动整改销号。",
     "建立警情会商、案件评查、执法巡查、案例剖析等五项制度，推动整改销号。", "三项制度", 4),
    # quoted items before the claim
    ("推行“社区勤务”“网格巡防”“驻村警务”两种模式，织密防控网络。",
     "推行“社区勤务”“网格巡防”“驻村警务”三种模式，织密防控网络。", "两种模式", 3),
    # levels with bracketed members
    ("健全市、县(区)、乡镇(街道)两级联动体系。", "健全市、县(区)、乡镇(街道)三级联动体系。", "两级联动体系", 3),
])
def test_claim_against_its_list(wrong, right, claim, count):
    fires(wrong, claim, count)
    assert claims(right) == []


@pytest.mark.parametrize(("wrong", "right"), [
    # across lines: 一是… on the following paragraphs
    ("重点抓好以下三个方面：\n一是抓好执法理念教育。\n二是深化警务公开。\n三是加强制度建设。\n四是推进执法信息化。",
     "重点抓好以下四个方面：\n一是抓好执法理念教育。\n二是深化警务公开。\n三是加强制度建设。\n四是推进执法信息化。"),
    # a heading that makes a claim, its sub-headings the list
    ("一、落实两项制度\n（一）执法公示制度\n全面公开执法信息。\n（二）法制审核制度\n重大决定一律审核。\n（三）案件评查制度\n每季度评查一次。",
     "一、落实三项制度\n（一）执法公示制度\n全面公开执法信息。\n（二）法制审核制度\n重大决定一律审核。\n（三）案件评查制度\n每季度评查一次。"),
    # an intro paragraph, the list as 1. lines
    ("二、主要做法\n重点做好以下4个方面的工作：\n1.理念转变。\n2.制度建设。\n3.队伍建设。",
     "二、主要做法\n重点做好以下3个方面的工作：\n1.理念转变。\n2.制度建设。\n3.队伍建设。"),
    # a note: the claim and a colon, the next paragraph nothing but the list
    ("［7］三大行动：\n专项整治行动、清源断流行动、平安护航行动、净网行动。",
     "［7］四大行动：\n专项整治行动、清源断流行动、平安护航行动、净网行动。"),
    # items that open paragraphs, with body paragraphs between them
    ("一年来，重点抓了三个方面工作：\n一是深化执法公开。\n全年公开执法信息2万条。\n二是严格案件审核。\n"
     "审核案件1200起。\n三是强化执法监督。\n开展评查10次。\n四是夯实执法保障。\n建成办案中心5个。",
     "一年来，重点抓了四个方面工作：\n一是深化执法公开。\n全年公开执法信息2万条。\n二是严格案件审核。\n"
     "审核案件1200起。\n三是强化执法监督。\n开展评查10次。\n四是夯实执法保障。\n建成办案中心5个。"),
    # 以下…。 announces the sub-headings that follow
    ("规划突出了以下三个方面。\n（一）深化执法公开。\n（二）严格案件审核。\n（三）强化执法监督。\n（四）夯实执法保障。",
     "规划突出了以下四个方面。\n（一）深化执法公开。\n（二）严格案件审核。\n（三）强化执法监督。\n（四）夯实执法保障。"),
    # the report's own parts after the list: it ends where 存在的问题 begins
    ("2025年主要做了以下四个方面工作：\n一、深化执法公开\n二、严格案件审核\n三、强化执法监督\n四、存在的问题和不足\n五、下一步工作打算",
     "2025年主要做了以下三个方面工作：\n一、深化执法公开\n二、严格案件审核\n三、强化执法监督\n四、存在的问题和不足\n五、下一步工作打算"),
    # a heading title with a claim and its 一是… after the title
    ("（二）狠抓三项措施，提升执法质效。一是强基础。二是控源头。三是提质效。四是严考核。",
     "（二）狠抓四项措施，提升执法质效。一是强基础。二是控源头。三是提质效。四是严考核。"),
])
def test_lists_on_other_lines_and_headings(wrong, right):
    assert len(claims(wrong)) == 1
    assert claims(right) == []


def test_quoted_name_then_what_was_done_stays_a_name():
    # “三项制度” names a policy; after a comma or a full stop 一是…四是 says what was done about it
    done = "全面落实“三项制度”，一是严格执法公示；二是规范全过程记录；三是严把法制审核；四是强化执法监督。"
    assert claims(done) == []
    assert claims(done.replace("，一是", "。一是")) == []
    # tied by a colon, the same list is the name's members
    fires(done.replace("，一是", "：一是"), "三项制度", 4)


def test_the_finding_points_at_the_claim():
    text = "一、主要工作\n今年以来采取四项措施：压缩审批时限、推行容缺受理、开通绿色通道。"
    (f,) = run(Document.from_text(text), [RULE])
    assert (f.line, f.column, f.end_column) == (2, 7, 11)


# -- issue #11: counts that are not counts of the list next to them ----------------------------------
@pytest.mark.parametrize(("silent", "defect"), [
    # a count inside a name: 两项补贴 is the subsidies' name, not the list's count
    ("提高城乡低保、特困人员供养与残疾人两项补贴标准。",
     "落实城乡低保、特困人员供养、临时救助两项措施。"),
    # the claim is the last member of a list (…和“四项重点任务”)
    ("统筹推进平安建设、法治建设和“四项重点任务”，取得新进展。",
     "统筹推进平安建设、法治建设、队伍建设和智慧警务“三项重点任务”，取得新进展。"),
    # a name built on 一 (“五个一工程”), after a verb
    ("专题片《守护》、微电影《逆行》、歌曲《警徽》荣获“五个一工程”奖。",
     "打造专题片《守护》、微电影《逆行》、歌曲《警徽》两项精品工程。"),
    # the claim is one member of a list closed by 等 (文化建设“八项工程”等)
    ("举办“枫桥经验”、智慧警务、文化建设“八项工程”等纪念活动。",
     "实施“枫桥经验”推广、智慧警务、文化建设“两项工程”，成效明显。"),
    # a list closed by 等 before something else: the count counts other things
    ("针对治安、交通、消防等重点行业出台15条具体举措，压实监管责任。",
     "明确治安、交通、消防、食药环等三类重点行业，压实监管责任。"),
    # the list is of actions; the claim is the object of the last one
    ("第一时间成立整改工作专班、出台20条举措，持续压实责任。",
     "制定整改工作专班、问题台账、督办通报两项举措，持续压实责任。"),
])
def test_counts_that_are_not_of_the_list(silent, defect):
    assert claims(silent) == []
    assert len(claims(defect)) == 1


def test_a_claim_after_another_claim_reads_only_its_own_list():
    # 4个方面 counts the four areas; 21条措施 counts measures that are not listed
    assert claims("提出规范受案、严格审核、强化监督、推进公开等4个方面21条措施。") == []
    assert len(claims("提出规范受案、严格审核、强化监督、推进公开等3个方面21条措施。")) == 1


def test_a_single_item_is_not_yet_a_list():
    # 其次、此外 may carry on what 一是 began: nothing to count with confidence
    assert claims("开展两项活动，一是练兵比武。其次，组织岗位培训。") == []


def test_a_body_paragraph_list_ends_at_a_heading():
    # 二是 under the next heading begins another list: three items, not four
    text = ("一、主要工作\n重点抓了三个方面：\n一是深化执法公开。\n公开信息2万条。\n二是严格案件审核。\n"
            "三是强化执法监督。\n二、存在的问题\n一是基础薄弱。\n二是保障不足。")
    assert claims(text) == []
    assert len(claims(text.replace("三个方面", "四个方面"))) == 1


def test_a_list_right_after_another_claim():
    # …等6个整治项目和A、B两个专项项目: the 和 joins the two claims, the second list has two items
    assert claims("深化校园餐、农村集体三资管理等6个整治项目和食品安全、安居工程2个专项项目。") == []
    assert len(claims("深化校园餐、农村集体三资管理等6个整治项目和食品安全、安居工程3个专项项目。")) == 1


def test_words_holding_he_ji_yu_are_not_conjunctions():
    # 及时 / 参与 are words, not 及 / 与 joining items: five items, not six
    assert claims("整治受案不及时、取证不规范、群众参与度低、文书不严谨、告知不到位等五类问题。") == []


def test_statements_are_the_model_the_check_reads():
    doc = Document.from_text("建立警情会商、案件评查、执法巡查等五项制度。推出挂牌整治、常态巡查两项监督措施。")
    got = [(s.claimed, s.count, s.sure, s.where, s.wrong) for s in RULE.check.statements(doc)]
    assert got == [(5, 3, "not-more", "前面列举的", False), (2, 2, "exact", "前面列举的", False)]


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real (ten real reports) is absent")
def test_no_count_claim_finding_on_the_real_reports():
    from reportlint.load import load

    for path in sorted(REAL.glob("*.txt")):
        doc = Document.from_text("\n".join(load(str(path)).lines), str(path))
        assert [(f.line, f.message) for f in run(doc, [RULE])] == [], path.name
