"""The ``newsclean`` logger: silent unless the application asks, and it traces the decisions."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from newsclean import clean, clean_text
from newsclean.strip import HTML_CHAIN

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_the_library_logger_is_quiet_by_default() -> None:
    assert any(isinstance(h, logging.NullHandler) for h in logging.getLogger("newsclean").handlers)
    code = (
        "import logging, newsclean\n"
        "logging.getLogger('newsclean').setLevel(logging.DEBUG)\n"  # no handler configured: still silent
        "newsclean.clean(b'<html><body><p>' + '\\ub0b4\\uc6a9'.encode() * 60 + b'</p></body></html>', entities=False)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""


def test_debug_records_trace_profile_route_and_rule_counts(caplog: pytest.LogCaptureFixture) -> None:
    page = next((FIXTURES / "sites" / "yonhap-2019").glob("*.html"))
    with caplog.at_level(logging.DEBUG, logger="newsclean"):
        art = clean(page.read_bytes(), url="https://www.yna.co.kr/view/AKR20190101000100001", entities=False)
    messages = [r.getMessage() for r in caplog.records]
    assert "site profile: yonhap-2019" in messages
    assert any(m.startswith("body route: ") for m in messages)  # which body the page's text came from
    counts = {m.split()[1].rstrip(":"): int(m.split()[2]) for m in messages if m.startswith("rule ")}
    assert set(counts) <= {r.name for r in HTML_CHAIN}
    assert sum(counts.values()) == len(art.removed) > 0  # one record per rule that removed something


def test_pages_without_profile_and_dumps_log_their_route(caplog: pytest.LogCaptureFixture) -> None:
    body = "<p>" + "시는 새 조명을 설치한다고 밝혔다. " * 10 + "</p>"
    with caplog.at_level(logging.DEBUG, logger="newsclean"):
        clean(f"<html><body><div>{body}</div></body></html>", entities=False)
        clean_text((FIXTURES / "text" / "tidy_dated.txt").read_text(encoding="utf-8"), entities=False)
        clean_text((FIXTURES / "text" / "portal_naver_like.txt").read_text(encoding="utf-8"), entities=False)
    messages = [r.getMessage() for r in caplog.records]
    assert "site profile: none" in messages
    assert any(m.startswith("body route: generic") for m in messages)
    assert "tidy dump: the first line is the headline" in messages
    assert any(m.startswith("full-page dump: ") for m in messages)
