"""parts_sum: a total and its parts (其中…, 中…, named outcomes, a table's 合计)."""

from __future__ import annotations

import random

from accuracy_numbers_common import balanced, cn, document, round_up, rule_params, step, substitute

from reportlint.checks import compile_regex
from reportlint.statements import named_wholes, statements

NAME = "parts_sum"
RULES = ("numbers/parts-exceed-total", "numbers/part-exceeds-total", "numbers/review-outcomes-exceed-total",
         "numbers/table-total-mismatch")


def recognised(doc):
    params = rule_params("numbers/review-outcomes-exceed-total")
    named = named_wholes(doc, compile_regex("whole", params["whole"]), compile_regex("parts", params["parts"]))
    seen, out = set(), []
    for whole in statements(doc).wholes + [w for w in named if len(w.parts) >= 2]:
        if whole.total.start in seen or whole.overlapping or whole.total.high == float("inf"):
            continue
        seen.add(whole.total.start)
        out.append(whole)
    return out


def inject(text: str) -> list[tuple[str, str]]:
    doc = document(text)
    out = []
    for whole in recognised(doc):
        parts = whole.parts
        others = sum(p.low for p in parts) - max(parts, key=lambda p: p.value).low
        if sum(p.low for p in parts) > whole.total.high or whole.exhaustive and \
                abs(sum(p.value for p in parts) - whole.total.value) > 1e-9:
            continue  # already inconsistent (or nested): nothing to inject
        target = max(parts, key=lambda p: p.value)
        half = step(target) / 2 if step(target) > 1 else 0
        margin = max(step(target), round_up(whole.total.value * 0.03, step(target)))
        value = round_up(whole.total.high - others + half + margin, step(target))
        if whole.exhaustive:
            value = target.value + margin
        mutated = substitute(text, target, value)
        if mutated:
            out.append((mutated, f"第{target.line}行 {target.text}→改大（总数 {whole.total.text}）"))
    return out


# (whole noun, unit, [part nouns]) — parts that exclude each other
TOPICS = [
    ("行政复议案件", "起", ["维持", "撤销", "确认违法", "终止", "驳回", "责令履行"]),
    ("派出所", "个", ["城区派出所", "农村派出所", "城乡接合部派出所", "景区派出所"]),
    ("执法管理中心", "个", ["三星级", "二星级", "一星级", "未评星"]),
    ("警务室", "个", ["社区警务室", "农村警务室", "校园警务室"]),
    ("建议提案", "件", ["主办件", "会办件", "协办件"]),
    ("培训班", "期", ["入警培训班", "晋升培训班", "专业培训班", "轮训班"]),
    ("民警", "人", ["机关民警", "基层所队民警", "派出所民警"]),
    ("办事事项", "项", ["即办件", "承诺件", "联办件"]),
    ("执法监督检查", "次", ["专项检查", "随机抽查", "交叉检查"]),
    ("辅警", "名", ["文职辅警", "勤务辅警"]),
]
INTROS = ["共", "全年共", "累计", "总计", "合计", "全市共有", "共计", "全局共有", "今年以来共"]
VERBS = {"起": "办理", "个": "设立", "件": "承办", "期": "举办", "人": "有", "项": "梳理", "次": "开展", "名": "招录"}


def statement(rng: random.Random, defective: bool) -> str:
    noun, unit, names = rng.choice(TOPICS)
    k = 1 if rng.random() < 0.15 else rng.randint(2, len(names))
    chosen = rng.sample(names, k)
    approx = rng.random() < 0.15  # parts written 30余起: each is a lower bound
    values = [rng.randint(1, 6) * 10 if approx else rng.randint(2, 60) for _ in chosen]
    approx_total = not approx and not defective and rng.random() < 0.1
    if defective:  # the parts (by their lower bounds) exceed the total
        total = sum(values) - rng.randint(1, max(1, min(values) - 1))
    elif approx:
        total = sum(values) + rng.randint(15, 40)
    elif approx_total:  # 共100余起: a lower bound, the parts may exceed it a little
        total = (sum(values) // 10) * 10
    else:
        total = sum(values) + (0 if rng.random() < 0.5 else rng.randint(1, 9))
    total = max(total, 1)
    intro = rng.choice(INTROS)
    verb = "" if intro.endswith("有") else VERBS[unit]
    chinese = rng.random() < 0.25
    mixed = not chinese and rng.random() < 0.15

    def num(n, whole=False):
        return cn(rng, n, 1.0 if chinese or (mixed and not whole) else 0.0)

    more = "余" if approx else ""
    head = f"{intro}{verb}{noun}{num(total, True)}{'余' if approx_total else ''}{unit}"
    if k > 1 and rng.random() < 0.2:
        body = "、".join(chosen) + "分别为" + "、".join(f"{num(v)}{more}{unit}" for v in values)
        return f"{head}，其中{body}。"
    sep = rng.choice(["、", "，", "，", "；"])
    suffixed = all(n.endswith(noun) for n in chosen)
    lead = rng.choice(["，其中", "，其中", "，其中：", "，"]) if (noun == "行政复议案件" or suffixed) and k > 1 \
        else rng.choice(["，其中", "，其中："])
    if noun == "行政复议案件" and lead == "，":
        sep = "，"
    body = sep.join(f"{name}{num(v)}{more}{unit}" for name, v in zip(chosen, values, strict=True))
    return f"{head}{lead}{body}。"


def attributes(rng: random.Random) -> str:
    """Parts of different dimensions (党员 / 女 / 35岁以下) overlap: a sum above the total is correct."""
    total = rng.randint(200, 1500)
    a, b, c = (rng.randint(total // 3, total - 1) for _ in range(3))
    return (f"全局共有民警{total}人，其中党员民警{a}人，女民警{b}人，35岁以下民警{c}人。" if rng.random() < 0.5
            else f"全局共有民警{total}人，其中本科以上学历{a}人、党员{b}人。")


def parenthesised(rng: random.Random, defective: bool) -> str:
    a, b = rng.randint(3, 40), rng.randint(3, 40)
    total = a + b - rng.randint(1, 2) if defective else a + b + rng.randint(0, 5)
    return f"全市共有派出所{total}个（其中城区派出所{a}个、农村派出所{b}个），均已完成等级评定。"


def grammar(rng: random.Random) -> list[tuple[str, bool]]:
    items = []
    for _ in range(400):
        defective = rng.random() < 0.5
        form = rng.random()
        if form < 0.08 and not defective:
            items.append((attributes(rng), False))
        elif form < 0.16:
            items.append((parenthesised(rng, defective), defective))
        else:
            items.append((statement(rng, defective), defective))
    return balanced(items)
