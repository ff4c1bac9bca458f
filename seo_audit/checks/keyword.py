"""Keyword checks: is the focus keyphrase used, and used naturally?"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from seo_audit.checks.base import (
    FAIL,
    PASS,
    WARN,
    Check,
    Option,
    Outcome,
    Place,
    meta_place,
    place,
    places_of,
    register,
    skip,
)
from seo_audit.checks.needs import KEYPHRASE
from seo_audit.french.insights import not_measured
from seo_audit.french.text import has_alnum, normalise
from seo_audit.i18n import _, decimal, percent

if TYPE_CHECKING:
    from seo_audit.analyze import Analysis


@register
class KeywordDensity(Check):
    """The focus keyphrase makes up {min_density} % to {max_density} % of the words.

    What it checks:
        Counts the occurrences of the focus keyphrase (from --keyword, the front matter
        `keyword`, `focus_keyword`, `keyphrase` or first of `keywords`, or the HTML meta
        keywords) in the headings and text, and divides by the word count. Elided,
        capitalised, plural and feminine forms count: `l’Ukraine` is an occurrence of
        `Ukraine`, `armes nucléaires` of `arme nucléaire`. A word inside another word
        never counts (`arme` is not in `armée`). Synonyms given in the front matter
        (`synonyms:`) or with --synonym count too.

    Why it matters:
        Too few occurrences and search engines cannot tell what the page is about; too
        many reads as keyword stuffing, which readers dislike and search engines penalise.

    Failing example:
        ---
        keyword: vélo électrique
        ---
        # Le vélo électrique

        Le vélo électrique plaît. Un vélo électrique coûte cher. Ce vélo électrique va vite.

    Passing example:
        ---
        keyword: vélo électrique
        ---
        # Se déplacer en ville

        Le vélo électrique gagne du terrain dans les grandes villes. Les trajets du matin
        deviennent plus courts et moins fatigants. Les salariés arrivent au bureau sans
        transpirer. Les communes suivent le mouvement et tracent de nouvelles pistes,
        séparées des voitures, pour rassurer les cyclistes débutants.
    """

    id = "K001"
    name = "keyword-density"
    family = "keyword"
    needs = (KEYPHRASE,)
    weight = 3.0
    options = (
        Option("min_density", float, 0.5, "lowest keyword density (percent)", min=0, max=100),
        Option("max_density", float, 3.0, "highest keyword density (percent)", min=0, max=100),
    )

    ordered_options = (("min_density", "max_density"),)

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        low, high = opts["min_density"], opts["max_density"]
        expected = _("{low}-{high} %").format(low=decimal(low), high=decimal(high))
        density = a.metrics["keyword_density"]
        count = a.metrics["keyword_count"]
        words = a.metrics["words"]
        if density is None:
            return skip(_("No word to measure."), expected)
        lines = places_of(a.keyword_hits)
        said = _("“{keyword}” found {count} time(s) in {words} words ({density})").format(
            keyword=a.keyword, count=count, words=words, density=percent(density, 2)
        )
        if density < low:
            target = max(1, round(low * words / 100))
            return Outcome(
                FAIL,
                density,
                expected,
                _("{said}: use it at least {target} times.").format(said=said, target=target),
                lines,
            )
        if density > high:
            target = int(high * words / 100)
            return Outcome(
                FAIL,
                density,
                expected,
                _("{said}: keyword stuffing, use it at most {target} times.").format(
                    said=said, target=target
                ),
                lines,
            )
        return Outcome(PASS, density, expected, _("{said}.").format(said=said), lines)


def _image_place(image: Any) -> list[Place]:
    """An image's alt text, or where its markup starts when the alt text is empty."""
    if image.map.length:
        return [Place(*image.map.span(0, len(image.alt)))]
    return [place(image)]


def _in_slug(words: list[str], slug: str) -> bool:
    """Whether every content word of the keyphrase is a word of the slug, accents ignored
    (slugs drop them: `jardin-partage` for « jardin partagé »), a final s or x too."""
    slug_words = {normalise(w, accents=False).rstrip("sx") for w in slug.split()}
    wanted = [normalise(w, accents=False).rstrip("sx") for w in words]
    return bool(wanted) and all(w in slug_words for w in wanted)


