"""The checks of a plan's shipped rules, built once per machine and selection, not once per run.

Building the checks of the default packs (validating their parameters, parsing the 565 cited
titles, making the phrase automata) took a fifth of a cold start. So the checks a plan builds for
its shipped rules are pickled together (the title list two citation rules share stays one) into
the cache folder of packcache.py, by its rules, and unpickled when the same shipped rules are
planned again. An entry holds only for the same selection of rules and the same stamp:
- each rule's id and the checksum of the bytes its pack was read from, and the folder, size and
  modification time of every module of reportlint (as Python decides that a .pyc is stale), taken
  when reportlint is imported: an edited pack or check is built afresh;
- the releases of reportlint, Python, regex and pyahocorasick, whose objects are pickled.
A user's packs and parameters are never cached: those rules are built as before, every field
checked. An entry that does not unpickle to one check of the right kind per rule is built afresh;
past LIMIT entries, the oldest is removed.
"""

from __future__ import annotations

import os

import ahocorasick
import regex

from . import packcache
from .engine import Rule

LIMIT = 8  # entries kept: one per selection (--select, a profile), each a few hundred KB


def ready(rules: list[Rule]) -> None:
    """Every rule of `rules` with its check built: the shipped ones unpickled when they were built
    before, else built and stored."""
    todo = [r for r in rules if r.shipped and r.built is None]
    folder = packcache.usable_dir() if todo else None
    if folder is not None:
        stamp = (packcache.STAMP, CODE, tuple((r.id, r.pack) for r in todo))
        entry = os.path.join(folder, f"plan-{packcache.key(repr(stamp))}.pickle")
        stored = packcache.read(folder, entry, stamp)
        checks = stored[0] if stored else None
        if (isinstance(checks, list) and len(checks) == len(todo)
                and all(type(c).__dict__.get("name") == r.kind for c, r in zip(checks, todo, strict=True))):
            for rule, check in zip(todo, checks, strict=True):
                rule.built = check
        else:
            for rule in todo:
                rule.ready()
            if packcache.store(folder, entry, (stamp, [r.built for r in todo])):
                forget_oldest(folder)
    for rule in rules:
        rule.ready()


def code_stamp() -> tuple:
    """What the built checks depend on besides their rules: where reportlint is, and the size and
    modification time of each of its modules."""
    here = os.path.dirname(os.path.abspath(__file__))
    modules = sorted(os.path.join(folder, name) for folder, _, names in os.walk(here)
                     for name in names if name.endswith(".py"))
    stats = [(f[len(here):], os.stat(f)) for f in modules]
    return (here, regex.__version__, os.stat(ahocorasick.__file__).st_mtime_ns,
            tuple((name, s.st_size, s.st_mtime_ns) for name, s in stats))


# Taken when this module is imported, with the rest of reportlint, before any check kind: a module
# edited later in the run is not the code this run built its checks with, and is not stamped as such.
CODE = code_stamp()


def forget_oldest(folder: str) -> None:
    try:
        entries = [e for e in os.scandir(folder) if e.name.startswith("plan-") and e.name.endswith(".pickle")]
        for old in sorted(entries, key=lambda e: e.stat().st_mtime_ns)[:-LIMIT]:
            os.unlink(old.path)
    except OSError:  # another run removed it first, or the folder went away: nothing to do
        pass
