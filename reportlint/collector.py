"""The cyclic garbage collector while a run starts.

A start makes some twenty thousand objects the collector tracks, all of them living as long as
the run: modules, classes, compiled patterns, the built checks. Each batch of new objects sets the
collector off, and every pass finds nothing to free but walks them all again, the last one at
exit. So the command pauses it from the moment it starts (`pause`) until its rules are planned
(`settle`), then moves what was made so far out of its reach for good (gc.freeze, which the gc
documentation recommends before a fork too: the workers of --jobs then share those pages with the
parent). Drafts are read and linted with the collector on, as before: a command that reads drafts
plans first. Whatever ends the command, the entry point turns the collector back on (`resume`), so
a program that calls it keeps its collector. A program that imports reportlint is left as it is:
only the command's entry point pauses.
"""

from __future__ import annotations

import contextlib
import gc

_paused_by_us = False


def pause() -> None:
    """Off until `settle`; by the command's entry point, before it imports the rest of reportlint."""
    global _paused_by_us
    if gc.isenabled():
        gc.disable()
        _paused_by_us = True


def settle() -> None:
    """After planning: what the start made stays, out of the collector's reach; the collector is on."""
    if _paused_by_us:
        gc.freeze()
        resume()


def resume() -> None:
    """When the command ends, whether it planned or not: on again, nothing frozen."""
    global _paused_by_us
    if _paused_by_us:
        _paused_by_us = False
        gc.enable()


@contextlib.contextmanager
def paused():
    """Off for a block that makes many objects at once, none of them garbage (a cache entry being
    unpickled: tens of thousands, 4 % of a cold start)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
