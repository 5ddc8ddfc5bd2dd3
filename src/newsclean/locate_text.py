"""Find the article inside a full-page text dump (a page's whole visible text, one line per block).

A scraper that saves a page's visible text keeps menus, tickers, share buttons, related lists
and footers around the story. The story is the densest run of prose: lines that end a
sentence (``다.``, ``요.``, ``까?``) and long lines, interrupted at most by single short lines
(subheadings, ``[앵커]`` markers). The locator

1. scores every line (prose counts its length, a short line that ends no sentence costs a
   penalty, lines in another script or from the chrome phrase tables count as short) and takes
   the best-scoring run of lines (maximum-sum segment) as the story's core;
2. looks for the anchor before the core: the first-seen date line (``입력 2016-09-18 03:00``,
   ``2017.04.20. 오후 3:53``, ``김이영 2026. 3. 21. 21:43``) with the headline right before it
   (bylines, e-mail lines and short buttons may stand between them); without a date line the
   headline is the last headline-like line before the core;
3. cuts the core at a copyright line that closes the story, drops runs of short lines inside
   it (menus, link lists) and keeps the lines around it that carry metadata (bylines, e-mail
   lines, copyright, tip-line promos, staff credits) so that the strip rules record reporters
   and publisher and log them by name;
4. logs every other line as outside the article (``textdump.menu`` for runs of menu items,
   ``textdump.outside-article`` for the rest, or the chrome phrase's own rule name).

Thresholds and anchor phrases are data: ``data/textdump.json``. No site-specific code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from . import regexcache
from .blocks import Block
from .textlines import (
    LETTER,
    MAX_ANCHOR_TRIES,
    PREFIX,
    chrome_rule,
    ends_strong,
    hangul_share,
    inline_rule,
    inner_box,
    is_byline_line,
    is_date_line,
    is_prose,
    is_short,
    is_subheading,
    is_title_like,
    is_widget_line,
    rules,
    skippable_before_title,
)

# ---------------------------------------------------------------- the locator


@dataclass(slots=True)
class Located:
    """Where the article stands in a dump's lines (indices into the block list)."""

    title: int | None
    core: tuple[int, int]  # first and last line of the story, inclusive
    date_lines: list[int] = field(default_factory=list)


def line_scores(blocks: list[Block], foreign_filter: bool) -> list[float]:
    r = rules()
    out = []
    for b in blocks:
        t = b.text
        n = len(t)
        if inline_rule(t) is not None:  # an ad label or a caption inside the story does not break it
            out.append(0.0)
        elif chrome_rule(t) is not None or is_widget_line(t) or (foreign_filter and hangul_share(t) < 0.3):
            out.append(-r.short_penalty)
        elif ends_strong(t):
            out.append(float(n))
        elif n >= r.long_chars or is_prose(t):
            out.append(n * r.long_weight)
        else:
            out.append(-r.short_penalty)
    texts = [b.text for b in blocks]
    for i in range(len(texts)):
        out[i : i + inner_box(texts, i)] = [0.0] * inner_box(texts, i)  # a related box inside the story
        if 0 < i < len(texts) - 1 and is_subheading(texts, i):
            out[i] = 0.0
    return out


def best_run(scores: list[float], lo: int = 0, hi: int | None = None) -> tuple[int, int, float]:
    """The maximum-sum run ``scores[i..j]`` within ``[lo, hi)`` (Kadane)."""
    hi = len(scores) if hi is None else hi
    best = (lo, lo - 1, 0.0)
    start, total = lo, 0.0
    for i in range(lo, hi):
        if total <= 0:
            start, total = i, 0.0
        total += scores[i]
        if total > best[2]:
            best = (start, i, total)
    return best


MENU_SEPARATOR = regexcache.compile(r"\s[|>·/]\s")  # "정치 | 사회 | 지역": a menu, not a headline
TITLE_SEPARATORS = frozenset("-|:–—<")  # what follows a headline in its page-title copy ("제목 - 가상일보")


class RepeatIndex:
    """Which lines a dump repeats: the same text, or a longer line that starts with it (a page-title line)."""

    def __init__(self, blocks: list[Block]) -> None:
        self.count: dict[str, int] = {}
        self.by_prefix: dict[str, list[str]] = {}
        for b in blocks:
            self.count[b.text] = self.count.get(b.text, 0) + 1
            self.by_prefix.setdefault(b.text[:PREFIX], []).append(b.text)

    def repeated(self, text: str) -> bool:
        if self.count.get(text, 0) > 1:
            return True
        return self.titled(text)

    def titled(self, text: str) -> bool:
        """A longer line is ``text`` and a separator: the page-title copy of a headline (``제목 - 가상일보``),
        not a ticker item that glues its age to the headline (``제목53분 전``)."""
        return any(
            o != text and o.startswith(text) and o[len(text) :].lstrip()[:1] in TITLE_SEPARATORS
            for o in self.by_prefix.get(text[:PREFIX], ())
        )


