"""--format html: one self-contained page, escaped, with every finding; loaded in headless Chromium."""

from __future__ import annotations

import html
import shutil
import subprocess
from html.parser import HTMLParser

import docx
import pytest
from conftest import ROOT, SEEDS


class Page(HTMLParser):
    """What the page refers to outside itself, its scripts, and its text."""

    def __init__(self):
        super().__init__()
        self.external, self.scripts, self.text = [], 0, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("src", "href", "action"):
            if key in attrs and not attrs[key].startswith("#"):
                self.external.append((tag, attrs[key]))
        if tag == "link" or (tag == "script" and "src" in attrs):
            self.external.append((tag, attrs))
        self.scripts += tag == "script"

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    return parser


def test_seeds_page_is_self_contained_with_every_finding_and_the_overview(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    run = cli("check", "--format", "html", "seeds")
    assert run.code == 1
    page = parse(run.out)
    assert page.external == [] and page.scripts == 1
    text = "".join(page.text)
    findings = cli("check", "--format", "json", "seeds").json()["findings"]
    for finding in findings:
        assert finding["message"] in text and finding["rule"] in text
    assert run.out.count('class="finding"') == len(findings)
    for path in sorted(SEEDS.glob("*.txt")):  # the overview: one row per draft with its parts
        assert f"seeds/{path.name}</a>" in run.out
    shorts = ("主要举措和成效", "存在的不足和原因", "第一责任人职责", "主要安排")
    for row in run.out.split("<tr>")[2:]:  # the overview agrees with structure/missing-part
        path = row.split('">', 2)[1].split("</a>")[0]
        said = " ".join(f["message"] for f in findings if f["path"] == path and f["rule"] == "structure/missing-part")
        missing = row.split("缺少：")[1].split("</span>")[0].split("、") if "缺少：" in row else []
        assert set(missing) == {s for s in shorts if s in said}, path
    row_004 = next(row for row in run.out.split("<tr>") if "004_" in row)
    # seed 004 is recognised as a 情况汇报: no statutory parts are required of it
    assert "situation-report" in row_004 and "此文档类型不要求" in row_004
    assert "具备：" in run.out.split("004_")[0]  # the annual reports before it list their parts
    assert "《法治政府建设与责任落实督察工作规定》" in text  # the why, with its source


def test_everything_from_the_draft_is_escaped(tmp_path, cli):
    draft = tmp_path / "<b>稿&.txt"
    draft.write_text('一、基本情况\n<script>alert("x")</script>的的工作 & "引号" 台帐\n', encoding="utf-8")
    run = cli("check", "--format", "html", "--select", "hygiene/doubled-char,wording/misspelling", draft)
    assert run.code == 1
    assert "<script>alert" not in run.out and "&lt;script&gt;alert" in run.out
    assert "<b>稿&" not in run.out and html.escape(str(draft)) in run.out
    assert parse(run.out).scripts == 1
    assert '<mark class="sev-error" data-findings="f1-1">的的</mark>' in run.out  # marked in place
    assert '<mark class="sev-warning" data-findings="f1-2">台帐</mark>' in run.out


def test_a_folder_with_a_situation_report_and_a_word_draft(tmp_path, cli):
    document = docx.Document()
    for text in ("关于执法规范化建设情况的汇报", "一、主要做法", "建立执法台帐。"):
        document.add_paragraph(text)
    document.save(tmp_path / "汇报.docx")
    out = tmp_path / "报告.html"
    run = cli("check", "--profile", "situation-report", "--format", "html", "-o", out, tmp_path)
    assert run.code == 1 and run.out == ""
    page = out.read_text(encoding="utf-8")
    assert "situation-report" in page and "此文档类型不要求" in page
    assert "位置：一、主要做法 第1段；原文：“台帐”" in page


CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed; .ci/run installs the Debian package chromium")
def test_seeds_page_in_headless_chromium(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    page = tmp_path / "report.html"
    assert cli("check", "--format", "html", "--output", page, "seeds").code == 1
    findings = cli("check", "--format", "json", "seeds").json()["findings"]
    base = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--enable-logging=stderr", "--v=0", "--window-size=1200,1600"]

    def browse(*args, profile: str) -> subprocess.CompletedProcess:
        return subprocess.run([*base, f"--user-data-dir={tmp_path / profile}", *args, page.as_uri()],
                              capture_output=True, text=True, timeout=120)

    dom = browse("--dump-dom", profile="dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert [line for line in dom.stderr.splitlines() if ":CONSOLE" in line] == []  # no console message at all
    assert 'data-ready="1"' in dom.stdout  # the filter script ran to its end
    text = html.unescape(dom.stdout)
    assert all(f["message"] in text for f in findings)
    # the filter: only errors of one rule stay visible; every other finding is hidden
    rule = next(f["rule"] for f in findings if f["severity"] == "error")
    link = f"{page.as_uri()}#severity=error&rule={rule}"
    filtered = subprocess.run([*base, f"--user-data-dir={tmp_path / 'filter'}", "--dump-dom", link],
                              capture_output=True, text=True, timeout=120)
    items = [chunk for chunk in filtered.stdout.split("<li ")[1:] if 'class="finding' in chunk]
    assert len(items) == len(findings)
    shown = [i for i in items if "hidden" not in i.split(">", 1)[0]]
    assert len(shown) == sum(f["rule"] == rule and f["severity"] == "error" for f in findings) > 0
    assert all(f'data-rule="{rule}"' in i for i in shown)
    shot = tmp_path / "report.png"
    done = browse(f"--screenshot={shot}", profile="shot")
    assert done.returncode == 0 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
