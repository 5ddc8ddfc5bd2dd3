"""Bytes → str for HTML pages, recording which encoding was used and why.

Order: BOM → the HTTP charset (when given) → ``<meta charset>``/``http-equiv`` in the first
bytes → strict UTF-8 → UTF-8, then the declared codec, with replacement characters when at most
1 % of the non-ASCII characters are broken (or only a cut-off last one) → bs4's detector → the
codec with the fewest replacements. A declared charset is only trusted when the bytes decode
strictly with it; a page labelled euc-kr whose bytes are UTF-8 decodes as UTF-8. Every Korean
label maps to ``cp949`` (a superset of EUC-KR: Python's ``euc_kr`` codec fails on syllables
such as 뷁).
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

SCAN_BYTES = 4096
MAX_BAD_SHARE = 0.01  # a codec failing on at most this share of non-ASCII characters is still the codec

# Labels that all mean "the Korean code page" in practice.
KOREAN_LABELS = frozenset(
    {
        "euc-kr",
        "euc_kr",
        "euckr",
        "euc kr",
        "ks_c_5601-1987",
        "ks_c_5601",
        "ks_c_5601-1989",
        "ksc5601",
        "ksc_5601",
        "ks-c-5601",
        "ks-c-5601-1987",
        "korean",
        "csksc56011987",
        "csueckr",
        "iso-ir-149",
        "windows-949",
        "x-windows-949",
        "ms949",
        "cp949",
        "uhc",
        "x-uhc",
        "iso-2022-kr-euc",
    }
)
# Labels that name a codec Python spells differently (or that are really another codec).
ALIASES = {
    "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
    "x-unicode20utf8": "utf-8",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "iso-8859-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
}

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]{2,40})""", re.IGNORECASE)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class Decoded(NamedTuple):
    text: str
    encoding: str
    source: str  # bom | http | meta | utf-8 | detector | replace | str


def utf8_source(data: bytes | str, dec: Decoded) -> bytes | None:
    """The bytes whose strict UTF-8 decoding gave ``dec.text`` (a BOM cut off), else None.

    A parser can read these directly: handing it the text makes lxml convert it back."""
    if not isinstance(data, bytes) or dec.encoding != "utf-8" or dec.source in ("replace", "str"):
        return None
    return data[len(codecs.BOM_UTF8) :] if dec.source == "bom" else data


def normalize_label(label: str | None) -> str | None:
    """A charset label → a Python codec name (Korean labels → ``cp949``), or None if unknown."""
    if not label:
        return None
    low = label.strip().strip("\"'").lower()
    if not low:
        return None
    if low in KOREAN_LABELS or low.replace("_", "-") in KOREAN_LABELS:
        return "cp949"
    low = ALIASES.get(low, low)
    try:
        name = codecs.lookup(low).name
    except LookupError:
        return None
    if name in ("euc_kr", "cp949", "johab"):
        return "cp949" if name != "johab" else name
    return name


def declared_charset(data: bytes) -> str | None:
    """The charset named by a ``<meta>`` tag in the first bytes (raw label, not normalised)."""
    m = _META_CHARSET.search(data[:SCAN_BYTES])
    return m.group(1).decode("ascii", "replace") if m else None


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _try_declared(data: bytes, label: str | None, source: str) -> Decoded | None:
    codec = normalize_label(label)
    if codec is None:
        return None
    text = _strict(data, codec)
    if text is not None:
        # A page labelled with a single-byte code page that is really UTF-8 (mojibake risk).
        if codec != "utf-8" and _looks_utf8(data):
            utf = _strict(data, "utf-8")
            if utf is not None:
                return Decoded(utf, "utf-8", "utf-8")
        return Decoded(text, codec, source)
    if codec != "utf-8":
        utf = _strict(data, "utf-8")
        if utf is not None:
            return Decoded(utf, "utf-8", "utf-8")
    return None


