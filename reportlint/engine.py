"""Rule packs: load and validate YAML, select rules, run them over a Document."""

from __future__ import annotations

import dataclasses
import functools
import os
import string
import time
import zlib
from dataclasses import field

from . import packcache, patterns, yamlfile
from .checks import Check, ParamError, build, get_kind
from .document import Document
from .errors import RuleError, UsageError, describe
from .paths import tidy
from .records import record
from .ruleids import matches
from .safe_regex import RULE_SECONDS
from .safe_regex import budget as regex_budget

SEVERITIES = ("error", "warning", "info")
DRAFT_SECONDS = 120  # the time all rules together may spend on one draft
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
RULE_FIELDS = {"id", "kind", "severity", "message", "why", "params", "examples", "fix"}
REQUIRED_FIELDS = ("id", "kind", "severity", "message", "why", "examples")
# pack/name: what --select, suppressions and every output format can carry safely
RULE_ID = patterns.compile(r"(?=.{3,80}$)[a-z][a-z0-9_-]*(?:/[a-z0-9][a-z0-9_.-]*)+")
# A folded YAML scalar (>-) joins lines with a space, which Chinese text must not have.
FOLDED_SPACE = patterns.compile(r"(?<=[\p{Han}，。；：、！？）》”’])[ \n]+(?=[\p{Han}（《“‘])")


def unfold(text: str) -> str:
    return FOLDED_SPACE.sub("", text.strip())


@record
class Rule:
    """A rule of a pack: what it checks (its kind and parameters), how it reports, its examples."""

    id: str
    kind: str
    severity: str
    message: str
    why: str
    params: dict
    bad: list[str]
    good: list[str]
    file: str
    fix: str | None = None
    # From the packs reportlint ships, parameters untouched: its patterns are the project's own,
    # tested to run in linear time, so they need no time budget (which would also cost every search).
    shipped: bool = False
    # The check, built when the rule first runs for a shipped rule (a run selecting a few rules
    # builds only those; the test suite builds them all), at load for a user's.
    built: Check | None = field(default=None, repr=False, compare=False)
    pack: int = field(default=0, repr=False)  # crc32 of the pack's bytes it was read from

    @property
    def check(self) -> Check:
        return self.ready().built

    def ready(self) -> Rule:
        """The rule with its check built (a plan builds its rules before the first draft, so that
        the shared phrase automaton is made once, with every phrase in it)."""
        if self.built is None:
            self.built = built_check(self)
        return self

    def render(self, args: dict) -> str:
        return self.message.format(**args)