def _found(a: Analysis, kind: str) -> list[tuple[int, int]]:
    return [o for m in a.meta(kind) for o in m.offsets]


@register
class KeywordInTitle(Check):
    """The focus keyphrase is in the title, ideally at its start.

    What it checks:
        Looks for the keyphrase in the page title: the front matter `title`, the HTML
        `<title>`, or else the H1. It passes when the title starts with the keyphrase,
        warns when the keyphrase is elsewhere in the title (unless `require_start` is
        off), fails when it is missing.

    Why it matters:
        The title is the blue link of a search result and the strongest on-page signal of
        what the page is about. Readers scan its first words.

    Failing example:
        ---
        keyword: vélo électrique
        title: Se déplacer autrement en ville
        ---
        Le vélo électrique séduit de plus en plus de citadins.

    Passing example:
        ---
        keyword: vélo électrique
        title: "Vélo électrique : le guide pour bien le choisir en ville"
        ---
        Le vélo électrique séduit de plus en plus de citadins.
    """

    id = "K002"
    name = "keyword-in-title"
    family = "keyword"
    needs = (KEYPHRASE,)
    severity = "warning"
    weight = 2.0
    options = (
        Option("require_start", bool, True, "warn when the keyphrase is not at the title's start"),
    )

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        expected = _("keyphrase at the start of the title")
        titles = a.meta("title")
        if not titles:
            return Outcome(FAIL, None, expected, _("No title: set `title:` or an H1."))
        title = titles[0]
        found = _found(a, "title")
        if not found:
            return Outcome(
                FAIL,
                False,
                expected,
                _("“{keyword}” is not in the title « {title} ».").format(
                    keyword=a.keyword, title=title.text
                ),
                meta_place(title),
            )
        # Leading quotes or punctuation do not make the keyphrase any less first.
        lead = title.text[: min(start for start, _ in found)]
        if not has_alnum(lead):
            return Outcome(
                PASS,
                True,
                expected,
                _("The title starts with “{keyword}”.").format(keyword=a.keyword),
            )
        if opts["require_start"]:
            return Outcome(
                WARN,
                True,
                expected,
                _("“{keyword}” is in the title but not at its start.").format(keyword=a.keyword),
                meta_place(title),
            )
        return Outcome(
            PASS, True, expected, _("“{keyword}” is in the title.").format(keyword=a.keyword)
        )


@register
class KeywordInIntroduction(Check):
    """The focus keyphrase appears in the first paragraph.

    What it checks:
        Looks for the keyphrase (or a synonym) in the first paragraph of the body, after
        the H1.

    Why it matters:
        The introduction tells readers and search engines at once what the article is
        about; a keyphrase that only shows up later reads as an afterthought.

    Failing example:
        ---
        keyword: vélo électrique
        ---
        # Se déplacer en ville

        Les bouchons du matin coûtent cher aux citadins.

        ## Une solution

        Le vélo électrique raccourcit les trajets.

    Passing example:
        ---
        keyword: vélo électrique
        ---
        # Se déplacer en ville

        Le vélo électrique séduit de plus en plus de citadins.
    """

    id = "K003"
    name = "keyword-in-introduction"
    family = "keyword"
    needs = (KEYPHRASE,)
    severity = "warning"
    weight = 2.0

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        expected = _("keyphrase in the first paragraph")
        first = next((i for i, b in enumerate(a.document.blocks) if b.kind == "paragraph"), None)
        if first is None:
            return Outcome(FAIL, False, expected, _("The text has no paragraph."))
        block = a.document.blocks[first]
        if any(h.block == first for h in a.keyword_hits):
            return Outcome(
                PASS,
                True,
                expected,
                _("“{keyword}” is in the introduction.").format(keyword=a.keyword),
            )
        return Outcome(
            FAIL,
            False,
            expected,
            _("“{keyword}” is not in the first paragraph.").format(keyword=a.keyword),
            [place(block)],
        )


