"""Rule sets: TOML files that enable checks and set their thresholds, severities and weights.

Sources, later ones overriding earlier ones:
1. a built-in rule set from the top-level `rules/` folder (shipped inside the wheel as
   `seo_audit/rules`), chosen by name, or a rule set file chosen by path;
2. `extends = "NAME|PATH"` in a rule set, resolved first;
3. `[tool.seo-audit]` in the nearest `pyproject.toml` from the current directory upward
   (used when no --ruleset is given): `ruleset = "NAME|PATH"` and `[tool.seo-audit.checks.X]`.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from seo_audit.checks import REGISTRY
from seo_audit.checks.base import FAMILY_ORDER, SEVERITIES, Check
from seo_audit.errors import RulesetError
from seo_audit.i18n import LanguageError, _, check_language
from seo_audit.registry import find_check

DEFAULT_RULESET = "default"
ACCEPT_UNVERIFIABLE = "accept_unverifiable"
LANG = "lang"  # [ruleset] or [tool.seo-audit] lang = "fr": the language of reports
EXCLUDE = "exclude"  # [tool.seo-audit] exclude = ["GLOB", ...]: files a run leaves out
_COMMON_KEYS = {"enabled", "severity", "weight"}

# A rule set is trusted configuration, but a typo must not make a score meaningless or crash
# a run: every number is finite and within these bounds (an option's own min/max apply too).
MAX_WEIGHT = 100.0
MAX_NUMBER = 1_000_000_000  # any number in a rule set, in absolute value


@dataclass
class CheckConfig:
    enabled: bool
    severity: str
    weight: float
    options: dict[str, Any]


@dataclass
class RuleSet:
    name: str
    description: str = ""
    checks: dict[str, CheckConfig] = field(default_factory=dict)  # by check id
    sources: list[str] = field(default_factory=list)  # where each layer came from
    overrides: list[tuple[list[str], dict[str, Any], str]] = field(default_factory=list)
    # True: a required check that cannot be verified (no keyphrase, headings in plain text)
    # does not fail the draft.
    accept_unverifiable: bool = False
    # The language of reports and messages ("fr", "en"); None: --lang or the locale decides.
    lang: str | None = None

    def ordered_checks(self) -> list[tuple[type[Check], CheckConfig]]:
        """Every check with its configuration, in report order: by family, then by id."""
        found = [(REGISTRY[cid], cfg) for cid, cfg in self.checks.items()]
        return sorted(found, key=lambda pair: (FAMILY_ORDER.index(pair[0].family), pair[0].id))


def rules_dir() -> Path:
    """Where the built-in rule sets are: inside the installed package, or the source tree."""
    packaged = resources.files("seo_audit") / "rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "rules"


def builtin_rulesets() -> list[str]:
    return sorted(p.stem for p in rules_dir().glob("*.toml"))


def base_ruleset() -> RuleSet:
    """Every check with its class defaults, before any rule set file is applied."""
    return RuleSet(
        name="(built-in defaults)",
        checks={
            c.id: CheckConfig(c.enabled, c.severity, c.weight, c.default_options())
            for c in REGISTRY.values()
        },
    )


def _resolve(ref: str, relative_to: Path | None) -> Path:
    candidate = Path(ref)
    if not candidate.is_absolute() and relative_to is not None:
        candidate = relative_to / candidate
    if ref.endswith(".toml") or "/" in ref or "\\" in ref:
        if not candidate.is_file():
            if candidate.exists():
                raise RulesetError(_("{ref}: rule set is not a regular file").format(ref=ref))
            raise RulesetError(_("{ref}: rule set file not found").format(ref=ref))
        return candidate
    builtin = rules_dir() / f"{ref}.toml"
    if builtin.is_file():
        return builtin
    if candidate.is_file():
        return candidate
    names = ", ".join(builtin_rulesets())
    raise RulesetError(
        _("{ref}: no such rule set (built-in: {names}; or give a .toml path)").format(
            ref=ref, names=names
        )
    )


def _read_toml(path: Path) -> dict[str, Any]:
    from seo_audit.errors import InputError
    from seo_audit.io import MAX_BYTES, read_bytes

    try:
        # Regular files only, never more than MAX_BYTES, whatever --max-bytes says for drafts.
        text = read_bytes(str(path), MAX_BYTES).decode("utf-8-sig")
    except InputError as exc:
        raise RulesetError(
            _("{path}: cannot read rule set: {problem}").format(path=path, problem=exc.problem)
        ) from None
    except UnicodeDecodeError as exc:
        raise RulesetError(
            _("{path}: cannot read rule set: not valid UTF-8 ({exc})").format(path=path, exc=exc)
        ) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulesetError(_("{path}: invalid TOML: {exc}").format(path=path, exc=exc)) from None
    except RecursionError:
        raise RulesetError(_("{path}: invalid TOML: nested too deeply").format(path=path)) from None
    except ValueError:  # an integer past Python's digit limit
        raise RulesetError(
            _("{path}: invalid TOML: an integer has too many digits").format(path=path)
        ) from None


def load_ruleset(ref: str | None = None, cwd: Path | None = None) -> RuleSet:
    """Resolve the active rule set: `ref` (name or path), else pyproject config, else default."""
    cwd = cwd or Path.cwd()
    if ref:
        return _load_file(_resolve(ref, cwd), seen=[])
    project = find_pyproject(cwd)
    if project is not None:
        config = _read_toml(project).get("tool", {}).get("seo-audit")
        if config is not None:
            return _apply_project_config(config, project)
    return _load_file(_resolve(DEFAULT_RULESET, None), seen=[])


def find_pyproject(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                if "seo-audit" in _read_toml(candidate).get("tool", {}):
                    return candidate
            except RulesetError:
                raise
    return None


def _excludes(config: dict[str, Any], where: str) -> tuple[str, ...]:
    globs = config.get(EXCLUDE, [])
    if not isinstance(globs, list) or not all(isinstance(g, str) for g in globs):
        raise RulesetError(
            _('{where}: exclude must be a list of globs, e.g. ["drafts/old/**"]').format(
                where=where
            )
        )
    return tuple(globs)


def project_excludes(cwd: Path | None = None) -> tuple[str, ...]:
    """The globs `[tool.seo-audit] exclude` of the nearest pyproject.toml leaves out."""
    project = find_pyproject(cwd or Path.cwd())
    if project is None:
        return ()
    config = _read_toml(project).get("tool", {}).get("seo-audit")
    if not isinstance(config, dict):
        return ()
    return _excludes(config, f"{project} [tool.seo-audit]")


def _apply_project_config(config: Any, project: Path) -> RuleSet:
    where = f"{project} [tool.seo-audit]"
    if not isinstance(config, dict):
        raise RulesetError(_("{where}: must be a table").format(where=where))
    unknown = set(config) - {"ruleset", "checks", "overrides", ACCEPT_UNVERIFIABLE, EXCLUDE, LANG}
    if unknown:
        raise RulesetError(
            _("{where}: unknown key(s) {value}").format(
                where=where, value=", ".join(sorted(unknown))
            )
        )
    _excludes(config, where)
    base_ref = config.get("ruleset", DEFAULT_RULESET)
    if not isinstance(base_ref, str):
        raise RulesetError(_("{where}: 'ruleset' must be a string").format(where=where))
    ruleset = _load_file(_resolve(base_ref, project.parent), seen=[])
    layer = {k: v for k, v in config.items() if k not in (ACCEPT_UNVERIFIABLE, EXCLUDE, LANG)}
    ruleset = _apply_layer(ruleset, layer, where, project.parent)
    return _with_lang(_accepting(ruleset, config, where), config, where)


def _accepting(ruleset: RuleSet, table: dict[str, Any], where: str) -> RuleSet:
    """`accept_unverifiable = true|false` from a [ruleset] or [tool.seo-audit] table."""
    if ACCEPT_UNVERIFIABLE not in table:
        return ruleset
    value = table[ACCEPT_UNVERIFIABLE]
    if not isinstance(value, bool):
        raise RulesetError(
            _("{where}: {accept_unverifiable} must be true or false").format(
                where=where, accept_unverifiable=ACCEPT_UNVERIFIABLE
            )
        )
    return replace(ruleset, accept_unverifiable=value)


def _with_lang(ruleset: RuleSet, table: dict[str, Any], where: str) -> RuleSet:
    """`lang = "fr"|"en"` from a [ruleset] or [tool.seo-audit] table."""
    if LANG not in table:
        return ruleset
    try:
        return replace(ruleset, lang=check_language(table[LANG], f"{where}: lang"))
    except LanguageError as exc:
        raise RulesetError(str(exc)) from None


def _load_file(path: Path, seen: list[Path]) -> RuleSet:
    path = path.resolve()
    if path in seen:
        chain = " -> ".join(str(p) for p in [*seen, path])
        raise RulesetError(
            _("{path}: rule sets extend each other in a loop ({chain})").format(
                path=path, chain=chain
            )
        )
    data = _read_toml(path)
    meta = data.get("ruleset", {})
    if not isinstance(meta, dict):
        raise RulesetError(_("{path}: [ruleset] must be a table").format(path=path))
    unknown_meta = set(meta) - {"name", "description", "extends", ACCEPT_UNVERIFIABLE, LANG}
    if unknown_meta:
        raise RulesetError(
            _("{path}: unknown key(s) in [ruleset]: {value}").format(
                path=path, value=", ".join(sorted(unknown_meta))
            )
        )
    extends = meta.get("extends")
    if extends is not None:
        if not isinstance(extends, str):
            raise RulesetError(_("{path}: 'extends' must be a string").format(path=path))
        try:
            parent = _resolve(extends, path.parent)
        except RulesetError as exc:
            raise RulesetError(_("{path}: extends {exc}").format(path=path, exc=exc)) from None
        ruleset = _load_file(parent, [*seen, path])
    else:
        ruleset = base_ruleset()
    for key in ("name", "description"):
        if not isinstance(meta.get(key, ""), str):
            raise RulesetError(
                _("{path}: ruleset.{key} must be a string").format(path=path, key=key)
            )
    ruleset = _apply_layer(ruleset, data, str(path), path.parent)
    ruleset.name = meta.get("name", path.stem)
    ruleset.description = meta.get("description", ruleset.description)
    return _with_lang(_accepting(ruleset, meta, f"{path}: ruleset"), meta, f"{path}: ruleset")


def _apply_layer(ruleset: RuleSet, data: dict[str, Any], where: str, folder: Path) -> RuleSet:
    unknown = set(data) - {"ruleset", "checks", "overrides"}
    if unknown:
        raise RulesetError(
            _("{where}: unknown top-level key(s): {value}").format(
                where=where, value=", ".join(sorted(unknown))
            )
        )
    checks = data.get("checks", {})
    if not isinstance(checks, dict):
        raise RulesetError(_("{where}: [checks] must be a table").format(where=where))
    result = RuleSet(
        name=ruleset.name,
        description=ruleset.description,
        checks=_copy_checks(ruleset),
        sources=[*ruleset.sources, where],
        overrides=list(ruleset.overrides),
        accept_unverifiable=ruleset.accept_unverifiable,
    )
    for key, table in checks.items():
        apply_check_table(result, key, table, where)
    overrides = data.get("overrides", [])
    if not isinstance(overrides, list):
        raise RulesetError(
            _("{where}: 'overrides' must be an array of tables ([[overrides]])").format(where=where)
        )
    for i, override in enumerate(overrides, 1):
        files = override.get("files") if isinstance(override, dict) else None
        if not isinstance(files, list) or not all(isinstance(g, str) for g in files):
            raise RulesetError(
                _('{where}: override #{i} needs files = ["GLOB", ...]').format(where=where, i=i)
            )
        extra = set(override) - {"files", "checks"}
        if extra:
            raise RulesetError(
                _("{where}: override #{i}: unknown key(s) {value}").format(
                    where=where, i=i, value=", ".join(sorted(extra))
                )
            )
        # Validate now (on a scratch copy) so that a broken override fails at load time.
        scratch = RuleSet(name="", checks=_copy_checks(result))
        for key, table in (override.get("checks") or {}).items():
            apply_check_table(scratch, key, table, f"{where} override #{i}")
        result.overrides.append(([str(g) for g in override["files"]], override, where))
    return result


def _copy_checks(ruleset: RuleSet) -> dict[str, CheckConfig]:
    return {cid: replace(cfg, options=dict(cfg.options)) for cid, cfg in ruleset.checks.items()}


def apply_check_table(ruleset: RuleSet, key: str, table: Any, where: str) -> None:
    """Apply one [checks.KEY] table to `ruleset`, validating every value."""
    check = find_check(key)
    if check is None:
        raise RulesetError(
            _("{where}: unknown check '{key}' (see `seo-audit rules`)").format(where=where, key=key)
        )
    if isinstance(table, bool):  # `word-count = false` is a short way to switch a check off
        table = {"enabled": table}
    if not isinstance(table, dict):
        raise RulesetError(
            _("{where}: [checks.{key}] must be a table or true/false").format(where=where, key=key)
        )
    cfg = ruleset.checks[check.id]
    cfg = replace(cfg, options=dict(cfg.options))
    option_types = {o.name: o for o in check.options}
    for name, value in table.items():
        label = f"{where}: checks.{key}.{name}"
        if name == "enabled":
            if not isinstance(value, bool):
                raise RulesetError(_("{label} must be true or false").format(label=label))
            cfg.enabled = value
        elif name == "severity":
            if value not in SEVERITIES:
                raise RulesetError(
                    _("{label} must be one of {value}").format(
                        label=label, value=", ".join(SEVERITIES)
                    )
                )
            cfg.severity = value
        elif name == "weight":
            if not _is_number(value) or not 0 <= value <= MAX_WEIGHT:
                raise RulesetError(
                    _("{label} must be a number >= 0 and <= {max_weight} (got {value})").format(
                        label=label, max_weight=f"{MAX_WEIGHT:g}", value=_shown(value)
                    )
                )
            cfg.weight = float(value)
        elif name in option_types:
            cfg.options[name] = _validate_option(option_types[name], value, label)
        else:
            valid = ", ".join(sorted(_COMMON_KEYS | set(option_types)))
            raise RulesetError(
                _("{label}: unknown option (valid: {valid})").format(label=label, valid=valid)
            )
    problem = check.validate_options(cfg.options)
    if problem:
        raise RulesetError(
            _("{where}: checks.{key}: {problem}").format(where=where, key=key, problem=problem)
        )
    ruleset.checks[check.id] = cfg


def _is_number(value: Any) -> bool:
    """An int or float (not a bool) that is finite and within +-MAX_NUMBER."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if isinstance(value, int):  # compared as an int: a huge one does not fit in a float
        return abs(value) <= MAX_NUMBER
    return math.isfinite(value) and abs(value) <= MAX_NUMBER


