"""From command-line options and configuration files to findings, file by file.

`Planner` decides which rules apply to each draft (its nearest configuration, the profile,
select/ignore, per-rule severity and parameters, per-file ignores; command-line flags win).
The profile (document type) is --profile, else the configuration's per-file-profiles or
profile, else the one the document map recognises from the draft's title and addressee.
`lint_paths` runs them, in worker processes for many files (--jobs), in input order."""

from __future__ import annotations

import os
import sys
from dataclasses import field

from . import collector, plancache
from .config import Config, ConfigError, config_for
from .docmap import doc_type
from .document import Document
from .engine import SEVERITY_RANK, Diagnostics, Rule, RuleSet, configured, load_rules, run
from .errors import InputError, describe
from .load import load
from .locate import statutory_parts, with_locators
from .records import record
from .reporters import FileReport
from .ruleids import matches

# Below this many files a process pool costs more than it saves.
PARALLEL_THRESHOLD = 8
# The profile of a draft whose type is neither given nor recognised.
DEFAULT_PROFILE = "annual-report"
PR_SET_PDEATHSIG = 1  # prctl(2)


@record
class Options:
    """What the command line asked for."""

    rule_paths: tuple[str, ...] = ()
    select: list[str] | None = None  # None: as configured
    ignore: list[str] | None = None
    profile: str | None = None
    fail_level: str | None = None
    config: str | None = None  # an explicit configuration file
    full_report: bool = False  # every line, the profile and the statutory parts (the HTML page)


@record
class Plan:
    """The rules that run on a draft, and the level from which a finding fails the run."""

    config: Config
    rules: list[Rule]
    fail_level: str
    known: set[str] = field(default_factory=set)  # every rule id of the packs, running or not


@record
class Planner:
    """Plans per configuration and profile, made once and reused for every draft."""

    options: Options
    _rulesets: dict = field(default_factory=dict)
    _plans: dict = field(default_factory=dict)
    _configs: dict = field(default_factory=dict)  # folder -> Config: drafts share their folder's

    def ruleset(self, extra: tuple[str, ...]) -> RuleSet:
        if extra not in self._rulesets:
            self._rulesets[extra] = load_rules(extra)
        return self._rulesets[extra]

    def config(self, path: str) -> Config:
        folder = os.path.dirname(os.path.abspath(path))
        if folder not in self._configs:
            self._configs[folder] = config_for(path, self.options.config)
        return self._configs[folder]

    def given_profile(self, path: str) -> tuple[str, str] | None:
        """(profile, why) when the command line or the configuration names the draft's type."""
        config = self.config(path)
        if self.options.profile:
            return self.options.profile, "命令行 --profile 指定"
        for glob, profile in config.per_file_profiles.items():
            if config.matches(path, glob):
                return profile, f"配置文件 per-file-profiles 中“{glob}”指定"
        if config.profile:
            return config.profile, "配置文件 profile 指定"
        return None

    def profile_for(self, path: str, doc: Document) -> tuple[str, str]:
        """(profile, why): given, else recognised from the draft, else the default."""
        given = self.given_profile(path)
        if given:
            return given
        config = self.config(path)
        found = doc_type(doc, self.ruleset(tuple(config.rules) + tuple(self.options.rule_paths)).profiles)
        if found:
            return found.profile, f"按{found.reason}识别"
        return DEFAULT_PROFILE, "未能从标题和主送机关识别文种，按默认类型"

    def plan_for_draft(self, path: str, doc: Document) -> Plan:
        """The rules for `path` with the profile given for it or recognised from the draft."""
        return self.plan(path, self.profile_for(path, doc)[0])

    def plan(self, path: str, profile: str | None = None) -> Plan:
        """The rules for `path` with `profile` (else the one given, else the default)."""
        config = self.config(path)
        if profile is None:
            given = self.given_profile(path)
            profile = given[0] if given else DEFAULT_PROFILE
        key = (config.file, profile)
        if key not in self._plans:
            self._plans[key] = self._make_plan(config, profile)
        plan = self._plans[key]
        ignored = config.ignored_for(path)
        if not ignored:
            return plan
        ruleset = self.ruleset(tuple(config.rules) + tuple(self.options.rule_paths))
        self._check_ids(ruleset, config, "per-file-ignores", ignored)
        return Plan(config, ruleset_filter(plan.rules, ignored), plan.fail_level, plan.known)

    def _make_plan(self, config: Config, profile: str) -> Plan:
        o = self.options
        ruleset = self.ruleset(tuple(config.rules) + tuple(o.rule_paths))
        named = [("profile", config.profile)] if config.profile else []
        named += [(f"per-file-profiles.{glob}", p) for glob, p in config.per_file_profiles.items()]
        for key, name in named:
            if name not in ruleset.profiles:
                known = "、".join(sorted(ruleset.profiles))
                raise ConfigError(config.file or "", key, f"未知的文档类型 {describe(name)}；可用：{known}")
        spec = ruleset.profile(profile)
        chosen = ruleset.select(spec.get("select", []), spec.get("ignore", []))
        select = o.select if o.select is not None else config.select
        ignore = o.ignore if o.ignore is not None else config.ignore
        if config.file and o.select is None:
            self._check_ids(ruleset, config, "select", select)
        if config.file and o.ignore is None:
            self._check_ids(ruleset, config, "ignore", ignore)
        wanted = {r.id for r in ruleset.select(select, ignore)}
        self._check_ids(ruleset, config, "severity", config.severity)
        self._check_ids(ruleset, config, "params", config.params)
        for rule_id in config.params:  # parameters differ from kind to kind: one rule at a time
            if rule_id not in {r.id for r in ruleset.rules}:
                raise ConfigError(config.file or "", f"params.{rule_id}", "参数须按完整的规则编号设置，不能按前缀")
        rules = [configured(r, config.file or "", most_specific(config.severity, r.id), config.params.get(r.id))
                 for r in chosen if r.id in wanted]
        plancache.ready(rules)  # only the rules that run are built (or unpickled)
        collector.settle()  # the start is over: the command paused the collector until now
        return Plan(config, rules, o.fail_level or config.fail_level, {r.id for r in ruleset.rules})

    @staticmethod
    def _check_ids(ruleset: RuleSet, config: Config, key: str, ids) -> None:
        for rule_id in ids:
            if not any(matches(r.id, rule_id) for r in ruleset.rules):
                raise ConfigError(config.file or "", f"{key}.{rule_id}", "未知的规则编号")