def _looks_utf8(data: bytes) -> bool:
    """True when the bytes hold UTF-8 multi-byte sequences (a Hangul syllable is 3 bytes: EA–ED ..)."""
    return bool(re.search(rb"[\xe0-\xef][\x80-\xbf]{2}", data[: SCAN_BYTES * 4])) and _strict(data, "utf-8") is not None


def decode(data: bytes | str, http_charset: str | None = None) -> Decoded:
    """Decode a page; never raises. ``str`` input is returned as is (source ``str``)."""
    if isinstance(data, str):
        return Decoded(data, "str", "str")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            # utf-16/utf-32 read (and drop) the BOM themselves; utf-8 needs it cut.
            text = _strict(data[len(bom) :] if codec == "utf-8" else data, codec)
            if text is not None:
                return Decoded(text, codec, "bom")
            break
    for label, source in ((http_charset, "http"), (declared_charset(data), "meta")):
        got = _try_declared(data, label, source)
        if got is not None:
            return got
    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8", "utf-8")
    # A few broken bytes (a truncated download, junk spliced in) do not make the page's codec
    # wrong: UTF-8 first (cp949 reads UTF-8 bytes as mojibake with few errors, never the
    # reverse), then the declared codec, before the detector guesses.
    for guess in ("utf-8", normalize_label(http_charset), normalize_label(declared_charset(data))):
        got = _mostly(data, guess)
        if got is not None:
            return got
    got = _detect(data)
    if got is not None:
        return got
    return _replace(data, [normalize_label(http_charset), normalize_label(declared_charset(data)), "utf-8", "cp949"])


def _mostly(data: bytes, codec: str | None) -> Decoded | None:
    """``data`` decoded with replacement characters (source ``replace``), if ``codec`` fails on
    at most :data:`MAX_BAD_SHARE` of the non-ASCII characters (on a small page: on at most 3 and
    a tenth of them), or only on a cut-off last one."""
    if not codec:
        return None
    try:
        text = data.decode(codec, "replace")
    except LookupError:
        return None
    bad = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    few = bad <= max(MAX_BAD_SHARE * non_ascii, 3) and bad * 10 <= non_ascii  # small pages: up to 3
    if few or (bad == 1 and text.rstrip().endswith("\ufffd")):
        return Decoded(text, codec, "replace")
    return None


def _replace(data: bytes, codecs_: list[str | None]) -> Decoded:
    """Decode with replacement characters, in the codec that needs the fewest of them."""
    best: Decoded | None = None
    best_bad = -1
    for codec in dict.fromkeys(c for c in codecs_ if c):
        try:
            text = data.decode(codec, "replace")
        except LookupError:
            continue
        bad = text.count("\ufffd")
        if best is None or bad < best_bad:
            best, best_bad = Decoded(text, codec, "replace"), bad
    return best or Decoded(data.decode("utf-8", "replace"), "utf-8", "replace")


def _quiet_detector() -> None:
    """bs4's detector logs "Some characters could not be decoded ..." through ``bs4.dammit``;
    without a handler of the application's, Python's last-resort handler prints it on stderr.
    A NullHandler keeps a library's chatter off the terminal (an application that configures
    logging still receives it)."""
    import logging

    log = logging.getLogger("bs4.dammit")
    if not any(isinstance(h, logging.NullHandler) for h in log.handlers):
        log.addHandler(logging.NullHandler())


def _detect(data: bytes) -> Decoded | None:
    """bs4's detector: tries cp949 first (the likely code page of a Korean page), then its guesses."""
    text = _strict(data, "cp949")
    if text is not None:
        return Decoded(text, "cp949", "detector")
    try:
        from bs4.dammit import UnicodeDammit
    except ImportError:  # pragma: no cover - bs4 is a dependency
        return None
    _quiet_detector()
    dammit = UnicodeDammit(data, is_html=True)
    if dammit.unicode_markup is None or not dammit.original_encoding or dammit.contains_replacement_characters:
        return None
    codec = normalize_label(dammit.original_encoding) or dammit.original_encoding
    return Decoded(dammit.unicode_markup, codec, "detector")
