"""Command line: check, rules, explain, config. Exit 0 clean, 1 findings, 2 usage or input error."""

from __future__ import annotations

import contextlib
import fnmatch
import os
import sys
from collections import Counter
from functools import partial

import click

from . import __version__, clickzh, collector
from .errors import InputError, ReportlintError, UsageError
from .paths import as_posix, tidy
from .reporters import FORMATS, Summary, visible, writer
from .runner import Options, Planner, capped_jobs, lint_paths, lint_source

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3
clickzh.install()  # click's own usage, help and error strings in Chinese
DRAFT_SUFFIXES = (".txt", ".md", ".docx")


def split_ids(values: tuple[str, ...]) -> list[str]:
    """--select a,b --select c -> [a, b, c]"""
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


# Folders a search never enters: tool and build output, not drafts.
SKIPPED_DIRS = {"node_modules", "__pycache__", "venv", "site-packages", "build", "dist"}
# A repository's own furniture is never a draft, whatever its suffix (file names, any case).
NOT_DRAFTS = ("readme*", "changelog*", "changes*", "history*", "license*", "licence*", "copying*", "notice*",
              "contributing*", "authors*", "code_of_conduct*", "security*", "requirements*.txt",
              "constraints*.txt", "robots.txt", "cmakelists.txt")


def not_a_draft(name: str) -> bool:
    return any(fnmatch.fnmatch(name.lower(), g) for g in NOT_DRAFTS)


def expand_paths(paths: tuple[str, ...], planner: Planner, exclude: list[str],
                 force_exclude: bool = False) -> list[str]:
    """Files as given; folders searched for drafts. A search skips hidden folders, tool output,
    Word lock files (~$…), empty files, repository files (README, requirements.txt …), and what
    --exclude or the configuration's `exclude` name. A file named on the command line is linted
    unless --force-exclude (the pre-commit hook, which names every staged file) applies the same
    skips to it. A draft reached twice (seeds and seeds/a.txt, a.txt and ./a.txt) is linted once."""
    out, seen = [], set()

    def excluded(name: str, rel: str, base: str) -> bool:  # --exclude: the path below `base`, or the name
        return (any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(base, g) for g in exclude)
                or planner.config(name).excludes(name))

    def add(name: str) -> None:
        key = os.path.normcase(os.path.realpath(name))
        if key not in seen:
            seen.add(key)
            out.append(name)

    for path in paths:
        if not path.strip():
            raise UsageError("路径为空")
        if not os.path.isdir(path):
            name = os.path.basename(tidy(path))
            if not (force_exclude and (not_a_draft(name) or excluded(path, as_posix(path), name))):
                add(path)
            continue
        from pathlib import Path  # only to walk a folder: a run on files does without its import

        p = Path(path)
        found, skipped, outside, root = [], 0, 0, p.resolve()
        for f in sorted(p.rglob("*")):
            parts = f.relative_to(p).parts
            if (f.suffix.lower() not in DRAFT_SUFFIXES or f.name.startswith("~$") or not f.is_file()
                    or any(part.startswith(".") or part in SKIPPED_DIRS or part.endswith(".egg-info")
                           for part in parts[:-1]) or f.name.startswith(".") or not_a_draft(f.name)
                    or f.stat().st_size == 0):
                continue
            if root not in f.resolve().parents:  # a link out of the folder: not what was asked for
                outside += 1
                continue
            if excluded(str(f), "/".join(parts), f.name):
                skipped += 1
                continue
            found.append(str(f))
        if outside:
            note(f"reportlint: 提示：{path}: 跳过了 {outside} 个指向该目录之外的链接（要检查请直接给出其路径）")
        if not found and skipped:
            raise UsageError(f"{path}: 目录中的 {skipped} 份草稿全部被排除（--exclude 或配置文件的 exclude），"
                             "没有可检查的草稿；请检查排除规则")
        if not found:
            raise UsageError(f"{path}: 目录中没有 .txt、.md 或 .docx 草稿")
        for name in found:
            add(name)
    return out


