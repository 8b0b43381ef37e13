"""Paths as strings, giving what pathlib gave: the modules a run imports use os.path, because
pathlib would be the only importer of pathlib, urllib.parse and ipaddress on a run's path (a
twentieth of a cold start). Walking a folder still uses pathlib (cli.py), imported then."""

from __future__ import annotations

import os


def tidy(path: str) -> str:
    """str(PurePath(path)): no "." part, no doubled or trailing separator ("./a//b/" -> "a/b");
    ".." is kept, as a link before it must be followed first."""
    sep = os.sep
    if os.altsep:
        path = path.replace(os.altsep, sep)
    drive, rest = os.path.splitdrive(path)
    root = sep * 2 if rest.startswith(sep * 2) and not rest.startswith(sep * 3) else sep if rest.startswith(sep) else ""
    return drive + root + sep.join(part for part in rest.split(sep) if part not in ("", ".")) or "."


def as_posix(path: str) -> str:
    """PurePath(path).as_posix()."""
    return tidy(path).replace(os.sep, "/")


def suffix(path: str) -> str:
    """PurePath(path).suffix: "a.DOCX" -> ".DOCX", "..txt" -> ".txt"; ".txt" and "a." have none."""
    name = os.path.basename(tidy(path))
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def inside(path: str, folder: str) -> bool:
    """Whether the resolved `path` lies below the resolved `folder` (not at it): folder in Path(path).parents."""
    path, folder = os.path.normcase(path), os.path.normcase(folder)
    return path != folder and path.startswith(folder.rstrip(os.sep) + os.sep)
