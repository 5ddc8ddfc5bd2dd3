"""Batches: one record per input, in input order, whatever happens to any one input.

``clean_many`` is the engine of the CLI and of every batch job:

- **exactly one record per input**, in input order. A failure is a record (``status`` error,
  timeout or skipped, ``error`` = ``"ExceptionType: message"``), never a crash and never a gap,
  including a worker process that dies (segfault, OOM kill): the batch notices, emits an error
  record for the input that worker held, starts a new worker and goes on.
- **time limit** per record (``timeout`` seconds, default :data:`DEFAULT_TIMEOUT`; ``0`` or
  ``None``: none) and an **input size cap** (``max_bytes``, default
  :data:`newsclean.inputs.DEFAULT_MAX_BYTES`).
- **bounded memory**: inputs are pulled lazily and at most ``window`` items are in flight or
  waiting for their turn in the output order; outputs are yielded as soon as they are due.

``jobs == 1`` runs in this process (the time limit is a ``SIGALRM`` timer, active in the main
thread of a POSIX process); Kiwi is built when the first text reaches entity extraction.
``jobs > 1`` forks worker processes *after* preloading Kiwi and the extraction modules, so every
worker shares the loaded model — but only once the first input has arrived: a batch with nothing
to do (``--resume`` with every input done) loads nothing; each worker holds one input at a
time, so the parent always knows which input a dead or stuck worker was cleaning. Inside a
worker the same ``SIGALRM`` timer stops a slow record cleanly; a worker stuck in C code past
``timeout + KILL_GRACE`` seconds is killed and replaced.
"""

from __future__ import annotations

import gc
import itertools
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import inputs as _inputs
from . import limits
from .article import Article, error_text
from .inputs import DEFAULT_MAX_BYTES, Item, Options, source_of

if TYPE_CHECKING:  # multiprocessing is imported only when a pool is used (~20 ms saved per run)
    from multiprocessing.connection import Connection

DEFAULT_TIMEOUT = limits.RECORD_TIMEOUT
"""Seconds one input may take before it becomes a ``timeout`` record."""

KILL_GRACE = 5.0
"""Seconds past the time limit before a worker that does not answer is killed."""


class RecordTimeout(BaseException):
    """Raised by the alarm timer inside one record; a BaseException so ``except Exception``
    handlers in the pipeline do not turn it into an ordinary error record."""