def find_title_before(blocks: list[Block], i: int, index: RepeatIndex | None = None) -> int | None:
    """The headline above line ``i``: the closest headline-like line whose page-title copy the dump
    holds (``제목 - 가상일보``), else the closest one it repeats outside a headline list, else the
    closest one, or the line just above it when the two stand as a headline and its subtitle
    (two headline-like lines in a row, not a list of headlines).

    The walk goes back over bylines, dates, buttons and other short lines and stops at prose.
    """
    r = rules()
    candidates: list[int] = []
    for j in range(i - 1, max(-1, i - 1 - r.look_back), -1):
        t = blocks[j].text
        if is_title_like(t) and not is_byline_line(t) and not is_date_line(t):
            candidates.append(j)
        elif not (skippable_before_title(t) or is_short(t)):
            break
    if len(candidates) > 1:
        index = index or RepeatIndex(blocks)
        for j in candidates:  # the page-title copy names the headline
            if index.titled(blocks[j].text):
                return j
        for j in candidates:  # so does a verbatim copy, unless the line stands in a list of headlines
            if index.count.get(blocks[j].text, 0) > 1 and not in_headline_list(blocks, j):
                return j
    if (
        len(candidates) > 1
        and candidates[1] == candidates[0] - 1
        and not in_headline_list(blocks, candidates[0])
        and not MENU_SEPARATOR.search(blocks[candidates[1]].text)
    ):
        return candidates[1]  # headline, then its subtitle
    return candidates[0] if candidates else None


def in_headline_list(blocks: list[Block], j: int) -> bool:
    """Line ``j`` and its neighbours make a run of three or more headline-like lines (a teaser list)."""
    lo = j
    while lo > 0 and is_title_like(blocks[lo - 1].text):
        lo -= 1
    hi = j
    while hi + 1 < len(blocks) and is_title_like(blocks[hi + 1].text):
        hi += 1
    return hi - lo + 1 >= rules().menu_run


def run_after(scores: list[float], d: int, window: int) -> tuple[int, int, float]:
    """The run of prose that follows line ``d`` (a header): it starts at the first positive line
    within ``window`` lines and ends where its running score peaks before falling to zero."""
    start = next((i for i in range(d + 1, min(len(scores), d + 1 + window)) if scores[i] > 0), None)
    if start is None:
        return d + 1, d, 0.0
    end, best, total = start, 0.0, 0.0
    for j in range(start, len(scores)):
        total += scores[j]
        if total <= 0:
            break
        if total > best:
            end, best = j, total
    return start, end, best


def copied_run(blocks: list[Block], scores: list[float], s: int, e: int) -> bool:
    """Most prose lines of ``[s, e]`` stand elsewhere in the dump too (verbatim or inside a longer
    line): a summary box or a teaser block that copies the story, not the story."""
    prose = [i for i in range(s, e + 1) if scores[i] > 0]
    outside = [b.text for k, b in enumerate(blocks) if not s <= k <= e]
    copies = sum(1 for i in prose if any(blocks[i].text in o for o in outside))
    return copies * 2 >= len(prose) > 0


def _first_anchor(blocks: list[Block], dates: Iterable[int], index: RepeatIndex) -> tuple[int, int] | None:
    """The first (date line, headline) pair among ``dates`` (tries a bounded number of date lines)."""
    for n, d in enumerate(dates):
        if n >= MAX_ANCHOR_TRIES:
            return None
        t = find_title_before(blocks, d, index)
        if t is not None:
            return d, t
    return None


def locate(blocks: list[Block]) -> Located | None:
    """The story's core and its headline in a full-page dump (None when there is no prose)."""
    if not blocks:
        return None
    r = rules()
    lettered = [b for b in blocks if LETTER.search(b.text)]
    korean = sum(1 for b in lettered if hangul_share(b.text) >= 0.5)
    foreign_filter = korean * 2 >= len(lettered)  # a Korean page: lines in other scripts are not its story
    scores = line_scores(blocks, foreign_filter)
    dates = [i for i, b in enumerate(blocks) if is_date_line(b.text)]
    s, e, total = best_run(scores)
    if total <= 0:
        return None
    title: int | None = None
    # The article's own header (a date line with its headline): inside the best run (teasers above
    # the header joined it), else the last one before it, else the first one after it.
    index = RepeatIndex(blocks)
    inside = _first_anchor(blocks, (d for d in dates if s <= d <= e), index)
    if inside is not None:
        d, t = inside
        s2, e2, total2 = best_run(scores, d + 1)
        if total2 > 0:
            s, e, title = s2, e2, t
    if title is None:
        before = _first_anchor(blocks, (d for d in reversed(dates) if d < s), index)
        if before is not None:
            d, t = before
            s2, e2, total2 = run_after(scores, d, r.head_window)
            if s2 < s and total2 >= r.anchor_share * total and not copied_run(blocks, scores, s2, e2):
                s, e, title = s2, e2, t  # a sidebar outscored the story under the header
            elif s - d <= r.head_window * 2:
                title = t
    if title is None:
        after = _first_anchor(blocks, (d for d in dates if d > e), index)
        if after is not None:  # the best run lies before the article's own header: search after it
            d, t = after
            s2, e2, total2 = best_run(scores, d + 1)
            if total2 > 0:
                s, e, title = s2, e2, t
    if title is None:
        title = find_title_before(blocks, s, index)
    return Located(title=title, core=(s, e), date_lines=dates)


def is_tidy(blocks: list[Block]) -> bool:
    """Headline first, then the story: the seed's shape (no menus before the first prose)."""
    if not blocks or len(blocks[0].text) < rules().min_title_chars or is_prose(blocks[0].text):
        return False
    if is_widget_line(blocks[0].text):  # a button first ("저장된 페이지 보기"): a page, not a headline
        return False
    short = 0
    for b in blocks[1:]:
        if is_prose(b.text):
            return short <= rules().max_short_before_body
        if is_short(b.text) and not is_date_line(b.text):
            short += 1
            if short > rules().max_short_before_body:
                return False
    return False
