"""--fix and --diff: apply the mechanical edits findings carry, keeping encoding and line endings.

Edits are offsets into Document.text (lines joined with "\\n"); they are mapped back onto
the file's own text, line ending by line ending, so a CRLF or GB18030 draft stays one.
Fixing repeats until nothing changes (a fix can reveal another: 的的的 -> 的的 -> 的), so a
second --fix run changes nothing."""

from __future__ import annotations

import difflib
import os
import tempfile
from pathlib import Path

import regex

from .load import Source, encode

MAX_PASSES = 10


def original_text(source: Source) -> str:
    endings = source.newlines or ["\n"] * (len(source.lines) - 1) + [""]
    return "".join(line + end for line, end in zip(source.lines, endings, strict=True))


def to_original(source: Source, offset: int) -> int:
    """Map an offset in the "\\n"-joined text to the same place in the file's text."""
    endings = source.newlines or ["\n"] * len(source.lines)
    pos_joined = pos_orig = 0
    for line, end in zip(source.lines, endings, strict=True):
        if offset <= pos_joined + len(line):
            return pos_orig + offset - pos_joined
        pos_joined += len(line) + 1
        pos_orig += len(line) + len(end)
    return pos_orig


def apply_edits(source: Source, edits) -> str:
    """The file's text with non-overlapping edits applied (the first of two overlapping wins)."""
    text = original_text(source)
    chosen, last_end = [], -1
    for start, end, replacement in sorted(set(edits)):
        if start >= last_end:
            chosen.append((to_original(source, start), to_original(source, end), replacement))
            last_end = max(end, start + 1) if start == end else end
    for start, end, replacement in reversed(chosen):
        text = text[:start] + replacement + text[end:]
    return text


def fix_source(source: Source, lint) -> tuple[str, int]:
    """(fixed text, edits applied): lint, apply, re-lint until stable. `lint(source)` -> findings."""
    from .load import split_lines

    original = original_text(source)
    applied = 0
    for _ in range(MAX_PASSES):
        edits = [e for f in lint(source) for e in f.edits]
        if not edits:
            break
        text = apply_edits(source, edits)
        if text == original_text(source):
            break
        applied += len(set(edits))
        lines, endings = split_lines(text)
        source = Source(source.path, lines, source.encoding, endings, source.kind)
    return original_text(source) if applied else original, applied


LINES_WITH_ENDINGS = regex.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
NO_NEWLINE = "\n\\ No newline at end of file\n"


def unified_diff(path: str, before: str, after: str) -> str:
    """A patch that `patch` and `git apply` accept, including a last line without a line break."""
    lines = difflib.unified_diff(LINES_WITH_ENDINGS.findall(before), LINES_WITH_ENDINGS.findall(after),
                                 fromfile=f"a/{path.lstrip('/')}", tofile=f"b/{path.lstrip('/')}")
    return "".join(line if line.endswith(("\n", "\r")) else line + NO_NEWLINE for line in lines)


def write_atomically(path: str, text: str, encoding: str) -> None:
    """Write via a temporary file in the same folder and rename: never a half-written draft."""
    target = Path(path)
    data = encode(text, encoding)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, target.stat().st_mode & 0o7777)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