def note(text: str) -> None:
    """A line on stderr; control characters from file names or packs are shown, never obeyed."""
    click.echo(visible(text), err=True)


def fail(message: str, code: int = EXIT_ERROR):
    note(f"reportlint: 错误：{message}")
    sys.exit(code)


class Group(click.Group):
    """Turns every ReportlintError and usage error into one line on stderr and exit 2: never a
    traceback, never click's multi-line usage block."""

    def main(self, *args, **kwargs):
        clickzh.localize(self)  # here, so that every command, however added, gets it
        kwargs["standalone_mode"] = False
        for stream in (sys.stdout, sys.stderr):  # a GBK console shows "?" for what it cannot encode
            if hasattr(stream, "reconfigure"):
                stream.reconfigure(errors="replace")
        try:
            code = super().main(*args, **kwargs)
        except click.exceptions.NoArgsIsHelpError as exc:  # bare `reportlint`: help, as a usage error
            click.echo(exc.ctx.get_help(), err=True)
            sys.exit(EXIT_ERROR)
        except click.UsageError as exc:
            command = exc.ctx.command_path if exc.ctx else "reportlint"
            message = exc.format_message()  # click ends some messages with an f-string's "."
            message = message[:-1] + "。" if message.endswith("'.") else message
            fail(f"命令行用法有误：{message}（运行 {command} --help 查看用法）")
        except click.ClickException as exc:
            fail(exc.format_message())
        except click.Abort:
            fail("已中断")
        sys.exit(code if isinstance(code, int) else EXIT_CLEAN)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ReportlintError as exc:
            fail(str(exc))
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            fail("已中断")
        except BrokenPipeError:  # `reportlint check … | head`: the reader has gone, which is fine
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_FINDINGS)
        except Exception as exc:  # a bug in reportlint, not in the user's input
            fail(f"内部错误（请向 reportlint 报告）：{type(exc).__name__}: {exc}", EXIT_INTERNAL)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="reportlint")
def main():
    """reportlint：法治政府建设年度报告草稿检查工具。"""


rules_option = click.option("--rules", "rule_paths", multiple=True, metavar="PATH",
                            help="额外的规则文件或目录（可重复）。")
config_option = click.option("--config", "config_file", default=None, metavar="FILE",
                             help="使用此配置文件，而不是从草稿所在目录向上查找 .reportlint.yaml / pyproject.toml。")


def selection_options(command):
    """The options that decide which rules run and what fails (check and annotate share them)."""
    for option in reversed((
        rules_option,
        click.option("--select", multiple=True, metavar="RULE",
                     help="只运行这些规则（编号或前缀，可重复，可逗号分隔）。"),
        click.option("--ignore", multiple=True, metavar="RULE", help="不运行这些规则（编号或前缀）。"),
        click.option("--profile", default=None, metavar="NAME",
                     help="文档类型（规则组合）；默认按标题和主送机关识别，识别不出时为 annual-report。"),
        click.option("--fail-level", type=click.Choice(["error", "warning", "info"]), default=None,
                     help="达到此级别的问题使退出码为 1（默认 warning）。"),
        config_option,
    )):
        command = option(command)
    return command


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="路径...")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="输出格式。")
@selection_options
@click.option("--fix", is_flag=True, help="自动修复机械性问题（%%、重字、半角标点、网页残留行），原地改写文件。")
@click.option("--diff", is_flag=True, help="只显示 --fix 将做的修改（统一差异格式），不写文件。")
@click.option("--statistics", is_flag=True, help="按规则统计问题数，代替逐条列出。")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="并行进程数（默认为 CPU 核数）。")
@click.option("--exclude", multiple=True, metavar="GLOB", help="搜索目录时跳过这些文件（文件名或路径模式，可重复）。")
@click.option("--force-exclude", is_flag=True,
              help="命令行直接给出的文件也按 --exclude、配置文件的 exclude 跳过（pre-commit 钩子使用）。")