@register
class KeywordInMetaDescription(Check):
    """The focus keyphrase appears in the meta description.

    What it checks:
        Looks for the keyphrase in the front matter `description` or the HTML
        `<meta name="description">`.

    Why it matters:
        Search engines show the description under the title and put the words of the
        query in bold: a description with the keyphrase draws the eye and the click.

    Failing example:
        ---
        keyword: vélo électrique
        description: Tout ce qu’il faut savoir avant d’acheter.
        ---
        Le vélo électrique séduit de plus en plus de citadins.

    Passing example:
        ---
        keyword: vélo électrique
        description: "Prix, autonomie, aides : tout savoir avant d’acheter un vélo électrique."
        ---
        Le vélo électrique séduit de plus en plus de citadins.
    """

    id = "K004"
    name = "keyword-in-meta-description"
    family = "keyword"
    needs = (KEYPHRASE,)
    severity = "warning"
    weight = 1.0

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        expected = _("keyphrase in the meta description")
        if not a.meta("description"):
            return skip(_("No meta description (see M002 meta-description-length)."), expected)
        if _found(a, "description"):
            return Outcome(
                PASS,
                True,
                expected,
                _("“{keyword}” is in the meta description.").format(keyword=a.keyword),
            )
        return Outcome(
            FAIL,
            False,
            expected,
            _("“{keyword}” is not in the meta description.").format(keyword=a.keyword),
            meta_place(a.meta("description")[0]),
        )


@register
class KeywordInSlug(Check):
    """The focus keyphrase appears in the slug (the end of the URL).

    What it checks:
        Looks for the keyphrase's words in the front matter `slug`, or else in the file
        name (`velo-electrique.md`), with hyphens read as spaces and accents ignored.

    Why it matters:
        The URL shows in search results and in shared links; a slug that names the topic is
        clearer to readers and a small ranking signal.

    Failing example:
        ---
        keyword: vélo électrique
        slug: article-12345
        ---
        Le vélo électrique séduit de plus en plus de citadins.

    Passing example:
        ---
        keyword: vélo électrique
        slug: velo-electrique-guide-achat
        ---
        Le vélo électrique séduit de plus en plus de citadins.
    """

    id = "K005"
    name = "keyword-in-slug"
    family = "keyword"
    needs = (KEYPHRASE,)
    severity = "warning"
    weight = 1.0

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        expected = _("keyphrase in the slug")
        slugs = a.meta("slug")
        if not slugs:
            return skip(_("No slug: set `slug:` in the front matter."), expected)
        if _found(a, "slug") or _in_slug(a.keyphrase_words, slugs[0].text):
            return Outcome(
                PASS, True, expected, _("The slug contains “{keyword}”.").format(keyword=a.keyword)
            )
        return Outcome(
            FAIL,
            False,
            expected,
            _("The slug “{slug}” lacks “{keyword}”.").format(
                slug=slugs[0].text.replace(" ", "-"), keyword=a.keyword
            ),
            meta_place(slugs[0]),
        )


