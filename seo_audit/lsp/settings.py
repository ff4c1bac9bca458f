"""The editor's configuration, and what it makes of one document: options and rule set.

Settings are read from the `initializationOptions` (the `seo-audit` section, or an object
holding it), overridden key by key by the `seo-audit` section of the workspace configuration
(`workspace/configuration`, asked again on `workspace/didChangeConfiguration`, or the
settings that notification pushes); a key set to null there drops the initial value:

    ruleset   rule set name (default, pillar, news) or .toml path (relative paths from the
              workspace folder); none: the `[tool.seo-audit]` table of the nearest
              pyproject.toml from the document's folder upward, else the default rule set;
    keyword   keyphrase for drafts whose front matter (or meta keywords) names none;
    synonyms  its synonyms (a list);
    siteUrl   the site's address: links to it are internal;
    docsUrl   address of a check's documentation, `{id}` and `{name}` filled in (default: a
              Markdown file written in seo-audit's cache folder, see explain.py).

As on the command line, an explicit `ruleset` wins over pyproject.toml.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from seo_audit.engine import AuditOptions
from seo_audit.errors import InputError
from seo_audit.i18n import resolve_language
from seo_audit.parse import parse
from seo_audit.ruleset import RuleSet, load_ruleset, site_url_problem

SECTION = "seo-audit"
KNOWN = ("ruleset", "keyword", "synonyms", "siteUrl", "docsUrl")


@dataclass(frozen=True)
class Settings:
    ruleset: str | None = None
    keyword: str | None = None
    synonyms: tuple[str, ...] = ()
    site_url: str = ""
    docs_url: str | None = None
    problems: tuple[str, ...] = field(default=(), compare=False)


def section_of(raw: Any) -> Any:
    """The `seo-audit` section of a configuration object that holds it, else the object."""
    if isinstance(raw, dict) and isinstance(raw.get(SECTION), dict):
        return raw[SECTION]
    return raw


def merged(*layers: Any) -> Any:
    """Configuration objects merged key by key, later ones first (the initializationOptions,
    then what workspace/configuration says); a layer that is no object is returned as is,
    for read_settings to name."""
    found: dict[str, Any] = {}
    for layer in map(section_of, layers):
        if layer is None:
            continue
        if not isinstance(layer, dict):
            return layer
        found.update(layer)
    return found


def read_settings(raw: Any) -> Settings:
    """Settings from a configuration object: the `seo-audit` section itself, or an object
    holding it under "seo-audit". Values of the wrong type are left out and named in
    `problems`."""
    raw = section_of(raw)
    if raw is None:
        return Settings()
    if not isinstance(raw, dict):
        return Settings(problems=(f"the `{SECTION}` settings must be an object",))
    problems: list[str] = []
    values: dict[str, Any] = {}

    def text(key: str) -> str | None:
        value = raw.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if not isinstance(value, str):
            problems.append(f"{SECTION}.{key} must be a string (ignored)")
            return None
        return value.strip()

    values["ruleset"] = text("ruleset")
    values["keyword"] = text("keyword")
    synonyms = raw.get("synonyms") or []
    if isinstance(synonyms, str):
        synonyms = synonyms.split(",")
    if isinstance(synonyms, list) and all(isinstance(s, str) for s in synonyms):
        values["synonyms"] = tuple(s.strip() for s in synonyms if s.strip())
    else:
        problems.append(f"{SECTION}.synonyms must be a list of strings (ignored)")
    site = text("siteUrl")
    if site is not None and (problem := site_url_problem(site)):
        problems.append(f"{SECTION}.siteUrl {site}: {problem} (ignored)")
        site = None
    values["site_url"] = site or ""
    values["docs_url"] = text("docsUrl")
    unknown = sorted(set(raw) - set(KNOWN))
    if unknown:
        problems.append(
            f"unknown setting(s) {', '.join(f'{SECTION}.{k}' for k in unknown)} (known: "
            f"{', '.join(KNOWN)})"
        )
    return Settings(**values, problems=tuple(problems))


def load_rules(settings: Settings, folder: Path, root: Path | None) -> RuleSet:
    """The rule set of a document in `folder`: the configured one (a relative path from the
    workspace folder), else pyproject.toml's from the document's folder upward, else the
    default. Raises RulesetError."""
    ref = settings.ruleset
    if ref is None:
        return load_ruleset(None, cwd=folder)
    ref = str(Path(ref).expanduser()) if ref.startswith("~") else ref
    return load_ruleset(ref, cwd=root or folder)


def options_for(
    settings: Settings,
    rules: RuleSet,
    path: str,
    text: str,
    input_format: str,
) -> AuditOptions:
    """The options of one check of `text` (line endings normalised). The configured
    keyphrase and its synonyms apply only to a draft that names no keyphrase itself (front
    matter `keyword`, meta keywords)."""
    keyword = None
    if settings.keyword:
        try:
            has_own = bool(parse(path, text, input_format).keywords)
        except InputError:
            has_own = False
        keyword = None if has_own else settings.keyword
    return AuditOptions(
        keyword=keyword,
        synonyms=settings.synonyms if keyword else (),
        input_format=input_format,
        ruleset=rules,
        site_url=settings.site_url,
        # Diagnostics in the rule set's language, else the editor's locale.
        lang=resolve_language(None, rules.lang, os.environ),
    )
