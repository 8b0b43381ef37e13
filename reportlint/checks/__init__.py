"""Check kinds: the vocabulary of rules. One module per kind, registered by name.

A kind is a class: its constructor receives the rule's `params` (validated there, raising
ParamError naming the field), and `check(doc)` yields Hits. Checks never read files and
never re-parse the text: everything comes from the Document.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Iterable
from dataclasses import field

import regex

from .. import patterns
from ..document import Document
from ..errors import describe
from ..records import record
from ..safe_regex import PatternTooLarge, compile_bounded

KINDS: dict[str, type[Check]] = {}
MAX_ITEM = 500  # characters in one item of a string-list parameter
class _Missing:
    """The marker of a parameter with no default: one object, in this process and once unpickled."""

    def __reduce__(self):
        return "_MISSING"  # pickled by name, so `is REQUIRED` holds for a check from the plan cache

    def __repr__(self):
        return "REQUIRED"


_MISSING = _Missing()
REQUIRED = _MISSING  # the default of a parameter that has none (reportlint kinds: 必填)
# How `reportlint kinds` names a parameter's type.
TYPE_NAMES = {int: "整数", float: "小数", str: "字符串", bool: "true/false", dict: "映射", list: "列表"}


@record
class Hit:
    """A span that breaks a rule: offsets into Document.text, end exclusive.

    `args` fill the rule's message template; `edits` are the (start, end, replacement)
    changes that fix it, when the rule has a `fix`."""

    start: int
    end: int
    args: dict = field(default_factory=dict)
    edits: list[tuple[int, int, str]] = field(default_factory=list)


DELETE_LINE = "delete-line"  # the `fix` value that removes the line a hit stands on


def line_deletion(doc: Document, start: int, end: int) -> tuple[int, int, str]:
    """The edit removing the line at `start` with its line break — or, on a line that holds a
    real sentence (it has a 。), only the span [start, end): a fix must never delete text."""
    line = doc.line(doc.position(start)[0])
    if "。" in line.content:
        return (start, end, "")
    if line.number < len(doc.lines):
        return (line.start, doc.lines[line.number].start, "")
    return (max(line.start - 1, 0), line.start + len(line.text), "")


class ParamError(ValueError):
    """A bad rule parameter; `field` is its dotted path, e.g. params.pattern."""

    def __init__(self, field: str, reason: str):
        super().__init__(reason)
        self.field = field


class Params(dict):
    """A rule's params that remember which keys the kind read: a key never read is a typo
    (min_elemnts) or a parameter the kind does not have, and the engine says so."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.read: set[str] = set()
        # key -> (type as documented, default or REQUIRED), as the helpers below read it
        self.declared: dict[str, tuple[str, object]] = {}

    def declare(self, key: str, kind: str, default) -> None:
        self.declared.setdefault(key, (kind, default))

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.read.add(key)
        return super().get(key, default)

    def __contains__(self, key):
        self.read.add(key)
        return super().__contains__(key)

    def unread(self) -> list[str]:
        return sorted(set(self) - self.read, key=str)  # a YAML key may be a number

    def __reduce__(self):
        # A check reads its parameters while it is built. Pickled with it (the plan cache), it keeps
        # what `reportlint kinds` documents, not the values: the pack holds those, and they were a third
        # of the cache (the 565 cited titles a second time).
        return ReadParams, (), {"declared": self.declared, "read": self.read}


class ReadParams(Params):
    """The parameters of a check unpickled from the plan cache: reading a value again fails loudly."""

    def _gone(self, *args, **kwargs):
        raise RuntimeError("检查已构建：参数只在构建时读取（plancache.py）")

    __getitem__ = get = __contains__ = _gone


