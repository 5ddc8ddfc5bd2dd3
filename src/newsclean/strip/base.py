"""The strip chain's contract: rules are small named functions ``(blocks, ctx) -> blocks``.

A rule never deletes silently: every block it drops, and every piece it cuts from a block,
goes through ``ctx.drop``/``ctx.cut`` and lands in ``ctx.removed`` as ``(rule, text)``.
Rules may also record metadata they find on the way (reporters, publisher, portal).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import NamedTuple

from ..article import Removal, Reporter
from ..blocks import Block

# ``--explain`` reports: (block, rule that dropped it or None, its text at that moment).
TraceEntry = tuple[Block, str | None, str]
_TRACE: ContextVar[list[TraceEntry] | None] = ContextVar("newsclean_trace", default=None)


def _active_trace() -> list[TraceEntry] | None:
    return _TRACE.get()


@contextmanager
def tracing() -> Iterator[list[TraceEntry]]:
    """Record every block the Contexts created inside see (run_chain) and drop, in order."""
    trace: list[TraceEntry] = []
    token = _TRACE.set(trace)
    try:
        yield trace
    finally:
        _TRACE.reset(token)


@dataclass(slots=True)
class Context:
    """What the rules share while one document is stripped.

    ``trace`` is None on the normal path; inside ``tracing()`` it records the blocks in order
    with the rule that dropped each one (the explain report draws the page from it).
    """

    portal: str | None = None
    publisher: str | None = None
    title: str | None = None
    reporters: list[Reporter] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    duplicates_removed: int = 0
    trace: list[TraceEntry] | None = field(default_factory=_active_trace)

    def drop(self, rule: str, block: Block) -> None:
        self.removed.append(Removal(rule, block.text))
        if self.trace is not None:
            self.trace.append((block, rule, block.text))

    def cut(self, rule: str, text: str) -> None:
        if text.strip():
            self.removed.append(Removal(rule, text.strip()))

    def add_reporter(self, name: str, email: str | None = None, role: str | None = None) -> None:
        """Record a reporter once; a later sighting may add the e-mail. A desk or a wire credit
        (연합, 디지털뉴스팀) is not a reporter."""
        from .byline import is_person

        if not is_person(name):
            return
        for i, have in enumerate(self.reporters):
            if have.name == name:
                if email and not have.email:
                    self.reporters[i] = Reporter(name, email, have.role or role)
                return
            if email and have.email == email:
                return
        self.reporters.append(Reporter(name, email, role))

    def set_portal(self, portal: str | None) -> None:
        if portal and not self.portal:
            self.portal = portal


RuleFunc = Callable[[list[Block], Context], list[Block]]


class Rule(NamedTuple):
    """A named strip rule; ``what`` and ``example`` feed the rules catalogue in the docs."""

    name: str
    func: RuleFunc
    what: str
    example: str = ""

    def __call__(self, blocks: list[Block], ctx: Context) -> list[Block]:
        return self.func(blocks, ctx)


REGISTRY: dict[str, Rule] = {}


def rule(name: str, what: str, example: str = "") -> Callable[[RuleFunc], Rule]:
    """Register a strip rule under ``name``."""

    def wrap(func: RuleFunc) -> Rule:
        r = Rule(name, func, what, example)
        REGISTRY[name] = r
        return r

    return wrap


def keep_unless(blocks: Iterable[Block], ctx: Context, name: str, pred: Callable[[Block], bool]) -> list[Block]:
    """Drop (and log under ``name``) the blocks for which ``pred`` is true."""
    out = []
    for b in blocks:
        if pred(b):
            ctx.drop(name, b)
        else:
            out.append(b)
    return out
