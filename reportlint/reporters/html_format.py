"""One self-contained HTML page for reviewers: an overview table, then each draft with its
paragraphs and the findings marked in place. No external script, font or style (it is mailed
around and opened from file://, offline); everything taken from a draft is escaped. A little
inline script filters by severity and rule; printing hides the controls.

The page needs every line of each draft (Options.full_report), so it is written at the end."""

from __future__ import annotations

from html import escape

from . import Writer as Base

SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
RANK = {"error": 0, "warning": 1, "info": 2}  # a span under several findings takes the worst colour

STYLE = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;
margin:1.5em auto;max-width:60em;padding:0 1em;color:#222;line-height:1.7}
h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:2px solid #999;margin-top:2em}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.3em .5em;text-align:left;
vertical-align:top}th{background:#eee}
.n-error{color:#b00020;font-weight:bold}.n-warning{color:#8a5300;font-weight:bold}.n-info{color:#0b5394}
.missing{color:#b00020}.present{color:#1b5e20}.untitled{color:#8a5300}
#filters{position:sticky;top:0;background:#fff;border-bottom:1px solid #ccc;padding:.5em 0;z-index:1}
.para{margin:.2em 0;padding:.1em .4em;white-space:pre-wrap;word-break:break-all}
.para .ln{color:#888;font-size:.8em;margin-right:.6em;user-select:none}
mark{background:#fff3b0;border-bottom:2px solid #8a5300;padding:0}
mark.sev-error{background:#ffd6d6;border-bottom-color:#b00020}
mark.sev-info{background:#dbeafe;border-bottom-color:#0b5394}
mark.off{background:none;border:none}
ol.findings{margin:.2em 0 .8em 2.5em;padding:0;font-size:.92em}
ol.findings li{margin:.2em 0}
.why,.where{color:#555;font-size:.9em}.rule{font-family:monospace}
.hidden{display:none}
@media print{#filters{display:none}.para{break-inside:avoid}mark{border-bottom-width:1px}
 ol.findings li{break-inside:avoid}a{color:inherit;text-decoration:none}}
"""

# Filters: a finding is shown when its severity box is ticked and the rule matches; a paragraph
# mark keeps its colour only while one of its findings is shown.
SCRIPT = """
(function(){
  function apply(){
    var sev={}, boxes=document.querySelectorAll('#filters input[type=checkbox]');
    for(var i=0;i<boxes.length;i++){sev[boxes[i].value]=boxes[i].checked;}
    var rule=document.getElementById('rule').value, shown={};
    var items=document.querySelectorAll('li.finding');
    for(var j=0;j<items.length;j++){
      var it=items[j], ok=sev[it.getAttribute('data-severity')] && (!rule || it.getAttribute('data-rule')===rule);
      it.classList.toggle('hidden',!ok); if(ok){shown[it.id]=true;}
    }
    var marks=document.querySelectorAll('mark[data-findings]');
    for(var k=0;k<marks.length;k++){
      var ids=marks[k].getAttribute('data-findings').split(' '), on=false;
      for(var m=0;m<ids.length;m++){if(shown[ids[m]]){on=true;}}
      marks[k].classList.toggle('off',!on);
    }
  }
  // a link may carry a filter: report.html#severity=error,warning&rule=hygiene/doubled-char
  var hash=decodeURIComponent(location.hash.slice(1));
  if(hash.indexOf('=')>0){
    var params={}, pairs=hash.split('&');
    for(var p=0;p<pairs.length;p++){var kv=pairs[p].split('=');params[kv[0]]=kv.slice(1).join('=');}
    var boxes0=document.querySelectorAll('#filters input[type=checkbox]');
    if(params.severity){for(var b=0;b<boxes0.length;b++){
      boxes0[b].checked=params.severity.split(',').indexOf(boxes0[b].value)>=0;}}
    if(params.rule){document.getElementById('rule').value=params.rule;}
  }
  var controls=document.querySelectorAll('#filters input, #filters select');
  for(var c=0;c<controls.length;c++){controls[c].addEventListener('change',apply);}
  apply();
  document.body.setAttribute('data-ready','1');
})();
"""


def segments(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, list[str]]]:
    """`text` cut at every span boundary: (piece, ids of the findings covering it)."""
    cuts = sorted({0, len(text), *(p for s, e, _ in spans for p in (s, e) if 0 <= p <= len(text))})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        out.append((text[a:b], [fid for s, e, fid in spans if s <= a and b <= e]))
    return out


class Writer(Base):
    """Keeps each draft's report (text included) until end(): the overview comes first."""

    def __init__(self, rules):
        super().__init__(rules)
        self.reports = []

    def file(self, report) -> str:
        self.reports.append(report)
        return ""

    def end(self, summary) -> str:
        why = {rule.id: rule.why for rule in self.rules}
        rule_ids = sorted({f.rule for r in self.reports for f in r.findings})
        c = summary.counts
        body = [
            "<h1>reportlint 检查报告</h1>",
            f"<p>共 {summary.files} 个文件，发现 {summary.total} 处问题：错误 {c['error']}，警告 {c['warning']}，"
            f"提示 {c['info']}</p>",
            filters(rule_ids),
            overview(self.reports),
        ]
        for n, report in enumerate(self.reports, 1):
            body.append(draft(n, report, why))
        return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                "<title>reportlint 检查报告</title>"
                f"<style>{STYLE}</style></head>\n<body>\n" + "\n".join(body)
                + f"\n<script>{SCRIPT}</script>\n</body></html>\n")


def filters(rule_ids: list[str]) -> str:
    boxes = "".join(f'<label><input type="checkbox" value="{s}" checked> {name}</label> '
                    for s, name in SEVERITY_NAMES.items())
    options = "".join(f'<option value="{escape(r)}">{escape(r)}</option>' for r in rule_ids)
    return (f'<div id="filters">筛选：{boxes}<label>规则 <select id="rule"><option value="">全部规则</option>'
            f"{options}</select></label></div>")


def counts(report) -> dict[str, int]:
    out = dict.fromkeys(SEVERITY_NAMES, 0)
    for finding in report.findings:
        out[finding.severity] += 1
    return out


PART_LABELS = {"present": ("present", "具备"), "untitled": ("untitled", "有内容但缺标题"),
               "inside": ("untitled", "写在其他部分中"), "missing": ("missing", "缺少")}


def parts_cell(parts) -> str:
    if parts is None:
        return "—（此文档类型不要求）"
    out = []
    for state in ("present", "untitled", "inside", "missing"):
        names = [escape(name) for name, s in parts if s == state]
        css, label = PART_LABELS[state]
        if names or state == "present":
            out.append(f'<span class="{css}">{label}：{"、".join(names) or "无"}</span>')
    return "<br>".join(out)


def overview(reports) -> str:
    rows = []
    for n, report in enumerate(reports, 1):
        k = counts(report)
        rows.append(f'<tr><td><a href="#draft-{n}">{escape(report.path)}</a></td><td>{escape(report.profile)}</td>'
                    f'<td class="n-error">{k["error"]}</td><td class="n-warning">{k["warning"]}</td>'
                    f'<td class="n-info">{k["info"]}</td><td>{parts_cell(report.parts)}</td></tr>')
    return ("<h2>概览</h2><table><thead><tr><th>草稿</th><th>文档类型</th><th>错误</th><th>警告</th><th>提示</th>"
            "<th>法定组成部分</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def where(report, finding) -> str:
    if report.kind == "docx":
        return finding.context or f"第{finding.line}段"
    place = f"第{finding.line}行第{finding.column}列"
    return f"{place}（{finding.context}）" if finding.context else place


def draft(n: int, report, why: dict[str, str]) -> str:
    by_line: dict[int, list[tuple[str, object]]] = {}
    spans: dict[int, list[tuple[int, int, str]]] = {}
    by_id = {}
    for i, finding in enumerate(report.findings, 1):
        fid = f"f{n}-{i}"
        by_id[fid] = finding
        by_line.setdefault(finding.line, []).append((fid, finding))
        for line in range(finding.line, finding.end_line + 1):
            text = report.lines.get(line, "")
            start = finding.column - 1 if line == finding.line else 0
            end = finding.end_column - 1 if line == finding.end_line else len(text)
            if end <= start:  # a point (document-level finding): mark one character
                end = start + 1
            spans.setdefault(line, []).append((start, end, fid))
    out = [f'<section class="draft" id="draft-{n}"><h2>{escape(report.path)}</h2>']
    if not report.findings:
        out.append("<p>未发现问题。</p>")
    for number in sorted(report.lines):
        text = report.lines[number]
        if not text.strip() and number not in by_line:
            continue
        pieces = []
        for piece, ids in segments(text, spans.get(number, [])):
            if ids:
                worst = min((by_id[i] for i in ids), key=lambda f: RANK[f.severity])
                pieces.append(f'<mark class="sev-{worst.severity}" data-findings="{" ".join(ids)}">'
                              f"{escape(piece)}</mark>")
            else:
                pieces.append(escape(piece))
        out.append(f'<div class="para" id="p{n}-{number}"><span class="ln">{number}</span>{"".join(pieces)}</div>')
        if number in by_line:
            out.append('<ol class="findings">')
            for fid, f in by_line[number]:
                out.append(
                    f'<li class="finding" id="{fid}" data-severity="{f.severity}" data-rule="{escape(f.rule)}">'
                    f'<span class="n-{f.severity}">{SEVERITY_NAMES[f.severity]}</span> '
                    f'<span class="message">{escape(f.message)}</span> '
                    f'<span class="rule">[{escape(f.rule)}]</span><br>'
                    f'<span class="where">位置：{escape(where(report, f))}'
                    f'{"；原文：“" + escape(f.excerpt) + "”" if f.excerpt else ""}</span><br>'
                    f'<span class="why">依据：{escape(why.get(f.rule, ""))}</span></li>')
            out.append("</ol>")
    out.append("</section>")
    return "\n".join(out)
