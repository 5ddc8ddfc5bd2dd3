"""The generic locator: find the article container of a page no profile knows.

Every block-level element with enough inline text is a paragraph unit. A unit's score
(length, commas, Korean sentence endings ``다.``/``요.``, less its link text) goes to the unit
itself, its parent and (halved) its grandparent; the best-scoring element, weighed by its
link density and by chrome/body words in its class or id, is the container. When one child
holds nearly all of the winner's score the child is the container (a ``<br>``-text div).
"""

from __future__ import annotations

from .. import regexcache
from .blockify import BLOCK_TAGS
from .dom import Element, tokens, vocabulary

KOREAN_END = regexcache.compile(r"(?:[다요죠까])[.!?]|[가-힣][.!?][\"'”’」』)]?(?=\s|$)")
MIN_UNIT_CHARS = 20
_LINE = "\x1e"  # where a <br> broke the text of a unit (a control character no page text keeps)
DESCEND_SHARE = 0.85


def unit_score(text: str, link_chars: int) -> float:
    n = len(text)
    if n < MIN_UNIT_CHARS:
        return 0.0
    density = link_chars / n
    if density > 0.6:
        return 0.0
    ends = len(KOREAN_END.findall(text))
    score = 1.0 + min(n / 100.0, 3.0) + 0.3 * min(text.count(","), 10) + 2.0 * min(ends, 10)
    return score * (1.0 - density)


def _lines_score(raw: str, links: int) -> float:
    """A unit's score; text split by ``<br>`` scores line by line, like the paragraphs it stands for."""
    if _LINE not in raw:
        return unit_score(" ".join(raw.split()), links)
    lines = [" ".join(x.split()) for x in raw.split(_LINE)]
    total = sum(len(x) for x in lines) or 1
    return sum(unit_score(x, links * len(x) // total) for x in lines if x)


def locate(root: Element) -> Element | None:
    """The element most likely to hold the article body, or None."""
    voc = vocabulary()
    nodes = [el for el in root.iter() if isinstance(el.tag, str)]
    if not nodes:
        return None
    inline_text: dict[Element, list[str]] = {}
    inline_links: dict[Element, int] = {}
    total_len: dict[Element, int] = {}
    link_len: dict[Element, int] = {}
    score: dict[Element, float] = {}
    # Children come after their parents in document order: walk it backwards (bottom-up).
    for el in reversed(nodes):
        parts = [el.text or ""]
        links = len((el.text or "").strip()) if el.tag == "a" else 0
        tot = len(el.text or "")
        lnk = 0
        for child in el:
            if not isinstance(child.tag, str):
                parts.append(child.tail or "")
                tot += len(child.tail or "")
                continue
            tot += total_len.get(child, 0) + len(child.tail or "")
            lnk += link_len.get(child, 0)
            if child.tag not in BLOCK_TAGS and child in inline_text:
                parts.extend(inline_text.pop(child))
                links += inline_links.pop(child, 0)
            if child.tag == "br":
                parts.append(_LINE)
            parts.append(child.tail or "")
            if el.tag == "a":
                links = sum(len(p.strip()) for p in parts)
        total_len[el] = tot
        link_len[el] = tot if el.tag == "a" else lnk
        if el.tag in BLOCK_TAGS:
            s = _lines_score("".join(parts), links)
            if s:
                score[el] = score.get(el, 0.0) + s
                parent = el.getparent()
                if parent is not None:
                    score[parent] = score.get(parent, 0.0) + s
                    grand = parent.getparent()
                    if grand is not None:
                        score[grand] = score.get(grand, 0.0) + 0.5 * s
        else:
            inline_text[el] = parts
            inline_links[el] = links
    if not score:
        return None
    best: Element | None = None
    best_score = 0.0
    weighted: dict[Element, float] = {}
    for el, s in score.items():
        if el.tag in ("html", "body"):
            s *= 0.5
        toks = tokens(el)
        chrome, body = bool(toks & voc.chrome_tokens), bool(toks & voc.body_tokens)
        if chrome and not body:
            s *= 0.3
        elif body and not chrome:
            s *= 1.2
        # Both (``detail-body font-size``: the body box that the font buttons resize): neither.
        s *= 1.0 - min(1.0, link_len.get(el, 0) / max(1, total_len.get(el, 0)))
        weighted[el] = s
        if s > best_score:
            best, best_score = el, s
    if best is None:
        return None
    return _descend(best, weighted)


def with_siblings(best: Element) -> list[Element]:
    """The container and its siblings of the same kind that also hold body text.

    An article split over several boxes (``div.par`` × 3 around photos) keeps all of them.
    """
    parent = best.getparent()
    if parent is None:
        return [best]
    key = (best.tag, best.get("class"))
    out = []
    for sib in parent:
        if sib is best or (
            isinstance(sib.tag, str)
            and best.get("class")
            and (sib.tag, sib.get("class")) == key
            and _sentences(sib) >= 1
        ):
            out.append(sib)
    return out


def _sentences(el: Element) -> int:
    return len(KOREAN_END.findall(" ".join(el.itertext())))


def _descend(best: Element, weighted: dict[Element, float]) -> Element:
    while True:
        top = weighted.get(best, 0.0)
        child_best = None
        for child in best:
            w = weighted.get(child)
            if w is not None and w >= DESCEND_SHARE * top:
                child_best = child
                break
        if child_best is None:
            return best
        best = child_best
