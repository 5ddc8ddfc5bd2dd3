"""Compiled regular expressions kept between processes, the way Python keeps bytecode.

The ``regex`` module compiles a pattern with a parser and optimiser written in Python:
newsclean's patterns cost ~40 ms of CPU at every start-up, about a fifth of a one-page CLI
run. ``regex`` makes its patterns picklable by registering a reduction with ``copyreg``: the
pattern's engine code and tables, and the function that rebuilds a pattern from them without
the parser. This module keeps those reductions (plain data: strings, numbers, bytes, lists,
dicts) in a ``marshal`` file and rebuilds the patterns with that same function: ~40x cheaper
than compiling, and no pickle, so loading runs no code but ``regex``'s own rebuild.

:func:`compile` is ``regex.compile`` with that cache behind it, keyed by the pattern, its flags
and ``regex``'s default version (locale-dependent patterns are never kept). The cache is one file
per ``regex`` and Python version in the user's cache folder (``NEWSCLEAN_CACHE_DIR``, else
``$XDG_CACHE_HOME/newsclean``, else ``~/.cache/newsclean``); ``NEWSCLEAN_CACHE_DIR=off``
turns it off. Patterns compiled by a process are added to the file when the process exits.
The cache never changes a result and never fails a caller: a missing, unreadable, foreign or
corrupt file, or a folder that cannot be written, just means compiling as before; every
rebuilt pattern is checked against the source it is filed under.
"""

from __future__ import annotations

import atexit
import contextlib
import copyreg
import marshal
import os
import sys
import threading
import zlib
from collections.abc import Callable
from typing import Any

import regex

ENV = "NEWSCLEAN_CACHE_DIR"
OFF = ("off", "0", "no", "false", "")
MAX_ENTRIES = 4000  # a file past this (many versions' patterns) starts over with this process's
FORMAT = "newsclean-regexcache-1"

_lock = threading.Lock()
_stored: dict[str, Any] | None = None  # the file's entries (reductions), read on first use
_new: dict[str, regex.Pattern[str]] = {}  # compiled by this process, written at exit
_save_registered = False
_rebuild_fn: list[Callable[..., Any]] = []


def cache_dir() -> str | None:
    """The folder of the cache file, or None when the cache is off."""
    value = os.environ.get(ENV)
    if value is not None:
        return None if value.strip().lower() in OFF else value
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        home = os.path.expanduser("~")
        if home.startswith("~"):  # no home folder known: no cache, never a "~" folder in the cwd
            return None
        base = os.path.join(home, ".cache")
    return os.path.join(base, "newsclean")


def cache_file() -> str | None:
    """The cache file for this ``regex`` and Python (None when the cache is off)."""
    folder = cache_dir()
    if folder is None:
        return None
    py = f"{sys.implementation.name}{sys.version_info[0]}{sys.version_info[1]}"
    return os.path.join(folder, f"regex-{regex.__version__}-{py}.cache")


def _key(pattern: str, flags: int) -> str:
    # regex's default version (V0/V1) changes what an unflagged pattern means: part of the key.
    return f"{int(flags)}:{int(regex.DEFAULT_VERSION)}:{pattern}"


def _reduce(compiled: regex.Pattern[str]) -> tuple[Callable[..., Any], tuple[Any, ...]]:
    """``regex``'s own pickle reduction of a pattern: (rebuild function, its arguments)."""
    reduced: Any = copyreg.dispatch_table[regex.Pattern](compiled)
    return reduced[0], reduced[1]


def _rebuild() -> Callable[..., Any]:
    """The function ``regex`` rebuilds pickled patterns with (read from a tiny pattern, once)."""
    if not _rebuild_fn:
        _rebuild_fn.append(_reduce(regex.compile("a"))[0])
    return _rebuild_fn[0]


def _read(path: str | None) -> dict[str, Any]:
    """The entries of the cache file (empty when missing or not a well-formed entry table)."""
    if path is None:
        return {}
    try:
        with open(path, "rb") as fh:
            head = marshal.loads(fh.read())
        # (format, CRC-32 of the payload, payload): a torn or damaged file is never used.
        if not (isinstance(head, tuple) and len(head) == 3 and head[0] == FORMAT and isinstance(head[2], bytes)):
            return {}
        if zlib.crc32(head[2]) != head[1]:
            return {}
        data = marshal.loads(head[2])
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, tuple)}


def _entries() -> dict[str, Any]:
    global _stored
    if _stored is None:
        _stored = _read(cache_file())
    return _stored


def _load(args: tuple[Any, ...], pattern: str) -> regex.Pattern[str] | None:
    """The pattern rebuilt from a stored reduction when it is exactly ``pattern``'s."""
    if not args or args[0] != pattern:
        return None
    try:
        got = _rebuild()(*args)
    except Exception:  # a corrupt or foreign entry: compile instead
        return None
    return got if isinstance(got, regex.Pattern) and got.pattern == pattern else None


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, rebuilt from the cache when a process compiled it before."""
    key = _key(pattern, flags)
    args = _entries().get(key)
    if args is not None:
        got = _load(args, pattern)
        if got is not None:
            return got
    compiled = regex.compile(pattern, flags)
    # A locale-dependent pattern is compiled for the locale of the moment: never kept.
    if cache_file() is not None and not compiled.flags & regex.LOCALE:
        _remember(key, compiled)
    return compiled


def _remember(key: str, compiled: regex.Pattern[str]) -> None:
    global _save_registered
    with _lock:
        _new[key] = compiled
        if not _save_registered:
            _save_registered = True
            atexit.register(save)


def save() -> str | None:
    """Add this process's new patterns to the cache file; the file written, or None (nothing
    new, the cache off, or the folder not writable: never an error)."""
    path = cache_file()
    with _lock:
        fresh = dict(_new)
        _new.clear()
    if path is None or not fresh:
        return None
    reductions: dict[str, tuple[Any, ...]] = {}
    for key, compiled in fresh.items():
        try:
            func, args = _reduce(compiled)
            if func is _rebuild():
                marshal.dumps(args)  # plain data only
                reductions[key] = args
        except Exception:  # a regex build whose patterns do not reduce this way: leave it out
            continue
    merged = _read(path)  # other processes may have added entries since this one read the file
    merged.update(reductions)
    if len(merged) > MAX_ENTRIES:
        merged = reductions
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            payload = marshal.dumps(merged)
            fh.write(marshal.dumps((FORMAT, zlib.crc32(payload), payload)))
        os.replace(tmp, path)  # atomic: a reader sees the old file or the new one
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return None
    global _stored
    _stored = merged
    return path
