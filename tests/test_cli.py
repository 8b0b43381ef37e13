"""The command line end to end on the seeds: findings, JSON contract, exit codes, errors."""

from __future__ import annotations

import pytest
from conftest import ROOT, SEEDS, seed

from reportlint.engine import load_rules
from reportlint.reporters.text_format import width


def spans(run, prefix):
    """(rule, line, text under the span) of every finding in the seed `prefix`."""
    lines = seed(prefix).read_text(encoding="utf-8").split("\n")
    out = []
    for f in run.json()["findings"]:
        if f["path"].endswith(seed(prefix).name) and f["line"] == f["end_line"]:
            out.append((f["rule"], f["line"], lines[f["line"] - 1][f["column"] - 1:f["end_column"] - 1]))
    return out


@pytest.fixture(scope="module")
def seeds_json():
    from click.testing import CliRunner

    from reportlint.cli import main

    class R:
        pass

    result = CliRunner().invoke(main, ["check", "--format", "json", *sorted(map(str, SEEDS.glob("*.txt")))])
    run = R()
    run.code, run.out = result.exit_code, result.stdout
    run.json = lambda: __import__("json").loads(result.stdout)
    return run


def test_seeds_json_contract_and_exit_code(seeds_json):
    assert seeds_json.code == 1
    data = seeds_json.json()
    assert set(data) == {"version", "findings", "summary"} and data["version"] == 1
    keys = {"path", "line", "column", "end_line", "end_column", "rule", "severity", "message", "context", "excerpt"}
    assert all(set(f) == keys for f in data["findings"])
    summary = data["summary"]
    assert summary["files"] == 5
    assert summary["errors"] + summary["warnings"] + summary["infos"] == len(data["findings"])


def test_seed_defects_are_found(seeds_json):
    s003 = spans(seeds_json, "003")
    assert [(line, text) for rule, line, text in s003 if rule == "hygiene/placeholder"] == [
        (5, "(略)"), (6, "(略)"), (7, "(略)")]
    assert ("hygiene/doubled-symbol", 5, "%%") in spans(seeds_json, "002")
    s004 = spans(seeds_json, "004")
    assert ("hygiene/doubled-char", 20, "的的") in s004
    debris = {line: text for rule, line, text in s004 if rule == "hygiene/web-debris"}
    assert sorted(debris) == [7, 26, 28]  # one finding per debris line, spanning it
    assert "浏览次数" in debris[7] and debris[26].startswith("本篇文章共有1页") and debris[28] == "关闭窗口"
    assert ("hygiene/repeated-line", 5, "关于全市公安机关执法规范化建设情况的汇报") in s004


def test_legitimate_reduplication_in_the_seeds_is_silent(seeds_json):
    words = ["层层", "事事", "件件", "纷纷", "学习习近平", "办事事项", "履行行政", "点点"]
    for prefix in ("000", "001", "002", "003", "004"):
        for rule, line, text in spans(seeds_json, prefix):
            if rule.startswith("hygiene/doubled"):
                full = seed(prefix).read_text(encoding="utf-8").split("\n")[line - 1]
                assert not any(w in full and text in w for w in words), (prefix, line, text)


