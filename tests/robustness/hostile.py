"""A generator of hostile inputs: what a crawler may bring and what must never break newsclean.

Each case is ``(name, suffix, payload, expect)``: ``payload`` is the file's bytes, ``expect``
says what the record must show (a status set, text that must or must not appear). Sizes scale
with ``scale`` (1.0 = the sizes the issue names: 200k-deep DOMs, 30 MB pages, MB lines).
Used by ``tests/robustness`` and by ``bench/fuzz.py``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field

BODY = [
    "시는 올해 도심 공원 산책로 열여덟 곳에 새 조명을 설치한다고 12일 밝혔다.",
    "야간 이용객이 많은 곳부터 차례로 공사를 시작해 연말까지 모두 마무리할 계획이다.",
    "시 관계자는 밤에도 시민들이 안심하고 걸을 수 있도록 하겠다고 말했다.",
]
SECRET = "COMMENT-SECRET-7731"
SECRET_FILE_TEXT = "LOCAL-FILE-SECRET-4409"


@dataclass(frozen=True)
class Case:
    name: str
    suffix: str  # ".html" or ".txt"
    payload: bytes
    statuses: frozenset[str] = frozenset({"ok", "empty", "error", "skipped", "timeout"})
    must_have: tuple[str, ...] = ()  # must appear in the record's text
    must_not_have: tuple[str, ...] = ()  # must appear nowhere in the record
    error_prefix: str | None = None  # the record's ``error`` must start with this
    notes: dict[str, str] = field(default_factory=dict)


def page(body_html: str, head: str = "", charset: str = "utf-8", title: str = "시험 기사 제목") -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title>{head}</head>'
        f"<body><h1>{title}</h1><article>{body_html}</article></body></html>"
    )


def paragraphs() -> str:
    return "".join(f"<p>{p}</p>" for p in BODY)


def cases(scale: float = 1.0, secret_file: str | None = None) -> Iterator[Case]:
    """The hostile inputs; ``secret_file`` (a local file holding :data:`SECRET_FILE_TEXT`)
    adds external-entity cases that point at it: its text must never reach a record."""
    n = lambda k: max(10, int(k * scale))  # noqa: E731
    ok = frozenset({"ok"})
    yield Case("empty", ".html", b"", frozenset({"empty", "error"}))
    yield Case("empty-text", ".txt", b"", frozenset({"empty", "error"}))
    yield Case("whitespace", ".html", b" \n\t\r\n   \xe3\x80\x80 ", frozenset({"empty", "error"}))
    yield Case("whitespace-text", ".txt", b"   \n\n \t \n", frozenset({"empty", "error"}))
    yield Case("nul-bytes", ".html", page(paragraphs()).encode().replace(b"<p>", b"<p>\x00", 2) + b"\x00" * 1000)
    yield Case("binary", ".html", bytes(range(256)) * n(4000))
    yield Case("binary-text", ".txt", bytes(range(256)) * n(400))
    # Deeper than libxml2's 2 048 levels: the article below must survive (flattened, not lost).
    yield Case(
        "deep-dom",
        ".html",
        page("<div>" * n(200_000) + paragraphs() + "</div>" * n(200_000)).encode(),
        ok,
        must_have=("안심하고",),
    )
    yield Case(
        "deep-unclosed", ".html", page("<span><b><i>" * n(100_000) + paragraphs()).encode(), ok, must_have=("안심하고",)
    )
    yield Case(
        "deep-tables", ".html", page("<table><tr><td>" * n(20_000) + paragraphs()).encode(), ok, must_have=("안심하고",)
    )
    skipped = frozenset({"skipped"})
    yield Case(
        "wide-dom",
        ".html",
        page(paragraphs() + "<p>가</p>" * n(200_000)).encode(),
        skipped,
        error_prefix="TooManyElements",
    )
    big = "".join(f"<p>{BODY[i % 3]} {i}번째 문단입니다.</p>" for i in range(n(250_000)))
    yield Case("huge-page", ".html", page(big).encode(), skipped, error_prefix="TooManyElements")
    lines = "".join(f"{BODY[i % 3]} {i}<br>" for i in range(n(30_000)))
    yield Case("many-br-lines", ".html", page(f"<div>{lines}</div>").encode(), skipped, error_prefix="TooManyBlocks")
    dump_lines = "".join(f"{BODY[i % 3]} {i}\n" for i in range(n(30_000)))
    yield Case("many-lines-text", ".txt", ("제목\n" + dump_lines).encode(), skipped, error_prefix="TooManyBlocks")
    yield Case("megabyte-line", ".txt", ("첫 줄 제목\n" + "가나다라마바사 " * n(150_000) + "\n").encode())
    yield Case("megabyte-line-html", ".html", page("<p>" + "아" * n(2_000_000) + "</p>").encode())
    bad = page(paragraphs(), charset="euc-kr").encode("cp949") + b"\xff\xfe\xfa\x80\x81" * 100
    yield Case("invalid-bytes-for-charset", ".html", bad, ok, must_have=("안심하고",))
    mid = page(paragraphs() + paragraphs(), charset="euc-kr").encode("cp949")
    cut = mid.index("야간".encode("cp949"))
    yield Case(
        "few-junk-bytes-euc-kr", ".html", mid[:cut] + b"\xff\x80" + mid[cut:], ok, must_have=("안심하고", "야간")
    )
    utf = page(paragraphs() + paragraphs()).encode()
    cut = utf.index("야간".encode())
    yield Case("few-junk-bytes-utf8", ".html", utf[:cut] + b"\xff" + utf[cut + 1 :], ok, must_have=("안심하고",))
    yield Case(
        "truncated-mid-character", ".html", utf[: utf.index("안심하고".encode()) + 7], ok, must_have=("시는 올해",)
    )
    rare = "<p>뷁 똠방각하 펲시 쀍 같은 글자도 온전히 남아야 한다고 말했다.</p>"
    yield Case(
        "cp949-labelled-euc-kr",
        ".html",
        page(rare + paragraphs(), charset="euc-kr").encode("cp949"),
        ok,
        must_have=("뷁", "똠방각하", "쀍"),
    )
    utf16 = page(paragraphs(), charset="utf-16").encode("utf-16")
    yield Case("utf-16-bom", ".html", utf16, ok, must_have=("안심하고",))
    yield Case(
        "utf-16-bom-text", ".txt", ("제목\n" + "\n".join(BODY) + "\n").encode("utf-16"), ok, must_have=("안심하고",)
    )
    yield Case(
        "utf8-declared-euc-kr",
        ".html",
        page(paragraphs(), charset="euc-kr").encode("utf-8"),
        ok,
        must_have=("안심하고",),
    )
    for ch in ("=", "-", "▶", "(", "1", "기자 "):
        run = ch * n(300_000)
        yield Case(f"backtrack-{ch.strip() or 'space'}", ".txt", ("제목\n" + BODY[0] + "\n" + run + "\n").encode())
        yield Case(f"backtrack-html-{ch.strip() or 'space'}", ".html", page(paragraphs() + f"<p>{run}</p>").encode())
    yield Case("byline-storm", ".txt", ("제목\n" + BODY[0] + "\n" + "홍길동 기자 " * n(100_000) + "\n").encode())
    counts = " ".join(f"{i}개 {i}명" for i in range(n(200_000)))
    yield Case("count-storm", ".txt", ("수량 기사\n" + counts + "다.\n").encode())
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "스크립트 속 기사",
            "articleBody": "\n".join(BODY),
            "datePublished": "2024-05-01T09:30:00+09:00",
        },
        ensure_ascii=False,
    )
    yield Case(
        "json-ld-only",
        ".html",
        page('<div id="app"></div>', head=f'<script type="application/ld+json">{ld}</script>').encode(),
        ok,
        must_have=("안심하고",),
    )
    # Two sentences too short for the locator's units, and a DOM with nothing in it.
    two = "시는 조명을 바꾼다고 밝혔다.\n공사는 연말에 끝난다."
    short = json.dumps({"@type": "NewsArticle", "headline": "짧은 기사", "articleBody": two}, ensure_ascii=False)
    yield Case(
        "json-ld-two-sentences",
        ".html",
        page('<div id="app"></div>', head=f'<script type="application/ld+json">{short}</script>').encode(),
        ok,
        must_have=("조명을 바꾼다고", "연말에 끝난다"),
    )
    hidden = f"<!-- <p>{SECRET} 주석 속 문장은 본문이 아니라고 밝혔다.</p> -->"
    yield Case("comment-text", ".html", page(paragraphs() + hidden).encode(), ok, must_not_have=(SECRET,))
    yield Case(
        "hidden-elements",
        ".html",
        page(paragraphs() + f'<p style="display:none">{SECRET}</p><p hidden>{SECRET}</p>').encode(),
        ok,
        must_not_have=(SECRET,),
    )
    full = page(paragraphs()).encode()
    yield Case("truncated", ".html", full[: len(full) * 2 // 3])
    yield Case("truncated-mid-tag", ".html", page(paragraphs()).encode()[:-40] + b'<p class="x')
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10)
        )
        + "]><html><body><p>&lol9;</p>"
        + paragraphs()
        + "</body></html>"
    )
    yield Case(
        "billion-laughs",
        ".html",
        laughs.encode(),
        ok,
        must_have=("안심하고",),
        must_not_have=("lollollollollollollollollollol",),
    )
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
        '<!ENTITY xxe2 SYSTEM "file:///etc/hostname">]>'
        "<html><body><p>&xxe;&xxe2;</p>" + paragraphs() + "</body></html>"
    )
    yield Case(
        "external-entity",
        ".html",
        xxe.encode(),
        ok,
        must_have=("안심하고",),
        must_not_have=("root:x:0:0", "/bin/bash", "daemon:"),
    )
    if secret_file:
        url = "file://" + secret_file
        for name, doctype, use in (
            ("xxe-local-file", f'<!ENTITY s SYSTEM "{url}">', "&s;"),
            ("xxe-parameter-entity", f'<!ENTITY % s SYSTEM "{url}"> %s;', "&s;"),
            ("xxe-in-attribute", f'<!ENTITY s SYSTEM "{url}">', '<a title="&s;" href="&s;">링크</a>'),
            ("xinclude", "", f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{url}" parse="text"/>'),
        ):
            doc = (
                f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html [{doctype}]>'
                f'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{use}</title></head>'
                f"<body><article><p>{use}</p>{paragraphs()}</article></body></html>"
            )
            yield Case(name, ".html", doc.encode(), ok, must_have=("안심하고",), must_not_have=(SECRET_FILE_TEXT,))
    links = "".join(f'<li><a href="/n/{i}">관련 기사 제목 {i}번</a></li>' for i in range(40))
    only_chrome = page(f"<ul>{links}</ul><p>Copyright ⓒ 가상일보. All rights reserved. 무단 전재 및 재배포 금지</p>")
    yield Case(
        "only-links-and-copyright",
        ".html",
        only_chrome.encode(),
        frozenset({"empty"}),
        must_not_have=("관련 기사 제목 1번",),
    )
    head_ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "articleBody": "' + SECRET + '" </script>'
    )  # broken JSON: ignored, never a crash
    yield Case("broken-json-ld", ".html", page(paragraphs(), head=head_ld).encode(), ok, must_have=("안심하고",))
    dump = (
        "\n".join(f"- 관련 기사 제목 {i}번 - 가상일보" for i in range(40)) + "\nCopyright ⓒ 가상일보 무단 전재 금지\n"
    )
    yield Case("only-links-text", ".txt", ("목록뿐인 페이지\n" + dump).encode(), frozenset({"empty"}))
