"""Compiled regular expressions kept between processes, the way Python keeps bytecode.

The ``regex`` module compiles a pattern with a parser and optimiser written in Python:
newsclean's patterns cost ~40 ms of CPU at every start-up, about a fifth of a one-page CLI
run. A compiled pattern pickles to its engine code (``regex`` registers that with ``copyreg``),
and loading it back skips the parser: ~40x cheaper than compiling.

:func:`compile` is ``regex.compile`` with that cache behind it. The cache is one file per
``regex`` and Python version in the user's cache folder (``NEWSCLEAN_CACHE_DIR``, else
``$XDG_CACHE_HOME/newsclean``, else ``~/.cache/newsclean``); ``NEWSCLEAN_CACHE_DIR=off``
turns it off. Patterns compiled by a process are added to the file when the process exits.
The cache never changes a result and never fails a caller: a missing, unreadable, foreign or
corrupt file, or a folder that cannot be written, just means compiling as before. Loading
accepts nothing but ``regex`` patterns (a restricted unpickler), each checked against the
source it is filed under.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import sys
import threading
from typing import Any

import regex

ENV = "NEWSCLEAN_CACHE_DIR"
OFF = ("off", "0", "no", "false", "")
MAX_ENTRIES = 4000  # a file past this (many versions' patterns) starts over with this process's
MAX_BYTES = 8 << 20

_lock = threading.Lock()
_stored: dict[str, bytes] | None = None  # the file's entries (pickled patterns), read on first use
_new: dict[str, regex.Pattern[str]] = {}  # compiled by this process, written at exit
_save_registered = False


def cache_dir() -> str | None:
    """The folder of the cache file, or None when the cache is off."""
    value = os.environ.get(ENV)
    if value is not None:
        return None if value.strip().lower() in OFF else value
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "newsclean")


def cache_file() -> str | None:
    """The cache file for this ``regex`` and Python (None when the cache is off)."""
    folder = cache_dir()
    if folder is None:
        return None
    py = f"{sys.implementation.name}{sys.version_info[0]}{sys.version_info[1]}"
    return os.path.join(folder, f"regex-{regex.__version__}-{py}.cache")


def _key(pattern: str, flags: int) -> str:
    return f"{int(flags)}:{pattern}"


def _read(path: str | None) -> dict[str, bytes]:
    """The entries of the cache file (empty when missing or not a well-formed entry table)."""
    if path is None:
        return {}
    try:
        with open(path, "rb") as fh:
            data = marshal.loads(fh.read())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, bytes)}


def _entries() -> dict[str, bytes]:
    global _stored
    if _stored is None:
        _stored = _read(cache_file())
    return _stored


def _load(blob: bytes, pattern: str) -> regex.Pattern[str] | None:
    """The pattern pickled in ``blob`` when it is a ``regex`` pattern of exactly ``pattern``."""
    import io

    try:
        got = _unpickler()(io.BytesIO(blob)).load()
    except Exception:  # a corrupt or foreign entry: compile instead
        return None
    if not isinstance(got, regex.Pattern) or got.pattern != pattern:
        return None
    return got


_UNPICKLER: list[type] = []


def _unpickler() -> type:
    """An unpickler that builds ``regex`` patterns and nothing else: the one global it resolves
    is the function ``regex`` reduces patterns to (read from a tiny pattern's reduction)."""
    if not _UNPICKLER:
        import copyreg
        import pickle

        rebuild = copyreg.dispatch_table[regex.Pattern](regex.compile("a"))[0]
        allowed = (getattr(rebuild, "__module__", None), getattr(rebuild, "__qualname__", None))

        class PatternsOnly(pickle.Unpickler):
            def find_class(self, module: str, name: str) -> Any:
                if (module, name) == allowed:
                    return rebuild
                raise pickle.UnpicklingError(f"not a regex pattern: {module}.{name}")

        _UNPICKLER.append(PatternsOnly)
    return _UNPICKLER[0]


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, loaded from the cache when a process compiled it before."""
    key = _key(pattern, flags)
    blob = _entries().get(key)
    if blob is not None:
        got = _load(blob, pattern)
        if got is not None:
            return got
    compiled = regex.compile(pattern, flags)
    if cache_file() is not None:
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
    import pickle

    path = cache_file()
    with _lock:
        fresh = dict(_new)
        _new.clear()
    if path is None or not fresh:
        return None
    blobs: dict[str, bytes] = {}
    for key, compiled in fresh.items():
        try:
            blobs[key] = pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # a regex build that cannot pickle: leave the pattern out
            continue
    merged = _read(path)  # other processes may have added entries since this one read the file
    merged.update(blobs)
    if len(merged) > MAX_ENTRIES or sum(map(len, merged.values())) > MAX_BYTES:
        merged = blobs
    folder = os.path.dirname(path)
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps(merged))
        os.replace(tmp, path)  # atomic: a reader sees the old file or the new one
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return None
    global _stored
    _stored = merged
    return path
