"""reportlint annotate: a reviewed copy of a Word draft, as a legal-affairs reviewer marks one.

Each finding becomes a Word comment (批注) anchored on exactly its characters; with --fix the
mechanical fixes go in as tracked changes (修订: w:del / w:ins), so the drafter accepts or rejects
each one in Word. Comments are python-docx's (1.2: `Document.add_comment`, which anchors on whole
runs); python-docx neither splits runs nor writes tracked changes, so those two are done here on
the XML. Lines are the paragraphs docx.py reads, in the same order (`blocks`), and a line's
offsets are those of its runs' text after Word's automatic numbering label.
"""

from __future__ import annotations

import contextlib
import copy
import datetime
import difflib
import io
import os
import tempfile
from pathlib import Path

from .document import Document
from .docx import RUNS, Numbering, W, blocks
from .engine import Finding, Rule
from .errors import InputError, UsageError
from .records import record

AUTHOR, INITIALS = "reportlint", "RL"
# Run children that carry text, as python-docx's Run.text reads them (each str() is its text).
TEXT_TAGS = {W + t for t in ("t", "tab", "ptab", "br", "cr", "noBreakHyphen")}
W_T = W + "t"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
WHY_CUT = 120  # characters of a rule's reason quoted in a comment
CHANGE_ID_BASE = 10_000  # tracked-change ids, apart from comment ids (0, 1, …)


def default_output(path: str) -> str:
    p = Path(path)
    return str(p.with_name(p.stem + ".reportlint" + p.suffix))


def comment_text(finding: Finding, rule: Rule | None) -> str:
    why = rule.why if rule else ""
    end = why.find("。")
    short = why[: end + 1] if 0 <= end < WHY_CUT else why[:WHY_CUT] + ("…" if len(why) > WHY_CUT else "")
    lines = [finding.message, f"规则：{finding.rule}（{SEVERITY_NAMES[finding.severity]}）"]
    if short:
        lines.append(f"依据：{short}")
    return "\n".join(lines)


# -- runs and offsets ----------------------------------------------------------------------
def text_length(child) -> int:
    if child.tag == W_T:  # the common case, without python-docx's str()
        return len(child.text or "")
    return len(str(child)) if child.tag in TEXT_TAGS else 0


def run_spans(paragraph) -> list[tuple[object, int, int]]:
    """(w:r, start, end) for each run of the paragraph, offsets in its runs' text."""
    out, pos = [], 0
    for run in RUNS(paragraph):
        n = sum(text_length(c) for c in run)
        out.append((run, pos, pos + n))
        pos += n
    return out


def split_at(paragraph, offset: int) -> None:
    """Make `offset` fall between two runs, splitting the run (and its w:t) that straddles it;
    both halves keep the run's formatting (its w:rPr)."""
    for run, start, end in run_spans(paragraph):
        if not start < offset < end:
            continue
        pos = start
        for child in list(run):
            n = text_length(child)
            if pos < offset < pos + n:  # inside a w:t: cut its text in two
                tail = copy.deepcopy(child)
                child.text, tail.text = child.text[: offset - pos], child.text[offset - pos :]
                child.set(XML_SPACE, "preserve")
                tail.set(XML_SPACE, "preserve")
                child.addnext(tail)
                break
            pos += n
            if pos == offset:
                break
        second = copy.deepcopy(run)  # the same formatting (w:rPr), then the children after `child`
        for c in list(second):
            if c.tag != W + "rPr":
                second.remove(c)
        for c in list(child.itersiblings()):
            second.append(c)
        run.addnext(second)
        return


def runs_between(paragraph, start: int, end: int) -> list:
    """The runs that hold text and lie inside [start, end) (after split_at on both ends)."""
    return [run for run, s, e in run_spans(paragraph) if e > s and start <= s and e <= end]


@record
class WordLine:
    """A paragraph of the .docx as the draft's line, with the length of its numbering label."""

    paragraph: object  # w:p
    label: int  # length of Word's numbering label in front of the runs' text


def word_lines(document) -> list[WordLine]:
    numbering = Numbering(document.part)
    return [WordLine(p, len(numbering.label(p))) for p, _cell in blocks(document.element.body)]


def run_offset(line: WordLine, column: int) -> int:
    """A 1-based column of the line as read (label included) -> offset in its runs' text."""
    total = run_spans(line.paragraph)[-1][2] if run_spans(line.paragraph) else 0
    return min(max(column - 1 - line.label, 0), total)


