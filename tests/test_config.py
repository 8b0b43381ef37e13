"""Configuration end to end through the CLI: discovery, precedence, overrides, per-file ignores."""

from __future__ import annotations

import pytest

DRAFT = "全年办理案件XX起。具体数据待补充。满意率97%%。\n"


def rules_fired(run):
    return sorted({f["rule"] for f in run.json()["findings"]})


@pytest.fixture
def project(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def test_nearest_yaml_config_selects_and_overrides_severity(cli, project):
    (project / ".reportlint.yaml").write_text(
        "select: [hygiene/placeholder, hygiene/doubled-symbol]\n"
        "severity: {hygiene/doubled-symbol: info}\n", encoding="utf-8")
    run = cli("check", "--format", "json", project / "drafts" / "a.txt")
    assert rules_fired(run) == ["hygiene/doubled-symbol", "hygiene/placeholder"]
    severities = {f["rule"]: f["severity"] for f in run.json()["findings"]}
    assert severities["hygiene/doubled-symbol"] == "info"


def test_severity_by_pack_prefix_and_most_specific_wins(cli, project):
    (project / ".reportlint.yaml").write_text(
        "select: [hygiene]\nseverity: {hygiene: info, hygiene/placeholder-x: warning}\n", encoding="utf-8")
    run = cli("check", "--format", "json", project / "drafts" / "a.txt")
    severities = {f["rule"]: f["severity"] for f in run.json()["findings"]}
    assert severities == {"hygiene/placeholder": "info", "hygiene/placeholder-x": "warning",
                          "hygiene/doubled-symbol": "info"}


def test_command_line_flags_win_over_the_file(cli, project):
    (project / ".reportlint.yaml").write_text("select: [hygiene/placeholder]\nfail-level: error\n",
                                              encoding="utf-8")
    run = cli("check", "--format", "json", "--select", "hygiene/placeholder-x", project / "drafts" / "a.txt")
    assert rules_fired(run) == ["hygiene/placeholder-x"]
    (project / "drafts" / "b.txt").write_text("统筹各项执法管理工作，先后6次专题听取汇报,形成常态化工作模式。",
                                              encoding="utf-8")
    b = project / "drafts" / "b.txt"
    assert cli("check", "--select", "hygiene", b).code == 0  # the file's fail-level: error
    assert cli("check", "--select", "hygiene", "--fail-level", "warning", b).code == 1


def test_pyproject_tool_section_and_per_file_ignores(cli, project):
    (project / "pyproject.toml").write_text(
        '[tool.reportlint]\nselect = ["hygiene"]\n\n[tool.reportlint.per-file-ignores]\n'
        '"drafts/old-*.txt" = ["hygiene/placeholder"]\n', encoding="utf-8")
    old = project / "drafts" / "old-2019.txt"
    old.write_text(DRAFT, encoding="utf-8")
    assert "hygiene/placeholder" in rules_fired(cli("check", "--format", "json", project / "drafts" / "a.txt"))
    fired = rules_fired(cli("check", "--format", "json", old))
    assert "hygiene/placeholder" not in fired and "hygiene/placeholder-x" in fired


def test_exclude_skips_files_in_a_folder_search_only(cli, project):
    (project / ".reportlint.yaml").write_text("exclude: ['drafts/old-*']\nselect: [hygiene]\n", encoding="utf-8")
    old = project / "drafts" / "old-2019.txt"
    old.write_text(DRAFT, encoding="utf-8")
    paths = {f["path"] for f in cli("check", "--format", "json", project / "drafts").json()["findings"]}
    assert paths == {str(project / "drafts" / "a.txt")}
    assert cli("check", "--format", "json", old).json()["findings"]  # named on the command line: linted


def test_parameter_override_reaches_the_check(cli, project):
    draft = project / "drafts" / "r.txt"
    draft.write_text("全年开展专项督查三次\n\n全年开展专项督查三次\n", encoding="utf-8")  # 10 characters
    assert rules_fired(cli("check", "--format", "json", "--select", "hygiene/repeated-line", draft)) == [
        "hygiene/repeated-line"]
    (project / ".reportlint.yaml").write_text("params: {hygiene/repeated-line: {min_length: 11}}\n",
                                              encoding="utf-8")
    assert rules_fired(cli("check", "--format", "json", "--select", "hygiene/repeated-line", draft)) == []


@pytest.mark.parametrize(("text", "key"), [
    ("selct: [hygiene]\n", "selct"),
    ("severity: {hygiene/placeholder: fatal}\n", "severity.hygiene/placeholder"),
    ("severity: {hygiene/nope: error}\n", "severity.hygiene/nope"),
    ("params: {hygiene/repeated-line: {min_length: ten}}\n", "params.hygiene/repeated-line.min_length"),
    ("per-file-ignores: {'*.txt': [no/such]}\n", "per-file-ignores.no/such"),
    ("fail-level: sometimes\n", "fail-level"),
    ("params: {hygiene/repeated-line: {min_lenght: 11}}\n", "params.hygiene/repeated-line.min_lenght"),
    ("profile: nosuch\n", "profile"),
    ("params: {hygiene: {min_length: 3}}\n", "params.hygiene"),
    ("select: [\n", None),
])
def test_bad_configuration_is_one_line_naming_file_and_key(cli, project, text, key):
    (project / ".reportlint.yaml").write_text(text, encoding="utf-8")
    run = cli("check", project / "drafts" / "a.txt")
    assert run.code == 2 and "Traceback" not in run.err and len(run.err.strip().splitlines()) == 1, run.err
    assert ".reportlint.yaml" in run.err
    if key:
        assert key in run.err


def test_config_command_validates_like_check(cli, project):
    (project / ".reportlint.yaml").write_text("severity: {structure/no-such-rule: info}\n", encoding="utf-8")
    run = cli("config", project / "drafts")
    assert run.code == 2 and "severity.structure/no-such-rule" in run.err


def test_config_command_prints_the_effective_configuration(cli, project):
    (project / ".reportlint.yaml").write_text("profile: annual-report\nignore: [hygiene/repeated-line]\n",
                                              encoding="utf-8")
    run = cli("config", project / "drafts" / "a.txt")
    assert run.code == 0
    assert str(project / ".reportlint.yaml") in run.out and "hygiene/repeated-line" in run.out
    assert "fail-level: warning" in run.out


def test_a_nested_configuration_extends_its_parent(cli, project):
    (project / "team.yaml").write_text(
        "rules:\n  - id: team/old-name\n    kind: phrases\n    severity: warning\n"
        "    message: 机构名称“{phrase}”已撤销，请改为现名称\n    why: 机构改革后名称变更。\n"
        "    params: {phrases: [市政府法制办]}\n"
        "    examples: {bad: [市政府法制办开展月度测评], good: [市司法局开展月度测评]}\n", encoding="utf-8")
    (project / ".reportlint.yaml").write_text(
        "rules: [team.yaml]\nselect: [hygiene, team]\nseverity: {hygiene/doubled-symbol: info}\n"
        "exclude: ['drafts/old-*']\nfail-level: error\n", encoding="utf-8")
    (project / "drafts" / ".reportlint.yaml").write_text(
        "extend: ../.reportlint.yaml\nignore: [hygiene/placeholder]\n", encoding="utf-8")
    (project / "drafts" / "a.txt").write_text(DRAFT + "市政府法制办开展月度测评。\n", encoding="utf-8")
    (project / "drafts" / "old-2019.txt").write_text(DRAFT, encoding="utf-8")
    run = cli("check", "--format", "json", project / "drafts")
    # the parent's pack, selection, severity, exclude (anchored at the parent), fail-level; the child's ignore
    assert {f["path"] for f in run.json()["findings"]} == {str(project / "drafts" / "a.txt")}
    assert rules_fired(run) == ["hygiene/doubled-symbol", "hygiene/placeholder-x", "team/old-name"]
    assert {f["rule"]: f["severity"] for f in run.json()["findings"]}["hygiene/doubled-symbol"] == "info"
    shown = cli("config", project / "drafts")
    assert shown.code == 0 and "extend:" in shown.out and str(project / ".reportlint.yaml") in shown.out
    assert "fail-level: error" in shown.out and "- hygiene/placeholder" in shown.out


@pytest.mark.parametrize(("text", "says"), [
    ("extend: sub/.reportlint.yaml\n", "要继承的配置文件不存在"),
    ("extend: [a, b]\n", "extend"),
    ("extend: .reportlint.yaml\n", "继承形成循环"),
    ("extend: ../outside/pack.yaml\n", "只能继承"),
    ("extend: /etc/hostname\n", "只能继承"),
])
def test_a_bad_extend_is_one_line(cli, project, text, says):
    (project / ".reportlint.yaml").write_text(text, encoding="utf-8")
    run = cli("check", project / "drafts" / "a.txt")
    assert run.code == 2 and len(run.err.strip().splitlines()) == 1 and says in run.err, run.err


def test_a_key_written_twice_is_an_error_naming_file_and_line(cli, project):
    (project / ".reportlint.yaml").write_text("select: [hygiene]\nfail-level: error\nselect: [structure]\n",
                                              encoding="utf-8")
    run = cli("check", project / "drafts" / "a.txt")
    assert run.code == 2 and ".reportlint.yaml" in run.err and "第 3 行" in run.err and "“select”重复" in run.err
    (project / ".reportlint.yaml").write_text("severity:\n  hygiene/placeholder: info\n  hygiene/placeholder: error\n",
                                              encoding="utf-8")
    assert "第 3 行" in cli("check", project / "drafts" / "a.txt").err


def test_a_key_written_twice_in_a_rule_pack_is_an_error(cli, project):
    pack = project / "mine.yaml"
    pack.write_text("rules:\n  - id: x/rule\n    kind: pattern\n    severity: error\n    message: m\n"
                    "    why: w\n    params: {pattern: a}\n    severity: warning\n"
                    "    examples: {bad: [a], good: [b]}\n", encoding="utf-8")
    run = cli("check", "--rules", pack, project / "drafts" / "a.txt")
    assert run.code == 2 and "mine.yaml" in run.err and "第 8 行" in run.err and "“severity”重复" in run.err


def test_a_key_written_twice_in_pyproject_names_the_line(cli, project):
    (project / "pyproject.toml").write_text('[tool.reportlint]\nselect = ["hygiene"]\nselect = ["structure"]\n',
                                            encoding="utf-8")
    run = cli("check", project / "drafts" / "a.txt")
    assert run.code == 2 and "pyproject.toml" in run.err and "第 3 行" in run.err and "重复" in run.err, run.err


def test_an_extended_per_file_profile_stays_anchored_at_the_parent(cli, project):
    (project / ".reportlint.yaml").write_text(
        "per-file-profiles: {'drafts/汇报-*.txt': situation-report}\n", encoding="utf-8")
    (project / "drafts" / ".reportlint.yaml").write_text("extend: ../.reportlint.yaml\nselect: [structure]\n",
                                                         encoding="utf-8")
    text = "XX市公安局2023年度法治政府建设情况的报告\n全年办理案件1211起。\n"
    (project / "drafts" / "汇报-1.txt").write_text(text, encoding="utf-8")
    (project / "drafts" / "报告-1.txt").write_text(text, encoding="utf-8")
    run = cli("check", "--format", "json", project / "drafts")
    missing = {f["path"].rsplit("/", 1)[1] for f in run.json()["findings"] if f["rule"] == "structure/missing-part"}
    # the 情况汇报 profile asks for no statutory parts
    assert {"报告-1.txt", "汇报-1.txt"} & missing == {"报告-1.txt"}, run.out
