"""Text dumps: what a scraper saved as text becomes the same blocks the HTML path makes.

Two shapes: a *tidy* dump (headline on the first line, then the story, as the seed) and a
*full-page* dump (the page's whole visible text: menus, tickers, the story, footers). The
full-page locator lives in :mod:`newsclean.locate_text` (where the story is) and
:mod:`newsclean.split_text` (what is kept and logged); line features in :mod:`newsclean.textlines`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cache

from . import locate_text, saferegex, split_text, textlines
from .blocks import Block, clean_line
from .extracted import DocMeta, Extracted
from .html import meta_publisher
from .resources import load_json
from .strip import TEXT_CHAIN, Context, Rule, rule_named, run_chain
from .strip.base import register, sub_rule

log = logging.getLogger(__name__)

TIDY_DATE_LINES = 3  # a tidy dump may carry its date line right under the headline


@dataclass(slots=True)
class DumpDoc:
    """A dump split into blocks, with what its own lines say of the article.

    ``dropped`` are lines removed before the strip rules run, each with the rule that removed
    it (the pipeline logs them through the strip Context).
    """

    blocks: list[Block]
    title: str | None = None
    removed_title: Block | None = None
    meta: dict[str, str] = field(default_factory=dict)
    dropped: list[tuple[Block, str]] = field(default_factory=list)
    full_page: bool = False


def lines_to_blocks(text: str) -> list[Block]:
    """One block per non-empty line, in order, with its line number as path; a photo caption
    glued before the lead's dateline ("▲ 사진 설명[가상=홍길동 기자] 본문…") is a line of its own."""
    blocks = []
    glued = textlines.rules().glued_caption
    for n, raw in enumerate(text.splitlines(), 1):
        line = clean_line(raw)
        m = saferegex.match(glued, line) if line[:1] in textlines.rules().caption_marks else None
        if m:
            blocks.append(Block(line[: m.end("caption")].strip(), path=f"line:{n}"))
            line = line[m.end("caption") :].strip()
        if line:
            blocks.append(Block(line, path=f"line:{n}"))
    return blocks


def _tidy_drops(blocks: list[Block]) -> list[str | None]:
    """The rule that drops each line of a tidy dump's story, or None: widget lines no phrase table
    knows (a table's own rule logs the ones it knows), ad labels, captions, related boxes and
    teasers after the story's last sentence."""
    texts = [b.text for b in blocks]
    drop: list[str | None] = []
    for t in texts:
        if textlines.is_widget_line(t) and textlines.chrome_rule(t) is None:
            drop.append(textlines.WIDGET)
        else:
            drop.append(textlines.inline_rule(t))
    for i in range(len(texts)):
        for j in range(i, i + textlines.inner_box(texts, i)):
            drop[j] = textlines.TEASERS
    # Between the last sentence and the tail (bylines, credits, copyright, a source line): a
    # short line that ends no sentence is a teaser glued under the story ("[리그] 다음 라운드
    # 미리보기"); a bracketed series tag is left to its rule, and the tail to the strip chain.
    last = max((i for i, t in enumerate(texts) if textlines.KOREAN_END.search(t)), default=len(texts))
    for i in range(last + 1, len(texts)):
        t = texts[i]
        if drop[i] is not None or textlines.is_tail_line(t) or textlines.DATEISH.search(t) or not textlines.is_short(t):
            break
        if not (t.startswith("[") and t.endswith("]")):
            drop[i] = textlines.TRAILER
    return drop