# -- comments ------------------------------------------------------------------------------
def anchor_runs(document, lines: list[WordLine], finding: Finding) -> list:
    """The runs covering exactly the finding's characters; for a point or a span that holds no
    run text (a document-level finding), the whole paragraph it points at."""
    from docx.text.run import Run

    first, last = lines[finding.line - 1], lines[finding.end_line - 1]
    a, b = run_offset(first, finding.column), run_offset(last, finding.end_column)
    if finding.line == finding.end_line and b <= a:
        a, b = 0, len("".join(str(c) for r in RUNS(first.paragraph) for c in r if c.tag in TEXT_TAGS))
    split_at(first.paragraph, a)
    split_at(last.paragraph, b)
    if finding.line == finding.end_line:
        runs = runs_between(first.paragraph, a, b)
    else:
        runs = runs_between(first.paragraph, a, 1 << 30)[:1] + runs_between(last.paragraph, 0, b)[-1:]
    if not runs:  # an empty paragraph: anchor on an empty run of it
        from docx.text.paragraph import Paragraph

        return [Paragraph(first.paragraph, document.part).add_run("")]
    return [Run(r, document.part) for r in runs]


# -- tracked changes -----------------------------------------------------------------------
class Changes:
    """Writes w:del / w:ins with one author and time, each with its own id."""

    def __init__(self):
        from docx.oxml import OxmlElement

        self.element = OxmlElement
        self.next_id = CHANGE_ID_BASE
        self.date = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.count = 0

    def mark(self, tag: str):
        self.next_id += 1
        return self.element(tag, attrs={W + "id": str(self.next_id), W + "author": AUTHOR, W + "date": self.date})

    def delete_runs(self, runs: list) -> None:
        for run in runs:
            wrapper = self.mark("w:del")
            run.addprevious(wrapper)
            wrapper.append(run)
            for child in run.iter(W + "t"):
                child.tag = W + "delText"

    def insert_text(self, after_run, before_run, text: str, paragraph) -> None:
        """A w:ins holding `text`, formatted like the run before it (else the one after)."""
        model = after_run if after_run is not None else before_run
        run = self.element("w:r")
        if model is not None and model.find(W + "rPr") is not None:
            run.append(copy.deepcopy(model.find(W + "rPr")))
        t = self.element("w:t")
        t.text = text
        t.set(XML_SPACE, "preserve")
        run.append(t)
        wrapper = self.mark("w:ins")
        wrapper.append(run)
        if after_run is not None:
            anchor = after_run.getparent() if after_run.getparent().tag == W + "del" else after_run
            anchor.addnext(wrapper)
        elif before_run is not None:
            anchor = before_run.getparent() if before_run.getparent().tag == W + "del" else before_run
            anchor.addprevious(wrapper)
        else:
            paragraph.append(wrapper)

    def edit(self, line: WordLine, start: int, end: int, text: str) -> None:
        """Replace [start, end) of the line's runs' text by `text`, as tracked changes."""
        p = line.paragraph
        split_at(p, start)
        split_at(p, end)
        doomed = runs_between(p, start, end)
        spans = run_spans(p)
        before = next((r for r, s, e in reversed(spans) if e <= start and e > s), None)
        after = next((r for r, s, e in spans if s >= end and e > s), None)
        if doomed:
            self.delete_runs(doomed)
        if text:
            self.insert_text(doomed[-1] if doomed else before, after, text, p)
        self.count += 1

    def delete_paragraph(self, line: WordLine) -> None:
        """Delete the paragraph's text and its paragraph mark: accepted, the paragraph is gone."""
        p = line.paragraph
        runs = [r for r, s, e in run_spans(p) if e > s]
        self.delete_runs(runs)
        ppr = p.find(W + "pPr")
        if ppr is None:
            ppr = self.element("w:pPr")
            p.insert(0, ppr)
        rpr = ppr.find(W + "rPr")
        if rpr is None:
            rpr = self.element("w:rPr")
            successor = next((c for c in ppr if c.tag in (W + "sectPr", W + "pPrChange")), None)
            if successor is not None:
                successor.addprevious(rpr)
            else:
                ppr.append(rpr)
        rpr.append(self.mark("w:del"))
        self.count += 1


