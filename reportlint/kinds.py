"""`reportlint kinds`: the check kinds a rule can use, documented from the code.

Types and defaults are not written here: each kind's constructor reads its parameters through the
Check helpers (require, choice, regex, string_list), which record name, type and default
(Params.declared); building the shipped rules of a kind collects them. What is written here is
the one thing code cannot say, in Chinese: what a kind checks and what each parameter means.
tests/test_kinds.py fails when a kind reads a parameter this table does not explain, or explains
one it no longer reads. The minimal rule of a kind is a shipped rule cut down to its required
parameters (kept whole when the cut-down rule would fail its own examples)."""

from __future__ import annotations

import pkgutil

import yaml

from . import checks
from .checks import REQUIRED, get_kind
from .records import record

# Parameters several kinds share (the part locator, the statutory parts, the scope of a comparison).
COMMON = {
    "part_titles": "所查部分标题中的关键词（一级标题或单独成行的小标题含其一即是该部分）",
    "anchors": "该部分内容写在其他部分中时用来认出它的标志短语",
    "skip_parts": "标题含这些词的部分不在其中查找（如“存在的不足”“下一步”）",
    "parts": "法定组成部分：每项含 name（名称）、short（简称）、titles（标题关键词），可选 inside_other_parts",
    "doc_types": "标题中表示文档类型的词（如“报告”“汇报”）：据此认出标题行",
    "part": "所针对的部分，取 parts 中某项的 short",
    "scope": "比较的范围：同一句（sentence）或同一段（paragraph）",
}