def read_dump(text: str) -> DumpDoc:
    """Blocks of a dump: tidy dumps keep every line after the headline; full-page dumps keep the story."""
    blocks = lines_to_blocks(text)
    if not blocks:
        return DumpDoc([])
    if not locate_text.is_tidy(blocks):
        split = split_text.split_full_page(blocks)
        if split is not None:
            log.debug("full-page dump: %d story lines, %d lines outside", len(split.keep), len(split.dropped))
            return DumpDoc(
                split.keep,
                title=split.title.text if split.title else None,
                removed_title=split.title,
                meta=split.meta,
                dropped=split.dropped,
                full_page=True,
            )
    first = blocks[0]
    drop = _tidy_drops(blocks[1:])
    rest = [b for b, d in zip(blocks[1:], drop, strict=True) if d is None]
    log.debug("tidy dump: the first line is the headline")
    doc = DumpDoc(rest, title=first.text, removed_title=first)
    doc.dropped.extend((b, d) for b, d in zip(blocks[1:], drop, strict=True) if d is not None)
    for i, b in enumerate(rest[:TIDY_DATE_LINES]):
        if textlines.is_date_line(b.text):
            published, modified = textlines.date_of(b.text)
            if published:
                doc.meta["published"] = published
                if modified:
                    doc.meta["modified"] = modified
                doc.dropped.append((b, textlines.DATE))
                doc.blocks = rest[:i] + rest[i + 1 :]
            break
    return doc


LOCATOR = register(
    Rule(
        "textdump",
        None,
        "The text-dump locator: lines it leaves out of the story before the strip chain runs are logged "
        "under its sub-rules (data/textdump.json) or under the chrome phrase that matched them.",
    )
)


@cache
def locator_rules() -> dict[str, Rule]:
    """The locator's rule names (``data/textdump.json``), registered as sub-rules of ``textdump``."""
    data = load_json("textdump.json")["rules"]
    return {n: sub_rule(LOCATOR, e, "textdump.json", name=n) for n, e in data.items() if not n.startswith("_")}


def extract_text(text: str) -> Extracted:
    """The text path: a dump's blocks through the strip chain, with what its own lines say."""
    doc = read_dump(text)
    ctx = Context(title=doc.title)
    named = locator_rules()
    if doc.removed_title is not None:
        named["title"].drop(ctx, doc.removed_title)
    for block, rule_name in doc.dropped:  # lines the dump locator left out of the story
        (named.get(rule_name) or rule_named(rule_name)).drop(ctx, block)
    blocks_in = len(doc.blocks) + len(doc.dropped) + (1 if doc.removed_title else 0)
    kept = run_chain(doc.blocks, ctx, TEXT_CHAIN)
    if not ctx.reporters:  # a broadcaster's sign-off ("가상뉴스 홍길동입니다.") names the reporter
        name = next((n for b in reversed(kept) if (n := textlines.signoff_name(b.text))), None)
        if name:
            ctx.add_reporter(name)
    publisher, pub_source = _dump_publisher(doc.meta.get("publisher"), ctx.publisher, text)
    published = doc.meta.get("published")
    found = (
        ("title", "dump:headline" if doc.title else None),
        ("published", "dump:date-line" if published else None),
        ("publisher", pub_source),
    )
    meta = DocMeta(
        portal=doc.meta.get("portal") or ctx.portal, publisher=publisher or ctx.publisher, title=ctx.title,
        published=published, modified=doc.meta.get("modified"), reporters=tuple(ctx.reporters),
        meta_sources={k: v for k, v in found if v} or None,
    )
    return Extracted(kept, ctx, blocks_in, meta)


def _dump_publisher(located: str | None, body: str | None, text: str) -> tuple[str | None, str | None]:
    """A dump's publisher and its source: the copyright line the locator or the strip chain
    found; without one, or for a website brand (동아닷컴, 매경AX), a portal's source line
    ("기사제공 가상연예"), else a press name standing alone on the page's lines (its logo, its
    masthead) or glued before a date label ("가상일보입력 2020.12.28 …")."""
    pub, source = (located, "dump:copyright") if located else (body, "body") if body else (None, None)
    if pub and not meta_publisher.is_web_brand(pub):
        return pub, source
    raw = text.splitlines()
    sourced = [("dump:source-line", n) for n in textlines.source_names(raw)]
    lines = [("dump:name-line", n) for n in meta_publisher.name_lines([*raw, *textlines.dated_names(raw)])]
    chosen = meta_publisher.choose([(source or "", pub)] if pub else [], None, lambda: [*sourced, *lines])
    return (chosen[1], chosen[0]) if chosen else (None, None)