@click.option("--output", "-o", "output", default=None, metavar="FILE",
              help="把结果写入此文件（UTF-8），而不是标准输出。")
def check(paths, fmt, rule_paths, select, ignore, profile, fail_level, config_file, fix, diff, statistics, jobs,
          exclude, force_exclude, output):
    """检查草稿（.txt .md .docx 文件或目录）。"""
    if statistics and fmt not in ("text", "json"):
        raise UsageError("--statistics 只能与 --format text 或 json 一起使用")
    if fix and diff:
        raise UsageError("--fix 与 --diff 只能选一个：--diff 只显示修改，--fix 写入文件")
    options = Options(tuple(rule_paths), split_ids(select) or None, split_ids(ignore) or None, profile,
                      fail_level, config_file, full_report=fmt == "html")
    planner = Planner(options)
    targets = expand_paths(paths, planner, list(exclude), force_exclude)
    if not targets:  # --force-exclude left nothing: a commit of excluded files passes
        note("reportlint: 提示：所给文件均被排除（--force-exclude），没有检查任何文件")
    if output and os.path.exists(output) and any(os.path.samefile(t, output) for t in targets if os.path.exists(t)):
        raise UsageError(f"{output}: 输出文件是要检查的草稿之一，请另选一个文件名")
    with output_file(output) as sink:
        code = report(planner, targets, fmt, fix, diff, statistics, jobs, sink)
    sys.exit(code)


@contextlib.contextmanager
def output_file(path: str | None):
    """--output: the report goes to FILE in UTF-8 (any format); else to standard output."""
    if path is None:
        yield None
        return
    try:
        handle = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise UsageError(f"{path}: 无法写入输出文件：{exc.strerror or exc}") from None
    with handle:
        yield handle


def report(planner, targets, fmt, fix, diff, statistics, jobs, sink) -> int:
    """Lint (and fix) `targets` and write the report to `sink` (None: stdout); the exit code."""

    def emit(text: str) -> None:
        click.echo(text, nl=False, file=sink)

    if diff:
        changed, failed = fix_files(planner, targets, write=False, sink=sink)
        return EXIT_ERROR if failed else EXIT_FINDINGS if changed else EXIT_CLEAN
    fix_failed = fix and fix_files(planner, targets, write=True)[1]  # then lint what the fixes left
    rules = rules_in(planner, targets)
    out = writer("text" if statistics else fmt, rules)
    summary, per_rule, failing, unreadable, internal = Summary(), Counter(), False, False, False
    for result in lint_paths(planner, targets, capped_jobs(jobs)):
        for message in result.diagnostics:
            note(f"reportlint: 警告：{message}")
        if result.error:
            note(f"reportlint: 错误：{result.error}")
            unreadable, internal = True, internal or result.internal
            continue
        if not summary.files:  # output starts with the first readable draft: none, no output
            emit(out.begin())
        summary.add(result.report)
        failing = failing or result.failing
        if statistics:
            per_rule.update((f.rule, f.severity) for f in result.report.findings)
        else:
            emit(out.file(result.report))  # streamed: one draft in memory at a time
    if not summary.files and fmt in ("json", "sarif") and not statistics:
        emit(out.begin())  # a machine reader gets a document even when no draft was read
    if summary.files or fmt in ("json", "sarif"):
        emit(render_statistics(per_rule, summary, fmt) if statistics else out.end(summary))
    return (EXIT_INTERNAL if internal else EXIT_ERROR if unreadable or fix_failed
            else EXIT_FINDINGS if failing else EXIT_CLEAN)


