"""French and English: the language people read the program in.

English texts are the msgids, written in the code (`_("...")`, `ngettext(...)`, check
docstrings and `Option` help, click help). The French texts are in
`seo_audit/locale/fr/LC_MESSAGES/seo_audit.po`, the file a translator edits; it is read and
compiled in memory the first time French is asked for (no compiled .mo file to go stale).
`seo_audit/locale/seo_audit.pot` is the template `pybabel extract` writes (see babel.cfg).

The language is a module global set per audit (`engine.AuditOptions.lang` carries it to
worker processes) or per command: `set_language` or the `language` context manager.
`resolve_language` picks it: `--lang`, else the rule set's / `[tool.seo-audit]` `lang`, else
the locale (LC_ALL, LC_MESSAGES, LANG, LANGUAGE), else English.

French typography is applied to every French text when the catalogue is loaded: a narrow
no-break space (U+202F) before `; : ! ?` and inside `« »`, so a translator types plain spaces.
Ids, statuses, metric keys, JSON keys and exit codes never change with the language.
"""

from __future__ import annotations

import contextlib
import functools
import gettext
import io
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

LANGUAGES = ("en", "fr")
DEFAULT = "en"
DOMAIN = "seo_audit"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
# The locale variables, in the order gettext reads them.
LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")
NNBSP = "\u202f"

_current = DEFAULT


class LanguageError(ValueError):
    """A language this program does not speak."""


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def check_language(lang: str, where: str = "--lang") -> str:
    """`lang` when it is one of LANGUAGES (case-insensitive), else LanguageError."""
    code = lang.strip().lower() if isinstance(lang, str) else lang
    if code not in LANGUAGES:
        said = _("{where} {lang}: unknown language (choose: {choices})")
        raise LanguageError(said.format(where=where, lang=lang, choices=", ".join(LANGUAGES)))
    return code


def language_of_locale(environ: Mapping[str, str]) -> str | None:
    """The language of the first locale variable set, as gettext reads them: "fr" for
    fr_FR.UTF-8, "en" for C or en_US; None when none is set."""
    for var in LOCALE_VARS:
        value = environ.get(var, "")
        if not value:
            continue
        code = value.split(":")[0].split(".")[0].split("_")[0].split("@")[0].lower()
        return code if code in LANGUAGES else DEFAULT
    return None


def resolve_language(
    explicit: str | None, config_value: str | None, environ: Mapping[str, str]
) -> str:
    """`--lang` (explicit), else the rule set's or [tool.seo-audit] `lang`, else the locale,
    else English. An explicit or configured language must be one of LANGUAGES."""
    if explicit:
        return check_language(explicit)
    if config_value:
        return check_language(config_value, "lang")
    return language_of_locale(environ) or DEFAULT


def set_language(lang: str) -> None:
    global _current
    _current = check_language(lang)


def current_language() -> str:
    return _current


@contextlib.contextmanager
def language(lang: str | None) -> Iterator[None]:
    """Texts in `lang` inside the block (None: leave the language as it is)."""
    global _current
    before = _current
    if lang is not None:
        set_language(lang)
    try:
        yield
    finally:
        _current = before


# A mark ending a clause; not one of a list of marks (« avant ; : ! ? »), which the text
# names rather than uses.
_SPACE_BEFORE = re.compile(
    r"(?<![;:!?] )(?<![;:!?])[ \u00a0\u202f]*([;:!?])(?=\s|$|[»)])(?! [;:!?])"
)
_AFTER_OPEN = re.compile(r"«[ \u00a0\u202f]*")
_BEFORE_CLOSE = re.compile(r"[ \u00a0\u202f]*»")


def french_typography(text: str) -> str:
    """`text` with a narrow no-break space before `; : ! ?` (when they end a clause)
    and `%`, and inside `« »`."""
    text = _SPACE_BEFORE.sub(lambda m: NNBSP + m.group(1), text)
    text = re.sub(r"[ \u00a0]%", NNBSP + "%", text)
    text = _AFTER_OPEN.sub("«" + NNBSP, text)
    return _BEFORE_CLOSE.sub(NNBSP + "»", text)


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalogue of `lang`, compiled in memory from its .po file (English: none)."""
    if lang == DEFAULT:
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path(lang).open("rb") as f:
        catalog = read_po(f, locale=lang, domain=DOMAIN)
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.string, tuple):
            message.string = tuple(french_typography(s) for s in message.string)
        elif message.string:
            message.string = french_typography(message.string)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def _(message: str) -> str:
    """`message` in the current language."""
    if _current == DEFAULT or not message:
        return message
    return translations(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of the message for `n`, in the current language."""
    return translations(_current).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` in the current language, where the same English word is translated
    differently in different places (`context`: "column", ...)."""
    if _current == DEFAULT:
        return message
    return translations(_current).pgettext(context, message)


def N_(message: str) -> str:
    """Marks a text for extraction without translating it now (translated where shown)."""
    return message


def number(value: float, digits: int | None = None) -> str:
    """`value` as the current language writes it: 1.16 / 1,16 (with `digits` decimals)."""
    if digits is not None:
        value = round(value, digits)
    if _current == DEFAULT:
        if digits is not None:
            return f"{value:.{digits}f}"
        return str(value) if isinstance(value, int) else f"{value:g}"
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * digits if digits else "") if digits is not None else None
    if pattern is None:
        return format_decimal(value, locale=_current)
    return format_decimal(value, format=pattern, locale=_current)


def count(value: int) -> str:
    """A whole number with its thousands grouped: 73,400,320 / 73 400 320 (narrow no-break
    spaces in French)."""
    if _current == DEFAULT:
        return f"{value:,}"
    from babel.numbers import format_decimal

    return format_decimal(value, format="#,##0", locale=_current)


def decimal(value: float) -> str:
    """`value` as Python writes it (0.5, 3.0), with a decimal comma in French."""
    text = str(value)
    return text if _current == DEFAULT else text.replace(".", ",")


def percent(value: float, digits: int | None = 1) -> str:
    """A percentage already multiplied by 100: "82.9 %" / "82,9 %" (no-break space in
    French)."""
    sep = " " if _current == DEFAULT else NNBSP
    return f"{number(value, digits)}{sep}%"
