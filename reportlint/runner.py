"""From command-line options and configuration files to findings, file by file.

`Planner` decides which rules apply to each draft (its nearest configuration, the profile,
select/ignore, per-rule severity and parameters, per-file ignores; command-line flags win).
`lint_paths` runs them, in worker processes for many files (--jobs), in input order."""

from __future__ import annotations

import os
import signal
import sys
from dataclasses import dataclass, field

from .config import Config, ConfigError, config_for
from .document import Document
from .engine import SEVERITY_RANK, Diagnostics, Rule, RuleSet, configured, load_rules, run
from .errors import InputError
from .load import load
from .reporters import FileReport

# Below this many files a process pool costs more than it saves.
PARALLEL_THRESHOLD = 8
PR_SET_PDEATHSIG = 1  # prctl(2)


@dataclass
class Options:
    rule_paths: tuple[str, ...] = ()
    select: list[str] | None = None  # None: as configured
    ignore: list[str] | None = None
    profile: str | None = None
    fail_level: str | None = None
    config: str | None = None  # an explicit configuration file


@dataclass
class Plan:
    config: Config
    rules: list[Rule]
    fail_level: str
    known: set[str] = field(default_factory=set)  # every rule id of the packs, running or not


@dataclass
class Planner:
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

    def plan(self, path: str) -> Plan:
        config = self.config(path)
        key = config.file
        if key not in self._plans:
            self._plans[key] = self._make_plan(config)
        plan = self._plans[key]
        ignored = config.ignored_for(path)
        if not ignored:
            return plan
        ruleset = self.ruleset(tuple(config.rules) + tuple(self.options.rule_paths))
        self._check_ids(ruleset, config, "per-file-ignores", ignored)
        return Plan(config, ruleset_filter(plan.rules, ignored), plan.fail_level, plan.known)

    def _make_plan(self, config: Config) -> Plan:
        o = self.options
        ruleset = self.ruleset(tuple(config.rules) + tuple(o.rule_paths))
        if o.profile is None and config.profile not in ruleset.profiles:
            known = "、".join(sorted(ruleset.profiles))
            raise ConfigError(config.file or "", "profile", f"未知的文档类型 {config.profile!r}；可用：{known}")
        spec = ruleset.profile(o.profile or config.profile)
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
        return Plan(config, rules, o.fail_level or config.fail_level, {r.id for r in ruleset.rules})

    @staticmethod
    def _check_ids(ruleset: RuleSet, config: Config, key: str, ids) -> None:
        from .engine import matches

        for rule_id in ids:
            if not any(matches(r.id, rule_id) for r in ruleset.rules):
                raise ConfigError(config.file or "", f"{key}.{rule_id}", "未知的规则编号")


def most_specific(levels: dict[str, str], rule_id: str) -> str | None:
    """The level set for `rule_id` itself, else for the longest prefix of it (hygiene/ before all)."""
    from .engine import matches

    keys = sorted((k for k in levels if matches(rule_id, k)), key=len)
    return levels[keys[-1]] if keys else None


def ruleset_filter(rules: list[Rule], ignored: list[str]) -> list[Rule]:
    from .engine import matches

    return [r for r in rules if not any(matches(r.id, p) for p in ignored)]


@dataclass
class FileResult:
    report: FileReport | None = None
    error: str | None = None
    diagnostics: list[str] = field(default_factory=list)
    failing: bool = False
    internal: bool = False  # the error is a bug of reportlint's (exit 3), not a bad draft


def lint_source(source, plan: Plan, diagnostics=None):
    return run(Document(source), plan.rules, diagnostics, plan.known)


def lint_one(planner: Planner, path: str) -> FileResult:
    """Lint one draft. Input errors are returned, not raised: the other drafts still get linted."""
    try:
        plan = planner.plan(path)
        source = load(path)
    except InputError as exc:
        return FileResult(error=str(exc))
    diagnostics = Diagnostics()
    try:
        findings = lint_source(source, plan, diagnostics)
    except Exception as exc:  # a bug in reportlint on this draft: say so, lint the others
        return FileResult(error=f"{path}: 内部错误（请向 reportlint 报告）：{type(exc).__name__}", internal=True)
    wanted = {f.line for f in findings}
    lines = {n: source.lines[n - 1] for n in wanted if 1 <= n <= len(source.lines)}
    failing = any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[plan.fail_level] for f in findings)
    return FileResult(FileReport(path, lines, source.kind, findings), None, list(diagnostics), failing)


# One planner per worker process, made by the pool's initializer.
_worker_planner: Planner | None = None


def _init_worker(options: Options) -> None:
    global _worker_planner
    # Ctrl-C reaches the whole process group: the parent handles it and ends the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent()
    _worker_planner = Planner(options)


def die_with_parent() -> None:
    """Linux: the kernel sends this worker SIGTERM when its parent dies, however it dies (a
    SIGKILL or SIGTERM to the parent leaves no worker behind). Elsewhere nothing to do."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

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

    # Leaving the block terminates the workers at once: Ctrl-C, a closed pipe or an error in the
    # parent never waits for the drafts still queued.
    with multiprocessing.Pool(min(jobs, len(paths)), _init_worker, (planner.options,)) as pool:
        yield from pool.imap(_lint_in_worker, paths, chunksize=4)

