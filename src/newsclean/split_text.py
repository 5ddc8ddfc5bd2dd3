"""Split a full-page text dump into the story (with its metadata lines) and the logged rest.

:func:`newsclean.locate_text.locate` says where the story stands; this module cuts it at a
closing copyright line, drops menu runs and edge teasers inside it, keeps the bylines, credits
and copyright lines around it for the strip rules, reads the date line under the headline, and
logs every other line under a named rule (``textdump.*``).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import publishers
from .blocks import Block
from .dates import parse_date
from .locate_text import RepeatIndex, locate
from .strip import tail
from .textlines import (
    AFTER_COPYRIGHT,
    DATE,
    DATEISH,
    KOREAN_END,
    MENU,
    OUTSIDE,
    TEASERS,
    TRAILER,
    WIDGET,
    card_credit,
    chrome_rule,
    date_of,
    header_credit,
    inline_rule,
    inner_box,
    is_byline_line,
    is_closing_copyright,
    is_date_line,
    is_portal_footer,
    is_prose,
    is_short,
    is_signoff,
    is_tail_line,
    is_title_like,
    is_widget_line,
    rules,
)

# ---------------------------------------------------------------- splitting a dump


@dataclass(slots=True)
class Split:
    """A full-page dump split into what the strip rules see and what was dropped already."""

    keep: list[Block]
    dropped: list[tuple[Block, str]]
    title: Block | None
    meta: dict[str, str]


def _outside_rule(blocks: list[Block], i: int, meta: dict[str, str]) -> str:
    """The rule name under which an outside line is logged."""
    t = blocks[i].text
    phrase_rule = chrome_rule(t)
    if phrase_rule is not None:
        return phrase_rule
    if is_widget_line(t):
        return WIDGET
    if is_short(t):
        run = 1
        j = i - 1
        while j >= 0 and is_short(blocks[j].text) and run < rules().menu_run:
            run, j = run + 1, j - 1
        j = i + 1
        while j < len(blocks) and is_short(blocks[j].text) and run < rules().menu_run:
            run, j = run + 1, j + 1
        if run >= rules().menu_run:
            return MENU
    return OUTSIDE


def _menu_runs(blocks: list[Block], lo: int, hi: int) -> set[int]:
    """Indices in ``[lo, hi]`` inside runs of ``menu_run`` or more short lines."""
    out: set[int] = set()
    i = lo
    while i <= hi:
        if not is_short(blocks[i].text):
            i += 1
            continue
        j = i
        while j <= hi and is_short(blocks[j].text):
            j += 1
        if j - i >= rules().menu_run:
            out.update(range(i, j))
        i = j
    return out


def teaser_list_start(blocks: list[Block], s: int, e: int, index: RepeatIndex) -> int | None:
    """Where a related-news list closing the run ``[s, e]`` starts: pairs of (headline-like line,
    one prose line) running to ``e``, after a list heading or with headlines the dump repeats."""
    r = rules()
    i, pairs = e, 0
    while i - 1 > s and is_prose(blocks[i].text) and not is_prose(blocks[i - 1].text):
        if not is_title_like(blocks[i - 1].text):
            break
        pairs, i = pairs + 1, i - 2
    if pairs < r.teaser_pairs:
        return None
    start = i + 1
    heads = [blocks[j].text for j in range(start, e + 1, 2)]
    after_heading = blocks[start - 1].text in r.list_headings
    if after_heading or sum(index.count.get(h, 0) > 1 for h in heads) * 2 >= len(heads):
        return start
    return None


def portal_of(blocks: list[Block]) -> str | None:
    """The portal whose markers (``NAVER Corp``, ``Kakao Corp`` ...) the dump shows."""
    marks = rules().portal_markers
    for b in blocks:
        m = marks.search(b.text)
        if m and m.lastgroup:
            return m.lastgroup
    return None


def _publisher_from_footer(blocks: list[Block], after: int) -> str | None:
    """The publisher named in a copyright line outside the story (nearest after it first)."""
    r = rules()
    order = list(range(after, len(blocks))) + list(range(after - 1, -1, -1))
    for i in order:
        t = blocks[i].text
        if not tail.is_copyright(t):
            continue
        name = publishers.find_in_text(t)
        if name is None:
            from_copyright = getattr(publishers, "from_copyright", None)
            name = from_copyright(t) if from_copyright else None
        if name and name.lower() not in r.not_publishers:
            return name
    return None


def split_full_page(blocks: list[Block]) -> Split | None:
    """Keep the story and its metadata lines; drop (with a rule name) everything else."""
    loc = locate(blocks)
    if loc is None:
        return None
    r = rules()
    s, e = loc.core
    meta: dict[str, str] = {}
    # A copyright line that closes the story ends it, whatever prose follows (footers); so does
    # a broadcaster's sign-off ("MBC뉴스 김하늘입니다."), which stays as the story's last line.
    for i in range(s, e + 1):
        if is_closing_copyright(blocks[i].text) and i > s:
            e = i - 1
            break
        if is_signoff(blocks[i].text) and i > s:
            e = i
            break
    role: dict[int, str] = {}  # index -> "keep" or the rule that drops it
    teasers = teaser_list_start(blocks, s, e, RepeatIndex(blocks))
    if teasers is not None:
        for i in range(teasers, e + 1):
            role[i] = TEASERS
        e = teasers - 1
    # Short lines that end no Korean sentence at the story's edges are teasers, not story.
    while e > s and len(blocks[e].text) < r.prose_chars and not KOREAN_END.search(blocks[e].text):
        if not is_tail_line(blocks[e].text):  # tail lines are left to the tail scan below
            role[e] = TRAILER
        e -= 1
    for i in _menu_runs(blocks, s, e):
        role[i] = MENU
    texts = [b.text for b in blocks]
    for i in range(s, e + 1):
        for j in range(i, i + inner_box(texts, i)):
            role[j] = TEASERS
    for i in range(s, e + 1):
        if i not in role and is_widget_line(blocks[i].text) and chrome_rule(blocks[i].text) is None:
            role[i] = WIDGET
        elif i not in role and i > s and (inline := inline_rule(blocks[i].text)) is not None:
            role[i] = inline
    # The header between headline and story: date lines become metadata, bylines go to the rules.
    head_lo = loc.title + 1 if loc.title is not None and loc.title < s else max(0, s - r.head_window)
    credits: dict[int, str] = {}  # header lines that open with a credit glued to a date or a button
    for i in range(head_lo, s):
        t = blocks[i].text
        credit = header_credit(t)
        if is_date_line(t) and "published" not in meta:
            published, modified = date_of(t)
            if published:
                meta["published"] = published
                if modified:
                    meta["modified"] = modified
                role[i] = DATE
                if credit:
                    credits[i] = credit
                continue
        if is_byline_line(t):
            role[i] = "keep"
        elif credit:
            credits[i] = credit
    # The tail after the story: bylines, credits, promos and the copyright line, up to it.
    j = e + 1
    end = min(len(blocks), e + 1 + r.tail_window)
    seen_copyright = False
    while j < end:
        t = blocks[j].text
        if is_portal_footer(t):
            break
        if is_tail_line(t):
            role[j] = "keep"
            if tail.is_copyright(t):
                seen_copyright = True
        elif seen_copyright:
            break
        j += 1
    card = next((j for j in range(e + 1, end) if j not in role and card_credit(blocks[j].text)), None)
    if card is not None:  # a reporter card after the story: its credit (with the e-mail) is a byline
        credits[card] = card_credit(blocks[card].text) or ""
    if "published" not in meta:  # a date inside a header line ("[경향신문] 2010-02-19 31면 ...")
        for i in range(head_lo, s):
            t = blocks[i].text
            if len(t) <= r.date_line_max and DATEISH.search(t) and not is_prose(t):
                published = parse_date(t)
                if published:
                    meta["published"] = published
                    break
    if "published" not in meta:
        for d in loc.date_lines:
            if d < s:
                published, modified = date_of(blocks[d].text)
                if published:
                    meta["published"] = published
                    role.setdefault(d, DATE)
    keep: list[Block] = []
    dropped: list[tuple[Block, str]] = []
    title_block = blocks[loc.title] if loc.title is not None else None
    for i, b in enumerate(blocks):
        if i == loc.title:
            continue
        rule_name = role.get(i)
        if i in credits:  # the credit goes to the byline rule, the rest of the line is logged
            keep.append(Block(credits[i], path=b.path))
        if rule_name == "keep" or (s <= i <= e and rule_name is None):
            keep.append(b)
        elif rule_name is not None:
            dropped.append((b, rule_name))
        elif e < i <= loc.core[1]:
            dropped.append((b, AFTER_COPYRIGHT))
        else:
            dropped.append((b, _outside_rule(blocks, i, meta)))
    if not any(tail.is_copyright(b.text) for b in keep):
        name = _publisher_from_footer(blocks, e + 1)
        if name:
            meta["publisher"] = name
    portal = portal_of(blocks)
    if portal:
        meta["portal"] = portal
    return Split(keep=keep, dropped=dropped, title=title_block, meta=meta)