@record(frozen=True)
class Finding:
    """One problem found: where (1-based lines and columns), which rule, the message."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: str = field(compare=False)
    message: str = ""  # compared: one rule may say two different things about one span
    # (start offset, end offset, replacement) edits in Document.text that fix it
    edits: tuple[tuple[int, int, str], ...] = field(default=(), compare=False)
    # where a reader finds it: heading path (四、…／（二）…) or table cell (表2 第3行第2列)
    context: str = field(default="", compare=False)
    excerpt: str = field(default="", compare=False)  # the covered text, cut to a readable length

    def order(self) -> tuple:
        """The order findings are reported in, as one tuple compared in C (a draft may have 10⁶
        findings; a generated __lt__ would cost a Python call per comparison, and its four methods
        a millisecond of every start)."""
        return self.path, self.line, self.column, self.end_line, self.end_column, self.rule, self.message

    def located(self, context: str, excerpt: str) -> Finding:
        return Finding(self.path, self.line, self.column, self.end_line, self.end_column, self.rule,
                       self.severity, self.message, self.edits, context, excerpt)

    def as_dict(self) -> dict:
        keys = ("path", "line", "column", "end_line", "end_column", "rule", "severity", "message",
                "context", "excerpt")
        return {k: getattr(self, k) for k in keys}


@record
class RuleSet:
    """Every rule of the packs loaded, and their profiles (document types)."""

    rules: list[Rule]
    profiles: dict[str, dict]

    def by_id(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise UsageError(f"未知的规则编号：{rule_id}（用 reportlint rules 查看全部规则）")

    def select(self, select=(), ignore=()) -> list[Rule]:
        """Rules matching any `select` (all if empty) and no `ignore`. Ids or prefixes."""
        for pattern in (*select, *ignore):
            if not any(matches(rule.id, pattern) for rule in self.rules):
                raise UsageError(f"未知的规则编号或前缀：{pattern}（用 reportlint rules 查看全部规则）")
        return [r for r in self.rules
                if (not select or any(matches(r.id, p) for p in select))
                and not any(matches(r.id, p) for p in ignore)]

    def profile(self, name: str) -> dict:
        if name not in self.profiles:
            known = "、".join(sorted(self.profiles)) or "无"
            raise UsageError(f"未知的文档类型（profile）：{describe(name)}；可用：{known}")
        return self.profiles[name]


# Paths are strings and os.path, as in every module a run imports (paths.py).
@functools.cache
def default_rules_dir() -> str:
    """lintrules/ ships inside the installed package; in a source tree it sits beside it."""
    here = os.path.dirname(os.path.abspath(__file__))
    installed = os.path.join(here, "lintrules")
    return installed if os.path.isdir(installed) else os.path.join(os.path.dirname(here), "lintrules")


def pack_files(path: str) -> list[str]:
    if os.path.isdir(path):
        names = sorted(name for name in os.listdir(path) if name.endswith((".yaml", ".yml")))
        return names if path == os.curdir else [os.path.join(path, name) for name in names]  # "x.yaml", not "./x.yaml"
    if os.path.isfile(path):
        return [path]
    raise RuleError(path, "规则文件或目录不存在")


def load_rules(extra: tuple[str, ...] | list[str] = (), defaults: bool = True) -> RuleSet:
    files = pack_files(default_rules_dir()) if defaults else []
    for path in extra:
        files += pack_files(tidy(os.fspath(path)))  # the names pathlib gave: "./p//x.yaml" is p/x.yaml
    rules, profiles, seen = [], {}, {}
    for file in files:
        data, checksum = read_yaml(file)
        for rule in parse_pack(file, data, checksum):
            if rule.id in seen:
                raise RuleError(file, f"规则编号重复（已在 {seen[rule.id]} 中定义）", rule.id, "id")
            seen[rule.id] = file
            rules.append(rule)
        profiles.update(parse_profiles(file, data))
    return RuleSet(rules, profiles)


def is_shipped(file: str) -> bool:
    return resolved(os.path.join(os.getcwd(), os.path.dirname(file))) == resolved(default_rules_dir())


@functools.cache
def resolved(folder: str) -> str:
    """The folder (an absolute path: the key must not change meaning with the working folder) with its
    links resolved, once per run (each resolution stats every component). Links are followed before
    "..", as pathlib's resolve() does: no abspath first."""
    return os.path.realpath(folder)


def read_yaml(file: str) -> tuple[object, int]:
    """The pack's data, and the checksum of the very bytes it was read from (the plan cache's key)."""
    try:
        with open(file, "rb") as f:
            data = f.read()
        trusted = is_shipped(file)
        return packcache.load(data, lambda: yamlfile.load(decoded(data), trusted=trusted),
                              "trusted" if trusted else "checked"), zlib.crc32(data)
    except yamlfile.Invalid as exc:
        raise RuleError(file, f"YAML 解析失败：{exc}") from None
    except UnicodeDecodeError as exc:  # before ValueError, of which it is one
        line = data[:exc.start].replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
        raise RuleError(file, f"不是 UTF-8 编码（第 {line} 行有无法解码的字节），请将规则文件另存为 UTF-8") from None
    except ValueError:  # a value YAML reads but cannot build, such as the date 2020-13-01
        raise RuleError(file, "YAML 中有无法构造的值（如日期 2020-13-01），日期请写作 YYYY-MM-DD") from None
    except OSError as exc:
        raise RuleError(file, f"无法读取规则文件：{exc}") from None


def decoded(data: bytes) -> str:
    """A pack's text, as reading it in text mode gives it (line ends made \\n); only on a cache miss."""
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def parse_pack(file: str, data, checksum: int) -> list[Rule]:
    if data is None:
        return []
    if isinstance(data, list):  # a bare list of rules is accepted too
        data = {"rules": data}
    if not isinstance(data, dict):
        raise RuleError(file, "规则文件的顶层应为映射（含 rules: 列表）")
    unknown = [key for key in data if key not in ("rules", "profiles", "pack", "description")]
    if unknown:  # one key, described: a foreign file read as a pack must not be printed line by line
        raise RuleError(file, f"未知的顶层字段（共 {len(unknown)} 个；"
                        "规则文件只含 rules、profiles、pack、description）", field=unknown[0])
    items = data.get("rules", [])
    if not isinstance(items, list):
        raise RuleError(file, "rules 应为列表", field="rules")
    return [parse_rule(file, i, item, checksum) for i, item in enumerate(items)]


