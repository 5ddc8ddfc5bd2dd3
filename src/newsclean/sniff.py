"""Is it a page at all? A look at an input's first bytes before anything decodes them.

A PNG, a PDF or a ZIP named ``.html`` must not become 90,000 characters of mojibake with entities
in it: :func:`sniff` names what the bytes are (magic numbers from ``data/sniff.json``), or calls
them binary when too many of the first bytes are control characters. Such an input becomes a
``skipped`` record (``NotAPage: <kind> (<what>)``). Text with a UTF-16/32 byte order mark is
left to the decoder.
"""

from __future__ import annotations

import codecs
from functools import cache
from typing import NamedTuple

from .resources import load_json

_TEXT_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Control bytes that plain text never holds (tab, newline, form feed, carriage return and
# ESC — ISO-2022 escapes — are text).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27)) + b"\x7f"


class Magic(NamedTuple):
    kind: str
    what: str
    offset: int
    sig: bytes
    and_offset: int
    and_sig: bytes


class Sniffed(NamedTuple):
    kind: str
    what: str

    def error(self) -> str:
        """The record's error text."""
        return f"NotAPage: {self.kind} ({self.what})"


@cache
def _table() -> tuple[tuple[Magic, ...], int, float]:
    data = load_json("sniff.json")
    magic = tuple(
        Magic(
            m["kind"],
            m["what"],
            int(m.get("offset", 0)),
            bytes.fromhex(m["hex"]),
            int(m.get("and", {}).get("offset", 0)),
            bytes.fromhex(m.get("and", {}).get("hex", "")),
        )
        for m in data["magic"]
    )
    return magic, int(data["scan_bytes"]), float(data["max_control_share"])


def sniff(data: bytes) -> Sniffed | None:
    """What ``data`` is when it is not text (an image, a PDF, an archive, binary), else None."""
    if not data or data.startswith(_TEXT_BOMS):
        return None
    magic, scan, share = _table()
    for m in magic:
        if data.startswith(m.sig, m.offset) and (not m.and_sig or data.startswith(m.and_sig, m.and_offset)):
            return Sniffed(m.kind, m.what)
    head = data[:scan]
    controls = len(head) - len(head.translate(None, _CONTROL))
    if controls > share * len(head):
        return Sniffed("binary", f"{controls} of the first {len(head)} bytes are control characters")
    return None