def test_text_output_puts_the_caret_under_the_span_in_display_columns(cli, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("一、主要举措和成效\n回复率提升到69.93%%，全市第一。\n", encoding="utf-8")
    run = cli("check", "--select", "hygiene/doubled-symbol", draft)
    assert run.code == 1
    header, source, carets = run.out.splitlines()[:3]
    assert header == f"{draft}:2:12: error [hygiene/doubled-symbol] 符号“%%”重复，请只保留一个"
    text = source.split(" | ", 1)[1]
    caret_col = carets.index("^") - carets.index("|") - 2
    assert caret_col == width(text[:text.index("%%")]) and carets.count("^") == 2


def test_a_paragraph_long_span_shows_its_beginning(cli):
    run = cli("check", "--select", "structure/signoff", seed("000"))
    carets = [line for line in run.out.splitlines() if line.strip().startswith("|")][0]
    assert 0 < carets.count("^") <= 80  # 40 characters at most, two columns each


def test_fail_level_and_clean_draft(cli, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("我局统筹各项执法管理工作，先后6次专题听取汇报,形成了常态化工作模式。", encoding="utf-8")
    assert cli("check", "--select", "hygiene", draft).code == 1  # a warning fails at the default level
    assert cli("check", "--select", "hygiene", "--fail-level", "error", draft).code == 0
    clean = tmp_path / "clean.txt"
    clean.write_text("我局统筹各项执法管理工作，先后6次专题听取汇报。", encoding="utf-8")
    run = cli("check", "--select", "hygiene", clean)
    assert run.code == 0 and "未发现问题" in run.out


def test_directory_is_searched_for_drafts(cli, tmp_path):
    (tmp_path / "a.md").write_text("全年办理案件XX起。", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("下一步工作待补充。", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("XX", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")  # skipped in a folder search, an error when named
    (tmp_path / "pkg.egg-info").mkdir()
    (tmp_path / "pkg.egg-info" / "SOURCES.txt").write_text("XX", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("XX", encoding="utf-8")
    (tmp_path / "~$a.docx").write_bytes(b"lock")
    run = cli("check", "--format", "json", "--select", "hygiene/placeholder,hygiene/placeholder-x", tmp_path)
    assert run.code == 1, run.err
    assert sorted(f["path"].rsplit("/", 1)[1] for f in run.json()["findings"]) == ["a.md", "b.txt"]
    run = cli("check", "--format", "json", "--select", "hygiene", "--exclude", "sub/*", "--exclude", "*.md", tmp_path)
    assert run.code == 2 and "没有" in run.err and str(tmp_path) in run.err  # nothing left to lint


def one_line_error(run, *needles):
    assert run.code == 2, run.out + run.err
    assert "Traceback" not in run.err and len(run.err.strip().splitlines()) == 1, run.err
    for needle in needles:
        assert needle in run.err


def test_bad_input_gives_one_line_and_exit_2(cli, tmp_path):
    one_line_error(cli("check", tmp_path / "missing.txt"), "missing.txt", "文件不存在")
    (tmp_path / "empty.txt").write_bytes(b"")
    one_line_error(cli("check", tmp_path / "empty.txt"), "文件为空")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    one_line_error(cli("check", tmp_path / "bin.txt"), "不是文本文件")
    one_line_error(cli("check", "--select", "hygiene/no-such-rule", seed("000")), "hygiene/no-such-rule")
    one_line_error(cli("explain", "no/such-rule"), "no/such-rule")
    one_line_error(cli("check", "--profile", "no-such-profile", seed("000")), "no-such-profile")


@pytest.mark.parametrize("args", [("check",), ("check", "--format", "xml", "x.txt"), ("check", "--jobs", "0", "x.txt"),
                                  ("explain", "a", "b"), ("frobnicate",), ("check", "--fail-level", "fatal", "x.txt")])
def test_usage_errors_are_one_line_too(cli, args):
    one_line_error(cli(*args), "命令行用法有误", "--help")


def test_machine_formats_give_a_document_even_when_no_draft_could_be_read(cli, tmp_path):
    run = cli("check", "--format", "json", tmp_path / "missing.txt")
    assert run.code == 2 and run.json()["summary"]["files"] == 0
    run = cli("check", "--format", "sarif", tmp_path / "missing.txt")
    assert run.code == 2 and run.json()["runs"][0]["results"] == []
    assert cli("check", "").code == 2 and cli("config", tmp_path / "missing").code == 2


def test_other_files_are_still_linted_when_one_is_unreadable(cli, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("全年办理案件XX起。", encoding="utf-8")
    run = cli("check", "--format", "json", "--select", "hygiene", tmp_path / "missing.txt", good)
    assert run.code == 2 and "文件不存在" in run.err
    assert [f["rule"] for f in run.json()["findings"]] == ["hygiene/placeholder-x"]


def pack_with(**changes) -> str:
    """A one-rule pack, valid except for `changes` (a value of None drops the field)."""
    import yaml

    rule = {"id": "x/rule", "kind": "pattern", "severity": "error", "message": "m", "why": "w",
            "params": {"pattern": "a"}, "examples": {"bad": ["a"], "good": ["b"]}}
    rule.update(changes)
    return yaml.safe_dump({"rules": [{k: v for k, v in rule.items() if v is not None}]}, allow_unicode=True)


BROKEN = {
    "syntax": ("rules:\n  - id: x/y\n    kind: [unclosed\n", None, "YAML 解析失败"),
    "not plain yaml": ("!!python/object/apply:os.system ['true']\n", None, "YAML"),
    "missing why": (pack_with(why=None), "x/rule", "why"),
    "unknown kind": (pack_with(kind="spelling"), "x/rule", "kind"),
    "bad severity": (pack_with(severity="fatal"), "x/rule", "severity"),
    "bad regex": (pack_with(params={"pattern": "(a"}), "x/rule", "params.pattern"),
    "bad placeholder": (pack_with(message="{nope}"), "x/rule", "message"),
    "no good example": (pack_with(examples={"bad": ["a"]}), "x/rule", "examples.good"),
    "unknown field": (pack_with(serverity="error"), "x/rule", "serverity"),
    "unknown parameter": (pack_with(params={"pattern": "a", "flags": "i"}), "x/rule", "params.flags"),
}


@pytest.mark.parametrize("case", BROKEN)
def test_broken_rule_file_names_file_rule_and_field(cli, tmp_path, case):
    text, rule, field = BROKEN[case]
    pack = tmp_path / "mine.yaml"
    pack.write_text(text, encoding="utf-8")
    run = cli("check", "--rules", pack, seed("000"))
    one_line_error(run, "mine.yaml", field, *([f"规则 {rule}"] if rule else []))


def test_user_pack_rules_run_like_shipped_ones(cli, tmp_path):
    pack = tmp_path / "local.yaml"
    pack.write_text("""rules:
  - id: local/old-name
    kind: phrases
    severity: warning
    message: 机构名称“{phrase}”已撤销，请改为现名称
    why: 机构改革后名称变更。
    params: {phrases: [市政府法制办]}
    examples: {bad: [市政府法制办开展月度测评], good: [市司法局开展月度测评]}
""", encoding="utf-8")
    run = cli("check", "--format", "json", "--rules", pack, "--select", "local", seed("003"))
    assert {(f["rule"], f["line"]) for f in run.json()["findings"]} == {("local/old-name", 9)}


def test_rules_test_runs_a_user_packs_examples(cli, tmp_path):
    pack = tmp_path / "mine.yaml"
    pack.write_text(pack_with(examples={"bad": ["a", "b"], "good": ["c", "xa"]}), encoding="utf-8")
    run = cli("rules", "--test", "--rules", pack)
    assert run.code == 1
    assert "x/rule: 会报告的示例 2 没有报告：'b'" in run.out and "不会报告的示例 2 被报告了" in run.out
    pack.write_text(pack_with(examples={"bad": ["a"], "good": ["c"]}), encoding="utf-8")
    assert cli("rules", "--test", "--rules", pack).code == 0


def test_explain_and_rules_cover_every_shipped_rule(cli):
    listed = cli("rules")
    assert listed.code == 0
    for rule in load_rules().rules:
        assert rule.id in listed.out
        run = cli("explain", rule.id)
        assert run.code == 0 and rule.why.splitlines()[0] in run.out and rule.bad[0].splitlines()[0] in run.out


TEAM_PACK = """rules:
  - id: team/old-name
    kind: phrases
    severity: warning
    message: 机构名称“{phrase}”已撤销，请改为现名称
    why: 机构改革后名称变更。
    params: {phrases: [市政府法制办]}
    examples: {bad: [市政府法制办开展月度测评], good: [市司法局开展月度测评]}
"""


def test_a_pack_named_in_the_configuration_is_seen_by_every_command(cli, tmp_path, monkeypatch):
    (tmp_path / "team.yaml").write_text(TEAM_PACK, encoding="utf-8")
    (tmp_path / ".reportlint.yaml").write_text("rules: [team.yaml]\n", encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("市政府法制办开展月度测评。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert "team/old-name" in {f["rule"] for f in cli("check", "--format", "json", draft).json()["findings"]}
    listed = cli("rules")
    assert listed.code == 0 and "team/old-name" in listed.out
    tested = cli("rules", "--test")
    assert tested.code == 0 and f"{len(load_rules().rules) + 1} 条规则" in tested.out, tested.out
    explained = cli("explain", "team/old-name")
    assert explained.code == 0 and "机构改革后名称变更" in explained.out
    shown = cli("config", draft)
    assert shown.code == 0 and "team/old-name" in shown.out, shown.out
    # --config names the configuration from anywhere
    monkeypatch.chdir(ROOT)
    assert "team/old-name" in cli("rules", "--config", tmp_path / ".reportlint.yaml").out
    assert cli("explain", "team/old-name").code == 2  # this folder's configuration names no team pack


def test_a_draft_named_twice_is_linted_once(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    name = seed("002").name
    run = cli("check", "--format", "json", "--select", "hygiene/doubled-symbol", "seeds", f"seeds/{name}",
              f"./seeds/{name}")
    assert run.json()["summary"]["files"] == 5
    assert [f["path"] for f in run.json()["findings"]] == [f"seeds/{name}"]


def test_force_exclude_skips_named_files_the_configuration_excludes(cli, tmp_path):
    (tmp_path / ".reportlint.yaml").write_text("exclude: ['archive/*']\nselect: [hygiene]\n", encoding="utf-8")
    (tmp_path / "archive").mkdir()
    old = tmp_path / "archive" / "old.txt"
    old.write_text("全年办理案件XX起。", encoding="utf-8")
    readme = tmp_path / "README.md"
    readme.write_text("数据待补充。", encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("全年办理案件XX起。", encoding="utf-8")
    assert cli("check", old).code == 1  # named without the flag: linted, as before
    run = cli("check", "--format", "json", "--force-exclude", old, readme, draft)
    assert run.code == 1 and {f["path"] for f in run.json()["findings"]} == {str(draft)}
    run = cli("check", "--force-exclude", old, readme)
    assert run.code == 0 and run.out == "" and "均被排除" in run.err
    # a folder search never takes a README or requirements.txt for a draft
    (tmp_path / "requirements.txt").write_text("pyyaml>=6.0\n", encoding="utf-8")
    assert {f["path"] for f in cli("check", "--format", "json", tmp_path).json()["findings"]} == {str(draft)}


def test_a_folder_whose_drafts_are_all_excluded_says_so(cli, tmp_path):
    (tmp_path / ".reportlint.yaml").write_text("exclude: ['*.txt']\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("全年办理案件XX起。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("全年办理案件XX起。", encoding="utf-8")
    run = cli("check", tmp_path)
    one_line_error(run, str(tmp_path), "2 份草稿全部被排除", "exclude")


ENGLISH = ("Usage", "Options", "Commands", "Show this", "[OPTIONS]", "COMMAND", "Missing", "Invalid value",
           "No such", "Did you mean", "is not", "Error", "Try ")


@pytest.mark.parametrize("args", [("--help",), ("check", "--help"), ("rules", "--help"), ("explain", "--help"),
                                  ("config", "--help"), ("kinds", "--help"), ()])
def test_help_and_usage_are_chinese(cli, args):
    run = cli(*args)
    text = run.out + run.err
    assert "用法：" in text and "选项：" in text and "显示本帮助并退出" in text
    assert not [word for word in ENGLISH if word in text], text


@pytest.mark.parametrize("args", [("check",), ("check", "--format", "xml", "x.txt"), ("check", "--jobs", "zero", "x"),
                                  ("check", "--nope", "x"), ("chek", "x"), ("explain",), ("explain", "a", "b")])
def test_clicks_own_errors_are_chinese(cli, args):
    run = cli(*args)
    one_line_error(run, "命令行用法有误")
    assert not [word for word in ENGLISH if word in run.err], run.err


def test_python_dash_m_reportlint_runs_the_command(tmp_path):
    import subprocess
    import sys

    draft = tmp_path / "d.txt"
    draft.write_text("下一步工作待补充。", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "reportlint", "check", "--select", "hygiene/placeholder", str(draft)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 1 and "hygiene/placeholder" in done.stdout, done.stderr


@pytest.mark.parametrize(("name", "data", "says"), [
    ("报告.pdf", b"%PDF-1.7\n", "PDF"), ("报告.rtf", b"{\\rtf1\\ansi}", ".rtf"), ("报告.docm", b"PK\x03\x04", "含宏"),
    ("模板.dotx", b"PK\x03\x04", "模板"), ("报告.odt", b"PK\x03\x04", ".odt"), ("改名.txt", b"%PDF-1.4\n", "PDF")])
def test_a_format_we_cannot_read_says_what_to_save_as(cli, tmp_path, name, data, says):
    path = tmp_path / name
    path.write_bytes(data)
    one_line_error(cli("check", path), name, says, "另存为")


def test_utf16_without_bom_is_linted(cli, tmp_path):
    path = tmp_path / "导出.txt"
    path.write_bytes("一、基本数据\r\n全年办理案件XX起。\r\n".encode("utf-16-le"))
    run = cli("check", "--format", "json", "--select", "hygiene/placeholder-x", path)
    assert [(f["line"], f["column"]) for f in run.json()["findings"]] == [(2, 7)], run.err


def test_an_unreadable_file_says_why_in_chinese(cli, tmp_path, monkeypatch):
    import builtins
    import errno

    from reportlint import load

    path = tmp_path / "d.txt"
    path.write_text("全年办理案件1211起。", encoding="utf-8")

    def denied(name, *args, **kwargs):  # as a draft another program holds open, or without read permission
        if str(name) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return builtins.open(name, *args, **kwargs)

    monkeypatch.setattr(load, "open", denied, raising=False)  # the reader's open, as root cannot be denied
    run = cli("check", path)
    one_line_error(run, "没有读取权限")
    assert "Permission" not in run.err
