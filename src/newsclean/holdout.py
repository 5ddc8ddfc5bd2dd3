"""Leave sites out: switch a site's own knowledge off to measure the generic path.

newsclean is judged on pages of publishers and layouts it has never seen. To see that on the
pages it *has* seen, an evaluation switches off, for a site, everything that only exists
because of that site: its profile file (``data/sites/<site>.json``), the chrome phrase entries
named after it (``<site>.*`` rules in ``data/chrome/*.json``) and the publisher-table entries
whose hosts are that site's hosts. The generic path then has to do the work alone.

The switch is the environment variable ``NEWSCLEAN_SITES_OFF`` (site-file stems separated by
commas or spaces, e.g. ``mk,naver``), read once per process; ``bench/bench_quality.py`` sets it
per site. It is an evaluation knob, not a feature: production runs leave it unset.
"""

from __future__ import annotations

import os
from functools import cache

from .resources import load_json

ENV = "NEWSCLEAN_SITES_OFF"

__all__ = ["ENV", "is_off", "off_hosts", "rule_is_off", "sites_off"]


@cache
def sites_off() -> frozenset[str]:
    """The site names switched off for this process (empty: everything on)."""
    raw = os.environ.get(ENV, "")
    return frozenset(part.strip().lower() for part in raw.replace(",", " ").split() if part.strip())


def is_off(site: str) -> bool:
    """Whether the site (a ``data/sites`` file stem) is switched off."""
    off = sites_off()
    return bool(off) and site.lower() in off


def rule_is_off(rule: str) -> bool:
    """Whether a chrome rule belongs to a switched-off site (its name is ``<site>.<what>``)."""
    off = sites_off()
    return bool(off) and rule.split(".", 1)[0].lower() in off


@cache
def off_hosts() -> frozenset[str]:
    """The hosts named by the switched-off sites' profile files (defaults and every profile)."""
    hosts: set[str] = set()
    for site in sites_off():
        try:
            doc = load_json(f"sites/{site}.json")
        except FileNotFoundError:
            continue
        for part in [doc.get("defaults", {}), *doc.get("profiles", [])]:
            hosts.update(h.lower().lstrip(".") for h in part.get("hosts", []))
    return frozenset(hosts)
