"""WordPress exports (WXR, the `.xml` file of Tools → Export): each post or page is a draft.

An export is read as a stream with `defusedxml.ElementTree.iterparse` (which refuses entity
declarations, so no "billion laughs"): each `<item>` is turned into a `Post` as soon as it
ends, then dropped, so a 5,000-post export never sits whole in memory. The size limit of a
draft (`--max-bytes`) applies to each post's body, not to the export file; no text of the
file is ever held beyond that limit.

Kept: the items of type `post` and `page` whose `wp:status` is selected (by default publish,
draft, pending and future; never attachments, revisions, menu items or other types). Posts
whose body holds no text at all (a page built by a plugin, a form) are passed over.

Each post becomes a small HTML page, audited as HTML: its head and the title as `<h1>` (as a
theme shows it) stand on line 1, before the body's first line, so that line N of a finding
is line N of the post body (`content:encoded`). The head holds:

- `<title>`: Yoast's SEO title (`_yoast_wpseo_title`, its %%variables%% filled in) or the
  post title;
- `<meta name="description">`: Yoast's meta description (`_yoast_wpseo_metadesc`), else the
  excerpt;
- `<meta name="keywords">`: Yoast's focus keyphrase (`_yoast_wpseo_focuskw`);
- `<meta property="og:url">`: the site's address (the export's `<link>`) and the slug
  (`wp:post_name`, or for a draft that has none yet the one WordPress proposes from the
  title): its host makes the absolute links to the site internal, as --site-url would.

Shortcode tags (`[caption id="…"]`, `[/caption]`, `[gallery ids="…"]`) are blanked out
(replaced by spaces, so that offsets do not move): they are markup, not prose.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any
from urllib.parse import unquote
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser, iterparse

from seo_audit import io
from seo_audit.engine import Draft
from seo_audit.errors import InputError
from seo_audit.i18n import _

POST_TYPES = ("post", "page")
STATUSES = ("publish", "draft", "pending", "future", "private", "trash", "auto-draft", "inherit")
DEFAULT_STATUSES = ("publish", "draft", "pending", "future")

_WP = "http://wordpress.org/export/"
_CONTENT = "http://purl.org/rss/1.0/modules/content/"
_OVERSIZE = "{urn:seo-audit}oversize"  # set on an element whose text went past the limit
_SEPARATOR = "-"  # Yoast's default %%sep%%

_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")
_VARIABLE = re.compile(r"%%([a-z_]+)%%")
# A shortcode tag: [name attr="value" …], [name] with a [/name] later or a name that no word
# has (vc_row, contact-form-7), or [/name]; `[sic]` in a quotation stays prose.
_SHORTCODE = re.compile(
    r"\[(/?)([a-z][a-z0-9_-]*)"
    r"((?:\s+[\w-]+=(?:\"[^\"\]]*\"|'[^'\]]*'|[^\s\]\"']+)|\s+\"[^\"\]]*\")*)\s*/?\]"
)
_KNOWN_SHORTCODES = frozenset({"gallery", "playlist", "embed", "audio", "video", "caption", "toc"})


@dataclass(frozen=True)
class Post:
    """One post or page of an export, as it is audited."""

    path: str  # the name in reports: export.xml#slug (or #post_id while there is no slug)
    post_id: str
    post_type: str
    status: str
    title: str
    link: str
    keyphrase: str | None  # Yoast's focus keyphrase
    html: str = ""  # the page audited (see the module documentation)
    problem: str | None = None  # why it cannot be audited (its body is over the limit)

    def draft(self) -> Draft:
        return Draft(self.path, self.html, "html")


@dataclass
class ExportSummary:
    """What an export held besides the posts read: for the messages about it."""

    items: int = 0  # every <item>
    wordpress: int = 0  # items with a wp:post_type
    kept: int = 0  # posts and pages yielded
    empty: list[str] = field(default_factory=list)  # names of selected posts without text
    other_statuses: dict[str, int] = field(default_factory=dict)  # posts left out by status


def read_export(
    path: str,
    statuses: tuple[str, ...] = DEFAULT_STATUSES,
    max_bytes: int | None = None,
    summary: ExportSummary | None = None,
) -> Iterator[Post]:
    """The posts and pages of a WordPress export, one by one as the file is read.

    Raises InputError, after the posts read so far, when the file is missing, not XML, not
    a WordPress export, declares entities, or holds no selected post or page.
    """
    limit = io.default_max_bytes(path) if max_bytes is None else max_bytes
    summary = summary if summary is not None else ExportSummary()
    stream = io.open_regular(path)
    try:
        yield from _posts(path, stream, statuses, limit, summary)
    except ParseError as exc:
        raise InputError(path, _("malformed XML ({problem})").format(problem=exc)) from None
    except DefusedXmlException as exc:
        raise InputError(
            path, _("refused: the export declares XML entities ({problem})").format(problem=exc)
        ) from None
    except OSError as exc:
        raise InputError(
            path, _("cannot read file ({problem})").format(problem=exc.strerror or exc)
        ) from None
    finally:
        stream.close()
    if summary.kept or summary.empty:
        return
    if not summary.items:
        raise InputError(path, _("no post or page in this WordPress export (no <item>)"))
    if not summary.wordpress:
        raise InputError(
            path, _("not a WordPress export (its items have no wp:post_type; an RSS feed?)")
        )
    found = ", ".join(f"{n} {status}" for status, n in sorted(summary.other_statuses.items()))
    raise InputError(
        path,
        _("no post or page with status {statuses} (found {found}; see --wp-status)").format(
            statuses=", ".join(statuses),
            found=found or _("only attachments, menus and other types"),
        ),
    )


class _Bounded(TreeBuilder):
    """A tree builder that keeps at most `limit` characters of any element's text: past it,
    the rest is dropped and the element marked, so one huge post cannot fill the memory."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit
        self.size = 0
        self.over = False

    def start(self, tag: Any, attrs: dict[str, str]) -> Element:
        self.size, self.over = 0, False
        return super().start(tag, attrs)

    def data(self, data: str) -> None:
        self.size += len(data)
        if self.size > self.limit:
            self.over = True
            return
        super().data(data)

    def end(self, tag: Any) -> Element:
        over, self.size, self.over = self.over, 0, False
        element = super().end(tag)
        if over:
            element.set(_OVERSIZE, "1")
        return element


