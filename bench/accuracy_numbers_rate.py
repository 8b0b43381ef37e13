"""rate: a rate and the counts it is computed from (破案率, 办结率 / 结案率)."""

from __future__ import annotations

import random

from accuracy_numbers_common import balanced, cn, document, rule_params, stated_percent, substitute
from accuracy_numbers_share import moved

from reportlint.checks import compile_regex
from reportlint.statements import rate_counts, statements

NAME = "rate"
RULES = ("numbers/close-rate-mismatch", "numbers/solve-rate-mismatch")


def inject(text: str) -> list[tuple[str, str]]:
    doc = document(text)
    st = statements(doc)
    out, seen = [], set()
    for rule in RULES:
        p = rule_params(rule)
        rate, part, whole = (compile_regex(k, p[k]) for k in ("rate", "part", "whole"))
        for group in st.groups[p.get("scope", "sentence")]:
            for pct in group:
                if not pct.is_percent or not pct.exact or pct.start in seen or not rate.search(pct.label):
                    continue
                counts = rate_counts(st, pct, group, part, whole)
                if not counts or not all(q.exact for q in counts) or not counts[1].value:
                    continue
                seen.add(pct.start)
                value = moved(pct, 100 * counts[0].value / counts[1].value)
                mutated = substitute(text, pct, value) if value is not None else None
                if mutated:
                    out.append((mutated, f"第{pct.line}行 {pct.label}{pct.text}→{value:g}%"))
    return out


PAIRS = [  # (whole verb phrase, part phrase, rate name, unit)
    (["立刑事案件", "共立刑事案件", "刑事立案"], ["破案", "破获刑事案件", "侦破刑事案件"],
     ["破案率", "刑事案件破案率"], "起"),
    (["受理行政案件", "共受理行政案件", "受理"], ["办结", "办结行政案件", "结案"],
     ["办结率", "行政案件办结率", "结案率"], "起"),
]


def statement(rng: random.Random, defective: bool) -> str:
    wholes, parts, rates, unit = rng.choice(PAIRS)
    whole = rng.randint(10, 3000)
    part = rng.randint(1, whole)
    pct = stated_percent(rng, part, whole, defective, 15)
    w, p = cn(rng, whole, 0.2), cn(rng, part, 0.2)
    wn, pn = rng.choice(wholes), rng.choice(parts)
    rn = rng.choice(rates)
    intro = rng.choice(["", "全年", "今年以来", "全年共"])
    if intro.endswith("共") and wn.startswith("共"):
        intro = "全年"
    verb = rng.choice(["", "为", "达", "达到"])
    form = rng.randrange(5)
    if form == 0:
        return f"{intro}{wn}{w}{unit}，{pn}{p}{unit}，{rn}{verb}{pct}。"
    if form == 1:  # the rate before its counts
        return f"{rn}{verb}{pct}，{intro}{wn}{w}{unit}，{pn}{p}{unit}。"
    if form == 2:  # the rate in the next sentence of the paragraph
        return f"{intro}{wn}{w}{unit}，同比下降{rng.randint(1, 9)}%。{pn}{p}{unit}，{rn}{verb}{pct}。"
    if form == 3:
        return f"{intro}{wn}{w}{unit}、{pn}{p}{unit}，{rn}{verb}{pct}。"
    return f"{intro}{wn}{w}{unit}，{pn}{p}{unit}（{rn}{pct}），同比上升{rng.randint(1, 9)}个百分点。"


def grammar(rng: random.Random) -> list[tuple[str, bool]]:
    return balanced([(statement(rng, d), d) for d in (rng.random() < 0.5 for _ in range(400))])