@main.command()
@click.argument("draft")
@click.option("--output", "-o", "output", default=None, metavar="OUT.docx",
              help="批注副本的文件名（默认：草稿名.reportlint.docx，与草稿同目录）。")
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖它。")
@click.option("--fix", is_flag=True, help="把机械性修复（%%、重字、半角标点、网页残留行）作为修订写入副本。")
@selection_options
def annotate(draft, output, force, fix, rule_paths, select, ignore, profile, fail_level, config_file):
    """为 .docx 草稿生成带批注（及修订）的审阅副本，原稿不变。"""
    from .annotate import annotate as write_annotated
    from .engine import SEVERITY_RANK

    options = Options(tuple(rule_paths), split_ids(select) or None, split_ids(ignore) or None, profile,
                      fail_level, config_file)
    planner = Planner(options)
    planner.plan(draft)  # configuration errors first
    result = write_annotated(draft, output, lambda doc: planner.plan_for_draft(draft, doc), fix, force)
    plan = result.plan
    changes = f"、{result.changes} 处修订" if fix else ""
    note(f"reportlint: 已写入 {result.output}：{result.comments} 条批注{changes}")
    failing = any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[plan.fail_level] for f in result.findings)
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


def rules_in(planner: Planner, paths: list[str]) -> list:
    """The rules that run on any of `paths`, in pack order (SARIF lists them)."""
    rules = {}
    for path in paths:
        for rule in planner.plan(path).rules:
            rules.setdefault(rule.id, rule)
    return list(rules.values())


def render_statistics(per_rule: Counter, summary: Summary, fmt: str) -> str:
    rows = sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0]))
    if fmt == "json":
        import json

        return json.dumps({"version": 1, "statistics": [{"rule": r, "severity": sev, "count": n}
                                                         for (r, sev), n in rows],
                           "files": summary.files}, ensure_ascii=False, indent=2) + "\n"
    lines = [f"{n:>6}  {severity:<8} {rule}" for (rule, severity), n in rows]
    lines.append(f"{summary.total:>6}  共计（{summary.files} 个文件）")
    return "\n".join(lines) + "\n"


def fix_files(planner: Planner, paths: list[str], write: bool, sink=None) -> tuple[bool, bool]:
    """--fix writes each fixed draft in place; --diff prints what --fix would change.
    Returns (whether anything changed or would, whether a draft could not be fixed)."""
    from .fix import ReadOnlyDraft, fix_source, original_text, unified_diff, write_atomically
    from .load import load

    for path in paths:  # configuration errors surface before anything is rewritten (and the start ends)
        planner.plan(path)
    total, failed = 0, False
    for path in paths:
        try:
            source = load(path)
        except InputError as exc:
            if not write:  # with --fix, reported with the findings
                note(f"reportlint: 错误：{exc}")
            failed = True
            continue
        if source.kind == "docx":
            note(f"reportlint: 提示：{path}: 不改写 .docx 文件，请在 Word 中按提示修改")
            continue
        before = original_text(source)
        # each pass recognises the document type of the draft as the fixes left it, as check does
        plan = partial(planner.plan_for_draft, path)
        after, count = fix_source(source, lambda src, plan=plan: lint_source(src, plan))
        if after == before:
            continue
        if not after.strip():
            note(f"reportlint: 提示：{path}: 修复后将不剩任何文字，未修改该文件")
            continue
        if not write:
            total += count
            click.echo(unified_diff(path, before, after), nl=False, file=sink)
            continue
        try:
            write_atomically(path, after, source.encoding)
            total += count  # counted once written: a refused or failed write fixed nothing
        except ReadOnlyDraft as exc:
            note(f"reportlint: 错误：{exc}")
            failed = True
        except (OSError, UnicodeEncodeError) as exc:
            note(f"reportlint: 错误：{path}: 无法写入修复后的文件：{exc}")
            failed = True
    if write and total:
        note(f"reportlint: 已自动修复 {total} 处")
    return total > 0, failed