@register
class KeywordInSubheadings(Check):
    """{min_ratio} to {max_ratio} of the H2 and H3 subheadings contain the focus keyphrase.

    What it checks:
        Counts the H2 and H3 headings that contain the keyphrase (or a synonym) and their
        share of all H2/H3 headings.

    Why it matters:
        Subheadings with the keyphrase confirm the topic of each part; every subheading
        with it reads as stuffing.

    Failing example:
        ---
        keyword: vélo électrique
        ---
        ## Pourquoi changer de moyen de transport

        ## Le budget

        ## L’entretien

        ## Nos conseils

    Passing example:
        ---
        keyword: vélo électrique
        ---
        ## Pourquoi choisir un vélo électrique

        ## Le budget

        ## Entretenir son vélo électrique

        ## Nos conseils
    """

    id = "K006"
    name = "keyword-in-subheadings"
    family = "keyword"
    needs = (KEYPHRASE,)
    severity = "warning"
    weight = 1.0
    options = (
        Option("min_ratio", float, 0.3, "lowest share of subheadings", min=0, max=1),
        Option("max_ratio", float, 0.75, "highest share of subheadings", min=0, max=1),
    )

    ordered_options = (("min_ratio", "max_ratio"),)

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        low, high = opts["min_ratio"], opts["max_ratio"]
        expected = _("{low}-{high} % of H2/H3").format(
            low=f"{100 * low:.0f}", high=f"{100 * high:.0f}"
        )
        subheadings = [
            i for i, b in enumerate(a.document.blocks) if b.kind == "heading" and b.level in (2, 3)
        ]
        if not subheadings:
            return skip(_("No H2 or H3 subheading."), expected)
        with_kw = {h.block for h in a.keyword_hits} & set(subheadings)
        ratio = len(with_kw) / len(subheadings)
        said = _("{count} of {total} H2/H3 subheadings contain “{keyword}”").format(
            count=len(with_kw), total=len(subheadings), keyword=a.keyword
        )
        if ratio < low:
            lines = [place(a.document.blocks[i]) for i in subheadings if i not in with_kw]
            return Outcome(
                FAIL,
                round(ratio, 3),
                expected,
                _("{said}: add it to more.").format(said=said),
                lines,
            )
        if ratio > high:
            lines = [place(a.document.blocks[i]) for i in sorted(with_kw)]
            return Outcome(
                FAIL, round(ratio, 3), expected, _("{said}: too many.").format(said=said), lines
            )
        return Outcome(PASS, round(ratio, 3), expected, _("{said}.").format(said=said))


@register
class KeyphraseLength(Check):
    """The focus keyphrase has at most {max_words} content words.

    What it checks:
        Counts the content words of the keyphrase (nouns, verbs, adjectives, proper nouns,
        numbers), leaving out articles, prepositions and other function words:
        « prix du vélo électrique » has 3.

    Why it matters:
        People search with short phrases; a long keyphrase is rarely typed as such, and a
        text cannot use it naturally at a good density.

    Failing example:
        ---
        keyword: meilleur vélo électrique pliant pas cher pour la ville
        ---
        Un vélo électrique pliant se range partout.

    Passing example:
        ---
        keyword: vélo électrique pliant
        ---
        Un vélo électrique pliant se range partout.
    """

    id = "K007"
    name = "keyphrase-length"
    family = "keyword"
    needs = (KEYPHRASE,)
    severity = "warning"
    weight = 1.0
    options = (Option("max_words", int, 4, "most content words in the keyphrase", min=1),)

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        limit = opts["max_words"]
        expected = _("1-{limit} content words").format(limit=limit)
        words = a.keyphrase_words
        said = _("“{keyword}” has {count} content word(s)").format(
            keyword=a.keyword, count=len(words)
        )
        if not words:
            return Outcome(
                FAIL, 0, expected, _("{said}: use a real topic phrase.").format(said=said)
            )
        if len(words) > limit:
            return Outcome(FAIL, len(words), expected, _("{said}: shorten it.").format(said=said))
        return Outcome(PASS, len(words), expected, _("{said}.").format(said=said))


