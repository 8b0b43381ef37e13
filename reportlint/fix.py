"""--fix and --diff: apply the mechanical edits findings carry, keeping encoding and line endings.

Edits are offsets into Document.text (lines joined with "\\n"); they are mapped back onto
the file's own text, line ending by line ending, so a CRLF or GB18030 draft stays one.
Fixing repeats until nothing changes (a fix can reveal another: 的的的 -> 的的 -> 的), so a
second --fix run changes nothing."""

from __future__ import annotations

import bisect
import contextlib
import difflib
import os
import signal
import sys
import tempfile
import threading
from pathlib import Path

from . import patterns
from .load import Source, encode

MAX_PASSES = 10


def original_text(source: Source) -> str:
    endings = source.newlines or ["\n"] * (len(source.lines) - 1) + [""]
    return "".join(line + end for line, end in zip(source.lines, endings, strict=True))


class OffsetMap:
    """Offsets in the "\\n"-joined text -> the same places in the file's own text (whose line
    endings may be \\r\\n or \\r). Built once per pass; each lookup is a binary search, so
    applying many edits stays linear in the draft."""

    def __init__(self, source: Source):
        endings = source.newlines or ["\n"] * len(source.lines)
        self.joined, self.original = [], []  # where each line starts, in either text
        pos_joined = pos_orig = 0
        for line, end in zip(source.lines, endings, strict=True):
            self.joined.append(pos_joined)
            self.original.append(pos_orig)
            pos_joined += len(line) + 1
            pos_orig += len(line) + len(end)
        self.lengths = [len(line) for line in source.lines]

    def __call__(self, offset: int) -> int:
        i = bisect.bisect_right(self.joined, offset) - 1
        if i < 0:
            return 0
        # an offset on a line's "\\n" (or past the last line) maps to the end of that line
        return self.original[i] + min(offset - self.joined[i], self.lengths[i])


def apply_edits(source: Source, edits) -> str:
    """The file's text with non-overlapping edits applied (the first of two overlapping wins)."""
    to_original = OffsetMap(source)
    text = original_text(source)
    chosen, last_end = [], -1
    for start, end, replacement in sorted(set(edits)):
        if start >= last_end:
            chosen.append((to_original(start), to_original(end), replacement))
            last_end = max(end, start + 1) if start == end else end
    pieces, pos = [], 0
    for start, end, replacement in chosen:  # one pass: no quadratic re-slicing of a long draft
        pieces += [text[pos:start], replacement]
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


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


LINES_WITH_ENDINGS = patterns.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
NO_NEWLINE = "\n\\ No newline at end of file\n"


def unified_diff(path: str, before: str, after: str) -> str:
    """A patch that `patch` and `git apply` accept, including a last line without a line break."""
    lines = difflib.unified_diff(LINES_WITH_ENDINGS.findall(before), LINES_WITH_ENDINGS.findall(after),
                                 fromfile=f"a/{path.lstrip('/')}", tofile=f"b/{path.lstrip('/')}")
    return "".join(line if line.endswith(("\n", "\r")) else line + NO_NEWLINE for line in lines)


class ReadOnlyDraft(OSError):
    """A draft whose permissions say it must not be changed: --fix leaves it alone."""


@contextlib.contextmanager
def terminate_as_exit():
    """Turn SIGTERM into SystemExit while a draft is being written, so the temporary file is
    removed by the same except-path as Ctrl-C (SIGKILL cannot be caught by anyone)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def write_atomically(path: str, text: str, encoding: str) -> None:
    """Write the fixed draft as an edit of the same file, never a half-written one.

    - A symlink: its target is fixed and the link kept.
    - A read-only file (no write bit, or not writable by this user) is refused.
    - Normally: a temporary copy in the target's folder, given the target's mode and owner, is
      renamed over it (atomic: a reader sees the old or the new draft, nothing between).
    - Where a rename would lose something — the file has other hard links, or its owner cannot be
      given to the copy — the verified temporary copy is written back into the file in place, and
      the old bytes restored if that write fails."""
    target = Path(os.path.realpath(path))
    info = target.stat()
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise ReadOnlyDraft(f"{path} 是只读文件，未修改；如需修复请先取消只读")
    data = encode(text, encoding)
    with terminate_as_exit():
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, info.st_mode & 0o7777)
            if info.st_nlink == 1 and give_owner(tmp, info):
                os.replace(tmp, target)
                return
            if Path(tmp).read_bytes() != data:
                raise OSError(f"{path}: 临时文件校验失败，未修改")
            write_in_place(target, data)
        finally:
            Path(tmp).unlink(missing_ok=True)


def give_owner(tmp: str, info: os.stat_result) -> bool:
    """Give the temporary copy the target's owner and group; False when this user cannot."""
    if (info.st_uid, info.st_gid) == (os.getuid(), os.getgid()):
        return True
    try:
        os.chown(tmp, info.st_uid, info.st_gid)
    except OSError:
        return False
    return True


def write_in_place(target: Path, data: bytes) -> None:
    """Overwrite the file's own bytes (same inode: hard links, owner and mode kept)."""
    old = target.read_bytes()
    with open(target, "r+b") as handle:
        try:
            handle.write(data)
            handle.truncate()
            handle.flush()
            os.fsync(handle.fileno())
        except BaseException:
            handle.seek(0)
            handle.write(old)
            handle.truncate()
            raise
