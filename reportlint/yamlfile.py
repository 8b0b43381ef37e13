"""The YAML reader for rule packs and configurations: safe (plain data only), libyaml's speed when
it is there, and strict about a key written twice, which plain YAML lets the second silently win.
PyYAML is imported on the first file that must really be parsed (a cached pack needs none)."""

from __future__ import annotations

from functools import cache

from .errors import name


class Invalid(Exception):
    """A file YAML cannot read; the message says where and what, in Chinese."""


@cache
def _yaml():
    """(the yaml module, its fastest safe loader, that loader refusing duplicate keys)."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ten times faster; both build plain data

    class Loader(base):
        def construct_mapping(self, node, deep=False):
            seen = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":  # `<<: *anchor`: its keys may be overridden
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    first = seen.setdefault(key, key_node.start_mark.line + 1)
                except TypeError:  # an unhashable key: the constructor below says what is wrong
                    continue
                if first != key_node.start_mark.line + 1:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"键“{name(key)}”重复（第 {first} 行已有），后一个会覆盖前一个，请删去或合并其一",
                        key_node.start_mark)
            return super().construct_mapping(node, deep)

    return yaml, base, Loader


MAX_DEPTH = 64  # nesting of lists and mappings; a real pack or configuration needs five or six


def check_shape(text: str) -> None:
    """Refuse, before anything is built, what only a hostile file holds: an alias (*name), whose
    expansion can be exponential (a "billion laughs"), and nesting deep enough to exhaust the
    constructor's recursion."""
    yaml, base, _ = _yaml()
    depth = 0
    for event in yaml.parse(text, Loader=base):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.constructor.ConstructorError(
                None, None, "规则包与配置不支持 YAML 别名（*名称），请把内容直接写出", event.start_mark)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise yaml.constructor.ConstructorError(
                    None, None, f"嵌套超过 {MAX_DEPTH} 层", event.start_mark)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def load(text: str, trusted: bool = False):
    """Plain data from `text`; an untrusted file (any but the shipped packs) is checked first.
    Invalid when YAML cannot read it; ValueError for a value it reads but cannot build (2020-13-01)."""
    yaml, _, loader = _yaml()
    try:
        if not trusted:
            check_shape(text)
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise Invalid(problem(exc)) from None


def problem(exc) -> str:
    """Where and what, in one line: "第 3 行第 5 列，缺少冒号“:”（请检查缩进、冒号和引号）"."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列，" if mark else ""
    what = getattr(exc, "problem", None) or getattr(exc, "context", None) or str(exc).splitlines()[0]
    return f"{where}{chinese(what)}（请检查缩进、冒号和引号）"


# PyYAML's usual complaints, in Chinese (the rest are kept as PyYAML words them).
PROBLEMS = (
    ("mapping values are not allowed", "此处不能出现“键: 值”（冒号后的值可能需要加引号，或缩进有误）"),
    ("could not find expected ':'", "缺少冒号“:”"),
    ("did not find expected key", "缩进有误，或列表项前缺少“- ”"),
    ("did not find expected '-' indicator", "列表项应以“- ”开头，且缩进一致"),
    ("did not find expected node content", "缺少值"),
    ("that cannot start any token", "此处的字符不能开始一个值（制表符不能用于缩进；以 @、` 开头的值须加引号）"),
    ("found unexpected end of stream", "文件意外结束（引号或括号未闭合）"),
    ("found undefined alias", "引用了未定义的锚点（*名称）"),
    ("expected <block end>", "缩进不一致"),
    ("exceeded maximum nesting depth", "嵌套层数过多"),
    ("expected ',' or ']'", "方括号列表未闭合或缺少逗号"),
    ("expected ',' or '}'", "花括号映射未闭合或缺少逗号"),
    ("could not determine a constructor for the tag", "含有不支持的标签（!!…）：规则包与配置只能写普通数据"),
    ("found unknown escape character", "双引号字符串中有无效的转义（如 \\d），请改用单引号"),
)


def chinese(problem: str) -> str:
    return next((zh for en, zh in PROBLEMS if en in problem), problem)
