"""Rule packs and configurations are untrusted input: a hostile pattern is refused or stopped."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
import regex

from reportlint.safe_regex import MAX_EXPANSION, budget, compile_bounded, expansion

RELATION_WITH_BACKTRACKING_UNLESS = """\
rules:
  - id: team/solved-le-filed
    kind: relation
    severity: error
    message: 破案数（{a}）大于立案数（{b}），请核对
    why: 破案数不可能超过同期立案数。
    params: {a: 破案, b: "立.{0,3}案", op: "<=", unless: "(a|aa)+$"}
    examples:
      bad: ["全年共立刑事案件1408起，破案1520起。"]
      good: ["全年共立刑事案件1408起，破案967起。"]
"""

PATTERN_RULE = """\
rules:
  - id: team/pattern
    kind: pattern
    severity: warning
    message: 示例
    why: 示例
    params: {{pattern: '{pattern}'}}
    examples:
      bad: ["的的"]
      good: ["的"]
"""


@pytest.mark.parametrize(("source", "size"), [
    ("abc", 3), (r"\d{4}年", 5), ("(ab){3}", 6), ("((a{10}){10}){10}", 1000), ("[{}]{2}", 2),
    (r"\{3}", 3), ("a{,5}", 5), ("x{}", 3),
])
def test_expansion_counts_what_counted_repetitions_unroll_to(source, size):
    assert expansion(source) == size


@pytest.mark.parametrize("source", ["a{1000000000}", "((a{100}){100}){100}", "(a{1000}){1000}", "x" * 3000])
def test_patterns_that_would_take_long_or_much_memory_to_compile_are_refused(source):
    start = time.monotonic()
    with pytest.raises(ValueError):
        compile_bounded(source)
    assert time.monotonic() - start < 1


def test_a_realistic_pattern_compiles_and_behaves_like_the_regex_module():
    source = r"(\d{4})年(\d{1,2})月(\d{1,2})日"
    bounded = compile_bounded(source)
    text = "2021年1月29日和2022年12月1日"
    plain = regex.compile(source)
    assert [m.span() for m in bounded.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert bounded.search(text).group(1) == "2021" and bounded.groups == 3
    assert expansion(source) < MAX_EXPANSION


def test_a_catastrophic_search_stops_when_the_rules_budget_is_spent():
    bounded = compile_bounded("(a|aa)+$")
    start = time.monotonic()
    with pytest.raises(TimeoutError), budget(0.3):
        for _ in range(1000):  # the budget is shared: many calls cannot add up past it
            bounded.search("a" * 40 + "b")
    assert time.monotonic() - start < 3


def test_relation_rule_with_a_backtracking_unless_is_skipped_and_the_run_goes_on(cli, tmp_path):
    pack = tmp_path / "team.yaml"
    pack.write_text(RELATION_WITH_BACKTRACKING_UNLESS, encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text(("全年共立刑事案件1408起，破案1520起，" + "a" * 40 + "b。\n") * 20
                     + "材料中“的的”出现。\n", encoding="utf-8")
    start = time.monotonic()
    run = cli("check", "--rules", pack, "--select", "team,hygiene/doubled-char", draft)
    assert time.monotonic() - start < 30
    assert run.code == 1, run.err  # the other rule still reports
    assert "hygiene/doubled-char" in run.out
    assert "team/solved-le-filed" in run.err and "超时" in run.err


@pytest.mark.parametrize("pattern", ["a{1000000000}", "((a{100}){100}){100}"])
def test_pack_with_a_huge_repetition_is_a_one_line_error_naming_the_field(cli, tmp_path, pattern):
    pack = tmp_path / "team.yaml"
    pack.write_text(PATTERN_RULE.format(pattern=pattern), encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("正文。\n", encoding="utf-8")
    start = time.monotonic()
    run = cli("check", "--rules", pack, draft)
    assert time.monotonic() - start < 5
    assert run.code == 2 and "params.pattern" in run.err and "team/pattern" in run.err
    assert len(run.err.strip().splitlines()) == 1


def test_an_internal_error_on_one_draft_is_reported_for_it_and_the_others_are_linted(cli, tmp_path, monkeypatch):
    from reportlint import runner

    real = runner.lint_source

    def breaks_on_one(source, plan, diagnostics=None):
        if source.path.endswith("broken.txt"):
            raise RuntimeError("boom")
        return real(source, plan, diagnostics)

    monkeypatch.setattr(runner, "lint_source", breaks_on_one)
    for name in ("a.txt", "broken.txt", "c.txt"):
        (tmp_path / name).write_text("材料中“的的”出现。\n", encoding="utf-8")
    run = cli("check", "--select", "hygiene/doubled-char", tmp_path)
    assert run.code == 3
    assert "a.txt" in run.out and "c.txt" in run.out and "broken.txt" not in run.out
    assert "broken.txt" in run.err and "内部错误" in run.err and "Traceback" not in run.err


def processes_mentioning(marker: str) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as handle:
                    if marker.encode() in handle.read():
                        found.append(int(entry))
            except OSError:
                continue
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find left-over workers")
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupting_a_parallel_run_stops_it_at_once_and_leaves_no_worker(tmp_path, sig):
    from conftest import SEEDS

    folder = tmp_path / f"drafts-{sig.name}"
    folder.mkdir()
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))) * 10
    for i in range(40):
        (folder / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "reportlint", "check", "--jobs", "4", str(folder)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30  # a loaded machine may take a while to start the workers
    while len(processes_mentioning(str(folder))) < 3 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(processes_mentioning(str(folder))) >= 3 and process.poll() is None
    start = time.monotonic()
    process.send_signal(sig)
    process.wait(timeout=20)
    assert time.monotonic() - start < 5
    deadline = time.monotonic() + 3
    while processes_mentioning(str(folder)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert processes_mentioning(str(folder)) == []
    assert b"Traceback" not in process.stderr.read()


def test_jobs_are_capped_at_four_workers_a_core():
    from reportlint.runner import capped_jobs, default_jobs

    assert capped_jobs(150) == min(150, 4 * default_jobs())
    assert capped_jobs(1) == 1 and capped_jobs(None) == default_jobs()


def pack_rule(**changes) -> str:
    import yaml

    rule = {"id": "x/rule", "kind": "pattern", "severity": "error", "message": "m", "why": "w",
            "params": {"pattern": "(a)"}, "examples": {"bad": ["a"], "good": ["b"]}}
    rule.update(changes)
    return yaml.safe_dump({"rules": [rule]}, allow_unicode=True)


SECRET = "root:$6$TOKEN-4f9a2c:19000:0:99999:7:::"


@pytest.mark.parametrize(("text", "field"), [
    (pack_rule(id="x rule\x1b]0;owned\x07"), "字段 id"),
    (pack_rule(id="no-slash"), "字段 id"),
    (pack_rule(severity=SECRET), "字段 severity"),
    (pack_rule(kind=SECRET), "字段 kind"),
    (pack_rule(params={"pattern": "(a)", "group": True}), "params.group"),
    (pack_rule(params={"pattern": "(a)", "group": -1}), "params.group"),
    (pack_rule(kind="repeated_line", params={"min_length": float("nan")}), "params.min_length"),
    (pack_rule(fix="\\2"), "字段 fix"),
    ("\n".join([SECRET, "daemon:*:19000:0:99999:7:::", "bin:*:19000:0:99999:7:::"]) + "\n", "字段"),
])
def test_a_hostile_pack_is_refused_in_one_line_that_quotes_none_of_its_values(cli, tmp_path, text, field):
    pack = tmp_path / "team.yaml"
    pack.write_text(text, encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("正文。\n", encoding="utf-8")
    run = cli("check", "--rules", pack, draft)
    assert run.code == 2 and field in run.err and len(run.err.strip().splitlines()) == 1
    assert "TOKEN" not in run.err and "daemon" not in run.err and "\x1b" not in run.err and "owned" not in run.err


def test_a_configuration_that_drops_the_group_a_fix_refers_to_is_refused(cli, tmp_path):
    pack = tmp_path / "team.yaml"
    pack.write_text(pack_rule(fix="\\1"), encoding="utf-8")
    (tmp_path / ".reportlint.yaml").write_text("rules: [team.yaml]\nparams: {x/rule: {pattern: a}}\n",
                                               encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("正文a。\n", encoding="utf-8")
    run = cli("check", draft)
    assert run.code == 2 and "x/rule" in run.err and "fix" in run.err


@pytest.mark.parametrize("how", ["relative", "absolute", "symlink"])
def test_a_configuration_cannot_load_a_pack_from_outside_its_folder(cli, tmp_path, how):
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(f"{SECRET}: 1\n", encoding="utf-8")
    repo = tmp_path / "repo"
    repo.mkdir()
    name = {"relative": "../elsewhere.yaml", "absolute": str(outside), "symlink": "packs/team.yaml"}[how]
    if how == "symlink":
        (repo / "packs").mkdir()
        (repo / "packs" / "team.yaml").symlink_to(outside)
    (repo / ".reportlint.yaml").write_text(f"rules: ['{name}']\n", encoding="utf-8")
    (repo / "draft.txt").write_text("正文。\n", encoding="utf-8")
    run = cli("check", repo / "draft.txt")
    assert run.code == 2 and "rules[0]" in run.err and "目录之内" in run.err
    assert "TOKEN" not in run.err and "elsewhere" not in run.err


def test_a_pack_inside_the_configurations_folder_is_loaded(cli, tmp_path):
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "team.yaml").write_text(pack_rule(), encoding="utf-8")
    (tmp_path / ".reportlint.yaml").write_text("rules: [packs/team.yaml]\n", encoding="utf-8")
    (tmp_path / "draft.txt").write_text("正文a。\n", encoding="utf-8")
    run = cli("check", "--select", "x", tmp_path / "draft.txt")
    assert run.code == 1 and "x/rule" in run.out


ALIAS_BOMB = """\
a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
"""


@pytest.mark.parametrize("where", ["pack", "config"])
@pytest.mark.parametrize("text", [
    ALIAS_BOMB.replace("a:", "rules:\n  - id: x/rule\n    kind: pattern\n    severity: *h\nz:", 1),
    ALIAS_BOMB + "severity: *h\n",
    "select: " + "[" * 5000 + "]" * 5000 + "\n",
], ids=["alias-in-severity", "alias-at-top", "deep-nesting"])
def test_yaml_aliases_and_deep_nesting_are_refused_before_anything_expands(cli, tmp_path, where, text):
    draft = tmp_path / "draft.txt"
    draft.write_text("正文。\n", encoding="utf-8")
    file = tmp_path / ("team.yaml" if where == "pack" else ".reportlint.yaml")
    file.write_text(text, encoding="utf-8")
    start = time.monotonic()
    run = cli("check", *(["--rules", file] if where == "pack" else []), draft)
    assert time.monotonic() - start < 5
    assert run.code == 2 and file.name in run.err and len(run.err.strip().splitlines()) == 1, run.err
    assert "别名" in run.err or "嵌套" in run.err


@pytest.mark.parametrize("text", ["severity: {1: error}\n", "params: {1: {a: 1}}\n", "per-file-ignores: {1: [x]}\n",
                                  "select: [1, 2]\n", "exclude: {a: b}\n", "fail-level: [error]\n"])
def test_configuration_values_of_the_wrong_type_are_one_line_errors(cli, tmp_path, text):
    (tmp_path / ".reportlint.yaml").write_text(text, encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("正文。\n", encoding="utf-8")
    run = cli("check", draft)
    assert run.code == 2 and ".reportlint.yaml" in run.err and len(run.err.strip().splitlines()) == 1, run.err


def test_a_folder_search_does_not_follow_links_out_of_the_folder(cli, tmp_path):
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(f"{SECRET}的的\n", encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / "sub").mkdir(parents=True)
    (repo / "draft.txt").write_text("材料中“的的”出现。\n", encoding="utf-8")
    (repo / "link.txt").symlink_to(secret)
    (repo / "sub" / "out").symlink_to(secret.parent, target_is_directory=True)
    (repo / "same.txt").symlink_to(repo / "draft.txt")  # a link inside the folder is fine (linted once)
    run = cli("check", "--select", "hygiene/doubled-char", repo)
    assert run.code == 1 and "draft.txt" in run.out and "TOKEN" not in run.out
    assert "指向该目录之外的链接" in run.err and "TOKEN" not in run.err
    named = cli("check", "--select", "hygiene/doubled-char", repo / "link.txt")  # named: linted as asked
    assert named.code == 1 and "link.txt:1:" in named.out


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_control_characters_from_file_names_and_drafts_never_reach_the_log(cli, tmp_path, fmt):
    folder = tmp_path / "a\n::error file=x::forged"
    folder.mkdir()
    draft = folder / "draft\x1b]0;owned\x07.txt"
    draft.write_text("材料中\x1b[2J“的的”出现\u202e。\n", encoding="utf-8")
    run = cli("check", "--format", fmt, "--select", "hygiene/doubled-char", draft)
    assert run.code == 1
    for stream in (run.out, run.err):
        assert "\x1b" not in stream and "\x07" not in stream and "\u202e" not in stream
        assert not any(line.startswith("::error file=x") for line in stream.splitlines())
    assert "hygiene/doubled-char" in run.out


def test_text_output_keeps_the_caret_under_the_span_after_a_control_character(cli, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("甲\x1b乙“的的”。\n", encoding="utf-8")
    run = cli("check", "--select", "hygiene/doubled-char", draft)
    source, carets = run.out.splitlines()[1:3]
    from reportlint.reporters.text_format import width

    shown = source.split("| ", 1)[1]
    assert carets.split("| ", 1)[1] == " " * width(shown[:shown.index("的的")]) + "^^^^"


def test_a_phrase_of_a_million_characters_is_refused(cli, tmp_path):
    import yaml

    rule = {"id": "x/rule", "kind": "phrases", "severity": "error", "message": "m", "why": "w",
            "params": {"phrases": ["的" * 1_000_000]}, "examples": {"bad": ["的的"], "good": ["的"]}}
    pack = tmp_path / "team.yaml"
    pack.write_text(yaml.safe_dump({"rules": [rule]}, allow_unicode=True), encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("正文。\n", encoding="utf-8")
    run = cli("check", "--rules", pack, draft)
    assert run.code == 2 and "params.phrases[0]" in run.err and "过长" in run.err


def test_a_draft_over_its_time_budget_skips_the_remaining_rules_and_says_so(cli, tmp_path, monkeypatch):
    from reportlint import engine

    monkeypatch.setattr(engine, "DRAFT_SECONDS", -1)  # spent before the first rule
    draft = tmp_path / "draft.txt"
    draft.write_text("材料中“的的”出现。\n", encoding="utf-8")
    run = cli("check", draft)
    assert run.code == 0 and "其余规则已跳过" in run.err
