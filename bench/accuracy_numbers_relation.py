"""relation: a pair where one count cannot exceed the other (立案 / 破案, 受理 / 办结 …)."""

from __future__ import annotations

import random

from accuracy_numbers_common import balanced, cn, document, round_up, rule_params, step, substitute

from reportlint.checks import compile_regex
from reportlint.statements import pairs, statements

NAME = "relation"
RULES = ("numbers/solved-le-filed", "numbers/closed-le-accepted", "numbers/lost-le-litigated",
         "numbers/corrected-le-reviewed", "numbers/lead-le-proposals", "numbers/table-closed-le-accepted")


def inject(text: str) -> list[tuple[str, str]]:
    doc = document(text)
    st = statements(doc)
    out, seen = [], set()
    for rule in RULES:
        try:
            p = rule_params(rule)
        except KeyError:
            continue
        a_label, b_label = compile_regex("a", p["a"]), compile_regex("b", p["b"])
        scopes = [p.get("scope", "sentence")] + (["table"] if st.groups["table"] else [])
        for scope in scopes:
            for group in st.groups[scope]:
                for a, b in pairs(st, group, a_label, b_label):
                    if a.start in seen or b.high == float("inf") or a.low > b.high:
                        continue
                    seen.add(a.start)
                    value = round_up(b.high + max(step(a), round_up(b.value * 0.05, step(a))), step(a))
                    mutated = substitute(text, a, value)
                    if mutated:
                        out.append((mutated, f"第{a.line}行 {a.label}{a.text}→改为大于{b.label}{b.text}"))
    return out


PAIRS = [  # (B phrases, A phrases, unit)
    (["立刑事案件", "共立刑事案件", "刑事立案"], ["破案", "破获刑事案件", "侦破刑事案件"], "起"),
    (["受理行政案件", "共受理行政案件"], ["办结", "结案", "办结行政案件"], "起"),
    (["受理行政复议案件", "办理行政复议案件"], ["撤销", "纠错"], "件"),
    (["受理行政复议案件"], ["办结"], "件"),
    (["发生行政诉讼案件", "办理行政应诉案件"], ["败诉"], "起"),
    (["共办理建议提案", "承办建议提案"], ["主办件"], "件"),
]


RESPECTIVELY = {("立刑事案件", "破案"): "立、破刑事案件", ("受理行政案件", "办结"): "受理、办结行政案件",
                ("受理行政复议案件", "办结"): "受理、办结行政复议案件"}


def statement(rng: random.Random, defective: bool) -> str:
    bs, as_, unit = rng.choice(PAIRS)
    b = rng.randint(5, 2000)
    a = b + rng.randint(1, max(1, b // 4)) if defective else rng.randint(0, b)
    if a == 0:
        a = 1
    bn, an = rng.choice(bs), rng.choice(as_)
    chinese = rng.random() < 0.2
    bt, at = cn(rng, b, 1.0 if chinese else 0.05), cn(rng, a, 1.0 if chinese else 0.05)
    intro = rng.choice(["", "全年", "今年以来", "2024年"])
    twist = rng.random()
    if not defective and twist < 0.15:  # a larger A that is another period or place: still correct
        a = b + rng.randint(1, max(1, b // 4))
        at = cn(rng, a, 1.0 if chinese else 0.05)
        return rng.choice([f"{intro}{bn}{bt}{unit}，上年同期{an}{at}{unit}。",
                           f"城区{bn}{bt}{unit}；农村{an}{at}{unit}。"])
    form = rng.randrange(5)
    if form == 4 and (bn, an) in RESPECTIVELY:  # 立、破刑事案件分别为…、…
        return f"{intro}{RESPECTIVELY[(bn, an)]}分别为{bt}{unit}、{at}{unit}。"
    form = form % 4
    if form == 0:
        return f"{intro}{bn}{bt}{unit}，{an}{at}{unit}。"
    if form == 1:  # across sentences of one paragraph
        return (f"{intro}{bn}{bt}{unit}，同比下降{rng.randint(1, 9)}%。"
                f"{an}{at}{unit}，挽回经济损失{rng.randint(10, 900)}万元。")
    if form == 2:
        return f"{intro}{bn}{bt}{unit}、{an}{at}{unit}，分别同比上升{rng.randint(1, 9)}%、{rng.randint(1, 9)}%。"
    return f"{intro}{bn}{bt}{unit}，{an}{at}{unit}，查处违法人员{rng.randint(10, 900)}人。"


def grammar(rng: random.Random) -> list[tuple[str, bool]]:
    return balanced([(statement(rng, d), d) for d in (rng.random() < 0.5 for _ in range(400))])