def _shown(value: Any) -> str:
    """A value for an error message, short whatever its size."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**40:
        return "an integer of more than 40 digits"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def site_url_problem(url: str) -> str | None:
    """What is wrong with a site address (it needs http or https and a host), or None."""
    if any(c.isspace() or not c.isprintable() for c in url):
        return "contains spaces or control characters"
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError for a port out of range
    except ValueError as exc:
        return f"not a valid URL ({exc})"
    if parts.scheme.lower() not in ("http", "https"):
        return "must start with http:// or https://"
    if not parts.hostname:
        return "has no host name"
    return None


def _validate_option(option: Any, value: Any, label: str) -> Any:
    kind = option.type
    if kind is bool:
        if not isinstance(value, bool):
            raise RulesetError(_("{label} must be true or false").format(label=label))
        return value
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise RulesetError(_("{label} must be a whole number").format(label=label))
        if not _is_number(value):
            raise RulesetError(
                _("{label} must be between {value} and {max_number}").format(
                    label=label, value=f"{-MAX_NUMBER:,}", max_number=f"{MAX_NUMBER:,}"
                )
            )
    elif kind is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise RulesetError(_("{label} must be a number").format(label=label))
        if not _is_number(value):
            raise RulesetError(
                _("{label} must be a finite number (got {value})").format(
                    label=label, value=_shown(value)
                )
            )
        value = float(value)
    elif kind is str:
        if not isinstance(value, str):
            raise RulesetError(_("{label} must be a string").format(label=label))
        if option.name == "site_url" and value:
            problem = site_url_problem(value)
            if problem:
                raise RulesetError(
                    _("{label}: {problem} (got {value})").format(
                        label=label, problem=problem, value=_shown(value)
                    )
                )
        return value
    elif kind is list:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise RulesetError(_("{label} must be a list of strings").format(label=label))
        return value
    if option.min is not None and value < option.min:
        raise RulesetError(
            _("{label} must be >= {min} (got {value})").format(
                label=label, min=f"{option.min:g}", value=value
            )
        )
    if option.max is not None and value > option.max:
        raise RulesetError(
            _("{label} must be <= {max} (got {value})").format(
                label=label, max=f"{option.max:g}", value=value
            )
        )
    return value


def ruleset_for_file(ruleset: RuleSet, path: str) -> RuleSet:
    """Apply the [[overrides]] whose globs match `path`."""
    from fnmatch import fnmatch

    matching = [
        (o, where)
        for globs, o, where in ruleset.overrides
        if any(fnmatch(path, g) or fnmatch(Path(path).name, g) for g in globs)
    ]
    if not matching:
        return ruleset
    result = RuleSet(
        name=ruleset.name,
        description=ruleset.description,
        checks=_copy_checks(ruleset),
        sources=list(ruleset.sources),
        accept_unverifiable=ruleset.accept_unverifiable,
    )
    for override, where in matching:
        for key, table in (override.get("checks") or {}).items():
            apply_check_table(result, key, table, where)
    return result
