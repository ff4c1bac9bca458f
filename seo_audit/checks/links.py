"""Link and image checks: the article links in and out, and its images are described."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from seo_audit.checks.base import FAIL, PASS, Check, Option, Outcome, places_of, register, skip
from seo_audit.checks.needs import MARKUP
from seo_audit.document import Link
from seo_audit.i18n import N_, _

if TYPE_CHECKING:
    from seo_audit.analyze import Analysis


def _host(url: str) -> str:
    host = urlsplit(url if "//" in url else "").hostname or ""
    return host.removeprefix("www.")


def is_internal(link: Link, site_url: str) -> bool:
    """A relative URL, or an absolute one on the site's own host."""
    url = link.url.strip()
    if url.startswith(("mailto:", "tel:", "javascript:", "#")) or not url:
        return False
    parts = urlsplit(url)
    if not parts.scheme and not url.startswith("//"):
        return True
    return bool(site_url) and _host(url) == _host(site_url)


def page_site(url: object) -> str:
    """The site of a page's own absolute address (its `og:url`), or ""."""
    parts = urlsplit(url.strip()) if isinstance(url, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}"


def is_outbound(link: Link, site_url: str) -> bool:
    parts = urlsplit(link.url.strip())
    return parts.scheme in ("http", "https") and not is_internal(link, site_url)


class _LinkCount(Check):
    """Shared logic of the internal and outbound link checks."""

    kind = ""

    def wanted(self, link: Link, site_url: str) -> bool:  # pragma: no cover
        raise NotImplementedError

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        minimum = opts["min_count"]
        kind = _(self.kind)
        expected = _(">= {minimum} {kind} link(s)").format(minimum=minimum, kind=kind)
        # --site-url wins over the rule set, which wins over the page's own address.
        site = a.site_url or opts["site_url"] or page_site(a.document.meta.get("og:url"))
        found = [link for link in a.document.links if self.wanted(link, site)]
        if len(found) >= minimum:
            return Outcome(
                PASS,
                len(found),
                expected,
                _("{count} {kind} link(s).").format(count=len(found), kind=kind),
            )
        return Outcome(
            FAIL,
            len(found),
            expected,
            _("{count} {kind} link(s): add at least {missing}.").format(
                count=len(found), kind=kind, missing=minimum - len(found)
            ),
        )


@register
class InternalLinks(_LinkCount):
    """The article has at least {min_count:internal link}, to other pages of the same site.

    What it checks:
        Counts the links with a relative URL (`/guides/entretien`) or an absolute URL on
        the site's own host (from --site-url, the `site_url` option, or else the host of
        the page's own address, its `og:url`).

    Why it matters:
        Internal links lead readers to the next article and show search engines how the
        site's pages relate; an article with none is a dead end.

    Failing example:
        Les aides sont détaillées sur le [site du ministère](https://www.ecologie.gouv.fr).

    Passing example:
        Lisez aussi notre [guide d’entretien](/guides/entretien-velo).
    """

    id = "A001"
    name = "internal-links"
    family = "links"
    needs = (MARKUP,)
    severity = "warning"
    weight = 1.0
    kind = N_("internal")
    options = (
        Option("min_count", int, 1, "fewest internal links", min=0),
        Option(
            "site_url",
            str,
            "",
            'the site\'s own address, e.g. "https://www.exemple.fr": links to it are internal '
            "(empty: only relative links are; --site-url sets it too)",
        ),
    )

    def wanted(self, link: Link, site_url: str) -> bool:
        return is_internal(link, site_url)


@register
class OutboundLinks(_LinkCount):
    """The article has at least {min_count:outbound link}, to pages of other sites.

    What it checks:
        Counts the http(s) links whose host is not the site's own.

    Why it matters:
        Citing sources builds trust with readers and search engines, for news rewrites most
        of all: link the study, the report or the original article.

    Failing example:
        Selon une étude récente, les ventes ont doublé.

    Passing example:
        Selon [une étude de l’Ademe](https://www.ademe.fr/), les ventes ont doublé.
    """

    id = "A002"
    name = "outbound-links"
    family = "links"
    needs = (MARKUP,)
    severity = "warning"
    weight = 1.0
    kind = N_("outbound")
    options = (
        Option("min_count", int, 1, "fewest outbound links", min=0),
        Option(
            "site_url",
            str,
            "",
            "the site's own address: links to it are not outbound (--site-url sets it too)",
        ),
    )

    def wanted(self, link: Link, site_url: str) -> bool:
        return is_outbound(link, site_url)


@register
class ImagesPresent(Check):
    """The article has at least {min_count:image}.

    What it checks:
        Counts the images (`![alt](src)` in Markdown, `<img>` in HTML).

    Why it matters:
        An image breaks up the text, illustrates the topic, and can bring visits from image
        search.

    Failing example:
        # Le vélo électrique en ville

        Le vélo électrique séduit de plus en plus de citadins.

    Passing example:
        # Le vélo électrique en ville

        Le vélo électrique séduit de plus en plus de citadins.

        ![Un vélo électrique devant la gare de Lyon](/img/velo-gare.jpg)
    """

    id = "A003"
    name = "images-present"
    family = "links"
    needs = (MARKUP,)
    severity = "warning"
    weight = 1.0
    options = (Option("min_count", int, 1, "fewest images", min=0),)

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        minimum = opts["min_count"]
        expected = _(">= {minimum} image(s)").format(minimum=minimum)
        n = len(a.document.images)
        if n >= minimum:
            return Outcome(PASS, n, expected, _("{count} image(s).").format(count=n))
        return Outcome(
            FAIL,
            n,
            expected,
            _("{count} image(s): add at least {missing}.").format(count=n, missing=minimum - n),
        )


@register
class ImageAlt(Check):
    """Every image has alt text.

    What it checks:
        Lists the images whose alt text is missing or empty.

    Why it matters:
        Alt text is what blind readers hear and what search engines read instead of the
        image; without it the image says nothing to either.

    Failing example:
        Le vélo se plie en deux et tient dans un coffre.

        ![](/img/velo.jpg)

    Passing example:
        Le vélo se plie en deux et tient dans un coffre.

        ![Un vélo électrique pliant dans un train régional](/img/velo.jpg)
    """

    id = "A004"
    name = "image-alt"
    family = "links"
    severity = "warning"
    weight = 1.0

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        expected = _("alt text on every image")
        images = a.document.images
        if not images:
            return skip(_("No image."), expected)
        missing = [i for i in images if not i.alt.strip()]
        if not missing:
            return Outcome(
                PASS,
                0,
                expected,
                _("All {count} image(s) have alt text.").format(count=len(images)),
            )
        return Outcome(
            FAIL,
            len(missing),
            expected,
            _("{count} of {total} image(s) without alt text.").format(
                count=len(missing), total=len(images)
            ),
            places_of(missing),
        )
