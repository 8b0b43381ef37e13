"""Command line: check, rules, explain. Exit 0 clean, 1 findings, 2 usage or input error."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .engine import SEVERITY_RANK, Diagnostics, RuleSet, load_rules, run
from .errors import InputError, ReportlintError, UsageError
from .reporters import FORMATS, FileReport, Report, render

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3
DRAFT_SUFFIXES = (".txt", ".md", ".docx")
DEFAULT_PROFILE = "annual-report"


def split_ids(values: tuple[str, ...]) -> list[str]:
    """--select a,b --select c -> [a, b, c]"""
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def expand_paths(paths: tuple[str, ...]) -> list[str]:
    """Files as given; directories searched for drafts (hidden folders and Word lock files skipped)."""
    out = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            found = sorted(
                f for f in p.rglob("*")
                if f.suffix.lower() in DRAFT_SUFFIXES and f.is_file() and not f.name.startswith("~$")
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            out += [str(f) for f in found]
        else:
            out.append(path)
    return out


def choose_rules(ruleset: RuleSet, profile: str, select, ignore):
    spec = ruleset.profile(profile)
    chosen = ruleset.select(spec.get("select", []), spec.get("ignore", []))
    ids = {r.id for r in ruleset.select(select, ignore)}
    return [r for r in chosen if r.id in ids]


def lint_file(path: str, rules, diagnostics) -> FileReport:
    from .document import Document
    from .load import load

    source = load(path)
    doc = Document(source)
    return FileReport(path, source.lines, source.kind, run(doc, rules, diagnostics))


def fail(message: str, code: int = EXIT_ERROR):
    click.echo(f"reportlint: 错误：{message}", err=True)
    sys.exit(code)


class Group(click.Group):
    """Turns every ReportlintError into one line on stderr and exit 2: never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ReportlintError as exc:
            fail(str(exc))
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            fail("已中断", EXIT_ERROR)
        except Exception as exc:  # a bug in reportlint, not in the user's input
            fail(f"内部错误（请向 reportlint 报告）：{type(exc).__name__}: {exc}", EXIT_INTERNAL)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportlint")
def main():
    """reportlint：法治政府建设年度报告草稿检查工具。"""


rules_option = click.option("--rules", "rule_paths", multiple=True, metavar="PATH",
                            help="额外的规则文件或目录（可重复）。")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="输出格式。")
@rules_option
@click.option("--select", multiple=True, metavar="RULE", help="只运行这些规则（编号或前缀，可重复，可逗号分隔）。")
@click.option("--ignore", multiple=True, metavar="RULE", help="不运行这些规则（编号或前缀）。")
@click.option("--profile", default=DEFAULT_PROFILE, show_default=True, help="文档类型（规则组合）。")
@click.option("--fail-level", type=click.Choice(["error", "warning", "info"]), default="warning",
              show_default=True, help="达到此级别的问题使退出码为 1。")
def check(paths, fmt, rule_paths, select, ignore, profile, fail_level):
    """检查草稿（.txt .md .docx 文件或目录）。"""
    ruleset = load_rules(rule_paths)
    rules = choose_rules(ruleset, profile, split_ids(select), split_ids(ignore))
    files, input_errors, diagnostics = [], [], Diagnostics()
    targets = expand_paths(paths)
    if not targets:
        raise UsageError("给定目录中没有 .txt、.md 或 .docx 草稿")
    for path in targets:
        try:
            files.append(lint_file(path, rules, diagnostics))
        except InputError as exc:
            input_errors.append(str(exc))
    report = Report(files, rules)
    if files:
        click.echo(render(report, fmt))
    for message in diagnostics:
        click.echo(f"reportlint: 警告：{message}", err=True)
    for message in input_errors:
        click.echo(f"reportlint: 错误：{message}", err=True)
    if input_errors:
        sys.exit(EXIT_ERROR)
    failing = [f for f in report.findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_level]]
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


@main.command("rules")
@rules_option
def list_rules(rule_paths):
    """列出全部规则：编号、级别、消息。"""
    for rule in load_rules(rule_paths).rules:
        click.echo(f"{rule.id:<45} {rule.severity:<8} {rule.message}")


@main.command()
@click.argument("rule_id")
@rules_option
def explain(rule_id, rule_paths):
    """说明一条规则：依据与示例。"""
    rule = load_rules(rule_paths).by_id(rule_id)
    click.echo(f"{rule.id}（{rule.kind}，{rule.severity}）")
    click.echo(f"消息：{rule.message}")
    click.echo(f"依据：{rule.why}")
    if rule.fix is not None:
        click.echo("可自动修复：是（--fix）")
    for title, examples in (("会报告的写法", rule.bad), ("不会报告的写法", rule.good)):
        click.echo(f"\n{title}：")
        for example in examples:
            click.echo("  " + example.replace("\n", "\n  "))
