"""Regular expressions compiled once per machine, not once per run.

The `regex` module compiles in pure Python: parsing, optimising and emitting one pattern's code
takes about 0.3 ms, and a run needs about 200 patterns, a third of a cold start. A compiled pattern
pickles as its compiled form (regex registers a pickler that hands its C core the pattern's code),
and unpickling one takes microseconds. So the patterns a run compiles are kept, each pickled on its
own, in the user cache (the folder and the rules of packcache.py), in one file per release of regex,
reportlint and Python, and unpickled when asked for again; a pattern not in the file is compiled as
usual and added when the run ends. Anything that does not unpickle is compiled afresh.
REPORTLINT_CACHE_DIR (read when reportlint is imported) moves or turns off this cache with the
pack cache; files of older releases are left behind, like stale pack entries, and are safe to delete.
"""

from __future__ import annotations

import atexit
import os
import pickle

import regex

from . import packcache

STAMP = ("regex", regex.__version__, packcache.STAMP)
LIMIT = 5000  # patterns kept; past it, only those of the latest run (a user's edited rules pile up)


class Store:
    """Pickled compiled patterns, read from `folder` on first use and written back at exit."""

    def __init__(self, folder):
        self.folder = folder
        self.known: dict | None = None  # (pattern, flags, regex version) -> the pickled Pattern
        self.used: dict = {}  # what this run compiled or unpickled
        self.added = False
        self.owner = os.getpid()  # a forked worker inherits the store but never writes it

    @property
    def entry(self):
        return os.path.join(self.folder, f"regex-{packcache.key(repr(STAMP))}.pickle")

    def _load(self) -> dict:
        if self.known is None:
            stored = packcache.read(self.folder, self.entry, STAMP)
            self.known = stored[0] if stored and isinstance(stored[0], dict) else {}
        return self.known

    def compile(self, pattern: str, flags: int = 0):
        if self.folder is None:  # the cache is off
            return regex.compile(pattern, flags)
        key = (pattern, int(flags), regex.DEFAULT_VERSION)
        blob = self.used.get(key) or self._load().get(key)
        if blob is not None:
            try:
                compiled = pickle.loads(blob)
                if compiled.pattern == pattern:
                    self.used[key] = blob
                    return compiled
            except Exception:  # not a pattern this regex can rebuild: compile afresh
                pass
        compiled = regex.compile(pattern, flags)
        self.used[key] = pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL)
        if not self.added:
            self.added = True
            atexit.register(self.save)
        return compiled

    def save(self) -> None:
        if os.getpid() != self.owner or not self.added:
            return
        merged = {**self._load(), **self.used}
        packcache.store(self.folder, self.entry, (STAMP, merged if len(merged) <= LIMIT else self.used))
        self.known, self.added = merged, False


STORE = Store(packcache.usable_dir())


def compile(pattern: str, flags: int = 0):  # noqa: A001 - the name regex and re use
    """regex.compile(pattern, flags), unpickled from the cache when this machine compiled it before."""
    return STORE.compile(pattern, flags)