def configured_rules(rule_paths, config_file, path: str = "."):
    """Every rule `check` would know for a draft in `path`: the shipped packs, the packs the
    configuration names (`rules:`) and --rules, in that order, as `check` loads them."""
    planner = Planner(Options(tuple(rule_paths), config=config_file))
    config = planner.config(os.path.join(path, "_") if os.path.isdir(path) else path)
    ruleset = planner.ruleset(tuple(config.rules) + tuple(rule_paths))
    collector.settle()  # the start is over, as when `check` has planned (rules --test lints examples)
    return ruleset


@main.command("rules")
@rules_option
@config_option
@click.option("--test", "test_examples", is_flag=True,
              help="运行每条规则的示例：会报告的写法必须报告，不会报告的写法必须不报告。")
def list_rules(rule_paths, test_examples, config_file):
    """列出全部规则（含配置文件 rules: 中的规则包）：编号、级别、消息。"""
    rules = configured_rules(rule_paths, config_file).rules
    if not test_examples:
        for rule in rules:
            click.echo(f"{rule.id:<45} {rule.severity:<8} {rule.message}")
        return
    from .engine import example_failures

    failures = [(rule, problem) for rule in rules for problem in example_failures(rule, rules)]
    for rule, problem in failures:
        click.echo(f"{rule.file}: {rule.id}: {problem}")
    examples = sum(len(r.bad) + len(r.good) for r in rules)
    click.echo(f"{len(rules)} 条规则、{examples} 个示例中，{len(failures)} 个与预期不符")
    sys.exit(EXIT_FINDINGS if failures else EXIT_CLEAN)


@main.command()
@click.argument("name", required=False, metavar="[检查类型]")
def kinds(name):
    """列出全部检查类型（kind）及其参数；给出检查类型时另附一条最小规则。"""
    from .engine import load_rules
    from .kinds import describe, kind_names, render

    names = kind_names()
    if name is not None and name not in names:
        raise UsageError(f"未知的检查类型：{name}（可用：{'、'.join(names)}）")
    rules = load_rules().rules
    click.echo("\n\n".join(render(describe(n, rules), full=name is not None) for n in ([name] if name else names)))


@main.command()
@click.argument("rule_id", metavar="规则编号")
@rules_option
@config_option
def explain(rule_id, rule_paths, config_file):
    """说明一条规则：依据与示例。"""
    rule = configured_rules(rule_paths, config_file).by_id(rule_id)
    click.echo(f"{rule.id}（{rule.kind}，{rule.severity}）")
    click.echo(f"消息：{rule.message}")
    click.echo(f"依据：{rule.why}")
    for line in rule.check.explain():
        click.echo(line)
    if rule.fix is not None:
        click.echo("可自动修复：是（--fix）")
    for title, examples in (("会报告的写法", rule.bad), ("不会报告的写法", rule.good)):
        click.echo(f"\n{title}：")
        for example in examples:
            click.echo("  " + example.replace("\n", "\n  "))


@main.command("config")
@click.argument("path", default=".", metavar="[路径]")
@config_option
def show_config(path, config_file):
    """显示对某一草稿或目录（默认当前目录）生效的配置。"""
    import yaml

    from .config import config_for
    from .engine import pack_files

    if not os.path.exists(path):
        raise InputError(path, "文件或目录不存在")
    draft = os.path.join(path, "_") if os.path.isdir(path) else path
    config = config_for(draft, config_file)
    plan = Planner(Options(config=config_file)).plan(draft)  # the same validation as `check`
    data = config.as_dict()
    data["file"] = data["file"] or "（未找到配置文件，使用默认值）"
    running = {r.id for r in plan.rules}
    ruleset = configured_rules((), config_file, draft)
    for pack in config.rules:  # the team's packs: which of their rules exist and which run here
        ids = [r.id for r in ruleset.rules if r.file in set(pack_files(pack))]
        data.setdefault("pack-rules", {})[pack] = [i if i in running else f"{i}（未运行）" for i in ids]
    data["running-rules"] = len(running)
    click.echo(yaml.safe_dump(data, allow_unicode=True, sort_keys=False).rstrip())
