"""One Kiwi per process: built lazily, warmed once, never pickled.

``get_kiwi()`` builds the analyser on first use under a lock (so two threads never build two),
registers the gazetteer's unambiguous names as user words (``NNP`` with a ``user_value`` saying
what they are) and runs one warm-up sentence. After a fork the child reuses the parent's
instance (copy-on-write); the object refuses to be pickled so that nobody ships a 500 MB model
to a worker by accident: build it inside each worker instead.

``tokenize(text)`` splits the text into paragraphs (and overlong paragraphs into pieces at
whitespace) before handing them to Kiwi, and returns light ``Tok`` records whose offsets are
code-point offsets into ``text``.
"""

from __future__ import annotations

import re
import threading
from typing import Any, NamedTuple

from . import gazetteer

_LOCK = threading.Lock()
_KIWI: Any = None

# Kiwi's cost grows with the length of what it is given; a paragraph longer than this is cut at
# whitespace (or hard, when there is none) so that megabyte lines stay linear.
MAX_CHUNK = 4000

_PARA = re.compile(r"[^\n]+")
_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029\ufeff\ud800-\udfff]")  # lone surrogates: Kiwi fails


class Tok(NamedTuple):
    form: str
    tag: str
    start: int
    end: int
    user: Any


class _NoPickle:
    """Wraps Kiwi so that pickling fails loudly (the model is per process)."""

    __slots__ = ("kiwi",)

    def __init__(self, kiwi: Any) -> None:
        self.kiwi = kiwi

    def __reduce__(self) -> Any:
        raise TypeError("the Kiwi analyser is per process: call get_kiwi() in each worker")


def _build() -> Any:
    from kiwipiepy import Kiwi

    kiwi = Kiwi()
    m = gazetteer.ministries()
    for name in m.by_name:
        kiwi.add_user_word(name, "NNP", 0.0, user_value={"type": "ministry", "key": name})
    for alias in m.by_alias:
        if len(alias) >= 3:  # short ones (경찰, 검찰, 해경) stay with Kiwi's own analysis
            kiwi.add_user_word(alias, "NNP", 0.0, user_value={"type": "ministry", "key": alias})
    reg = gazetteer.regions()
    for s in reg.sido:
        for form in s.forms:
            if len(form) >= 3 and form not in gazetteer.lexicon()["ambiguous_regions"]:
                kiwi.add_user_word(form, "NNP", 0.0, user_value={"type": "region", "key": form})
    for form, items in reg.sigungu_by_form.items():
        if form[-1] in "시군구" and len(form) >= 3:
            kiwi.add_user_word(form, "NNP", 0.0, user_value={"type": "region", "key": form})
        del items
    kiwi.tokenize("중소벤처기업부는 10일 세종시에서 13개 기관과 회의를 열었다.")  # warm-up
    return kiwi


def get_kiwi() -> Any:
    """The process's Kiwi (built on first call; thread-safe)."""
    global _KIWI
    if _KIWI is None:
        with _LOCK:
            if _KIWI is None:
                _KIWI = _NoPickle(_build())
    return _KIWI.kiwi


def chunks(text: str) -> list[tuple[int, str]]:
    """(offset, piece): paragraphs (lines) of ``text``, overlong ones cut at whitespace."""
    out: list[tuple[int, str]] = []
    for m in _PARA.finditer(text):
        start, piece = m.start(), m.group()
        while len(piece) > MAX_CHUNK:
            cut = piece.rfind(" ", MAX_CHUNK // 2, MAX_CHUNK)
            if cut <= 0:
                cut = MAX_CHUNK
            out.append((start, piece[:cut]))
            start, piece = start + cut, piece[cut:]
        if piece.strip():
            out.append((start, piece))
    return out


def tokenize(text: str) -> list[Tok]:
    """Kiwi tokens of ``text`` with code-point offsets into it (one Kiwi pass)."""
    kiwi = get_kiwi()
    toks: list[Tok] = []
    # Control characters confuse nothing in Kiwi's offsets, but blank them for the analysis.
    clean = _CTRL.sub(" ", text) if _CTRL.search(text) else text
    new = tuple.__new__  # Tok(...) without the NamedTuple's Python-level __new__ per token
    for off, piece in chunks(clean):
        toks += [
            new(Tok, (t.form, t.tag, off + (b := t.start), off + b + t.len, t.user_value)) for t in kiwi.tokenize(piece)
        ]
    return toks
