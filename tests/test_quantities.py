"""Quantity extraction: values, units, approximations, labels, and what is not a quantity."""

from __future__ import annotations

import math

import pytest
from conftest import seed

from reportlint.document import Document
from reportlint.load import load
from reportlint.numerals import cn_to_int, cn_to_number


def quantities(text: str):
    return Document.from_text(text).quantities


def only(text: str):
    found = quantities(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


@pytest.mark.parametrize(("text", "written", "value", "unit", "decimals"), [
    ("全年共立刑事案件1146起。", "1146起", 1146, "起", 0),
    ("全年共立刑事案件1,146起。", "1,146起", 1146, "起", 0),
    ("刑事快办率提升至12.5%。", "12.5%", 12.5, "%", 1),
    ("用户下载量1.2万。", "1.2万", 12000, "", 1),
    ("发还保证金42.5万元。", "42.5万元", 425000, "元", 1),
    ("全年共立刑事案件一千一百四十六起。", "一千一百四十六起", 1146, "起", 0),
    ("查实问题十五个。", "十五个", 15, "个", 0),
    ("培训民警两千人。", "两千人", 2000, "人", 0),
    ("群众满意率百分之九十五。", "百分之九十五", 95, "%", 0),
    ("群众满意率百分之九十五点五。", "百分之九十五点五", 95.5, "%", 1),
    ("聘请公职律师２４人。", "２４人", 24, "人", 0),  # full-width digits
    ("发表各类信息共663 篇。", "663 篇", 663, "篇", 0),  # a space before the unit
])
def test_value_unit_and_precision(text, written, value, unit, decimals):
    q = only(text)
    assert (q.text, q.value, q.unit, q.decimals) == (written, value, unit, decimals)
    assert q.exact == ("万" not in written)  # 1.2万 is rounded: a range, see below


def test_percentage_points_are_a_difference_not_a_rate():
    q = only("群众满意率较上年提高1.2个百分点。")
    assert q.unit == "个百分点"
    assert not q.is_percent


@pytest.mark.parametrize(("text", "low", "high"), [
    ("1200余名村官参与派出所警务活动。", 1200, math.inf),
    ("培训民警三百余人。", 300, math.inf),
    ("培训民警三百多人。", 300, math.inf),
    ("超过500人参加。", 500, math.inf),
    ("负责人出庭应诉率上升至90%以上。", 90, math.inf),
    ("近百人参加培训。", 0, 100),
    ("不到500人参加。", 0, 500),
    ("抽查卷宗500份以下。", 0, 500),
    ("约500人参加。", 0, math.inf),
    ("日均活跃量18000人左右。", 0, math.inf),
    ("投入180余万元新增硬件设备。", 1_795_000, math.inf),  # 180余万: rounded to 万, then at least
])
def test_approximation_turns_the_value_into_bounds(text, low, high):
    q = only(text)
    assert (q.low, q.high) == (low, high)
    assert not q.exact


def test_a_rounded_multiplier_is_a_range():
    q = only("用户下载量151万。")
    assert (q.low, q.high) == (1_505_000, 1_515_000)


@pytest.mark.parametrize("text", [
    "2021年，县公安局在县委县政府的坚强领导下。",
    "2008年11月8日，时间:2008-11-08 11:47。",
    "执法质量考评名列全市第一名，获涉法信访考核第1名，排名第 3 名。",
    "市政协五届四次会议、十九届六中全会。",
    "破获数十起案件，抓获几十人。",
    "一是强部署。二是强推进。三是强宣传。",
    "第06次会议",
    "出台实施细则(杭公通〔2018〕27号)。",
    "全面接入政务服务2.0系统，迭代升级平台2.0版本。",
    "举报电话0571-87654321，或拨打13800138000。",
    "研究制定分工方案(2018-2019)。",
    "推行“最多跑一次”改革，完成“一件事”集成改革。",
    "深入贯彻落实党的十九届六中全会精神，统一部署，逐一落实。",
    "1、定位分解权力。",
    "坚持“三位一体”执法巡查，与检察院一起开展一次性清理。",
])
def test_not_quantities(text):
    assert quantities(text) == []


def test_labels_of_seed_000_statistics():
    doc = Document(load(str(seed("000"))))
    line5 = [(q.label, q.value, q.unit) for q in doc.quantities if q.line == 5]
    assert line5 == [
        ("立刑事案件", 1146, "起"), ("破案", 476, "起"), ("移送起诉", 896, "人"),
        ("受理行政案件", 2241, "起"), ("办结", 1179, "起"), ("查处", 2302, "人"), ("行政拘留", 1156, "人次"),
        ("行政复议", 14, "起"), ("复议机关维持决定", 7, "起"), ("当事人撤回", 7, "起"),
        ("行政诉讼一审", 4, "起"), ("二审", 6, "起"), ("再审", 1, "起"),
    ]
    rates = {q.line: (q.label, q.scope, q.value) for q in doc.quantities
             if q.label.endswith("结案率") and q.value < 100}
    assert rates == {4: ("伤害类案件结案率", "", 85), 17: ("伤害性案件结案率", "全局", 95)}


def test_periods_are_kept_apart_from_the_label():
    doc = Document(load(str(seed("002"))))
    first, second = [q for q in doc.quantities if q.value in (25.89, 69.93)]
    assert (first.label, first.periods) == ("分局案件办理回复率", ("1月份",))
    assert second.periods == ("9月份",)


def test_share_label_and_parts_in_seed_003():
    doc = Document(load(str(seed("003"))))
    by_value = {q.value: q for q in doc.quantities if q.line == 12 and q.unit == "件"}
    assert by_value[51].label.endswith("建议提案")
    assert (by_value[21].label, by_value[30].label) == ("主办件", "会办件")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_spans_match_the_text_in_every_seed(prefix):
    doc = Document(load(str(seed(prefix))))
    assert doc.quantities
    for q in doc.quantities:
        assert doc.text[q.start:q.end] == q.text
        assert doc.position(q.start)[0] == q.line
        assert q.low <= q.value <= q.high


def test_no_year_or_date_of_any_seed_is_a_quantity():
    for prefix in ("000", "001", "002", "003", "004"):
        doc = Document(load(str(seed(prefix))))
        for q in doc.quantities:
            assert not (1900 <= q.value <= 2100 and q.unit == ""), q.text
            assert doc.text[q.end:q.end + 1] not in set("年月日号"), q.text


def test_numerals_keep_the_ordinal_converter_working():
    assert cn_to_int("十五") == 15
    assert cn_to_int("二〇二五") == 2025
    assert cn_to_int("一千一百四十六") == 1146
    assert cn_to_int("三四") is None
    assert cn_to_number("九十五点五") == (95.5, 1)
    assert cn_to_number("两千") == (2000.0, 0)
    assert cn_to_number("点五") is None


@pytest.mark.parametrize(("text", "written", "unit"), [
    ("新建农村公路2500公里。", "2500公里", "公里"),
    ("新增光伏装机120万千瓦。", "120万千瓦", "千瓦"),
    ("治理水土流失面积35平方公里。", "35平方公里", "平方公里"),
    ("建设高标准农田8万亩。", "8万亩", "亩"),
])
def test_units_of_length_area_and_power(text, written, unit):
    q = only(text)
    assert (q.text, q.unit) == (written, unit)


@pytest.mark.parametrize(("text", "label", "periods"), [
    ("群众满意率稳定在98%。", "群众满意率", ()),
    ("行政案件办结率仅为92%。", "行政案件办结率", ()),
    ("1至11月立刑事案件640起。", "立刑事案件", ("1至11月",)),
    ("一至三月受理行政案件210起。", "受理行政案件", ("一至三月",)),
])
def test_label_and_period_of_a_statement(text, label, periods):
    q = only(text)
    assert (q.label, q.periods) == (label, periods)


def test_chao_before_a_number_is_a_lower_bound():
    q = only("开展药品抽检超1.5万批次。")
    assert (q.approx, q.low, q.high) == ("超", 14500, math.inf)
