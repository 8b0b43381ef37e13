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
from pathlib import Path

from . import __version__

OFF = ("", "0", "off", "false", "no")


def cache_dir() -> Path | None:
    configured = os.environ.get("REPORTLINT_CACHE_DIR")
    if configured is not None:
        return None if configured.strip().lower() in OFF else Path(configured)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "reportlint" / "Cache" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "reportlint"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "reportlint"


def usable_dir() -> Path | None:
    """The cache folder, or None: turned off, or no home directory to be found."""
    try:
        return cache_dir()
    except (RuntimeError, KeyError, OSError):
        return None


def private(folder: Path) -> bool:
    """The folder is the user's own and nobody else can write to it (always true off POSIX)."""
    if not hasattr(os, "getuid"):
        return True
    info = folder.stat()
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


STAMP = f"{__version__}\0{sys.implementation.cache_tag}\0{pickle.HIGHEST_PROTOCOL}"


def key(text: str) -> str:
    raw = f"{STAMP}\0{text}".encode("utf-8", "surrogatepass")
    return f"{zlib.crc32(raw):08x}{len(raw):x}"


def load(text: str, parse, how: str = ""):
    """The data of the pack whose text is `text`: from the cache, else `parse()` (and cached).
    `how` names the way `parse` reads it (a shipped pack is read as trusted, a user's is checked
    first): the same text read another way is another entry, so a cache hit never skips a check."""
    text = f"{how}\0{text}"
    folder = usable_dir()
    if folder is None:
        return parse()
    entry = folder / f"{key(text)}.pickle"
    stored = read(folder, entry, STAMP)
    if stored is not None and len(stored) == 2 and stored[0] == text:
        return stored[1]
    data = parse()
    store(folder, entry, (STAMP, text, data))
    return data


def read(folder: Path, entry: Path, stamp) -> tuple | None:
    """What `entry` holds after `stamp`, or None: missing, unreadable, truncated, written under another
    stamp (another version), or in a folder others may write to."""
    try:
        if private(folder):
            with entry.open("rb") as f:
                stored = pickle.load(f)
            if isinstance(stored, tuple) and stored and stored[0] == stamp:
                return stored[1:]
    except Exception:
        pass
    return None


def store(folder: Path, entry: Path, data) -> None:
    """Write atomically (a temporary file renamed into place); a cache that cannot be written is
    no error: the next run parses again."""
    import tempfile  # only when writing: it imports random and shutil

    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not private(folder):
            return
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, entry)
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, pickle.PicklingError):
        pass
