"""share: a percentage of a whole (占比, 占…的, 比例为, 占总数的)."""

from __future__ import annotations

import random

from accuracy_numbers_common import balanced, cn, document, stated_percent, substitute

from reportlint.statements import statements

NAME = "share"
RULES = ("numbers/share-mismatch",)


def moved(pct, actual: float) -> float | None:
    """A percentage at least 3 points away from the true share, on the side with room."""
    value = pct.value + 3 if actual <= pct.value else pct.value - 3
    if not 0 < value <= 100:
        value = pct.value - 3 if value > 100 else pct.value + 3
    return value if 0 < value <= 100 and abs(value - actual) >= 2 else None


def inject(text: str) -> list[tuple[str, str]]:
    doc = document(text)
    out = []
    for share in statements(doc).shares:
        if not (share.part.exact and share.whole.exact and share.pct.exact and share.whole.value):
            continue
        actual = 100 * share.part.value / share.whole.value
        value = moved(share.pct, actual)
        mutated = substitute(text, share.pct, value) if value is not None else None
        if mutated:
            what = f"第{share.pct.line}行 {share.pct.text}→{value:g}%（{share.part.text}/{share.whole.text}）"
            out.append((mutated, what))
    return out


TOPICS = [  # (whole phrase, unit, part phrase, 占…的 name)
    ("政务服务事项", "项", "可网上办理的事项", ["全部事项", "所有事项", "政务服务事项总数", "总数"]),
    ("办事事项", "项", "可实现“最多跑一次”的事项", ["所有办事事项", "全部事项", "总数"]),
    ("行政案件", "起", "当场办结的", ["总数", "全部行政案件", "受理总数"]),
    ("民警", "人", "党员民警", ["民警总数", "全部民警", "总数"]),
    ("执法人员", "人", "取得高级执法资格的", ["执法人员总数", "全部执法人员", "总数"]),
    ("信访件", "件", "按期办结的", ["信访件总数", "总数"]),
]


NAMED_RATES = [("案卷", "份", "优秀"), ("案卷", "卷", "合格"), ("执法案件", "起", "规范")]


def statement(rng: random.Random, defective: bool) -> str:
    noun, unit, part_name, names = rng.choice(TOPICS)
    whole = rng.randint(20, 2400)
    part = rng.randint(1, whole)
    pct = stated_percent(rng, part, whole, defective, 12)
    intro = rng.choice(["共", "全年共", "全市共有", "累计", "目前，全市", "总计"])
    verb = "" if intro.endswith(("有", "市")) else rng.choice(["梳理", "有", "统计"])
    form = rng.randrange(8)
    w = cn(rng, whole, 0.1)
    p = cn(rng, part, 0.1)
    if form == 7:  # a rate named for its count: 其中优秀案卷960份，优秀率80%
        noun, unit, stem = rng.choice(NAMED_RATES)
        lead = rng.choice(["全年共评查", "共评查", "累计评查"])
        return f"{lead}{noun}{w}{unit}，其中{stem}{noun}{p}{unit}，{stem}率{rng.choice(['', '为', '达'])}{pct}。"
    if form == 0:
        return f"{intro}{verb}{noun}{w}{unit}，其中{part_name}{p}{unit}，占比{pct}。"
    if form == 1:
        return f"{intro}{verb}{noun}{w}{unit}，其中{part_name}{p}{unit}，占{rng.choice(names)}的{pct}。"
    if form == 2:
        return f"{intro}{verb}{noun}{w}{unit}，其中{part_name}{p}{unit}，比例为{pct}。"
    if form == 3:
        return f"全市{noun}为{w}{unit}，{part_name}达{p}{unit}，占{rng.choice(names[:-1])}的{pct}。"
    if form == 4:
        return f"{intro}{verb}{noun}{w}{unit}，其中{part_name}{p}{unit}（占比{pct}）。"
    if form == 5:
        return f"{intro}{verb}{noun}{w}{unit}，其中{part_name}{p}{unit}、占{pct}。"
    rise = rng.randint(1, 9)
    return f"{intro}{verb}{noun}{w}{unit}，其中{part_name}{p}{unit}，占比为{pct}，较上年提高{rise}个百分点。"


def grammar(rng: random.Random) -> list[tuple[str, bool]]:
    return balanced([(statement(rng, d), d) for d in (rng.random() < 0.5 for _ in range(400))])