def parse_rule(file: str, index: int, item, checksum: int) -> Rule:
    if not isinstance(item, dict):
        raise RuleError(file, f"第 {index + 1} 条规则应为映射", f"#{index + 1}")
    rule_id = item.get("id")
    name = rule_id if isinstance(rule_id, str) and RULE_ID.fullmatch(rule_id) else f"#{index + 1}"
    for key in REQUIRED_FIELDS:
        if key not in item:
            raise RuleError(file, "缺少必填字段", name, key)
    unknown = [key for key in item if key not in RULE_FIELDS]
    if unknown:
        raise RuleError(file, "未知字段", name, unknown[0])
    for key in ("id", "kind", "message", "why"):
        if not isinstance(item[key], str) or not item[key].strip():
            raise RuleError(file, "应为非空字符串", name, key)
    if not RULE_ID.fullmatch(rule_id):
        raise RuleError(file, "规则编号应形如 pack/name（小写字母、数字、- _ .，不超过 80 个字符），"
                        f"实际是 {describe(rule_id)}", name, "id")
    if not isinstance(item["severity"], str) or item["severity"] not in SEVERITIES:
        raise RuleError(file, f"应为 {' | '.join(SEVERITIES)} 之一，实际是 {describe(item['severity'])}", name,
                        "severity")
    params = item.get("params") or {}
    if not isinstance(params, dict):
        raise RuleError(file, "应为映射", name, "params")
    fix = item.get("fix")
    if fix is not None and not isinstance(fix, str):
        raise RuleError(file, "应为字符串", name, "fix")
    bad, good = parse_examples(file, name, item["examples"])
    rule = Rule(rule_id, item["kind"], item["severity"], unfold(item["message"]), unfold(item["why"]),
                params, bad, good, file, fix=fix, shipped=is_shipped(file), pack=checksum)
    if not rule.shipped:  # a user's rule is checked whole now; a shipped one when it first runs
        rule.built = built_check(rule)
    return rule


def built_check(rule: Rule) -> Check:
    """The check of `rule`, its kind, parameters and message validated (RuleError naming the field)."""
    f, name = rule.file, rule.id
    kind = get_kind(rule.kind)
    if kind is None:
        raise RuleError(f, f"未知的检查类型 {describe(rule.kind)}", name, "kind")
    try:
        check = build(kind, rule.params, rule.fix)
    except ParamError as exc:
        raise RuleError(f, str(exc), name, exc.field) from None
    for placeholder in message_fields(rule.message, f, name):
        if placeholder not in kind.args:
            allowed = "、".join(kind.args) or "无"
            raise RuleError(f, f"消息中的占位符 {{{placeholder}}} 无法填充（{kind.name} 可用：{allowed}）",
                            name, "message")
    return check


def message_fields(message: str, file: str, name: str) -> list[str]:
    try:
        return [fname for _, fname, _, _ in string.Formatter().parse(message) if fname is not None]
    except ValueError as exc:
        raise RuleError(file, f"消息模板无效：{exc}", name, "message") from None


def parse_examples(file: str, name: str, examples) -> tuple[list[str], list[str]]:
    if not isinstance(examples, dict):
        raise RuleError(file, "应为含 bad 与 good 的映射", name, "examples")
    out = []
    for key in ("bad", "good"):
        values = examples.get(key)
        if not isinstance(values, list) or not values:
            raise RuleError(file, "至少需要一个示例", name, f"examples.{key}")
        for i, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                raise RuleError(file, "示例应为非空字符串", name, f"examples.{key}[{i}]")
        out.append(values)
    return out[0], out[1]