KINDS = {
    "count_claim": ("“三项措施”“四大机制”等数量表述与其后列出的项数一致", {
        "classifiers": "数词后的量词（项、大、种、个……）",
        "nouns": "数量表述的中心词（措施、机制、模式……）",
        "max_count": "大于此数的表述不核对（如“30项指标”多为统计口径）",
        "not_after": "紧跟在这些词之后的数量表述不核对（如“第”“前”）",
    }),
    "citation": ("《》中的法律、法规和文件名称：已废止的仍作现行引用、名称写错一两个字、书名号用错", {
        "check": "repealed：引用已废止的文件；near-miss：与所列名称差一两个字；marks：半角或未闭合的书名号",
        "titles": "所列文件：每项含正式名称、公布、施行、修订、废止日期、替代文件及出处",
        "history": "句中出现这些词时，引用的是历史情况（如“原”“废止前”），不报",
    }),
    "dated_term": ("规范提法按报告年度判断：某年起不再使用的写法、只在一段时间内正确的写法、固定表述、“第N个”", {
        "wrong": "错误写法列表（共用 right），或“错误写法: 正确写法”映射；与 pattern 二选一",
        "pattern": "错误写法的正则表达式；right 可引用其分组；计数写法用名为 n 的分组",
        "right": "正确写法（用 pattern 且不计数时必填）",
        "from": "错误写法自此年起为错（不写：任何年份都错，即固定表述）",
        "until": "错误写法到此年为止为错（只在一段时间内不能用的写法）",
        "counted": "计数写法的第一年（如中国人民警察节 2021、国家宪法日 2014），正确的 N 由年份算出",
        "next_year_counts": "为 true 时次年的计数也算对（次年1月10日已过、报告写于次年初）",
        "historical": "句中出现这些词时讲的是历史情况，不报（在“原…”“曾”“废止”“撤销”“改为”等之外）",
    }),
    "coverage": ("某一部分（如第一责任人职责）写到了每个必需的要素，每个要素可有多种说法", {
        "elements": "要素列表：每项含 name（名称）、example（提示中给出的示范写法）、phrases（各种说法），"
                    "可选 patterns（中间隔字的说法的正则表达式）与 required（默认 true）",
        "one_per_element": "为 true 时每个缺少的必需要素各报一次；否则合并为一处",
        "look_elsewhere": "为 true 时，缺少的要素若写在其他部分，指出写在何处，而不说缺少",
        "spread": "统领一串动词的词（如“亲自”）：“亲自部署、协调、督办”按“亲自部署、亲自协调、亲自督办”查找",
    }),
    "date_format": ("成文日期用阿拉伯数字写全年、月、日，不编虚位（GB/T 9704-2012）", {}),
    "debris_line": ("从网页复制带入的整行残留（浏览次数、关闭窗口、分享到……），可整行删除", {
        "phrases": "标志网页残留的字面短语",
        "patterns": "标志网页残留的正则表达式（如“时间:2008-11-08”）",
        "blocks": "整行须完全匹配的正则表达式（或被拆成每行一词的几行短行合起来匹配），如“下载 打印 全屏”",
    }),
    "enumeration": ("段内“一是……二是……三是”（或一要、二要）依次排列，不跳号、不重复", {}),
    "heading_sequence": ("各级标题序号（一、（一）1.（1））在同一上级下依次排列，同级写法一致", {
        "mode": "sequence：跳号、重号、倒序；style：同级标题的括号或顿号写法与多数不一致",
    }),
    "pairs": ("引号、括号、书名号在同一段内成对出现", {
        "pairs": "要核对的符号对，每项两个字符：开符号与闭符号",
    }),
    "part_elsewhere": ("法定部分没有单独的标题，而写在其他部分之中", {}),
    "part_mentions": ("法定部分写出了标题所承诺的内容（如“不足”部分写了原因）", {
        "mentions": "该部分应包含的说法，出现其一即可",
    }),
    "parts_sum": ("“共N……，其中a……、b……”各分项之和不超过总数", {
        "single": "true：只核对“其中”之后仅有一项、且该项大于总数的说法",
        "table": "true：核对表格的合计行（列）是否等于各项之和",
        "overlapping": "标志分项可能相互重叠（不能相加）的词",
        "whole": "总数的标签（与 parts 一起给出时按标签配对）",
        "parts": "分项的标签（与 whole 一起给出）",
    }),
    "pattern": ("一个正则表达式（regex 模块，可用 \\p{Han}），匹配处即为问题", {
        "pattern": "要查找的正则表达式",
        "group": "报告哪个分组的位置：序号或组名，0 为整个匹配",
    }),
    "percent_range": ("比率、占比不超过100%；增长、上升等变化幅度除外", {
        "rate": "比率标签的正则表达式（如以“率”结尾）",
        "changes": "表示变化的词：其后的百分数可超过100%",
    }),
    "phrases": ("一次扫描查找多个字面短语（Aho-Corasick），找到即为问题", {
        "phrases": "要查找的短语",
    }),
    "punctuation_width": ("中文之间的半角标点（, : ; ( )），可改为全角", {
        "mode": "document：全文基本用半角时只报一次；each：逐处报告",
        "majority": "半角标点占比超过此值时视为全文用半角",
    }),
    "ratio": ("所写百分比与其依据的数字相符（按所写精度四舍五入或截断）", {
        "form": "share：“占……的98%”；rate：“受理……办结……办结率52.6%”",
        "rate": "比率标签（form: rate 时）",
        "part": "分子的标签（form: rate 时）",
        "whole": "分母的标签（form: rate 时）",
    }),
    "relation": ("同一范围内指标 A 与指标 B 的大小关系（如破案数不大于立案数）", {
        "a": "指标 A 的标签",
        "b": "指标 B 的标签",
        "op": "A 与 B 应满足的关系",
        "unless": "出现这些词时说明有正当原因（如含往年积案），不比较",
    }),
    "repeated_line": ("同一行文字（至少 min_length 个字）出现两次，疑为重复粘贴", {
        "min_length": "至少多少个字的行才核对",
    }),
    "required_sections": ("年度报告的法定组成部分齐全、顺序正确", {
        "mode": "missing：缺少的部分；order：顺序颠倒的部分",
    }),
    "restated_metric": ("同一指标在文中前后两次给出不同数值", {
        "stock": "true：核对民警、派出所等存量数（全局共有民警528人 / 全局518名民警），而不是比率",
        "label": "指标标签的正则表达式（如以“率”结尾）",
        "min_length": "标签至少多少个字才核对",
        "periods": "表示其他时期的词：带这些词的数值不与本期比较",
        "targets": "表示目标的词：目标值不与实际值比较",
        "generic": "各项业务都有的通用指标（如群众满意率）：两个值可属于两项业务，不比较",
    }),
    "signoff": ("文末有发文机关署名和成文日期", {
        "organ_endings": "机关名称的结尾（局、委员会、政府……）",
    }),
    "substitution": ("错误写法及其唯一的正确写法（可用 --fix 替换）", {
        "swap": "错误写法: 正确写法 的映射",
    }),
    "title": ("草稿以写明文档类型的标题行开头（……报告、……汇报）", {}),
    "unused_suppression": ("草稿中 reportlint 指令自身的问题（由抑制处理报告，不读正文）", {
        "reports": "unused：未抑制任何问题或规则编号不存在；misspelled：写错的指令；blanket：未写规则编号",
    }),
    "vague_section": ("某一部分只有“高度重视”“多次强调”一类表态，没有具体做法或数字", {
        "vague": "表态性短语",
        "concrete": "表明有具体做法的短语（召开、听取、出台……）",
        "concrete_pattern": "表明有具体内容的数字、日期的正则表达式",
    }),
    "years": ("报告所写年份与报告年度一致：开头、各部分、成文日期", {
        "check": "opening：开头的年度；part：某部分的年份（part、offset）；signed-before-year："
                 "成文日期早于报告年度；signed-in-year：成文日期仍在报告年度内；signed-late：成文日期晚于 deadline",
        "offset": "该部分应写的年份与报告年度之差（下一年工作安排为 1）",
        "deadline": "成文日期的最晚月、日，如 [3, 1]",
    }),
}