@register
class KeywordDistribution(Check):
    """No stretch over {max_gap_ratio} of a text of {min_words}+ words lacks the keyphrase.

    What it checks:
        Measures, in words, the longest stretch of the text without the keyphrase: from
        the start to the first occurrence, between two occurrences, and from the last one to
        the end. It fails when that stretch is longer than `max_gap_ratio` of the text.
        Texts shorter than `min_words` are not measured.

    Why it matters:
        A keyphrase crammed into the introduction and the conclusion tells readers that
        the middle of the article is about something else.

    Failing example:
        (described) In a 900-word article, “vélo électrique” 8 times in the first 200 words,
        then never.

    Passing example:
        (described) The same 8 occurrences, one or two in every section.
    """

    id = "K008"
    name = "keyword-distribution"
    family = "keyword"
    needs = (KEYPHRASE,)
    severity = "warning"
    weight = 1.0
    options = (
        Option(
            "max_gap_ratio",
            float,
            0.4,
            "longest stretch without the keyphrase, as a share of the words",
            min=0,
            max=1,
        ),
        Option("min_words", int, 300, "texts with fewer words are not measured", min=0),
    )

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        expected = _("no stretch over {share} % of the text without it").format(
            share=f"{100 * opts['max_gap_ratio']:.0f}"
        )
        total = a.metrics["words"]
        if total < opts["min_words"]:
            return skip(_("Text under {count} words.").format(count=opts["min_words"]), expected)
        # Word position of each sentence start, headings included (they are text too).
        positions, pos = [], 0
        for s in a.sentences:
            positions.append(pos)
            pos += s.words
        marks = sorted(positions[h.sentence] for h in a.keyword_hits)
        if not marks:
            return Outcome(
                FAIL, 1.0, expected, _("“{keyword}” never occurs.").format(keyword=a.keyword)
            )
        bounds = [0, *marks, total]
        gap, start = max((b - a_, a_) for a_, b in zip(bounds, bounds[1:], strict=False))
        ratio = gap / total if total else 0.0
        stretch = [
            s for s, p in zip(a.sentences, positions, strict=True) if start <= p < start + gap
        ]
        line = stretch[0].line if stretch else 1
        said = _("Longest stretch without “{keyword}”: {gap} words ({share} %)").format(
            keyword=a.keyword, gap=gap, share=f"{100 * ratio:.0f}"
        )
        if ratio > opts["max_gap_ratio"]:
            where = (
                [Place(stretch[0].start, stretch[-1].end, _("{words} words").format(words=gap))]
                if stretch
                else []
            )
            return Outcome(
                FAIL,
                round(ratio, 3),
                expected,
                _("{said}, from line {line}.").format(said=said, line=line),
                where,
            )
        return Outcome(PASS, round(ratio, 3), expected, _("{said}.").format(said=said))


@register
class KeywordInImageAlt(Check):
    """At least one image's alt text contains the focus keyphrase.

    What it checks:
        Looks for the keyphrase in the alt text of the images (`![alt](src)` in Markdown,
        `<img alt="…">` in HTML). Skipped when the article has no image.

    Why it matters:
        Alt text describes an image to blind readers and to image search; an image that
        shows the topic should say so.

    Failing example:
        ---
        keyword: vélo électrique
        ---
        Le vélo électrique séduit les citadins.

        ![photo](/img/velo.jpg)

    Passing example:
        ---
        keyword: vélo électrique
        ---
        Le vélo électrique séduit les citadins.

        ![Un vélo électrique garé devant une gare](/img/velo.jpg)
    """

    id = "K009"
    name = "keyword-in-image-alt"
    family = "keyword"
    needs = (KEYPHRASE,)
    severity = "warning"
    weight = 1.0

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        expected = _("keyphrase in at least one alt text")
        images = a.document.images
        if not images:
            return skip(_("No image."), expected)
        with_kw = {m.index for m in a.meta("alt") if m.offsets}
        if with_kw:
            return Outcome(
                PASS,
                len(with_kw),
                expected,
                _("{count} of {total} image alt text(s) contain it.").format(
                    count=len(with_kw), total=len(images)
                ),
            )
        return Outcome(
            FAIL,
            0,
            expected,
            _("No image alt text contains “{keyword}”.").format(keyword=a.keyword),
            [p for image in images for p in _image_place(image)],
        )


@register
class CompetingLinks(Check):
    """No link uses the focus keyphrase as its anchor text.

    What it checks:
        Looks for links whose anchor text is the keyphrase (or a synonym) and little else.

    Why it matters:
        A link whose text is your keyphrase tells search engines that another page is the
        reference on that topic: it competes with the article you are writing.

    Failing example:
        ---
        keyword: vélo électrique
        ---
        Lisez notre page [vélo électrique](/autre-page) pour en savoir plus.

    Passing example:
        ---
        keyword: vélo électrique
        ---
        Avant d’acheter un vélo électrique, lisez notre [guide d’entretien](/entretien).
    """

    id = "K010"
    name = "competing-links"
    family = "keyword"
    needs = (KEYPHRASE,)
    severity = "warning"
    weight = 1.0

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        expected = _("no link with the keyphrase as its text")
        competing = []
        for m in a.meta("anchor"):
            covered = sum(end - start for start, end in m.offsets)
            # The anchor is the keyphrase when the occurrences cover most of its letters.
            letters = sum(c.isalnum() for c in m.text)
            if m.offsets and covered >= 0.6 * max(letters, 1):
                competing.append(m)
        if competing:
            return Outcome(
                FAIL,
                len(competing),
                expected,
                _(
                    "{count} link(s) use “{keyword}” as anchor text: "
                    "they compete with this article."
                ).format(count=len(competing), keyword=a.keyword),
                [p for m in competing for p in meta_place(m)],
            )
        return Outcome(PASS, 0, expected, _("No competing link."))