def _name(tag: str) -> tuple[str, str]:
    """(namespace, local name) of an ElementTree tag."""
    if tag[:1] == "{":
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


def _posts(
    path: str, stream: Any, statuses: tuple[str, ...], limit: int, summary: ExportSummary
) -> Iterator[Post]:
    parser = DefusedXMLParser(target=_Bounded(limit))
    stack: list[Element] = []
    site: dict[str, str] = {}
    names: set[str] = set()
    for event, element in iterparse(stream, events=("start", "end"), parser=parser):
        if event == "start":
            if not stack and element.tag != "rss":
                raise InputError(
                    path,
                    _("not a WordPress export (the root is <{root}>)").format(
                        root=_name(element.tag)[1]
                    ),
                )
            stack.append(element)
            continue
        stack.pop()
        parent = stack[-1] if stack else None
        if parent is None or parent.tag != "channel":
            if parent is not None and parent.tag == "item" and _name(element.tag)[1] == "comment":
                parent.remove(element)  # comments are not read: drop them as they come
            continue
        if element.tag == "item":
            summary.items += 1
            post = _post(path, element, site, statuses, limit, names, summary)
            if post is not None:
                summary.kept += 1
                yield post
        elif element.tag in ("title", "description", "link"):
            site[element.tag] = (element.text or "").strip()
        parent.remove(element)  # done with it: the channel keeps nothing read


