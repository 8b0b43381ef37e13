"""Accuracy plug-in for count claims (“三项措施” vs the list that goes with it), for bench/accuracy.py.

    .venv/bin/python bench/accuracy_count_claims.py          # this kind alone: recall and false findings
    .venv/bin/python bench/accuracy_count_claims.py --show   # and every miss and false finding

grammar(rng): sentences built from how reports phrase a claim and its list — quoted or not, the list
before the claim, after a colon, as 一是…, 1、…, （一）…, on the following lines, separated by 、，；,
closed by 等 — each with its truth; and near-misses that must stay silent (a quoted name followed by
what was done about it, a count of something other than the list, a count inside a name).
inject(text): one mutated copy per claim the check recognises with a list it agrees with, the claimed
number moved one off the list in the direction the list can prove wrong.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

NAME = "count_claim"
RULES = ("structure/count-claim",)

CN = {1: "一", 2: "两", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十"}
ORD = "一二三四五六七八九十"

# (classifier, noun, items): items name members of what is counted, in the words reports use
TOPICS = [
    ("项", "措施", ["压实办案责任", "规范受案立案", "严格案件审核", "强化执法监督", "深化警务公开", "推进网上办案",
                  "完善考评办法"]),
    ("大", "机制", ["案件审核机制", "执法考评机制", "风险预警机制", "过错追究机制", "协作联动机制", "奖惩激励机制",
                  "法律顾问机制"]),
    ("种", "模式", ["社区勤务", "联勤联动", "网格巡防", "驻村警务", "错时勤务", "屯警街面"]),
    ("个", "方面", ["理念转变", "制度建设", "队伍建设", "执法监督", "科技支撑", "执法保障", "考核评价"]),
    ("条", "举措", ["压缩审批时限", "推行容缺受理", "开通绿色通道", "实行一次告知", "延长服务时间", "推广网上办理"]),
    ("类", "问题", ["受案不及时", "取证不规范", "文书不严谨", "涉案财物管理混乱", "超期羁押", "告知不到位"]),
    ("项", "制度", ["执法公示制度", "全过程记录制度", "法制审核制度", "案件评查制度", "执法过错追究制度",
                  "案件回访制度"]),
    ("级", "审核", ["办案民警自审", "所队长审核", "法制员审核", "法制部门审核", "分管领导审批"]),
]
INTRO_BEFORE = ["推出", "建立", "通过", "坚持", "全面推行", "围绕", "包括", "实行", "健全", ""]
INTRO_AFTER = ["我局", "今年以来，我们", "全局上下", "市局党委", ""]
VERB_AFTER = ["采取了", "推出", "落实", "抓好", "实施", "建立"]
TAIL = ["，推动执法质量稳步提升。", "，取得明显成效。", "，执法规范化水平进一步提高。"]


def numeral(n: int, rng: random.Random) -> str:
    return str(n) if rng.random() < 0.35 else CN[n]


def claim_text(n: int, cls: str, noun: str, rng: random.Random) -> str:
    return f"{numeral(n, rng)}{cls}{noun}"


def joined(items: list[str], rng: random.Random) -> str:
    """A、B、C or A、B和C."""
    if len(items) > 2 and rng.random() < 0.3:
        return "、".join(items[:-1]) + rng.choice(["和", "及"]) + items[-1]
    return "、".join(items)


def ordinals(count: int, wrong: bool) -> list[str]:
    """一 二 三 …; `wrong`: the third ordinal repeats the second (一是…二是…二是…四是)."""
    out = [ORD[i] for i in range(count)]
    if wrong and count >= 4:
        out[2] = out[1]
    return out


def layouts(items: list[str], claim: str, rng: random.Random, quoted: bool) -> list[tuple[str, bool]]:
    """(text, whether the list may be partial: closed by 等) for one claim and its list."""
    k = len(items)
    q = f"“{claim}”" if quoted else claim
    intro, verb, tail = rng.choice(INTRO_AFTER), rng.choice(VERB_AFTER), rng.choice(TAIL)
    sep = rng.choice(["。", "；", "，"])
    enum = sep.join(f"{o}是{x}" for o, x in zip(ordinals(k, wrong=rng.random() < 0.2), items, strict=True)) + "。"
    long_enum = "".join(f"{o}是{x}。围绕这一重点，逐项明确责任单位和完成时限，" + "定期通报进展。"
                        for o, x in zip(ORD, items, strict=False))
    out = [
        (f"{rng.choice(INTRO_BEFORE)}{joined(items, rng)}{q}{tail}", False),
        (f"{rng.choice(INTRO_BEFORE)}{joined(items, rng)}等{q}{tail}", True),
        (f"{rng.choice(INTRO_BEFORE)}" + "".join(f"“{x}”" for x in items) + f"{claim}{tail}", False),
        (f"{rng.choice(INTRO_BEFORE)}“{'、'.join(items)}”{claim}{tail}", False),
        (f"{intro}{verb}{q}：{enum}", False),
        (f"{intro}{verb}{q}如下：{long_enum}", False),
        (f"{intro}{verb}{q}：" + rng.choice(["、", "；"]).join(items) + "。", False),
        (f"{intro}{verb}{q}：{'、'.join(items)}{tail}", False),
        (f"{intro}{verb}{q}：" + "；".join(f"（{ORD[i]}）{x}" for i, x in enumerate(items)) + "。", False),
        (f"{intro}{verb}{q}：" + "；".join(f"{i + 1}.{x}" for i, x in enumerate(items)) + "。", False),
        (f"{intro}{verb}{q}：" + "；".join(f"{chr(0x2460 + i)}{x}" for i, x in enumerate(items)) + "。", False),
        (f"{intro}重点抓好以下{q}：\n" + "\n".join(f"{o}是{x}。" for o, x in zip(ORD, items, strict=False)), False),
        (f"［{rng.randint(1, 30)}］{q}：\n{'、'.join(items)}。", False),  # a note explaining a name
        (f"{intro}{verb}{q}：" + "；".join(f"第{ORD[i]}，{x}" for i, x in enumerate(items)) + "。", False),
    ]
    if not quoted:  # a quoted name tied to a list only by a colon or by 等/adjacency
        out += [
            (f"{intro}从{claim}上下功夫。{enum}", False),
            (f"{intro}{verb}{claim}，{enum}", False),
            (f"{intro}{verb}{claim}。" + "".join(f"{i + 1}、{x}。" for i, x in enumerate(items)), False),
            (f"（二）狠抓{claim}，提升执法质效。{enum}", False),
            (f"（三）强化{claim}\n" + "\n".join(f"{o}是{x}。" for o, x in zip(ORD, items, strict=False)), False),
            (f"一、落实{claim}\n" + "\n".join(f"（{ORD[i]}）{x}\n开展专项检查。" for i, x in enumerate(items)), False),
            (f"一、执法规范化建设\n{intro}重点抓了以下{claim}：\n"
             + "\n".join(f"（{ORD[i]}）{x}。开展专项检查。" for i, x in enumerate(items)), False),
            (f"一年来，{intro}重点抓了{claim}工作：\n"
             + "\n".join(f"{ORD[i]}是{x}。\n围绕这项工作，全年开展专项检查{i + 3}次。" for i, x in enumerate(items)),
             False),
            (f"规划突出了以下{claim}。\n" + "\n".join(f"（{ORD[i]}）{x}。" for i, x in enumerate(items)), False),
            (f"{intro}重点做好以下{claim}的工作：\n" + "\n".join(f"{i + 1}.{x}。" for i, x in enumerate(items)), False),
            # the report's own top-level parts follow the list (二、存在的问题): more headings prove nothing
            (f"2025年主要做了以下{claim}工作：\n" + "\n".join(f"{ORD[i]}、{x}" for i, x in enumerate(items))
             + f"\n{ORD[k]}、存在的问题和不足", False),
        ]
    return out


def claims_and_lists(rng: random.Random) -> list[tuple[str, bool]]:
    out = []
    for cls, noun, pool in TOPICS:
        for k in range(2, 7):
            for quoted in (False, True):
                items = rng.sample(pool, min(k, len(pool)))
                k = len(items)
                for text_of in range(2):  # the same layouts, right and wrong
                    defect = text_of == 1
                    for n_variant in ([k] if not defect else [k + 1, k - 1]):
                        if not 2 <= n_variant <= 10:
                            continue
                        claim = claim_text(n_variant, cls, noun, rng)
                        for text, partial in layouts(items, claim, rng, quoted):
                            # a list closed by 等 may be partial: claiming more is not wrong
                            wrong = n_variant != k and not (partial and n_variant > k)
                            out.append((text, wrong))
    return out


def near_misses(rng: random.Random) -> list[tuple[str, bool]]:
    """Correct text with a count beside a list that is not its list: each must stay silent."""
    out = []
    for _ in range(40):
        cls, noun, pool = rng.choice(TOPICS)
        items = rng.sample(pool, 4)
        n = rng.choice([2, 3, 5, 6])
        enum = "；".join(f"{ORD[i]}是{x}" for i, x in enumerate(items)) + "。"
        c = claim_text(n, cls, noun, rng)
        three = "、".join(items[:3])
        out += [
            (f"全面落实“{c}”，{enum}", False),  # a name, then what was done about it
            (f"深入推进“{c}”。{enum}", False),
            (f"认真执行《关于落实{c}的实施意见》。{enum}", False),
            (f"针对{three}等薄弱环节提出{n + 12}条具体举措，推动问题整改。", False),
            (f"针对{three}等问题，制定{c}，推动问题整改。", False),
            (f"第一时间成立执法问题整改领导小组、出台{n + 15}条举措，持续压实责任。", False),
            (f"在{three}三个环节推出{c}，实现闭环管理。", False),
            (f"建成{three}，新增{n + 4}个平台。", False),
            (f"统筹推进执法规范化建设、{items[0]}和“{c}”，取得新进展。", False),
            (f"扎实推进{items[0]}、{items[1]}和{c}落地见效。", False),
            (f"举办“枫桥经验”、{items[0]}、文化建设“{c}”等纪念活动。", False),
            (f"《{items[0]}》、专题片《{items[1]}》、歌曲《{items[2]}》荣获“{CN[n]}个一工程”奖。", False),
            (f"提高{three}与困难群众{CN[2]}项补贴标准。", False),
            (f"围绕{three}等{CN[3]}个方面{n + 18}条措施狠抓落实。", False),
        ]
    return out


def grammar(rng: random.Random, size: int = 400) -> list[tuple[str, bool]]:
    """`size` variants, half defective: drawn from every layout, the near-misses among the correct."""
    cases = claims_and_lists(rng)
    bad = [c for c in cases if c[1]]
    good = [c for c in cases if not c[1]]
    misses = list(dict.fromkeys(near_misses(rng)))
    half = size // 2
    chosen = rng.sample(bad, min(half, len(bad))) + rng.sample(misses, min(half // 3, len(misses)))
    chosen += rng.sample(good, min(size - len(chosen), len(good)))
    rng.shuffle(chosen)
    return chosen


def cn_numeral(n: int, written: str) -> str:
    """`n` in Chinese, as a report writes a count: 两 for 2 where the original had 两, 十二, 二十."""
    if n == 2:
        return "两" if written in ("两", "") else "二"
    tens, ones = divmod(n, 10)
    return (CN[tens] if tens > 1 else "") + ("十" if tens else "") + (CN[ones] if ones else "")


_RULE = []


def inject(text: str) -> list[tuple[str, str]]:
    """One copy of `text` per claim the check recognises with a list it agrees with, the claimed
    number moved one off that list in the direction the list proves wrong (a list closed by 等: a
    smaller claim; the top-level headings of a report: a larger claim)."""
    from reportlint.checks.count_claim import NOT_MORE
    from reportlint.document import Document
    from reportlint.engine import load_rules

    if not _RULE:
        _RULE.append(next(r for r in load_rules().rules if r.id == RULES[0]))
    doc = Document.from_text(text)
    out = []
    for s in _RULE[0].check.statements(doc):
        if s.count != s.claimed:
            continue
        n = s.claimed - 1 if s.sure == NOT_MORE else s.claimed + 1
        if n < 2:
            continue
        written = doc.text[s.number_start : s.number_end]
        new = str(n) if written.isdigit() else cn_numeral(n, written)
        mutated = doc.text[: s.number_start] + new + doc.text[s.number_end :]
        line = doc.position(s.start)[0]
        out.append((mutated, f"第{line}行“{doc.text[s.start:s.end]}”改为{new}（所列{s.count}项）"))
    return out


# -- a driver to measure this kind without the main harness ------------------------------------
def main(argv: list[str]) -> None:
    from reportlint.document import Document
    from reportlint.engine import load_rules, run
    from reportlint.load import load

    show = "--show" in argv
    root = Path(__file__).resolve().parent.parent
    rules = [r for r in load_rules().rules if r.id in RULES]

    def findings(text: str) -> set:
        return {(f.line, f.message) for f in run(Document.from_text(text), rules)}

    cases = grammar(random.Random(10))
    bad = [t for t, d in cases if d]
    good = [t for t, d in cases if not d]
    missed = [t for t in bad if not findings(t)]
    false = [(t, findings(t)) for t in good if findings(t)]
    print(f"grammar: {len(cases)} variants; defective {len(bad)}, found {len(bad) - len(missed)} "
          f"({100 * (len(bad) - len(missed)) / max(len(bad), 1):.1f} %); correct {len(good)}, "
          f"false findings {len(false)}")
    if show:
        for t in missed:
            print("  漏检 语法:", t.replace("\n", "⏎"))
        for t, f in false:
            print("  误报 语法:", t.replace("\n", "⏎"), sorted(f))
    files = sorted((root / "seeds").glob("*.txt"))
    real = root.parent / "shared" / "real"
    if real.is_dir():
        files += sorted(real.glob("*.txt"))
    else:
        print(f"注意：未找到 {real}，只用 seeds/ 做缺陷注入（真实报告已跳过）")
    statements = found = on_originals = 0
    for path in files:
        text = "\n".join(load(str(path)).lines)
        original = findings(text)
        on_originals += len(original)
        for line, message in sorted(original):
            print(f"  原文的发现 {path.name}:{line} {message}")
        for mutated, what in inject(text):
            statements += 1
            if findings(mutated) - original:
                found += 1
            elif show:
                print(f"  漏检 {path.name}: {what}")
    print(f"injection: {len(files)} documents, {statements} statements recognised, {found} found "
          f"({100 * found / max(statements, 1):.1f} %); findings on the untouched originals {on_originals} "
          f"(listed above: a seed's annotated defect is a right finding, anything else a false alarm)")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main(sys.argv[1:])