@register
class KeyphraseProminent(Check):
    """The keyphrase's content words are among the {top_words} most frequent words of the text.

    What it checks:
        Ranks the content words of the text (by their lemma: « vélos » counts as « vélo »;
        function words, numbers and common adverbs left out) by how often they occur,
        headings included, and looks for each content word of the keyphrase among the
        first `top_words`. Words that occur as often rank in order of appearance.
        The ranking itself is in the metrics (`prominent_words`, `prominent_phrases`).

    Why it matters:
        The words a text repeats most tell a reader, and a search engine, what it is about.
        When the keyphrase is not among them, the article is about something else than the
        keyphrase says: change the keyphrase for one of the prominent words, or write more
        about the keyphrase's subject.

    Failing example:
        ---
        keyword: piste cyclable
        ---
        Le vélo électrique séduit les familles. Le vélo électrique remplace la voiture en
        ville. Les ventes de vélos électriques augmentent chaque année. Les batteries durent
        plus longtemps. Les modèles pliants se rangent partout. La mairie ouvre une piste
        cyclable.

    Passing example:
        ---
        keyword: piste cyclable
        ---
        La mairie ouvre une piste cyclable le long du canal. Cette piste cyclable relie la
        gare au centre. Les cyclistes attendaient une piste sûre.
    """

    id = "K011"
    name = "keyphrase-prominent"
    family = "keyword"
    needs = (KEYPHRASE,)
    severity = "warning"
    weight = 1.0
    options = (
        Option(
            "top_words",
            int,
            10,
            "the keyphrase's words must rank among this many most frequent content words",
            min=1,
        ),
    )

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        top = opts["top_words"]
        expected = _("each keyphrase word among the {top} most frequent words").format(top=top)
        if not a.insights.measured:
            return skip(not_measured(a), expected)
        keys = a.insights.keyphrase_keys
        if not keys:
            return skip(
                _("“{keyword}” has no content word to look for.").format(keyword=a.keyword),
                expected,
            )
        ranks: dict[str, int] = {}
        for i, p in enumerate(a.insights.words, 1):
            ranks.setdefault(p.text, i)
        # Each keyphrase word, as written, and its best rank under any of its keys.
        rank_of = {
            alternatives[0]: min((ranks[k] for k in alternatives if k in ranks), default=None)
            for alternatives in keys
        }
        missing = [k for k, r in rank_of.items() if r is None or r > top]
        leaders = ", ".join(f"{p.text} ({p.count})" for p in a.insights.words[:5])
        if missing:
            said = ", ".join(
                _("« {word} » (rank {rank})").format(word=k, rank=rank_of[k])
                if rank_of[k]
                else _("« {word} » (absent)").format(word=k)
                for k in missing
            )
            return Outcome(
                FAIL,
                len(missing),
                expected,
                _(
                    "Not among the {top} most frequent words of the text: {said}; the text is "
                    "mostly about {leaders}: write more about “{keyword}” or choose another "
                    "keyphrase."
                ).format(top=top, said=said, leaders=leaders, keyword=a.keyword),
            )
        found = ", ".join(
            _("« {word} » (rank {rank})").format(word=k, rank=r) for k, r in rank_of.items()
        )
        return Outcome(
            PASS, 0, expected, _("Prominent keyphrase words: {found}.").format(found=found)
        )