@record
class Parameter:
    """One parameter of a check kind: name, type, default and meaning."""

    name: str
    type: str
    default: object  # REQUIRED when it has none
    meaning: str

    @property
    def shown_default(self) -> str:
        if self.default is REQUIRED:
            return "必填"
        if self.default is None:
            return "可不填"
        text = yaml.safe_dump(self.default, allow_unicode=True, default_flow_style=True, width=10_000).strip()
        text = text.removesuffix("\n...").removesuffix("...").strip()
        return f"默认 {text if len(text) <= 60 else text[:57] + '…'}"


@record
class KindDoc:
    """A check kind as `reportlint kinds` describes it."""

    name: str
    summary: str
    parameters: list[Parameter]
    args: tuple[str, ...]
    fixes: bool
    example: str  # a minimal YAML rule


def kind_names() -> list[str]:
    """Every kind: one module of reportlint/checks each."""
    return sorted(m.name for m in pkgutil.iter_modules(checks.__path__) if get_kind(m.name))


def declared(rules) -> dict[str, dict[str, tuple[str, object]]]:
    """kind -> parameter -> (type, default), as building the rules read them."""
    out: dict[str, dict] = {}
    for rule in rules:
        for key, value in rule.check.params.declared.items():
            out.setdefault(rule.kind, {}).setdefault(key, value)
    return out


def describe(name: str, rules) -> KindDoc:
    from .engine import example_failures

    kind = get_kind(name)
    summary, meanings = KINDS.get(name, ("（未说明）", {}))
    table = declared(rules).get(name, {})
    parameters = [Parameter(key, typ, default, meanings.get(key) or COMMON.get(key, "（未说明）"))
                  for key, (typ, default) in table.items()]
    shipped = next((r for r in rules if r.kind == name), None)
    return KindDoc(name, summary, parameters, kind.args, kind.fixes, minimal_rule(name, shipped, table, rules,
                                                                                example_failures))


def minimal_rule(name: str, shipped, table: dict, rules, failures) -> str:
    """A rule of kind `name` with only the parameters it must have, from a shipped rule."""
    if shipped is None:
        params = {key: "…" for key, (_, default) in table.items() if default is REQUIRED}
        item = {"id": f"local/{name.replace('_', '-')}", "kind": name, "severity": "warning",
                "message": "……", "why": "……（依据）", "params": params, "examples": {"bad": ["……"], "good": ["……"]}}
        return dump(item)
    import dataclasses

    from .checks import build

    required = {k: v for k, v in shipped.params.items() if table.get(k, (None, REQUIRED))[1] is REQUIRED}
    params = dict(shipped.params)
    try:
        cut = dataclasses.replace(shipped, params=required, built=build(type(shipped.check), required, shipped.fix))
        if not failures(cut, [cut if r is shipped else r for r in rules]):
            params = required
    except Exception:  # the cut-down parameters are not enough on their own: keep the shipped ones
        pass
    item = {"id": f"local/{shipped.id.split('/', 1)[1]}", "kind": name, "severity": shipped.severity,
            "message": shipped.message, "why": "……（为什么是问题，依据何在）"}
    if params:
        item["params"] = params
    if shipped.fix is not None:
        item["fix"] = shipped.fix
    item["examples"] = {"bad": shipped.bad[:1], "good": shipped.good[:1]}
    return dump(item)


class Dumper(yaml.SafeDumper):
    """Multi-line examples as literal blocks (|), as a rule author writes them."""


Dumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))


def dump(item: dict) -> str:
    return yaml.dump([item], Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100).rstrip()


def render(doc: KindDoc, full: bool) -> str:
    """Every parameter with its type, default and meaning; `full` adds placeholders, fix, a rule."""
    lines = [f"{doc.name}：{doc.summary}"]
    lines += [f"  {p.name}（{p.type}，{p.shown_default}）：{p.meaning}" for p in doc.parameters] or ["  （无参数）"]
    if not full:
        return "\n".join(lines)
    lines.append("消息占位符：" + ("、".join(f"{{{a}}}" for a in doc.args) or "无"))
    lines.append("可自动修复（fix）：" + ("是" if doc.fixes else "否"))
    lines.append("最小规则：")
    lines += ["  " + line for line in doc.example.splitlines()]
    return "\n".join(lines)