def _post(
    path: str,
    item: Element,
    site: dict[str, str],
    statuses: tuple[str, ...],
    limit: int,
    names: set[str],
    summary: ExportSummary,
) -> Post | None:
    fields: dict[str, Element] = {}
    meta: dict[str, str] = {}
    for child in item:
        namespace, local = _name(child.tag)
        if namespace.startswith(_WP) and local == "encoded":
            fields["excerpt"] = child  # excerpt:encoded, namespace …/export/1.x/excerpt/
        elif namespace.startswith(_WP) and local == "postmeta":
            key = child.find(f"{{{namespace}}}meta_key")
            value = child.find(f"{{{namespace}}}meta_value")
            if key is not None and value is not None and key.text:
                meta[key.text.strip()] = (value.text or "").strip()
        elif namespace.startswith(_WP):
            fields.setdefault(f"wp:{local}", child)
        elif namespace == _CONTENT and local == "encoded":
            fields["content"] = child
        elif not namespace:
            fields.setdefault(local, child)

    def text(key: str) -> str:
        found = fields.get(key)
        return (found.text or "").strip() if found is not None else ""

    post_type, status = text("wp:post_type"), text("wp:status")
    summary.wordpress += bool(post_type)
    if post_type not in POST_TYPES:
        return None
    if status not in statuses:
        summary.other_statuses[status] = summary.other_statuses.get(status, 0) + 1
        return None
    post_id = text("wp:post_id")
    slug = unquote(text("wp:post_name"))
    title = _plain(text("title"))
    name = slug or post_id or str(summary.items)
    while name in names:
        name = f"{name}-{post_id or summary.items}"
    names.add(name)
    link = text("link")
    keyphrase = _plain(meta.get("_yoast_wpseo_focuskw", "")) or None
    content = fields.get("content")
    body = "" if content is None else content.text or ""
    post = Post(f"{path}#{name}", post_id, post_type, status, title, link, keyphrase)
    size = len(body.encode("utf-8"))
    if (content is not None and content.get(_OVERSIZE)) or size > limit:
        shown = f"more than {limit:,}" if size <= limit else f"{size:,}"
        problem = (
            f"post body too large ({shown} bytes; the limit is {limit:,} bytes per post, "
            f"raise it with --max-bytes or ${io.MAX_BYTES_ENV})"
        )
        return replace(post, problem=problem)
    body = _blank_shortcodes(body)
    if not _plain(body):
        summary.empty.append(name)
        return None
    excerpt = _plain(text("excerpt"))
    variables = {
        "title": title,
        "sitename": site.get("title", ""),
        "sitedesc": site.get("description", ""),
        "excerpt": excerpt,
        "sep": _SEPARATOR,
        "currentyear": str(date.today().year),
    }
    seo_title = _fill(meta.get("_yoast_wpseo_title", ""), variables) or title
    description = _fill(meta.get("_yoast_wpseo_metadesc", ""), variables) or excerpt
    address = f"{site.get('link', '').rstrip('/')}/{slug or _proposed_slug(title) or post_id}/"
    page = _page(seo_title, description, keyphrase, address)
    page += f"<h1>{html.escape(title, quote=False)}</h1>" if title else ""
    return replace(post, html=page + body)


def _page(title: str, description: str, keyphrase: str | None, address: str) -> str:
    """The head of the page audited, on one line."""
    out = ["<html><head>"]
    if title:
        out.append(f"<title>{html.escape(title, quote=False)}</title>")
    if description:
        out.append(f'<meta name="description" content="{html.escape(description)}">')
    if keyphrase:
        out.append(f'<meta name="keywords" content="{html.escape(keyphrase)}">')
    out.append(f'<meta property="og:url" content="{html.escape(address)}">')
    out.append("</head><body>")
    return "".join(out)


def _plain(value: str) -> str:
    """A field as one line of plain text: tags dropped, entities decoded, spaces collapsed."""
    return _SPACES.sub(" ", html.unescape(_TAG.sub(" ", value))).strip()


def _fill(template: str, variables: dict[str, str]) -> str:
    """A Yoast template with its %%variables%% filled in (unknown ones dropped)."""
    filled = _VARIABLE.sub(lambda m: variables.get(m.group(1), ""), _plain(template))
    return _SPACES.sub(" ", filled).strip(f" {_SEPARATOR}")


def _proposed_slug(title: str) -> str:
    """The slug WordPress proposes for a title (accents dropped, words joined by hyphens)."""
    text = title.lower().replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")
    text = re.sub(r"['’‘]", "", text)  # l’hiver → lhiver, as WordPress writes it
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _blank_shortcodes(body: str) -> str:
    """The body with its shortcode tags replaced by spaces (line breaks kept)."""
    found = [m for m in _SHORTCODE.finditer(body) if _is_shortcode(m, body)]
    if not found:
        return body
    out, last = [], 0
    for m in found:
        out.append(body[last : m.start()])
        out.append(re.sub(r"[^\n]", " ", m.group()))
        last = m.end()
    out.append(body[last:])
    return "".join(out)


def _is_shortcode(m: re.Match[str], body: str) -> bool:
    closing, name, attributes = m.group(1), m.group(2), m.group(3)
    if closing or attributes or "_" in name or "-" in name or name in _KNOWN_SHORTCODES:
        return True
    return f"[/{name}]" in body


def status_list(value: str) -> tuple[str, ...]:
    """`publish,draft` → ("publish", "draft"); ValueError naming an unknown status."""
    chosen = tuple(s.strip().lower() for s in value.split(",") if s.strip())
    unknown = [s for s in chosen if s not in STATUSES]
    if unknown or not chosen:
        raise ValueError(
            f"unknown status {', '.join(unknown) or '(none)'} (choose from {', '.join(STATUSES)})"
        )
    return chosen


__all__ = ["DEFAULT_STATUSES", "STATUSES", "ExportSummary", "Post", "read_export", "status_list"]