def parse_profiles(file: str, data) -> dict[str, dict]:
    if not isinstance(data, dict) or "profiles" not in data:
        return {}
    profiles = data["profiles"]
    if not isinstance(profiles, dict):
        raise RuleError(file, "profiles 应为映射", field="profiles")
    for name, spec in profiles.items():
        if not isinstance(spec, dict):
            raise RuleError(file, "应为映射", field=f"profiles.{name}")
        for key in ("select", "ignore"):
            value = spec.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise RuleError(file, "应为字符串列表", field=f"profiles.{name}.{key}")
    return profiles


def configured(rule: Rule, file: str, severity: str | None = None, params: dict | None = None) -> Rule:
    """`rule` with a configuration's severity and parameter overrides; params are re-validated."""
    if params:
        merged = {**rule.params, **params}
        try:
            check = build(type(rule.check), merged, rule.fix)
        except ParamError as exc:
            key = exc.field.removeprefix("params.")
            raise RuleError(file, str(exc), rule.id, f"params.{rule.id}.{key}") from None
        rule = dataclasses.replace(rule, params=merged, built=check, shipped=False)  # a configuration's patterns
    if severity:
        rule = dataclasses.replace(rule, severity=severity)
    return rule


class Diagnostics(list):
    """Problems met while running (a rule that timed out); shown on stderr, not findings."""


def run(doc: Document, rules: list[Rule], diagnostics: Diagnostics | None = None,
        known: set[str] | None = None) -> list[Finding]:
    """Findings of `rules` on `doc`, after inline suppression. `known`: every rule id that exists
    (running or not), so that a directive naming no rule at all can be told apart."""
    findings, started = set(), time.monotonic()
    with regex_budget(None):  # the shipped rules' searches are unbounded; a user's rule gets a budget
        for rule in rules:
            if time.monotonic() - started > DRAFT_SECONDS:  # one pathological draft must not hold up the rest
                if diagnostics is not None:
                    diagnostics.append(f"{doc.path}: 检查用时超过 {DRAFT_SECONDS} 秒，其余规则已跳过")
                break
            try:
                hits = list(rule.check.check(doc)) if rule.shipped else budgeted_hits(rule, doc)
            except TimeoutError:
                if diagnostics is not None:
                    diagnostics.append(f"{doc.path}: 规则 {rule.id} 的正则表达式超时，已跳过")
                continue
            for hit in hits:
                findings.add(finding(doc, rule, hit.start, hit.end, hit.args, hit.edits))
    return suppress(doc, sorted(findings, key=Finding.order), rules, known)


def budgeted_hits(rule: Rule, doc: Document) -> list:
    with regex_budget(RULE_SECONDS):
        return list(rule.check.check(doc))


def example_findings(rule: Rule, text: str, rules: list[Rule]) -> list[Finding]:
    """`rule`'s findings on one of its examples, run with `rules` as a draft would be."""
    return [f for f in run(Document.from_text(text), rules) if f.rule == rule.id]


def example_failures(rule: Rule, rules: list[Rule]) -> list[str]:
    """Each example of `rule` that does not behave: a bad one it misses, a good one it fires on."""
    out = []
    for i, text in enumerate(rule.bad, 1):
        if not example_findings(rule, text, rules):
            out.append(f"会报告的示例 {i} 没有报告：{text!r}")
    for i, text in enumerate(rule.good, 1):
        found = example_findings(rule, text, rules)
        if found:
            out.append(f"不会报告的示例 {i} 被报告了（{found[0].message}）：{text!r}")
    return out


def finding(doc: Document, rule: Rule, start: int, end: int, args: dict, edits=()) -> Finding:
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    return Finding(doc.path, line, column, end_line, end_column, rule.id, rule.severity, rule.render(args),
                   tuple(edits))


def suppress(doc: Document, findings: list[Finding], rules: list[Rule], known: set[str] | None) -> list[Finding]:
    """Drop what inline directives suppress; report the directives' problems (suppress.py)."""
    if "reportlint" not in doc.text.lower() and not getattr(doc.source, "comments", None):
        return findings  # no directive: nothing to parse
    from . import suppress as inline

    running = {r.id for r in rules}
    kept, problems = inline.apply(doc, findings, running, known or running)
    extra = [finding(doc, r, start, end, args) for start, end, args, category in problems
             for r in rules if r.kind == "unused_suppression" and r.check.reports == category]
    return sorted({*kept, *extra}, key=Finding.order)
