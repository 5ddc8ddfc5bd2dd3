"""Every limit that bounds the time and memory one input may cost, with its default, in one place.

Crawlers bring anything: 35 MB pages, DOMs nested 200 000 deep, megabyte lines, text built to
make a regular expression backtrack. Each limit below turns such an input into a record with a
clear ``status`` (never a crash, a hang or a silent truncation) or bounds the work spent on it.
``docs/limits.md`` describes what happens past each one.

No real news article comes near any of these: the corpus's largest page has ~2 100 elements
and ~400 text blocks; articles run under 20 000 characters.
"""

from __future__ import annotations

MAX_BYTES = 50 * 1024 * 1024
"""Input size cap (bytes of a file, characters of a JSON input). Larger inputs become
``skipped`` records with ``InputTooLarge: ...`` without being read (CLI ``--max-bytes``)."""

RECORD_TIMEOUT = 60.0
"""Seconds one input may take in a batch (CLI ``--timeout``; ``0``: none). Past it the input
becomes a ``timeout`` record; a worker stuck in C code past it is killed and replaced."""

MAX_ELEMENTS = 50_000
"""Elements of a parsed HTML page. A page with more becomes ``skipped`` with
``TooManyElements: ...`` before any per-element walk runs (news pages hold ~1–3 000)."""

MAX_BLOCKS = 20_000
"""Text blocks (HTML blocks of the article container, or lines of a text dump). More become a
``skipped`` record with ``TooManyBlocks: ...``: never a silently truncated article."""

MAX_DEPTH = 1_000
"""Nesting depth kept when a page is nested deeper than the HTML parser allows (libxml2
stops at 2 048 and drops everything below). Such a page is parsed again with the tags below
this depth removed (their text kept; paragraph, line-break, heading and list-item tags kept),
so the article survives. Tree walks are iterative everywhere: no depth gives a RecursionError."""

MAX_ENTITY_CHARS = 100_000
"""Characters of the text analysed for entities. Longer texts are analysed up to the last
paragraph (or whitespace) boundary before this many characters; offsets still index the full
text. Kiwi reads ~15 000 characters a second, so the cap bounds entity extraction to seconds."""

MAX_STATE_CHARS = 8_000_000
"""Characters of script text read for script state (JSON-LD, ``__NEXT_DATA__``, flight payloads,
``__INITIAL_STATE__``-style assignments) per page; scripts past it are not read."""

MAX_STATE_NODES = 200_000
"""JSON values (objects, arrays, strings) of script state walked per page; the rest is ignored."""

MAX_STATE_DEPTH = 200
"""Nesting depth of script state walked; deeper values are ignored (never a RecursionError)."""

REGEX_TIMEOUT = 0.25
"""Seconds one regular-expression call on page text may run (``newsclean.saferegex``); a call
that runs out counts as no match."""

__all__ = [
    "MAX_BLOCKS",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_ELEMENTS",
    "MAX_ENTITY_CHARS",
    "MAX_STATE_CHARS",
    "MAX_STATE_DEPTH",
    "MAX_STATE_NODES",
    "RECORD_TIMEOUT",
    "REGEX_TIMEOUT",
]
