"""Regular expressions compiled once per machine, not once per run.

The `regex` module compiles in pure Python: parsing, optimising and emitting one pattern's code
takes about 0.3 ms, and a run needs about 200 patterns, a third of a cold start. What the compiler
emits is plain data (a list of integers and the group tables), which regex's C core turns into a
Pattern in microseconds. That data is kept in the user cache (the folder and the rules of
packcache.py), one file per regex release, and replayed; a pattern not in it is compiled as usual
and added to the file when the run ends.

This reads one internal of `regex`: the arguments its compiler passes to `_regex.compile`. So it is
guarded: the file is keyed by regex's version and its C core's MAGIC and code size, anything that
does not replay falls back to the ordinary compile, and tests/test_patterns.py compares replayed
patterns with freshly compiled ones. REPORTLINT_CACHE_DIR=off turns it off with the pack cache.
"""

from __future__ import annotations

import atexit
import os
import threading

import regex
from regex import _main, _regex

from . import packcache

STAMP = ("regex", regex.__version__, _regex.MAGIC, _regex.CODE_SIZE, packcache.STAMP)
LIMIT = 5000  # patterns kept; past it, only those of the latest run (a user's edited rules pile up)


class Store:
    """Compiled patterns' code, read from `folder` on first use and written back at exit."""

    def __init__(self, folder):
        self.folder = folder
        self.known: dict | None = None  # (pattern, flags, version) -> _regex.compile's arguments
        self.used: dict = {}  # what this run compiled or replayed
        self.added = False
        self.owner = os.getpid()  # forked workers never write: the parent does

    @property
    def entry(self):
        return self.folder / f"regex-{packcache.key(repr(STAMP))}.pickle"

    def _load(self) -> dict:
        if self.known is None:
            stored = packcache.read(self.folder, self.entry) if self.folder else None
            ok = isinstance(stored, tuple) and len(stored) == 2 and stored[0] == STAMP
            self.known = stored[1] if ok and isinstance(stored[1], dict) else {}
        return self.known

    def compile(self, pattern: str, flags: int = 0):
        if self.folder is None:  # the cache is off
            return regex.compile(pattern, flags)
        key = (pattern, int(flags), regex.DEFAULT_VERSION)
        args = self.used.get(key) or self._load().get(key)
        if args is not None:
            try:
                compiled = _regex.compile(*args)
                self.used[key] = args
                return compiled
            except Exception:  # not what this regex can replay: compile afresh
                pass
        compiled, args = compile_recording(pattern, flags)
        if args is not None:
            self.used[key] = args
            if not self.added:
                self.added = True
                atexit.register(self.save)
        return compiled

    def save(self) -> None:
        if os.getpid() != self.owner or not self.added:
            return
        merged = {**self.known, **self.used}
        packcache.store(self.folder, self.entry, (STAMP, merged if len(merged) <= LIMIT else self.used))
        self.known, self.added = merged, False


class Recorder:
    """Stands in for `_regex` inside regex's compiler for one call, keeping what it is given."""

    def __init__(self):
        self.args = None

    def compile(self, *args):
        self.args = args
        return _regex.compile(*args)

    def __getattr__(self, name):
        return getattr(_regex, name)


_lock = threading.Lock()


def compile_recording(pattern: str, flags: int):
    """regex.compile(pattern, flags) and the arguments it gave `_regex.compile` (None when regex's
    internals are not what this module expects). Compiled afresh, not from regex's own cache of
    this process, which would give no arguments to record."""
    with _lock:
        if getattr(_main, "_regex", None) is not _regex:
            return regex.compile(pattern, flags), None
        recorder = Recorder()
        _main._regex = recorder
        try:
            compiled = regex.compile(pattern, flags, cache_pattern=False)
        finally:
            _main._regex = _regex
    args = recorder.args
    return compiled, (args if args and args[0] == pattern else None)


STORE = Store(packcache.usable_dir())


def compile(pattern: str, flags: int = 0):  # noqa: A001 - the name regex and re use
    """regex.compile(pattern, flags), replayed from the cache when this machine compiled it before."""
    return STORE.compile(pattern, flags)
