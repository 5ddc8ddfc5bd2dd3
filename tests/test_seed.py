"""The seed dump, cleaned perfectly: the mission in miniature."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsclean import clean_text

SEED_NAME = "000_d8aba8575cd74dc0"


def seed_article(fixtures_dir: Path):  # type: ignore[no-untyped-def]
    return clean_text((fixtures_dir / "seed" / f"{SEED_NAME}.txt").read_text(encoding="utf-8"), entities=False)


def test_seed_body_is_the_nine_paragraphs_in_order(fixtures_dir: Path) -> None:
    art = seed_article(fixtures_dir)
    assert art.status == "ok"
    assert len(art.paragraphs) == 9
    assert art.paragraphs[0].startswith("중소벤처기업부가 지난 8일 세종테크노파크에서")
    assert art.paragraphs[-1].startswith("이영 장관은")
    assert art.title == '"지역 주도하는 지역중소기업 정책" 중기부, 연석회의 개최'
    assert art.publisher == "머니투데이"
    assert art.portal == "daum"
    assert [(r.name, r.email) for r in art.reporters] == [("남미래", "future@mt.co.kr")]
    assert art.stats.duplicates_removed == 2
    assert not any("제주" in p for p in art.paragraphs)


def test_seed_summary_copies_removed_body_copies_kept_in_place(fixtures_dir: Path) -> None:
    art = seed_article(fixtures_dir)
    dups = [r for r in art.removed if r.rule == "duplicates"]
    assert [d.text for d in dups] == [art.paragraphs[0], art.paragraphs[-1]]
    rules = {r.rule for r in art.removed}
    assert {"daum.summary", "daum.font-size", "tail.copyright", "byline", "links.related", "tail.series-tag"} <= rules


@pytest.mark.corpus
def test_seed_scores_perfectly_with_the_shared_scorer(tmp_path: Path, corpus_dir: Path, score_py: Path) -> None:
    out = tmp_path / "seed.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        subprocess.run(
            [sys.executable, "-m", "newsclean", "--no-entities", str(corpus_dir / "text" / f"{SEED_NAME}.txt")],
            stdout=fh,
            check=True,
            timeout=120,
        )
    res = tmp_path / "score.json"
    subprocess.run(
        [
            sys.executable,
            str(score_py),
            "--gold",
            str(corpus_dir / "gold"),
            "--only",
            "000_",
            "--pred",
            str(out),
            "--json",
            str(res),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    s = json.loads(res.read_text(encoding="utf-8"))["summary"]
    assert s["body_f1"] == 1.0 and s["order"] == 1.0
    assert s["leak"] == 0 and s["dup"] == 0
    assert s["title"] == 1 and s["reporters"] == 1 and s["publisher"] == 1
