"""A cache of parsed rule packs, so that a run whose packs have not changed neither imports nor
runs the YAML parser (about a fifth of a cold start).

Each pack's data is stored with its text, reportlint's version and Python's, under a checksum of
them, in the user's cache directory (REPORTLINT_CACHE_DIR, else XDG_CACHE_HOME/reportlint, ~/Library/Caches on
macOS, %LOCALAPPDATA% on Windows; platformdirs would add an import to every start for three rules).
An entry is used only when the text it was parsed from is the pack's text, character for character
(so a checksum collision costs a parse, never a wrong rule); an unreadable or stale one is ignored and
rewritten; the folder is safe to delete. zlib's checksum, not hashlib's: importing OpenSSL would cost
more than the cache saves. REPORTLINT_CACHE_DIR=off turns the cache off.

The entries are pickles: only loaded from a folder the user owns and nobody else may write to
(on POSIX), so nothing in them comes from anyone but the user. patterns.py keeps compiled regular
expressions in the same folder, by the same rules (`usable_dir`, `read`, `store`).
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib

from . import __version__, collector

OFF = ("", "0", "off", "false", "no")


# Paths are strings and os.path (paths.py).
def cache_dir() -> str | None:
    configured = os.environ.get("REPORTLINT_CACHE_DIR")
    if configured is not None:
        return None if configured.strip().lower() in OFF else configured
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return os.path.join(base, "reportlint", "Cache") if base else None
    if sys.platform == "darwin":
        return os.path.join(home(), "Library", "Caches", "reportlint")
    return os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.join(home(), ".cache"), "reportlint")


def home() -> str:
    found = os.path.expanduser("~")
    if found == "~":  # no HOME and no password entry (as Path.home() fails)
        raise RuntimeError("no home directory")
    return found


def usable_dir() -> str | None:
    """The cache folder, or None: turned off, or no home directory to be found."""
    try:
        return cache_dir()
    except (RuntimeError, KeyError, OSError):
        return None


def private(folder: str) -> bool:
    """The folder is the user's own and nobody else can write to it (always true off POSIX)."""
    if not hasattr(os, "getuid"):
        return True
    info = os.stat(folder)
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


STAMP = f"{__version__}\0{sys.implementation.cache_tag}\0{pickle.HIGHEST_PROTOCOL}"


def key(text: str | bytes) -> str:
    raw = STAMP.encode() + b"\0" + (text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
    return f"{zlib.crc32(raw):08x}{len(raw):x}"


def load(source: bytes, parse, how: str = ""):
    """The data of the pack whose file holds `source` (its bytes: a hit needs no decoding): from the
    cache, else `parse()` (and cached). `how` names the way `parse` reads it (a shipped pack is read
    as trusted, a user's is checked first): the same text read another way is another entry, so a
    cache hit never skips a check."""
    raw = how.encode() + b"\0bytes\0" + source  # not the entry of the same text stored as a str before
    folder = usable_dir()
    if folder is None:
        return parse()
    entry = os.path.join(folder, f"{key(raw)}.pickle")
    stored = read(folder, entry, STAMP)
    if stored is not None and len(stored) == 2 and stored[0] == raw:
        return stored[1]
    data = parse()
    store(folder, entry, (STAMP, raw, data))
    return data


def read(folder: str, entry: str, stamp) -> tuple | None:
    """What `entry` holds after `stamp`, or None: missing, unreadable, truncated, written under another
    stamp (another version), or in a folder others may write to."""
    try:
        if private(folder):
            with open(entry, "rb") as f, collector.paused():
                stored = pickle.load(f)
            if isinstance(stored, tuple) and stored and stored[0] == stamp:
                return stored[1:]
    except Exception:
        pass
    return None


def store(folder: str, entry: str, data) -> bool:
    """Write atomically (a temporary file renamed into place); whether it was written. A cache that
    cannot be written is no error: the next run parses again."""
    import tempfile  # only when writing: it imports random and shutil

    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        if not private(folder):
            return False
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, entry)
            return True
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, pickle.PicklingError, TypeError, AttributeError):  # the last two: an object pickle cannot take
        return False