def most_specific(levels: dict[str, str], rule_id: str) -> str | None:
    """The level set for `rule_id` itself, else for the longest prefix of it (hygiene/ before all)."""
    keys = sorted((k for k in levels if matches(rule_id, k)), key=len)
    return levels[keys[-1]] if keys else None


def ruleset_filter(rules: list[Rule], ignored: list[str]) -> list[Rule]:
    return [r for r in rules if not any(matches(r.id, p) for p in ignored)]


@record
class FileResult:
    """The outcome of linting one draft: its report, or the error that stopped it."""

    report: FileReport | None = None
    error: str | None = None
    diagnostics: list[str] = field(default_factory=list)
    failing: bool = False
    internal: bool = False  # the error is a bug of reportlint's (exit 3), not a bad draft


def lint_source(source, plan, diagnostics=None):
    """Findings for `source` under `plan` — a Plan, or a function choosing it from the Document
    (the document type is recognised from the parsed draft, which is parsed once) — with their
    locators (heading path or table cell, excerpt)."""
    doc = Document(source)
    if callable(plan):
        plan = plan(doc)
    return with_locators(doc, run(doc, plan.rules, diagnostics, plan.known))


def lint_one(planner: Planner, path: str) -> FileResult:
    """Lint one draft. Input errors are returned, not raised: the other drafts still get linted."""
    try:
        planner.plan(path)
        source = load(path)
    except InputError as exc:
        return FileResult(error=str(exc))
    diagnostics = Diagnostics()
    chosen = {}

    def plan_for(doc: Document) -> Plan:
        chosen["profile"], chosen["why"] = planner.profile_for(path, doc)
        return planner.plan(path, chosen["profile"])

    try:
        findings = lint_source(source, plan_for, diagnostics)
        plan = planner.plan(path, chosen["profile"])
        # the HTML overview only: parsing the draft a second time is cheap next to the page
        parts = statutory_parts(Document(source), plan.rules) if planner.options.full_report else None
    except Exception as exc:  # a bug in reportlint on this draft: say so, lint the others
        return FileResult(error=f"{path}: 内部错误（请向 reportlint 报告）：{type(exc).__name__}", internal=True)
    wanted = range(1, len(source.lines) + 1) if planner.options.full_report else {f.line for f in findings}
    lines = {n: source.lines[n - 1] for n in wanted if 1 <= n <= len(source.lines)}
    failing = any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[plan.fail_level] for f in findings)
    report = FileReport(path, lines, source.kind, findings, chosen["profile"], chosen["why"], parts)
    return FileResult(report, None, list(diagnostics), failing)


# The planner of a worker process: the parent's own, inherited when the pool forks (its packs
# loaded and rules built once, in the parent), else made by the pool's initializer.
_worker_planner: Planner | None = None


def _init_worker(options: Options | None) -> None:
    global _worker_planner
    import signal  # a worker's only (a run in one process does without its import)

    # Ctrl-C reaches the whole process group: the parent handles it and ends the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent()
    if options is not None:
        _worker_planner = Planner(options)


def die_with_parent() -> None:
    """Linux: the kernel sends this worker SIGTERM when its parent dies, however it dies (a
    SIGKILL or SIGTERM to the parent leaves no worker behind). Elsewhere nothing to do."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the request took effect
        os._exit(1)


def _lint_in_worker(path: str) -> FileResult:
    return lint_one(_worker_planner, path)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def capped_jobs(jobs: int | None) -> int:
    """--jobs as asked, but never more than four workers a core: more only adds processes."""
    return min(jobs or default_jobs(), 4 * default_jobs())


def lint_paths(planner: Planner, paths: list[str], jobs: int):
    """Yield a FileResult per path, in the order given, whatever the number of jobs."""
    for path in paths:
        planner.plan(path)  # configuration errors surface here, before any worker starts
    if jobs <= 1 or len(paths) < PARALLEL_THRESHOLD:
        for path in paths:
            yield lint_one(planner, path)
        return
    import multiprocessing  # only when there is work to share

    global _worker_planner
    if sys.platform.startswith("linux"):  # fork is safe here, and the workers need load nothing
        context, options, _worker_planner = multiprocessing.get_context("fork"), None, planner
    else:  # macOS and Windows spawn: each worker loads the packs itself
        context, options = multiprocessing.get_context(), planner.options
    # Leaving the block terminates the workers at once: Ctrl-C, a closed pipe or an error in the
    # parent never waits for the drafts still queued.
    with context.Pool(min(jobs, len(paths)), _init_worker, (options,)) as pool:
        yield from pool.imap(_lint_in_worker, paths, chunksize=4)

