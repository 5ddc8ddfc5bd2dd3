"""The compiled-pattern cache: same patterns as compiling, rebuilt instead of compiled, and never
a failure or a wrong pattern when the cache file is missing, damaged, foreign or unwritable."""

from __future__ import annotations

import copyreg
import marshal
import os
import subprocess
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
import regex

from newsclean import regexcache

PATTERNS = [
    (r"(?P<name>[가-힣]{2,4})\s?(?P<role>기자|특파원)", 0),
    (r"^[\p{P}\p{S}\p{Z}\s]*$", 0),
    (r"(?:뉴스|일보|TV|News)\s*$", int(regex.IGNORECASE)),
]
TEXTS = ["서울=연합뉴스 김철수 기자", "  …!! ", "한국일보", "KBS news", "", "홍길동특파원 hong@x.kr"]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh, empty cache in ``tmp_path`` (module state as in a new process)."""
    monkeypatch.setenv(regexcache.ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(regexcache, "_stored", None)
    monkeypatch.setattr(regexcache, "_new", {})
    monkeypatch.setattr(regexcache, "_save_registered", True)  # saved by the tests, not at exit
    yield tmp_path / "cache"


def new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget what this process compiled and read, as a new process would."""
    monkeypatch.setattr(regexcache, "_stored", None)
    monkeypatch.setattr(regexcache, "_new", {})


def same_behaviour(a: regex.Pattern[str], b: regex.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groupindex) == (b.pattern, b.flags, b.groupindex)
    for text in TEXTS:
        ma, mb = a.search(text), b.search(text)
        assert (ma and (ma.span(), ma.groupdict())) == (mb and (mb.span(), mb.groupdict()))


def test_second_process_loads_instead_of_compiling(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = [regexcache.compile(p, f) for p, f in PATTERNS]
    path = regexcache.save()
    assert path is not None and Path(path).parent == cache
    assert regexcache.save() is None  # nothing new since

    new_process(monkeypatch)
    regexcache._rebuild()  # read from a one-character pattern's reduction, once a process

    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled although the cache holds the pattern")

    monkeypatch.setattr(regexcache.regex, "compile", no_compiling)
    loaded = [regexcache.compile(p, f) for p, f in PATTERNS]
    for a, b in zip(first, loaded, strict=True):
        same_behaviour(a, b)
        assert b.search("김철수 기자", timeout=0.1) is not None or a.search("김철수 기자") is None


def test_flags_are_part_of_the_key(cache: Path) -> None:
    plain = regexcache.compile("news")
    regexcache.save()
    folded = regexcache.compile("news", regex.IGNORECASE)
    assert plain.search("NEWS") is None and folded.search("NEWS") is not None


def write_cache(entries: object, *, crc_delta: int = 0, fmt: str = regexcache.FORMAT) -> None:
    path = regexcache.cache_file()
    assert path is not None
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    payload = marshal.dumps(entries)
    Path(path).write_bytes(marshal.dumps((fmt, zlib.crc32(payload) + crc_delta, payload)))


@pytest.mark.parametrize("content", [b"", b"garbage", marshal.dumps([1, 2]), marshal.dumps({"0:x": (1,)})])
def test_unreadable_file_means_compiling(cache: Path, content: bytes) -> None:
    cache.mkdir(parents=True)
    path = regexcache.cache_file()
    assert path is not None
    Path(path).write_bytes(content)
    got = regexcache.compile(*PATTERNS[0])
    same_behaviour(got, regex.compile(*PATTERNS[0]))


def reduction(pattern: str, flags: int = 0) -> tuple[object, ...]:
    return copyreg.dispatch_table[regex.Pattern](regex.compile(pattern, flags))[1]


def test_damaged_or_foreign_files_are_not_used(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pattern, flags = PATTERNS[0]
    key = regexcache._key(pattern, flags)
    good = reduction(pattern, flags)
    for damage in ({"crc_delta": 1}, {"fmt": "another-format"}):
        write_cache({key: good}, **damage)  # type: ignore[arg-type]
        new_process(monkeypatch)
        assert regexcache._entries() == {}
    write_cache({key: good})
    new_process(monkeypatch)
    assert regexcache._entries() == {key: good}


@pytest.mark.parametrize(
    "entry",
    [
        reduction("something else"),  # another pattern's reduction filed under this source
        (PATTERNS[0][0], "not a number"),  # the source, then arguments regex refuses
        (PATTERNS[0][0],),
        (),
    ],
)
def test_wrong_entry_is_refused_and_filed_again(
    cache: Path, monkeypatch: pytest.MonkeyPatch, entry: tuple[object, ...]
) -> None:
    pattern, flags = PATTERNS[0]
    key = regexcache._key(pattern, flags)
    write_cache({key: entry})
    new_process(monkeypatch)
    got = regexcache.compile(pattern, flags)
    same_behaviour(got, regex.compile(pattern, flags))
    regexcache.save()
    new_process(monkeypatch)
    assert regexcache._load(regexcache._entries()[key], pattern) is not None


def test_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(regexcache.ENV, "off")
    monkeypatch.setattr(regexcache, "_stored", None)
    monkeypatch.setattr(regexcache, "_new", {})
    assert regexcache.cache_file() is None
    same_behaviour(regexcache.compile(*PATTERNS[1]), regex.compile(*PATTERNS[1]))
    assert regexcache.save() is None
    assert regexcache._new == {}


def test_unwritable_folder_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(regexcache.ENV, str(blocker / "cache"))
    monkeypatch.setattr(regexcache, "_stored", None)
    monkeypatch.setattr(regexcache, "_new", {})
    monkeypatch.setattr(regexcache, "_save_registered", True)
    regexcache.compile(*PATTERNS[2])
    assert regexcache.save() is None
    assert not list(tmp_path.glob("**/*.tmp"))


def test_cli_fills_the_cache_and_gives_the_same_records(tmp_path: Path, fixtures_dir: Path) -> None:
    page = next(iter(sorted((fixtures_dir / "html").rglob("*.html"))))
    env = {**os.environ, regexcache.ENV: str(tmp_path / "c")}
    cmd = [sys.executable, "-m", "newsclean", "-q", "--no-entities", str(page)]
    cold = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    files = list((tmp_path / "c").iterdir())
    assert len(files) == 1 and files[0].name.startswith(f"regex-{regex.__version__}-")
    fmt, _crc, payload = marshal.loads(files[0].read_bytes())
    assert fmt == regexcache.FORMAT and len(marshal.loads(payload)) > 20  # the patterns of the HTML path
    warm = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    assert warm.stdout == cold.stdout and '"status": "ok"' in warm.stdout


def test_locale_patterns_and_the_default_version_are_respected(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    regexcache.compile(r"(?L)\w+")
    regexcache.compile(r"\w+")
    assert [k.split(":", 2)[2] for k in regexcache._new] == [r"\w+"]  # the locale pattern is not kept
    regexcache.save()
    new_process(monkeypatch)
    monkeypatch.setattr(regex, "DEFAULT_VERSION", regex.VERSION1)
    assert regexcache._key(r"\w+", 0) not in regexcache._entries()  # another version: compiled afresh
    v1 = regexcache.compile(r"[[a-z]--[aeiou]]+")  # a VERSION1 set operation
    assert v1.fullmatch("bcd") is not None and v1.fullmatch("abc") is None


def test_no_home_folder_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(regexcache.ENV, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)  # HOME unset, no passwd entry
    assert regexcache.cache_dir() is None
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere")
    assert regexcache.cache_dir() == os.path.join("/somewhere", "newsclean")