def safe_source(item: Any) -> str:
    try:
        return source_of(item)
    except Exception:
        return repr(item)[:200]


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`RecordTimeout` in the block after ``seconds`` (main thread, POSIX only)."""
    usable = (
        seconds is not None
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def on_alarm(signum: int, frame: Any) -> None:
        raise RecordTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, float(seconds or 0))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timeout_record(source: str, seconds: float | None, detail: str = "") -> Article:
    return Article.failure(source, "timeout", f"Timeout: no result within {seconds:g} s{detail}")


def run_one(item: Item, opts: Options, timeout: float | None) -> Article:
    """One input → one record, within the time limit; never raises (except KeyboardInterrupt)."""
    source = safe_source(item)
    try:
        with time_limit(timeout):
            art = _inputs.process(item, opts)
    except RecordTimeout:
        return timeout_record(source, timeout)
    except Exception as exc:  # process() does not raise; a bug or a test hook might
        return Article.failure(source, "error", error_text(exc))
    if not isinstance(art, Article):
        return Article.failure(source, "error", f"TypeError: process returned {type(art).__name__}")
    return art


WARM_PAGE = (
    "<html><head><meta charset='utf-8'><title>예열</title></head><body><article>"
    "<p>예열용 문단입니다. 처리 모듈과 규칙 표를 미리 읽어 둡니다.</p></article></body></html>"
)


def preload(entities: bool = True) -> None:
    """Import the extraction modules, fill their lazy caches (phrase tables, site profiles,
    compiled patterns) and build Kiwi here, so forked workers share them instead of each
    building its own."""
    from .pipeline import clean, clean_text

    with suppress(Exception):  # a failure here shows again, per record, where it belongs
        clean(WARM_PAGE, url="https://warm.invalid/a", entities=False)
        clean_text("예열\n예열용 문단입니다.", entities=False)
    if not entities:
        return
    try:
        from . import entities as _entities

        warm = getattr(_entities, "warm", None)
        if warm is not None:  # Kiwi, gazetteers and compiled patterns
            warm()
        else:
            _entities.extract_entities("중기부")
    except ImportError:
        pass
    except Exception as exc:  # a broken model is reported per record, not here
        print(f"newsclean: warning: entity preload failed: {error_text(exc)}", file=sys.stderr)


def clean_many(
    inputs: Iterable[Item],
    *,
    jobs: int = 1,
    entities: bool = True,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    window: int | None = None,
) -> Iterator[Article]:
    """Clean every input; yields exactly one Article per input, in input order.

    ``window`` bounds how many inputs are in flight or buffered for ordering (default
    ``4 * jobs``). With ``jobs > 1`` on a system without ``fork``, the batch runs serially.
    ``inputs`` must be an iterable of items: a single path or mapping (a ``str`` would be read
    one character at a time) raises ``TypeError``, as does anything not iterable; an item of a
    wrong type inside it is an ``error`` record like any unreadable input.
    """
    if isinstance(inputs, str | bytes | os.PathLike | Mapping) or not isinstance(inputs, Iterable):
        raise TypeError(
            f"clean_many() argument 'inputs' must be an iterable of paths or mappings, not {type(inputs).__name__}"
        )
    if not isinstance(jobs, int) or isinstance(jobs, bool):
        raise TypeError(f"clean_many() argument 'jobs' must be int, not {type(jobs).__name__}")
    opts = Options(entities=entities, max_bytes=max_bytes)
    if jobs > 1 and "fork" not in _start_methods():
        print("newsclean: warning: no fork on this system; running with --jobs 1", file=sys.stderr)
        jobs = 1
    if jobs <= 1:
        return (run_one(item, opts, timeout) for item in inputs)
    return _Pool(jobs, opts, timeout, window or 4 * jobs).run(iter(inputs))


# --- the fork pool -------------------------------------------------------------------------


def _start_methods() -> list[str]:
    """``multiprocessing.get_all_start_methods()`` without importing multiprocessing (~20 ms)
    for a batch that may never start a worker: fork exists where ``os.fork`` does."""
    return ["fork"] if hasattr(os, "fork") else ["spawn"]


def _wait(objects: list[Any], timeout: float | None) -> list[Any]:
    from multiprocessing.connection import wait

    return wait(objects, timeout)


def _worker_main(conn: Connection, opts: Options, timeout: float | None) -> None:
    """A worker: receive ``(index, item)``, send ``(index, Article)``; ``None`` ends it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            break
        if msg is None:
            break
        index, item = msg
        art = run_one(item, opts, timeout)
        try:
            conn.send((index, art))
        except (EOFError, OSError):
            break
        except Exception as exc:  # the record would not pickle
            conn.send((index, Article.failure(art.source, "error", f"UnpicklableRecord: {error_text(exc)}")))
    conn.close()


@dataclass(slots=True)
class _Task:
    index: int
    source: str
    item: Item
    deadline: float


@dataclass(slots=True)
class _Worker:
    proc: Any
    conn: Connection
    task: _Task | None = None


def _death_text(proc: Any) -> str:
    code = proc.exitcode
    if code is not None and code < 0:
        try:
            how = f"was killed by {signal.Signals(-code).name}"
        except ValueError:
            how = f"was killed by signal {-code}"
    else:
        how = f"exited with code {code}"
    return f"WorkerDied: worker process {proc.pid} {how} while cleaning this input"


