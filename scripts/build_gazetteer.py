#!/usr/bin/env python3
"""Build newsclean's gazetteers (package data) from the reference TSVs.

    python scripts/build_gazetteer.py [--reference ../shared/reference] [--out src/newsclean/data/gazetteer]

Inputs (see ``../shared/reference/README.md``):

* ``sido_2026.tsv``       17 시도: 법정동 code, short form, aliases, validity, predecessor;
* ``sigungu_2025.tsv``    226 시군구 + 일반구 + 제주 행정시 (행정안전부 법정동코드, 2025-11); their
  earlier codes come from sido_2026.tsv (a 시도's dated predecessor code: 강원도 42 until
  2023-06-10, 전라북도 45 until 2024-01-17, 제주도 49 until 2006-06-30; a 시군구 moved between
  시도 in its notes: 군위군 47720 until 2023-06-30);
* ``central_gov_2026.tsv`` central government bodies with news abbreviations, validity dates and
  predecessors.

A few facts the reference tables do not carry (older bodies such as 보건복지가족부 or
식품의약품안전청, the dates the 직할시 became 광역시, regional offices) are kept in the tables
``SUPPLEMENT_*`` below; every record written carries a ``source`` saying which file and line (or
which supplement row) it came from. Rows marked ``(planned)`` or ``unverified`` are written with
``"planned": true`` and are not used to rename anything at run time.

The output is deterministic (sorted keys, stable order) so that a rebuild shows a clean diff.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REF = ROOT.parent / "shared" / "reference"
DEFAULT_OUT = ROOT / "src" / "newsclean" / "data" / "gazetteer"

SUPPLEMENT_SOURCE = "scripts/build_gazetteer.py SUPPLEMENT (정부조직법 개정 연혁, maintainers)"

# Central bodies the 2026 table does not list (abolished or renamed before 2025), with the
# abbreviations news used for them. (name, abbrevs, kind, parent, valid_from, valid_to)
SUPPLEMENT_BODIES: list[tuple[str, list[str], str, str, str | None, str | None]] = [
    ("재정경제부", ["재경부"], "부", "(행정각부)", None, "2008-02-28"),
    ("기획예산처", ["예산처"], "처", "국무총리", None, "2008-02-28"),
    ("보건복지가족부", ["복지부", "복지가족부"], "부", "(행정각부)", "2008-02-29", "2010-03-18"),
    ("식품의약품안전청", ["식약청"], "청", "보건복지부", "1998-02-28", "2013-03-22"),
    ("지식경제부", ["지경부"], "부", "(행정각부)", "2008-02-29", "2013-03-22"),
    ("교육과학기술부", ["교과부", "교과학기술부"], "부", "(행정각부)", "2008-02-29", "2013-03-22"),
    ("국토해양부", ["국토부"], "부", "(행정각부)", "2008-02-29", "2013-03-22"),
    ("농림수산식품부", ["농식품부", "농림부"], "부", "(행정각부)", "2008-02-29", "2013-03-22"),
    ("외교통상부", ["외교부", "외통부"], "부", "(행정각부)", None, "2013-03-22"),
    ("안전행정부", ["안행부"], "부", "(행정각부)", "2013-03-23", "2014-11-18"),
    ("행정자치부", ["행자부"], "부", "(행정각부)", "2014-11-19", "2017-07-25"),
    ("국민안전처", ["안전처"], "처", "국무총리", "2014-11-19", "2017-07-25"),
    ("미래창조과학부", ["미래부"], "부", "(행정각부)", "2013-03-23", "2017-07-25"),
    ("산업통상자원부", ["산업부", "산자부"], "부", "(행정각부)", "2013-03-23", "2025-09-30"),
    ("여성가족부", ["여가부"], "부", "(행정각부)", "2010-03-19", "2025-09-30"),
    ("여성부", [], "부", "(행정각부)", "2008-02-29", "2010-03-18"),
    ("노동부", [], "부", "(행정각부)", None, "2010-07-04"),
    ("문화관광부", ["문광부"], "부", "(행정각부)", None, "2008-02-28"),
    ("문화재청", [], "청", "문화체육관광부", None, "2024-05-16"),
    ("중소기업청", ["중기청"], "청", "지식경제부", None, "2017-07-25"),
    ("국가보훈처", ["보훈처"], "처", "국무총리", None, "2023-06-04"),
    ("방송통신위원회", ["방통위"], "위원회", "대통령", "2008-02-29", "2025-09-30"),
    ("환경부", [], "부", "(행정각부)", None, "2025-09-30"),
    ("질병관리본부", ["질본"], "청", "보건복지부", None, "2020-09-11"),
    ("중앙노동위원회", ["중노위"], "위원회", "고용노동부", None, None),
    ("사회보장위원회", [], "위원회", "국무총리", None, None),
    ("금융감독위원회", ["금감위"], "위원회", "국무총리", None, "2008-02-28"),
    ("국가정보원", ["국정원"], "기타", "대통령", None, None),
    ("대검찰청", ["대검"], "청", "법무부", None, None),
]

# Successors of the supplement's bodies (the body that took over the name's main functions).
SUPPLEMENT_SUCCESSORS: dict[str, str] = {
    "보건복지가족부": "보건복지부",
    "식품의약품안전청": "식품의약품안전처",
    "지식경제부": "산업통상자원부",
    "교육과학기술부": "교육부",
    "국토해양부": "국토교통부",
    "농림수산식품부": "농림축산식품부",
    "외교통상부": "외교부",
    "안전행정부": "행정자치부",
    "국민안전처": "행정안전부",
    "여성부": "여성가족부",
    "노동부": "고용노동부",
    "문화관광부": "문화체육관광부",
    "금융감독위원회": "금융위원회",
    "재정경제부": "기획재정부",
    "행정안전부": "안전행정부",
}

# A body whose full name ends with one of these, preceded by a region name, is a regional office.
# parent: the norm the mention is resolved to; null keeps the office's own full name (the office is
# a separate body, e.g. 지방노동위원회 are quasi-judicial commissions of their own).
SUPPLEMENT_REGIONAL_OFFICES: list[tuple[str, str | None]] = [
    ("지방중소벤처기업청", "중소벤처기업부"),
    ("지방중기청", "중소벤처기업부"),
    ("지방경찰청", "경찰청"),
    ("경찰청", "경찰청"),
    ("지방국세청", "국세청"),
    ("지방고용노동청", "고용노동부"),
    ("지방노동청", "고용노동부"),
    ("지방노동위원회", None),
    ("지방조달청", "조달청"),
    ("지방병무청", "병무청"),
    ("지방기상청", "기상청"),
    ("지방환경청", None),
    ("지방국토관리청", "국토교통부"),
    ("지방해양수산청", "해양수산부"),
    ("지방해양경찰청", "해양경찰청"),
    ("지방식품의약품안전청", None),
    ("지방식약청", None),
    ("지방보훈청", None),
    ("지방검찰청", "검찰청"),
    ("지검", "검찰청"),
    ("고등검찰청", "검찰청"),
    ("세관", "관세청"),
    ("출입국관리사무소", "법무부"),
]

# Dates the reference gives only as "부산직할시(21)": 직할시 → 광역시 on 1995-01-01.
SUPPLEMENT_SIDO_HISTORY: dict[str, str] = {
    "부산광역시": "1995-01-01",
    "대구광역시": "1995-01-01",
    "인천광역시": "1995-01-01",
    "광주광역시": "1995-01-01",
    "대전광역시": "1995-01-01",
    "울산광역시": "1997-07-15",
}


# Region groups news writes as one word (not in the reference tables): each expands to its 시도.
# Forms that are also ordinary words or names elsewhere (동남권, 경인, TK, PK) are left out, and so
# are the wide areas (영남, 충청, 수도권): news uses them for a bloc, not as a mention of each
# 시도 (KLUE does not tag 수도권 as a place either).
SUPPLEMENT_REGION_GROUPS_SOURCE = "scripts/build_gazetteer.py SUPPLEMENT (권역 약칭, maintainers)"
SUPPLEMENT_REGION_GROUPS: list[tuple[str, list[str]]] = [
    ("부울경", ["부산광역시", "울산광역시", "경상남도"]),
    ("대경", ["대구광역시", "경상북도"]),
    ("호남", ["광주광역시", "전라남도", "전북특별자치도"]),
]

# Words that begin with a 시군구 stem but name no place of it: the 씨름 titles (태백장사 is a weight
# class named after the mountain), mountains and ranges (태백산맥). A stem glued to anything else
# (고양터미널, 강릉역) still names the place.
SUPPLEMENT_NOT_PLACE_TAILS_SOURCE = "scripts/build_gazetteer.py SUPPLEMENT (지명이 아닌 합성어, maintainers)"
SUPPLEMENT_NOT_PLACE_TAILS: list[str] = ["장사", "급장사", "산", "산맥", "산성"]

# A 시군구 that moved to another 시도 ("군위군 편입 2023-07-01 (경북 47720 → 대구 27720)" in the
# notes column of sido_2026.tsv).
_MOVE = re.compile(r"(\S+) 편입 (\d{4}-\d{2}-\d{2}) \((\S+) (\d{5}) → (\S+) (\d{5})\)")


def _date(value: str) -> tuple[str | None, bool]:
    """('2026-06-30', planned?) from a cell such as '2026-06-30 (planned)'."""
    value = value.strip()
    if not value:
        return None, False
    m = re.match(r"(\d{4}-\d{2}-\d{2})", value)
    if not m:
        return None, False
    return m.group(1), "planned" in value


def _day_before(iso: str) -> str:
    return (dt.date.fromisoformat(iso) - dt.timedelta(days=1)).isoformat()


def _read_tsv(path: Path) -> list[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        return [(n, {k: (v or "").strip() for k, v in row.items()}) for n, row in enumerate(reader, 2)]


def _split_aliases(cell: str) -> list[str]:
    out = []
    for part in re.split(r"[;,]", cell):
        part = re.sub(r"\(.*?\)", "", part).strip()
        if part:
            out.append(part)
    return out


def build_ministries(ref: Path) -> dict[str, Any]:
    path = ref / "central_gov_2026.tsv"
    bodies: list[dict[str, Any]] = []
    seen: dict[tuple[str, str | None], dict[str, Any]] = {}

    def add(rec: dict[str, Any]) -> None:
        key = (rec["name"], rec["valid_from"])
        if key in seen:  # merge aliases of the same body and period
            old = seen[key]
            old["abbrevs"] = sorted(set(old["abbrevs"]) | set(rec["abbrevs"]))
            return
        seen[key] = rec
        bodies.append(rec)

    for line, row in _read_tsv(path):
        name = row["official_name"]
        start, p1 = _date(row["valid_from"])
        end, p2 = _date(row["valid_to"])
        abbrevs = [a for a in _split_aliases(row["abbrev_in_news"]) if a != name]
        note = row.get("notes", "")
        add(
            {
                "name": name,
                "abbrevs": abbrevs,
                "kind": row["kind"],
                "parent": row["belongs_to"],
                "valid_from": start,
                "valid_to": end,
                "planned": p1 or p2 or "unverified" in note,
                "source": f"{path.name}:{line}",
            }
        )
        # predecessor "기획재정부(기재부, 2008-02-29~2026-01-01)" or "산업통상자원부(산업부;산자부)"
        pred = row["predecessor"]
        m = re.match(r"^([^()\s]+?)(?:\((.*)\))?$", pred)
        if pred and not pred.startswith("(") and m and start:
            pname, inner = m.group(1), m.group(2) or ""
            span = re.search(r"(\d{4}-\d{2}-\d{2})~(\d{4}-\d{2}-\d{2})", inner)
            inner = re.sub(r"\d{4}-\d{2}-\d{2}~\d{4}-\d{2}-\d{2}", "", inner)
            pabbr = [a for a in _split_aliases(inner) if a != pname and " " not in a]
            if any(b["name"] == pname for b in bodies):  # 검찰청(수사 기능): already listed
                continue
            add(
                {
                    "name": pname,
                    "abbrevs": pabbr,
                    "kind": pname[-1]
                    if pname[-1] in "부처청"
                    else ("위원회" if pname.endswith("위원회") else "기타"),
                    "parent": row["belongs_to"],
                    "valid_from": span.group(1) if span else None,
                    "valid_to": span.group(2) if span else _day_before(start),
                    "planned": p1,
                    "successor": name,
                    "source": f"{path.name}:{line} (predecessor column)",
                }
            )
    for name, abbrevs, kind, parent, start, end in SUPPLEMENT_BODIES:
        if (name, start) in seen:
            continue
        same = [b for b in bodies if b["name"] == name and b["valid_to"] == end]
        if same:
            same[0]["abbrevs"] = sorted(set(same[0]["abbrevs"]) | set(abbrevs))
            continue
        add(
            {
                "name": name,
                "abbrevs": list(abbrevs),
                "kind": kind,
                "parent": parent,
                "valid_from": start,
                "valid_to": end,
                "planned": False,
                "source": SUPPLEMENT_SOURCE,
            }
        )
    # Bodies that existed before the dated period the reference gives (행정안전부 2008-2013).
    for name, start, end in [("행정안전부", "2008-02-29", "2013-03-22"), ("보건복지부", None, "2008-02-28")]:
        add(
            {
                "name": name,
                "abbrevs": [b for x in bodies if x["name"] == name for b in x["abbrevs"]][:2],
                "kind": "부",
                "parent": "(행정각부)",
                "valid_from": start,
                "valid_to": end,
                "planned": False,
                "source": SUPPLEMENT_SOURCE,
            }
        )
    for b in bodies:
        b["abbrevs"] = sorted(set(b["abbrevs"]))
        b.setdefault("successor", SUPPLEMENT_SUCCESSORS.get(b["name"]))
    offices = [
        {"suffix": s, "parent": p, "source": SUPPLEMENT_SOURCE} for s, p in SUPPLEMENT_REGIONAL_OFFICES
    ]
    return {
        "about": "Central government bodies with validity dates; built by scripts/build_gazetteer.py",
        "bodies": bodies,
        "regional_offices": offices,
    }


def _sigungu_history(
    rows: list[tuple[int, dict[str, str]]], sido: list[dict[str, Any]], spath: Path
) -> dict[str, list[dict[str, Any]]]:
    """Earlier codes of each 시군구 code, from sido_2026.tsv.

    * a 시도 with a dated predecessor code ("강원도(42)" from 2023-06-11, "전라북도(45)" from
      2024-01-18, "제주도(49)" from 2006-07-01): its 시군구 had the predecessor's two digits and
      their own last three until the day before (51750 영월군 was 42750);
    * a 시군구 moved between 시도 (the notes column: 군위군 47720 → 27720 on 2023-07-01).
    """
    by_short = {s["short"]: s["name"] for s in sido}
    renumbered: dict[str, tuple[str, str, str]] = {}  # new 2 digits → (old 2 digits, valid_to, source)
    moves: dict[str, tuple[str, str, str, str]] = {}  # new code → (old code, old 시도, valid_to, source)
    for line, row in rows:
        start, _ = _date(row["valid_from"])
        m = re.match(r"^([^()]+?)\((\d{2})\)$", row["predecessor"])
        if m and start:
            renumbered[row["bjd_code"]] = (m.group(2), _day_before(start), f"{spath.name}:{line}")
        for mv in _MOVE.finditer(row.get("notes", "")):
            old_sido = by_short.get(mv.group(3), mv.group(3))
            moves[mv.group(6)] = (mv.group(4), old_sido, _day_before(mv.group(2)), f"{spath.name}:{line} (notes)")
    out: dict[str, list[dict[str, Any]]] = {}
    for code, (old, valid_to, source) in renumbered.items():
        out[code] = [{"prefix": old, "valid_to": valid_to, "source": source}]
    for code, (old, old_sido, valid_to, source) in moves.items():
        out[code] = [{"code": old, "sido": old_sido, "valid_to": valid_to, "source": source}]
    return out


def build_regions(ref: Path) -> dict[str, Any]:
    spath = ref / "sido_2026.tsv"
    sido: list[dict[str, Any]] = []
    srows = _read_tsv(spath)
    for line, row in srows:
        start, p1 = _date(row["valid_from"])
        end, p2 = _date(row["valid_to"])
        history = []
        pred = row["predecessor"]
        m = re.match(r"^([^()]+?)\((\d{2})\)$", pred)
        if m:
            pstart = start or SUPPLEMENT_SIDO_HISTORY.get(row["official_name"])
            history.append(
                {
                    "name": m.group(1),
                    "code": m.group(2),
                    "valid_to": _day_before(pstart) if pstart else None,
                    "source": f"{spath.name}:{line}"
                    + ("" if start else f" + {SUPPLEMENT_SOURCE} (직할시 → 광역시 date)"),
                }
            )
        elif row["official_name"] in SUPPLEMENT_SIDO_HISTORY:
            pass
        if not start and row["official_name"] in SUPPLEMENT_SIDO_HISTORY:
            start = SUPPLEMENT_SIDO_HISTORY[row["official_name"]]
        sido.append(
            {
                "code": row["bjd_code"],
                "name": row["official_name"],
                "short": row["short"],
                "aliases": _split_aliases(row["aliases"]),
                "kind": row["kind"],
                "valid_from": start,
                "valid_to": None if p2 else end,  # planned abolitions are not applied
                "planned_valid_to": end if p2 else None,
                "history": history,
                "source": f"{spath.name}:{line}",
            }
        )
        del p1
    gpath = ref / "sigungu_2025.tsv"
    hist = _sigungu_history(srows, sido, spath)
    sigungu = []
    for line, row in _read_tsv(gpath):
        code = row["sgg_code"]
        history = []
        for h in hist.get(code, []) + hist.get(code[:2], []):
            history.append(
                {
                    "code": h.get("code") or h["prefix"] + code[2:],
                    "sido": h.get("sido") or row["sido"],
                    "valid_to": h["valid_to"],
                    "source": h["source"],
                }
            )
        sigungu.append(
            {
                "code": code,
                "sido": row["sido"],
                "name": row["name"],
                "kind": row["kind"],
                "history": history,
                "source": f"{gpath.name}:{line}",
            }
        )
    groups = [
        {"form": form, "members": members, "source": SUPPLEMENT_REGION_GROUPS_SOURCE}
        for form, members in SUPPLEMENT_REGION_GROUPS
    ]
    return {
        "about": "17 시도 and the 시군구 with 법정동 codes (earlier codes in history); region groups; "
        "built by scripts/build_gazetteer.py",
        "sido": sido,
        "sigungu": sigungu,
        "groups": groups,
        "not_place_tails": {"tails": SUPPLEMENT_NOT_PLACE_TAILS, "source": SUPPLEMENT_NOT_PLACE_TAILS_SOURCE},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reference", type=Path, default=DEFAULT_REF)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    if not (args.reference / "sido_2026.tsv").exists():
        print(f"build_gazetteer: no reference tables in {args.reference}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in [
        ("ministries.json", build_ministries(args.reference)),
        ("regions.json", build_regions(args.reference)),
    ]:
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        (args.out / name).write_text(text, encoding="utf-8")
        print(f"wrote {args.out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
