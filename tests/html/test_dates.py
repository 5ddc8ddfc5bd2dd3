"""Korean date formats → ISO 8601 in Korean time."""

from __future__ import annotations

import pytest

from newsclean.dates import parse_date
from newsclean.html.metadata import labelled_dates

CASES = [
    ("2020.09.19. 오후 8:28", "2020-09-19T20:28:00+09:00"),
    ("2020.09.19. 오전 12:05", "2020-09-19T00:05:00+09:00"),
    ("2020.09.19. 오후 12:05", "2020-09-19T12:05:00+09:00"),
    ("입력 2016-09-23 03:00", "2016-09-23T03:00:00+09:00"),
    ("기사입력 2017-04-20 15:53", "2017-04-20T15:53:00+09:00"),
    ("2026. 3. 21. 21:43", "2026-03-21T21:43:00+09:00"),
    ("2016년 9월 17일 18시 59분", "2016-09-17T18:59:00+09:00"),
    ("2016/09/17 18:59:12", "2016-09-17T18:59:12+09:00"),
    ("2025-05-15T20:00:52+09:00", "2025-05-15T20:00:52+09:00"),
    ("2016-09-17T09:59:00Z", "2016-09-17T18:59:00+09:00"),
    ("2016-09-17T18:59:00", "2016-09-17T18:59:00+09:00"),
    ("2016-09-17T05:59:00-04:00", "2016-09-17T18:59:00+09:00"),
    ("20160917185900", "2016-09-17T18:59:00+09:00"),
    ("Sat, 17 Sep 2016 18:59:00 +0900", "2016-09-17T18:59:00+09:00"),
    ("2010.02.19", "2010-02-19"),
    ("[경향신문] 2010-02-19 31면", "2010-02-19"),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_parse_date(text: str, want: str) -> None:
    assert parse_date(text) == want


@pytest.mark.parametrize("text", ["", "   ", "날짜 없음", "2016-13-45", None])
def test_no_date(text: str | None) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "published", "modified"),
    [
        ("입력 2016-09-18 03:00:00 수정 2016-09-18 10:44:56", "2016-09-18T03:00:00+09:00", "2016-09-18T10:44:56+09:00"),
        ("입력 : 2016.09.17 18:59", "2016-09-17T18:59:00+09:00", None),
        ("기사입력 2020.09.19. 오후 8:28 최종수정 2020.09.19. 오후 9:01", "2020-09-19T20:28:00+09:00",
         "2020-09-19T21:01:00+09:00"),
        ("오늘 2024.01.01 날씨 맑음", None, None),
    ],
)
def test_labelled_dates(text: str, published: str | None, modified: str | None) -> None:
    assert labelled_dates(text) == (published, modified)