class _Pool:
    def __init__(self, jobs: int, opts: Options, timeout: float | None, window: int) -> None:
        self.jobs, self.opts, self.timeout = jobs, opts, timeout
        self.window = max(window, jobs)
        self.ctx: Any = None  # the fork context, made when the first input arrives
        self.workers: list[_Worker] = []
        self.done: dict[int, Article] = {}

    # workers

    def _spawn(self) -> _Worker:
        parent_end, child_end = self.ctx.Pipe(duplex=True)
        proc = self.ctx.Process(
            target=_worker_main, args=(child_end, self.opts, self.timeout), daemon=True, name="newsclean-worker"
        )
        proc.start()
        child_end.close()
        return _Worker(proc, parent_end)

    def _retire(self, w: _Worker, *, kill: bool) -> _Worker:
        """Stop ``w`` (kill it when asked) and put a fresh worker in its place."""
        if kill and w.proc.is_alive():
            w.proc.kill()
        w.proc.join(timeout=5)
        w.conn.close()
        fresh = self._spawn()
        self.workers[self.workers.index(w)] = fresh
        return fresh

    def _deadline(self) -> float:
        if self.timeout is None or self.timeout <= 0:
            return float("inf")
        return time.monotonic() + self.timeout + KILL_GRACE

    def _assign(self, w: _Worker, task: _Task) -> bool:
        """Send a task; on a broken pipe replace the worker once and retry."""
        for attempt in (1, 2):
            try:
                w.conn.send((task.index, task.item))
            except (OSError, EOFError):
                if attempt == 2:
                    self.done[task.index] = Article.failure(
                        task.source, "error", "WorkerDied: could not hand the input to a worker process"
                    )
                    return False
                w = self._retire(w, kill=True)
                continue
            except Exception as exc:  # the item does not pickle
                self.done[task.index] = Article.failure(task.source, "error", f"InvalidInput: {error_text(exc)}")
                return False
            w.task = task
            return True
        return False

    def _collect(self, w: _Worker) -> None:
        """The worker's pipe is readable or it died: take its result or write its error."""
        task = w.task
        assert task is not None
        try:
            if w.conn.poll():
                index, art = w.conn.recv()
                self.done[index] = art
                w.task = None
                return
        except (EOFError, OSError):
            pass
        except Exception as exc:  # a result that does not unpickle
            self.done[task.index] = Article.failure(task.source, "error", f"BrokenResult: {error_text(exc)}")
            w.task = None
            self._retire(w, kill=True)
            return
        if w.proc.is_alive():
            w.proc.join(timeout=1)
        if w.proc.is_alive():  # readable but no message: not dead after all
            return
        self.done[task.index] = Article.failure(task.source, "error", _death_text(w.proc))
        w.task = None
        self._retire(w, kill=False)

    def _expire(self, now: float) -> None:
        for w in list(self.workers):
            if w.task is not None and w.task.deadline <= now:
                task = w.task
                w.task = None
                self.done[task.index] = timeout_record(
                    task.source, self.timeout, f"; worker process {w.proc.pid} stopped"
                )
                self._retire(w, kill=True)

    # the loop

    def run(self, items: Iterator[Item]) -> Iterator[Article]:
        # Nothing to clean (``--resume`` with every input done, an empty list): no model, no
        # workers. The first input is pulled before anything is loaded.
        try:
            first = next(items)
        except StopIteration:
            return
        items = itertools.chain([first], items)
        import multiprocessing

        self.ctx = multiprocessing.get_context("fork")
        preload(self.opts.entities)
        # Objects alive now (the model, tables, modules) are shared with the workers; keep the
        # collector from touching them so the pages stay shared instead of copied on write.
        gc.collect()
        gc.freeze()
        self.workers = [self._spawn() for _ in range(self.jobs)]
        next_in = next_out = 0
        exhausted = False
        failure: BaseException | None = None
        try:
            while True:
                while not exhausted and next_in - next_out < self.window:
                    idle = next((w for w in self.workers if w.task is None), None)
                    if idle is None:
                        break
                    try:
                        item = next(items)
                    except StopIteration:
                        exhausted = True
                        break
                    except Exception as exc:  # the caller's iterator failed: finish, then re-raise
                        failure, exhausted = exc, True
                        break
                    self._assign(idle, _Task(next_in, safe_source(item), item, self._deadline()))
                    next_in += 1
                while next_out in self.done:
                    yield self.done.pop(next_out)
                    next_out += 1
                if exhausted and next_out == next_in:
                    break
                busy = [w for w in self.workers if w.task is not None]
                if not busy:
                    continue
                deadline = min(w.task.deadline for w in busy if w.task is not None)
                wait_for = None if deadline == float("inf") else max(0.0, deadline - time.monotonic())
                ready = set(_wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], wait_for))
                for w in busy:
                    if w.conn in ready or w.proc.sentinel in ready:
                        self._collect(w)
                self._expire(time.monotonic())
        finally:
            self._shutdown()
            gc.unfreeze()
        if failure is not None:
            raise failure

    def _shutdown(self) -> None:
        for w in self.workers:
            if w.task is None:
                with suppress(OSError, EOFError):
                    w.conn.send(None)
            else:
                w.proc.kill()
        for w in self.workers:
            w.proc.join(timeout=2)
            if w.proc.is_alive():
                w.proc.kill()
                w.proc.join(timeout=2)
            w.conn.close()
        self.workers = []