def track_fixes(lines: list[WordLine], before: list[str], after: list[str]) -> int:
    """Tracked changes turning the draft's lines `before` into `after` (what --fix gives the
    text): changed lines edited character by character, removed lines deleted. Returns how many."""
    changes = Changes()
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        pairs = list(zip(range(i1, i2), range(j1, j2), strict=False)) if tag == "replace" else []
        for i, j in pairs:
            if before[i].strip() and not after[j].strip():
                changes.delete_paragraph(lines[i])  # a line the fix empties (debris) goes, mark and all
                continue
            label = lines[i].label
            if before[i][:label] != after[j][:label]:
                continue  # a fix inside Word's numbering label cannot be a tracked change
            old, new = before[i][label:], after[j][label:]
            ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
            for op, a1, a2, b1, b2 in reversed(ops):  # right to left: earlier offsets stay valid
                if op != "equal":
                    changes.edit(lines[i], a1, a2, new[b1:b2])
        for i in range(i1 + len(pairs), i2):
            changes.delete_paragraph(lines[i])
    return changes.count


# -- the command ---------------------------------------------------------------------------
@record
class Result:
    """What annotate wrote: the reviewed copy, and how many comments and changes it holds."""

    output: str
    comments: int
    changes: int
    findings: list[Finding]
    plan: object  # the runner's Plan the draft was checked with


@contextlib.contextmanager
def comment_ids_counted():
    """python-docx (1.2) gives a new comment the id after the highest one, found by reading the ids of
    all the comments before it: quadratic (3,000 findings took 9 s, 6 of them in that search). While
    annotate adds its comments, the ids are counted on from the first one python-docx gives: the same
    ids, since nothing else adds or removes a comment meanwhile. Past the 32-bit limit, and once the
    block ends, python-docx's own search answers."""
    from docx.oxml.comments import CT_Comments

    search = getattr(CT_Comments, "_next_available_comment_id", None)
    if search is None:  # another python-docx: leave it as it is
        yield
        return
    last = None

    def counted(comments) -> int:
        nonlocal last
        last = search(comments) if last is None or last + 1 > 2**31 - 1 else last + 1
        return last

    CT_Comments._next_available_comment_id = counted
    try:
        yield
    finally:
        CT_Comments._next_available_comment_id = search


def annotate(path: str, output: str | None, plan, fix: bool, force: bool) -> Result:
    """Write the annotated copy of `path` (a .docx) to `output` (default beside it)."""
    import docx

    from .fix import fix_source
    from .load import load, split_lines
    from .runner import lint_source

    if Path(path).suffix.lower() != ".docx":
        raise UsageError(f"{path}: annotate 只处理 .docx 草稿（文本草稿请用 check，或 check --fix）")
    output = output or default_output(path)
    if Path(output).suffix.lower() != ".docx":
        raise UsageError(f"{output}: 输出文件应以 .docx 结尾")
    if os.path.exists(output) and os.path.samefile(output, path):
        raise UsageError(f"{output}: 不能覆盖原稿，请另选输出文件名")
    if os.path.exists(output) and not force:
        raise UsageError(f"{output}: 文件已存在；要覆盖请加 --force")
    source = load(path)
    if callable(plan):  # chosen from the draft: its recognised document type
        plan = plan(Document(source))
    findings = lint_source(source, plan)
    document = docx.Document(io.BytesIO(Path(path).read_bytes()))
    lines = word_lines(document)
    if len(lines) != len(source.lines):  # the same reader on the same bytes: a bug if not
        raise InputError(path, "无法对应段落（内部错误），未写入批注")
    rules = {rule.id: rule for rule in plan.rules}
    with comment_ids_counted():
        for finding in findings:
            runs = anchor_runs(document, lines, finding)
            document.add_comment(runs, comment_text(finding, rules.get(finding.rule)), AUTHOR, INITIALS)
    changes = 0
    if fix:
        after, _ = fix_source(source, lambda src: lint_source(src, plan))
        changes = track_fixes(lines, source.lines, split_lines(after)[0])
    save(document, output)
    return Result(output, len(findings), changes, findings, plan)


def save(document, output: str) -> None:
    """Through a temporary file and a rename: never a half-written copy."""
    target = Path(output)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        document.save(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # as an ordinary new file, not mkstemp's owner-only mode
        os.replace(tmp, target)
    except OSError as exc:
        raise UsageError(f"{output}: 无法写入：{exc.strerror or exc}") from None
    finally:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
