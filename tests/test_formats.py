"""--format sarif (validated against the official SARIF 2.1.0 schema) and --format github;
locators (context, excerpt) in every format; output that survives a GBK console; --output."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest
from conftest import ROOT, seed

from reportlint.engine import Finding, load_rules
from reportlint.reporters.github_format import annotation

# CI clones the repository with shared/ beside it; the schema is never copied in here.
SARIF_SCHEMA = Path(__file__).resolve().parents[2] / "shared/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


@pytest.fixture
def sarif_validator():
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"official SARIF 2.1.0 schema not found at {SARIF_SCHEMA} (../shared beside the repository)")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def seed_line(prefix: str, number: int) -> str:
    return seed(prefix).read_text(encoding="utf-8").splitlines()[number - 1]


def test_sarif_of_all_seeds_validates_against_the_official_schema(sarif_validator, cli, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "seeds", "草稿")
    shutil.copy(seed("002"), "越城区 报告,初稿.txt")  # a file name that must be percent-encoded
    run = cli("check", "--format", "sarif", "草稿", "越城区 报告,初稿.txt")
    assert run.code == 1
    log = json.loads(run.out)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in sarif_validator.iter_errors(log)]
    assert errors == []
    assert log["runs"][0]["results"], "the seeds have findings"


def test_sarif_results_are_the_json_findings(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    sarif = json.loads(cli("check", "--format", "sarif", "seeds").out)
    findings = cli("check", "--format", "json", "seeds").json()["findings"]
    (run,) = sarif["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    got = []
    for result in run["results"]:
        (location,) = result["locations"]
        region = location["physicalLocation"]["region"]
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        got.append({
            "path": location["physicalLocation"]["artifactLocation"]["uri"],
            "line": region["startLine"], "column": region["startColumn"],
            "end_line": region["endLine"], "end_column": region["endColumn"],
            "rule": result["ruleId"], "severity": {v: k for k, v in LEVELS.items()}[result["level"]],
            "message": result["message"]["text"],
            "context": result["properties"]["context"], "excerpt": result["properties"]["excerpt"],
        })
    assert got == findings


def test_sarif_rules_carry_the_rule_texts_and_levels(cli):
    (run,) = json.loads(cli("check", "--format", "sarif", seed("003")).out)["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "reportlint"
    ruleset = load_rules()
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids))
    assert {"hygiene/placeholder", "hygiene/web-debris"} <= {r["ruleId"] for r in run["results"]} <= set(ids)
    for descriptor in driver["rules"]:
        rule = ruleset.by_id(descriptor["id"])
        assert descriptor["fullDescription"]["text"] == rule.why
        assert descriptor["defaultConfiguration"]["level"] == LEVELS[rule.severity]
        assert "{" not in descriptor["shortDescription"]["text"]
    placeholder = next(r for r in driver["rules"] if r["id"] == "hygiene/placeholder")
    assert placeholder["shortDescription"]["text"] == "草稿中留有占位符“…”，请补上实际内容后再报送"


def test_sarif_columns_are_code_points_and_uris_are_encoded(cli, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    name = "越城区 报告:初稿.txt"
    shutil.copy(seed("002"), name)
    log = json.loads(cli("check", "--format", "sarif", "--select", "hygiene/doubled-symbol", name).out)
    (result,) = log["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    region = location["region"]
    line = seed_line("002", region["startLine"])
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == "%%"
    uri = location["artifactLocation"]["uri"]
    assert uri.isascii() and " " not in uri and ":" not in uri
    assert unquote(uri) == name


def test_github_annotation_has_the_exact_form_on_seed_002(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    path = seed("002").relative_to(ROOT).as_posix()
    run = cli("check", "--format", "github", "--select", "hygiene/doubled-symbol", path)
    assert run.code == 1
    line = seed_line("002", 5)
    col = line.index("69.93%%") + len("69.93") + 1
    assert run.out.splitlines() == [
        f"::error file={path},line=5,col={col},endLine=5,endColumn={col + 2},"
        "title=hygiene/doubled-symbol::符号“%25%25”重复，请只保留一个"
    ]


def test_github_one_line_per_finding_with_the_severity_command(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    findings = cli("check", "--format", "json", "seeds").json()["findings"]
    lines = cli("check", "--format", "github", "seeds").out.splitlines()
    assert len(lines) == len(findings)
    for line, finding in zip(lines, findings, strict=True):
        command = {"error": "::error ", "warning": "::warning ", "info": "::notice "}[finding["severity"]]
        assert line.startswith(command + f"file={finding['path']},line={finding['line']},")
        assert f",title={finding['rule']}::" in line


def test_github_escapes_properties_and_message(cli, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    shutil.copy(seed("002"), "报告,初稿:1.txt")
    out = cli("check", "--format", "github", "--select", "hygiene/doubled-symbol", "报告,初稿:1.txt").out
    assert out.startswith("::error file=报告%2C初稿%3A1.txt,line=5,")
    finding = Finding("a.md", 3, 1, 4, 2, "pack/rule", "info", "第一行\r\n第二行 50%")
    assert annotation(finding) == (
        "::notice file=a.md,line=3,col=1,endLine=4,endColumn=2,title=pack/rule::第一行%0D%0A第二行 50%25"
    )


def test_context_is_the_heading_path_and_excerpt_the_covered_text(tmp_path, cli):
    draft = tmp_path / "稿.txt"
    draft.write_text("三门县公安局2021年法治政府建设年度报告\n一、主要举措和成效\n（二）规范执法行为\n"
                     "全面清理台帐，建立长效机制。\n各所队坚持依法的的行政。\n", encoding="utf-8")
    findings = cli("check", "--format", "json", "--select", "wording,hygiene/doubled-char", draft).json()["findings"]
    assert [(f["context"], f["excerpt"]) for f in findings] == [
        ("一、主要举措和成效／（二）规范执法行为 第1段", "台帐"),
        ("一、主要举措和成效／（二）规范执法行为 第2段", "的的"),
    ]


def test_docx_text_output_names_the_heading_path_not_a_paragraph_number(tmp_path, cli):
    import docx

    document = docx.Document()
    for text in ("一、主要举措和成效", "", "全面清理台帐。"):
        document.add_paragraph(text)
    document.save(tmp_path / "稿.docx")
    out = cli("check", "--select", "wording", tmp_path / "稿.docx").out.splitlines()
    where = "（一、主要举措和成效 第1段）"
    assert out[0] == f"{tmp_path / '稿.docx'}{where}: warning [wording/misspelling] “台帐”应为“台账”"
    assert out[1] == "      | 全面清理台帐。"


def test_gbk_console_replaces_what_it_cannot_show_and_keeps_every_finding(cli, monkeypatch, tmp_path):
    monkeypatch.chdir(ROOT)
    env = {**os.environ, "PYTHONIOENCODING": "gbk"}
    out = tmp_path / "out.txt"
    with out.open("wb") as sink:
        done = subprocess.run([sys.executable, "-m", "reportlint", "check", "seeds"], stdout=sink,
                              stderr=subprocess.PIPE, env=env, timeout=300)
    assert done.returncode == 1, done.stderr.decode("gbk", "replace")
    text = out.read_bytes().decode("gbk")
    findings = cli("check", "--format", "json", "seeds").json()["findings"]
    heads = [line for line in text.splitlines() if line.startswith("seeds/")]
    assert len(heads) == len(findings)
    assert all(f"{f['path']}:{f['line']}:{f['column']}: {f['severity']} [{f['rule']}]" in h
               for f, h in zip(findings, heads, strict=True))
    assert "\u00a0" in seed("004").read_text(encoding="utf-8") and "?" in text  # U+00A0 shown as "?"
    assert f"共 5 个文件，发现 {len(findings)} 处问题" in text.splitlines()[-1]


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "html"])
def test_output_writes_any_format_to_a_file_in_utf8(fmt, cli, monkeypatch, tmp_path):
    monkeypatch.chdir(ROOT)
    target = tmp_path / f"结果.{fmt}"
    run = cli("check", "--format", fmt, "--output", target, "seeds/004_ef96db1b2199c610.txt")
    assert run.code == 1 and run.out == ""
    assert target.read_text(encoding="utf-8") == cli("check", "--format", fmt, "seeds/004_ef96db1b2199c610.txt").out


def test_output_takes_the_diff_too(cli, monkeypatch, tmp_path):
    monkeypatch.chdir(ROOT)
    target = tmp_path / "修改.diff"
    run = cli("check", "--diff", "--output", target, "seeds/002_89ccdf0e0e23cf6e.txt")
    assert run.code == 1 and run.out == ""
    assert target.read_text(encoding="utf-8") == cli("check", "--diff", "seeds/002_89ccdf0e0e23cf6e.txt").out
    assert "+++ b/seeds/002_89ccdf0e0e23cf6e.txt" in target.read_text(encoding="utf-8")


def test_output_never_overwrites_a_draft_being_checked(cli, tmp_path):
    draft = tmp_path / "稿.txt"
    shutil.copy(seed("002"), draft)
    run = cli("check", "--output", draft, draft)
    assert run.code == 2 and "输出文件是要检查的草稿之一" in run.err
    assert draft.read_text(encoding="utf-8") == seed("002").read_text(encoding="utf-8")
