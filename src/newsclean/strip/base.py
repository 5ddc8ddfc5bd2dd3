"""The strip chain's contract: rules are small named functions ``(blocks, ctx) -> blocks``.

A rule never deletes silently: every block it drops, and every piece it cuts from a block,
goes through its own :meth:`Rule.drop`/:meth:`Rule.cut` and lands in ``ctx.removed`` as
``(rule, text)``. Only a registered :class:`Rule` can log, so a logged name is always a
registered one: names that come from data (a phrase-table entry, a text-dump locator rule) are
registered as *sub-rules* of the rule that applies them when their data file loads.
Rules may also record metadata they find on the way (reporters, publisher, portal).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..article import Removal, Reporter
from ..blocks import Block
from .persons import is_person

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

    def drop(self, rule: Rule, block: Block) -> None:
        self.removed.append(Removal(rule.name, block.text))
        if self.trace is not None:
            self.trace.append((block, rule.name, block.text))

    def cut(self, rule: Rule, text: str) -> None:
        if text.strip():
            self.removed.append(Removal(rule.name, text.strip()))

    def add_reporter(self, name: str, email: str | None = None, role: str | None = None) -> None:
        """Record a reporter once; a later sighting may add the e-mail. A desk or a wire credit
        (연합, 디지털뉴스팀) is not a reporter."""
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
    """A named strip rule; ``what`` and ``example`` feed the rules catalogue in the docs.

    A sub-rule (``parent`` set, ``func`` None) is a name its parent logs under: an entry of a
    phrase table or of the text-dump locator, described by its data file (``source``).
    """

    name: str
    func: RuleFunc | None
    what: str
    example: str = ""
    parent: str | None = None
    source: str = ""  # the data file a sub-rule comes from
    portal: str | None = None  # a chrome entry's portal
    phrases: tuple[str, ...] = ()  # a data-defined rule's phrases (the catalogue shows a few)

    def __call__(self, blocks: list[Block], ctx: Context) -> list[Block]:
        if self.func is None:
            raise TypeError(f"rule {self.name!r} is a sub-rule of {self.parent!r}: it does not run on its own")
        return self.func(blocks, ctx)

    def drop(self, ctx: Context, block: Block) -> None:
        """Log ``block`` as removed by this rule."""
        ctx.drop(self, block)

    def cut(self, ctx: Context, text: str) -> None:
        """Log a piece cut from a block by this rule."""
        ctx.cut(self, text)

    def keep_unless(self, blocks: Iterable[Block], ctx: Context, pred: Callable[[Block], bool]) -> list[Block]:
        """Drop (and log under this rule) the blocks for which ``pred`` is true."""
        out = []
        for b in blocks:
            if pred(b):
                ctx.drop(self, b)
            else:
                out.append(b)
        return out


REGISTRY: dict[str, Rule] = {}


def register(r: Rule) -> Rule:
    """Add ``r`` to the registry; a second, different rule under a taken name is an error."""
    have = REGISTRY.get(r.name)
    if have is not None and have != r:
        raise ValueError(f"rule name {r.name!r} is registered twice ({have.source or have.func}, {r.source or r.func})")
    REGISTRY[r.name] = r
    return r


def rule(name: str, what: str, example: str = "") -> Callable[[RuleFunc], Rule]:
    """Register a strip rule under ``name``."""

    def wrap(func: RuleFunc) -> Rule:
        return register(Rule(name, func, what, example))

    return wrap


def sub_rule(parent: Rule, entry: Mapping[str, Any], source: str, *, name: str | None = None) -> Rule:
    """Register a data entry (``{"rule"?, "what", "example"?, "portal"?}``) as a sub-rule of ``parent``."""
    phrases = tuple(str(p) for key in ("exact", "prefix", "regex", "markers") for p in entry.get(key) or ())
    return register(
        Rule(
            name or entry["rule"],
            None,
            entry.get("what", ""),
            entry.get("example", ""),
            parent=parent.name,
            source=source,
            portal=entry.get("portal"),
            phrases=phrases,
        )
    )


def rule_named(name: str) -> Rule:
    """The registered rule ``name`` (KeyError: a name nobody registered cannot be logged)."""
    return REGISTRY[name]
