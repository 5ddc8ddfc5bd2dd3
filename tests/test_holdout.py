"""NEWSCLEAN_SITES_OFF switches a site's own knowledge off (leave-one-site-out evaluation)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = """
import json
from newsclean.publishers import from_host
from newsclean.html.sites import all_profiles
from newsclean.strip.chrome import chrome_entries
print(json.dumps({
    "families": sorted({p.name for p in all_profiles()}),
    "mk_host": from_host("www.mk.co.kr"),
    "chosun_host": from_host("news.chosun.com"),
    "rules": sorted({e["rule"] for e in chrome_entries()}),
}))
"""


def _probe(off: str | None) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "NEWSCLEAN_SITES_OFF"}
    if off is not None:
        env["NEWSCLEAN_SITES_OFF"] = off
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_sites_off_removes_profiles_chrome_and_publisher_hosts() -> None:
    on, off = _probe(None), _probe("mk, naver")
    assert any(n.startswith("mk-") for n in on["families"])  # type: ignore[union-attr]
    assert not any(n.startswith(("mk-", "mbn-", "naver-")) for n in off["families"])  # type: ignore[union-attr]
    assert any(n.startswith("chosun") for n in off["families"])  # type: ignore[union-attr]
    assert on["mk_host"] == "매일경제" and off["mk_host"] is None
    assert on["chosun_host"] == off["chosun_host"] == "조선일보"
    assert any(r.startswith("naver.") for r in on["rules"])  # type: ignore[union-attr]
    assert not any(r.startswith(("naver.", "mk.")) for r in off["rules"])  # type: ignore[union-attr]
    assert "wire.credit-line" in off["rules"]  # type: ignore[operator]
