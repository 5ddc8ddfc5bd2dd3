"""clean_many: one record per input, in order, whatever one input does (raise, hang, kill its worker)."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

import newsclean.batch as batch
import newsclean.inputs as inputs
from newsclean.article import Article
from newsclean.batch import clean_many

JOBS = (1, 2)


def doc(i: int) -> dict[str, str]:
    body = "\n".join(
        f"{i}번 기사의 {n}번째 문단입니다. 중소벤처기업부는 지역 소상공인 지원 사업을 {n + 2}개 늘린다고 밝혔다."
        for n in range(1, 4)
    )
    return {"source": f"doc{i:03d}", "text": f"시험용 기사 제목 {i}\n{body}"}


def docs(n: int) -> list[dict[str, str]]:
    return [doc(i) for i in range(n)]


def records(items: Any, jobs: int, **kw: Any) -> list[dict[str, Any]]:
    return [a.to_dict() for a in clean_many(items, jobs=jobs, entities=False, **kw)]


@pytest.fixture(scope="module")
def baseline() -> list[dict[str, Any]]:
    return records(docs(12), 1)


def hook(monkeypatch: pytest.MonkeyPatch, action: Any) -> None:
    """Replace inputs.process (inherited by forked workers): ``action(source)`` runs first."""
    real = inputs.process

    def patched(item: inputs.Item, opts: inputs.Options) -> Article:
        action(inputs.source_of(item))
        return real(item, opts)

    monkeypatch.setattr(inputs, "process", patched)


def assert_others_unchanged(got: list[dict[str, Any]], baseline: list[dict[str, Any]], bad: int) -> None:
    assert len(got) == len(baseline)
    assert [r["source"] for r in got] == [r["source"] for r in baseline]
    for n, (g, b) in enumerate(zip(got, baseline, strict=True)):
        if n != bad:
            assert g == b


def test_baseline_is_ok(baseline: list[dict[str, Any]]) -> None:
    assert [r["status"] for r in baseline] == ["ok"] * 12
    assert [r["source"] for r in baseline] == [f"doc{i:03d}" for i in range(12)]
    assert "3번 기사의 2번째 문단" in baseline[3]["text"]


def test_parallel_matches_serial_in_order(baseline: list[dict[str, Any]]) -> None:
    assert records(docs(12), 2) == baseline
    assert records(iter(docs(12)), 3, window=3) == baseline


@pytest.mark.parametrize("jobs", JOBS)
def test_missing_file_is_an_error_record(jobs: int, tmp_path: Any, baseline: list[dict[str, Any]]) -> None:
    missing = str(tmp_path / "nope.txt")
    items: list[Any] = [*docs(5), missing, *docs(12)[5:]]
    got = records(items, jobs)
    assert len(got) == 13
    assert got[5]["source"] == missing
    assert got[5]["status"] == "error"
    assert got[5]["error"].startswith("FileNotFoundError: ")
    assert [r for n, r in enumerate(got) if n != 5] == baseline


@pytest.mark.parametrize("jobs", JOBS)
def test_exception_mid_batch_is_one_error_record(
    jobs: int, monkeypatch: pytest.MonkeyPatch, baseline: list[dict[str, Any]]
) -> None:
    def action(source: str) -> None:
        if source == "doc004":
            raise RuntimeError("parser exploded")

    hook(monkeypatch, action)
    got = records(docs(12), jobs)
    assert got[4]["status"] == "error"
    assert got[4]["error"] == "RuntimeError: parser exploded"
    assert got[4]["source"] == "doc004"
    assert_others_unchanged(got, baseline, 4)


@pytest.mark.parametrize("jobs", JOBS)
def test_slow_record_times_out(jobs: int, monkeypatch: pytest.MonkeyPatch, baseline: list[dict[str, Any]]) -> None:
    def action(source: str) -> None:
        if source == "doc006":
            time.sleep(30)

    hook(monkeypatch, action)
    got = records(docs(12), jobs, timeout=0.5)
    assert got[6]["status"] == "timeout"
    assert got[6]["error"].startswith("Timeout: no result within 0.5 s")
    assert_others_unchanged(got, baseline, 6)


def test_worker_stuck_past_the_alarm_is_killed(monkeypatch: pytest.MonkeyPatch, baseline: list[dict[str, Any]]) -> None:
    """A worker that ignores the alarm (as C code does) is killed and replaced."""

    def action(source: str) -> None:
        if source == "doc002":
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)

    hook(monkeypatch, action)
    monkeypatch.setattr(batch, "KILL_GRACE", 0.3)
    got = records(docs(12), 2, timeout=0.5)
    assert got[2]["status"] == "timeout"
    assert "stopped" in got[2]["error"]
    assert_others_unchanged(got, baseline, 2)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGSEGV])
def test_dead_worker_becomes_an_error_record(
    sig: signal.Signals, monkeypatch: pytest.MonkeyPatch, baseline: list[dict[str, Any]]
) -> None:
    def action(source: str) -> None:
        if source in ("doc001", "doc009"):
            if sig != signal.SIGKILL:  # pytest's faulthandler would catch the segfault first
                signal.signal(sig, signal.SIG_DFL)
            os.kill(os.getpid(), sig)

    hook(monkeypatch, action)
    got = records(docs(12), 2)
    for bad in (1, 9):
        assert got[bad]["status"] == "error"
        assert got[bad]["error"].startswith("WorkerDied: worker process ")
        assert sig.name in got[bad]["error"]
    assert [r for n, r in enumerate(got) if n not in (1, 9)] == [r for n, r in enumerate(baseline) if n not in (1, 9)]


def test_worker_exit_becomes_an_error_record(monkeypatch: pytest.MonkeyPatch, baseline: list[dict[str, Any]]) -> None:
    def action(source: str) -> None:
        if source == "doc011":
            os._exit(3)

    hook(monkeypatch, action)
    got = records(docs(12), 2)
    assert got[11]["error"].endswith("exited with code 3 while cleaning this input")
    assert_others_unchanged(got, baseline, 11)


@pytest.mark.parametrize("jobs", JOBS)
def test_size_cap_skips(jobs: int) -> None:
    items = [doc(0), {"source": "big", "text": "가" * 5000}, doc(1)]
    got = records(items, jobs, max_bytes=1000)
    assert [r["status"] for r in got] == ["ok", "skipped", "ok"]
    assert got[1]["error"] == "InputTooLarge: 5000 > 1000"


@pytest.mark.parametrize("jobs", JOBS)
def test_bad_items_are_records(jobs: int) -> None:
    items: list[Any] = [{"source": "x", "html": None}, {"source": "y", "_error": "JSONDecodeError: bad"}, 42]
    got = records(items, jobs)
    assert [r["status"] for r in got] == ["error", "error", "error"]
    assert got[0]["error"].startswith("InvalidInput")
    assert got[1]["error"] == "JSONDecodeError: bad"
    assert got[2]["source"] == "42"


def test_window_bounds_what_is_in_flight() -> None:
    pulled = 0

    def gen() -> Iterator[Mapping[str, str]]:
        nonlocal pulled
        for d in docs(40):
            pulled += 1
            yield d

    out = 0
    most = 0
    for _ in clean_many(gen(), jobs=2, entities=False, window=4):
        out += 1
        most = max(most, pulled - out)
    assert out == 40
    assert most <= 4


@pytest.mark.parametrize("jobs", JOBS)
def test_failing_input_iterator_finishes_then_raises(jobs: int) -> None:
    def gen() -> Iterator[Mapping[str, str]]:
        yield from docs(3)
        raise ValueError("input stream broke")

    seen: list[str] = []
    with pytest.raises(ValueError, match="input stream broke"):
        for art in clean_many(gen(), jobs=jobs, entities=False):
            seen.append(str(art.source))
    assert seen == ["doc000", "doc001", "doc002"]


def test_early_stop_leaves_no_worker_behind() -> None:
    import multiprocessing

    it = clean_many(docs(20), jobs=2, entities=False)
    assert next(it).source == "doc000"
    it.close()  # type: ignore[attr-defined]
    assert [p for p in multiprocessing.active_children() if p.name == "newsclean-worker"] == []
