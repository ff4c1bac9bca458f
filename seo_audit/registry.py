"""Which check a name means: one answer for the command line, rule sets, suppression
comments and selection.

A check is named by its id (`R003`, any case), its name (`passive-voice`) or its family
(`readability`, naming every check of the family); `*` names every check.
"""

from __future__ import annotations

from collections.abc import Iterable

from seo_audit.checks import REGISTRY
from seo_audit.checks.base import Check

EVERY_CHECK = "*"


def find_check(key: str) -> type[Check] | None:
    """A check by id (`L001`) or name (`word-count`), case-insensitive."""
    key_l = key.strip().lower()
    for check in REGISTRY.values():
        if check.id.lower() == key_l or check.name == key_l:
            return check
    return None


def families() -> set[str]:
    return {c.family for c in REGISTRY.values()}


def is_known(key: str) -> bool:
    """True when `key` names a check, a family or every check."""
    return key == EVERY_CHECK or find_check(key) is not None or key.lower() in families()


def names(key: str, check: type[Check]) -> bool:
    """True when `key` names `check`: its id, its name, its family, or every check."""
    key_l = key.strip().lower()
    return key_l == EVERY_CHECK or key_l in (check.id.lower(), check.name, check.family)


def names_any(keys: Iterable[str], check: type[Check]) -> bool:
    return any(names(key, check) for key in keys)


def selected(
    check: type[Check], enabled: bool, select: Iterable[str] = (), ignore: Iterable[str] = ()
) -> bool:
    """Whether a run includes `check`: enabled by the rule set (or named by id or name in
    `select`, which runs it even where the rule set turns it off, as in ruff), within
    `select` when given, and not named in `ignore`."""
    select = tuple(select)
    named = find_check_keys(select)
    if not (enabled or check.id in named):
        return False
    if select and not names_any(select, check):
        return False
    return not names_any(ignore, check)


def find_check_keys(keys: Iterable[str]) -> set[str]:
    """Ids of the checks named individually (by id or name, not by family) in `keys`."""
    return {found.id for key in keys if (found := find_check(key)) is not None}
