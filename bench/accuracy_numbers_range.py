"""range: a rate or a share stated above 100 %."""

from __future__ import annotations

import random

from accuracy_numbers_common import balanced, document, substitute

from reportlint.statements import is_level

NAME = "percent_range"
RULES = ("numbers/rate-over-100",)


def inject(text: str) -> list[tuple[str, str]]:
    doc = document(text)
    out = []
    for q in doc.quantities:
        if not is_level(q) or q.value > 100 or not q.exact:
            continue
        value = 100 + max(1.0, 10 ** -q.decimals) * 3
        mutated = substitute(text, q, value)
        if mutated:
            out.append((mutated, f"第{q.line}行 {q.label}{q.text}→{value:g}%"))
    return out


RATES = ["群众满意率", "行政案件办结率", "刑事案件破案率", "执法问题整改率", "案件法制审核率", "出庭应诉率",
         "政务服务事项网上可办率", "执法记录仪使用率"]
CHANGES = ["同比增长", "同比上升", "较上年增长", "增幅达", "环比提升"]


def statement(rng: random.Random, defective: bool) -> str:
    value = round(rng.uniform(100.5, 160), rng.choice([0, 1])) if defective else round(rng.uniform(40, 100), 1)
    shown = f"{value:g}%" if rng.random() > 0.1 or value != int(value) else f"百分之{int(value)}"
    form = rng.randrange(8)
    label = rng.choice(RATES)
    verb = rng.choice(["", "为", "达", "达到", "提高至", "提升到", "稳定在"])
    if form == 0:
        return f"全年{label}{verb}{shown}。"
    if form == 1:
        return f"可网上办理的事项{rng.randint(10, 300)}项，占比{shown}。"
    if form == 2:
        return f"可网上办理的事项{rng.randint(10, 300)}项，占全部事项的{shown}。"
    if form == 3:
        return f"其中由派出所办理的案件比例为{shown}。"
    if form == 4 and not defective:  # a change may exceed 100 %
        big = round(rng.uniform(100.5, 300), 1)
        return f"电信网络诈骗案件{rng.choice(CHANGES)}{big:g}%，{label}{verb}{shown}。"
    if form == 5:
        return f"可网上办理的事项{rng.randint(10, 300)}项，占比为{shown}。"
    if form == 6:
        return f"其中网上办理的比重达{shown}，{label}{verb}98%。"
    return f"{label}{verb}{shown}，位居全市前列。"


def grammar(rng: random.Random) -> list[tuple[str, bool]]:
    return balanced([(statement(rng, d), d) for d in (rng.random() < 0.5 for _ in range(400))])
