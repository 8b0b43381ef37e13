"""hygiene pack: doubled characters that are two words, placeholders (XX * □), web-page debris
split over lines, pairs split by the copy (issues 11 and 13). Each false alarm ended has its
correct text that must stay silent next to the real defect that must still fire."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, seed

from reportlint.document import Document
from reportlint.engine import load_rules, run
from reportlint.load import load

RULES = load_rules([str(ROOT / "lintrules" / "hygiene.yaml")], defaults=False).rules
REAL = ROOT.parent / "shared" / "real"


def hits(text: str, rule_id: str) -> list[str]:
    """The text under each finding of `rule_id`."""
    doc = Document.from_text(text)
    return [doc.text[doc.line(f.line).start + f.column - 1: doc.line(f.end_line).start + f.end_column - 1]
            for f in run(doc, RULES) if f.rule == rule_id]


def lines_hit(text: str, rule_id: str) -> list[int]:
    return [f.line for f in run(Document.from_text(text), RULES) if f.rule == rule_id]


@pytest.mark.parametrize(("silent", "defect"), [
    ("涉案合同标的的金额达3200万元。", "涉案合同金额的的确认要及时。"),
    ("办案目的的合法性要经法制部门审核。", "完成重点项目的的合法性审查。"),
    ("有的的确存在执法不规范的问题。", "所有的的执法场所均已改造。"),
    ("别的的确还需进一步整改。", "特别的的是取保候审案件全面清理。"),
    ("就像亲人似的的确让群众感到温暖。", "两起案件相似的的地方在于作案手法。"),
    ("加强队伍建设的的确确保证了执法质量。", "加强队伍建设的的确保执法质量。"),
    ("现在在岗民警均已取得执法资格。", "正在在全市推广执法记录仪。"),
    ("矛盾缓和和化解同步推进。", "强化执法监督和和执法保障。"),
    ("法律知识普及及提高执法能力并重。", "完善制度及及执法监督。"),
    ("两项工作一并并行推进，局长与与会人员逐一交流。", "强化执法监督与与执法保障。"),
    ("为了了解群众诉求，关键是是否落实，做到唯命是从的反面。", "我们取得了了一定的成绩。"),
])
def test_two_words_meeting_on_a_character_are_no_doubling(silent, defect):
    assert hits(silent, "hygiene/doubled-char") == []
    assert len(hits(defect, "hygiene/doubled-char")) == 1


def test_seed_004_keeps_its_doubled_de():
    doc = Document(load(str(seed("004"))))
    found = [f for f in run(doc, RULES) if f.rule == "hygiene/doubled-char"]
    assert [(f.line, f.column) for f in found] == [(20, 68)]


@pytest.mark.parametrize(("text", "marks"), [
    ("全年共召开党委会议*次，发现问题*个。", ["*", "*"]),
    ("出台《法治*建设规划》。", ["*"]),
    ("由**大队牵头负责。", ["**"]),
    ("□□派出所全年共受理行政案件□起。", ["□□", "□"]),
    ("XX市公安局联合ＸＸ大队开展检查。", ["XX", "ＸＸ"]),
])
def test_placeholders_standing_for_a_number_or_a_name(text, marks):
    assert hits(text, "hygiene/placeholder-x") == marks


@pytest.mark.parametrize("text", [
    "开展**执法突出问题专项整治**行动，整改问题26个。",  # Markdown emphasis
    "- **重点任务**：完成执法办案中心改造",
    "* 加强执法培训，全年举办培训班12期",  # a list bullet
    "*注：数据截至2021年11月底。",  # a footnote
    "全年受理行政案件2241起*。",  # a footnote mark
    "警务用房按3*4米标准配置。",  # a product
    "***",  # a rule line
    "尺码为XXL的制服已配发。",
])
def test_legitimate_stars_are_silent(text):
    assert hits(text, "hygiene/placeholder-x") == []


TITLE = "某市公安局2021年法治政府建设年度报告"


@pytest.mark.parametrize("strip", [
    "【字号：\n加大\n还原\n减小\n】",
    "【字体：\n大\n中\n小\n】",
    "下载\n打印\n全屏\n收藏",
    "当前位置：\n首页\n>\n政务公开\n>\n法治政府建设",
    "首页\n>\n政府信息公开\n>\n年度报告",
    "发表时间：\n2022-03-01 09:45:30\n来源：\n市公安局\n阅读量：",
    "【\n打印本页\n】\n【\n关闭窗口\n】",
    "责任编辑：\n李某某",
])
def test_a_strip_of_page_furniture_split_over_lines_is_debris_every_line(strip):
    text = f"{strip}\n{TITLE}\n市人民政府：\n2021年，我局坚持依法行政。"
    n = strip.count("\n") + 1
    assert lines_hit(text, "hygiene/web-debris") == list(range(1, n + 1))  # not the title below it


@pytest.mark.parametrize("line", [
    "【字体：大 中 小】", "您所在的位置：首页 > 政务公开", "当前位置：", "分享到：", "访问量：1532",
    "索引号：11330000002482000K/2022-00012", "发布日期：2022-03-01 文章来源：市公安局",
    "今天是2022年3月1日 星期二", "无障碍 / 简体 / 繁体", "下载 打印 全屏 收藏", "相关报道：", "相关附件>>",
    "（此处隐藏1260个字，请登录后查看）", "编辑：李某某", "2022-03-01 09:20:15", "2022年03月01日 09时20分",
])
def test_the_debris_forms_not_caught_before(line):
    assert lines_hit(f"{TITLE}\n全年受理行政案件2241起。\n{line}", "hygiene/web-debris") == [3]


@pytest.mark.parametrize("line", [
    "推进无障碍环境建设，完成简体繁体双语标识改造",
    "门户网站访问量：12万次",
    "相关报道显示，群众满意度持续提升。",
    "首页改版后，“警察叔叔”APP新增服务事项12项",
    "今天是我们全面推进法治公安建设的关键一年，星期例会制度坚持不断。",
    "2022年1月20日",
    "时间：2021年5月6日",  # a meeting's date in a table, not the page's time stamp
    "大",
])
def test_report_text_near_the_debris_forms_is_silent(line):
    assert lines_hit(f"{TITLE}\n{line}\n全年受理行政案件2241起。", "hygiene/web-debris") == []


def test_fix_deletes_a_split_strip_and_never_a_sentence(cli, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(f"下载\n打印\n【字号：\n加大\n还原\n减小\n】\n{TITLE}\n来源：市公安局\n"
                     "分享到：群众满意度持续提升。\n全年受理行政案件2241起。\n相关报道：\n", encoding="utf-8")
    cli("check", "--select", "hygiene/web-debris", "--fix", draft)
    assert draft.read_text(encoding="utf-8") == f"{TITLE}\n分享到：群众满意度持续提升。\n全年受理行政案件2241起。\n"


def test_pairs_split_by_the_copy_are_pairs_but_an_open_one_still_fires():
    split = "推行企业出题、院校答题的“双向\n揭榜\n挂帅”机制，转化科技成果126项。"
    assert hits(split, "hygiene/unbalanced-pairs") == []
    assert hits("【字号：\n加大\n还原\n减小\n】", "hygiene/unbalanced-pairs") == []
    # a short line that closes nothing: the pair is still open
    assert hits("坚持和发展新时代“枫桥经验\n成效明显\n全年化解纠纷326起。", "hygiene/unbalanced-pairs") == ["“"]
    # a heading is not a fragment of the line before it
    assert hits("坚持“枫桥经验\n二、存在”问题\n执法规范化水平有待提高。", "hygiene/unbalanced-pairs") == ["“", "”"]
    # two long lines are two paragraphs
    assert len(hits("坚持和发展新时代“枫桥经验，持续深化改革\n全面推行网上办案”，成效明显。",
                    "hygiene/unbalanced-pairs")) == 2


def real_reports() -> list[Path]:
    if not REAL.is_dir():
        pytest.skip(f"{REAL} is absent: the real reports are not in this checkout")
    return sorted(REAL.glob("*.txt"))


FURNITURE_WORDS = {"【", "】", ">", "下载", "打印", "全屏", "收藏", "加大", "还原", "减小", "打印本页", "关闭窗口"}


def test_on_the_real_reports_debris_is_whole_furniture_lines_and_no_body_line():
    for path in real_reports():
        doc = Document(load(str(path)))
        flagged = {f.line for f in run(doc, RULES) if f.rule == "hygiene/web-debris"}
        for number in flagged:
            content = doc.line(number).content
            assert "。" not in content and len(content) <= 40, (path.name, number, content)
        for line in doc.lines:
            if line.content in FURNITURE_WORDS:  # every split-off word of a strip is caught
                assert line.number in flagged, (path.name, line.number, line.content)
        prose = [line.number for line in doc.lines if "。" in line.content]
        for number in flagged:  # a line standing between two sentences of the body is body
            before = max((n for n in prose if n < number), default=0)
            after = min((n for n in prose if n > number), default=0)
            assert not (before == number - 1 and after == number + 1), (path.name, number)


def test_on_the_real_reports_no_pair_is_split_by_the_copy():
    for path in real_reports():
        doc = Document(load(str(path)))
        assert [f.line for f in run(doc, RULES) if f.rule == "hygiene/unbalanced-pairs"] == [], path.name