class Check:
    name = ""
    args: tuple[str, ...] = ()  # the {placeholders} a rule's message may use
    fixes = False  # whether the kind can apply a rule's `fix`

    def __init__(self, params: dict, fix: str | None = None):
        self.params = Params(params)
        self.fix = fix
        if fix is not None and not self.fixes:
            raise ParamError("fix", f"检查类型 {self.name} 不支持自动修复")

    def check(self, doc: Document) -> Iterable[Hit]:
        raise NotImplementedError

    def explain(self) -> list[str]:
        """Lines `reportlint explain` prints below the reason: the data the rule carries, with sources."""
        return []

    def edits(self, doc: Document, start: int, end: int, replacement=None) -> list[tuple[int, int, str]]:
        """The edits fixing [start, end) as this rule's `fix` says: replace it (with `replacement`,
        default the `fix` text itself), or delete its line."""
        if self.fix is None:
            return []
        if self.fix == DELETE_LINE:
            return [line_deletion(doc, start, end)]
        return [(start, end, self.fix if replacement is None else replacement)]

    # Helpers for validating params in constructors.
    def require(self, key: str, kind: type | tuple[type, ...], default=_MISSING, minimum: int | None = 0):
        """The parameter, of type `kind`. YAML's true is not a number, .nan and .inf are not
        finite, and a number is at least `minimum` (counts, lengths and groups are not negative)."""
        kinds = kind if isinstance(kind, tuple) else (kind,)
        self.params.declare(key, "或".join(TYPE_NAMES.get(k, k.__name__) for k in kinds), default)
        if key not in self.params:
            if default is _MISSING:
                raise ParamError(f"params.{key}", "缺少必填参数")
            return default
        value = self.params[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            names = "/".join(k.__name__ for k in kinds)
            raise ParamError(f"params.{key}", f"应为 {names}，实际是 {type(value).__name__}")
        if isinstance(value, int | float) and not isinstance(value, bool):
            if not math.isfinite(value):
                raise ParamError(f"params.{key}", "应为有限的数值")
            if minimum is not None and value < minimum:
                raise ParamError(f"params.{key}", f"不能小于 {minimum}，实际是 {describe(value)}")
        return value

    def choice(self, key: str, choices, default=_MISSING) -> str:
        """A string parameter that must be one of `choices` (e.g. a mode)."""
        self.params.declare(key, "取值之一：" + " | ".join(choices), default)
        value = self.require(key, str, default)
        if value not in choices:
            raise ParamError(f"params.{key}", f"应为 {' | '.join(choices)} 之一，实际是 {describe(value)}")
        return value

    def regex(self, key: str, default=_MISSING, flags: int = 0):
        """A regular-expression parameter, compiled once; with default None it may be left out."""
        self.params.declare(key, "正则表达式", default)
        if default is None and key not in self.params:
            return None
        return compile_regex(f"params.{key}", self.require(key, str, default), flags)

    def string_list(self, key: str, default=_MISSING) -> list[str]:
        self.params.declare(key, "字符串列表", default)
        values = self.require(key, list, default)
        for i, value in enumerate(values):
            if not isinstance(value, str) or not value:
                raise ParamError(f"params.{key}[{i}]", "应为非空字符串")
            if len(value) > MAX_ITEM:  # a phrase, noun or title, never a page
                raise ParamError(f"params.{key}[{i}]", f"过长（{len(value)} 个字符，上限 {MAX_ITEM}）")
        return values


def build(kind: type[Check], params: dict, fix: str | None) -> Check:
    """A kind's check for `params`; ParamError for a bad value or a parameter it does not have."""
    check = kind(params, fix)
    unread = check.params.unread()
    if unread:
        raise ParamError(f"params.{unread[0]}", f"检查类型 {kind.name} 没有这个参数")
    return check


def compile_regex(field: str, source: str, flags: int = 0):
    """A pattern from a pack or configuration: bounded in size, searched under a time budget."""
    try:
        return compile_bounded(source, flags)
    except PatternTooLarge as exc:
        raise ParamError(field, str(exc)) from None
    except regex.error as exc:
        raise ParamError(field, f"正则表达式无效：{exc}") from None


def register(name: str):
    def wrap(cls):
        cls.name = name
        KINDS[name] = cls
        return cls

    return wrap


KIND_NAME = patterns.compile(r"[a-z][a-z0-9_]*")  # a module of this package, nothing else


def get_kind(name: str) -> type[Check] | None:
    """The kind named `name`: defined in the module of the same name, imported on first use."""
    if name not in KINDS and KIND_NAME.fullmatch(name):
        try:
            importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
    return KINDS.get(name)
