"""Parsers: Markdown (YAML/TOML front matter), HTML fragments and pages, plain text."""

from collections.abc import Callable

import pytest
from growth import assert_linear

from seo_audit.document import HEADING, LIST_ITEM, PARAGRAPH, QUOTE
from seo_audit.errors import InputError
from seo_audit.parse import format_for_path, parse

MARKDOWN = """---
title: "Vélo électrique : le guide complet"
description: Tout savoir sur le vélo électrique en ville.
keyword: vélo électrique
slug: velo-electrique
---
# Le vélo électrique en ville

Premier paragraphe avec un [lien interne](/guides/entretien) et
une deuxième ligne. ![Un vélo électrique garé](/img/velo.jpg)

## Pourquoi l’adopter

- Il coûte peu à l’usage.
- Il évite les bouchons.

> Une citation d’un cycliste.

```python
print("code ignoré")
```

| prix | poids |
|------|-------|
| 1 500 € | 22 kg |

Un lien externe vers <https://exemple.fr/etude> et [l’étude](https://exemple.fr).
"""


def test_markdown_blocks_and_lines():
    doc = parse("a.md", MARKDOWN, "markdown")
    kinds = [(b.kind, b.line, b.level) for b in doc.blocks]
    assert kinds == [
        (HEADING, 7, 1),
        (PARAGRAPH, 9, 0),
        (HEADING, 12, 2),
        (LIST_ITEM, 14, 0),
        (LIST_ITEM, 15, 0),
        (QUOTE, 17, 0),
        (PARAGRAPH, 27, 0),
    ]
    assert doc.blocks[1].text == "Premier paragraphe avec un lien interne et\nune deuxième ligne. "
    assert doc.lines.line(doc.blocks[1].map.to_source(doc.blocks[1].text.index("deuxième"))) == 10
    assert "code ignoré" not in " ".join(b.text for b in doc.blocks)
    assert "22 kg" not in " ".join(b.text for b in doc.blocks)
    assert "https://exemple.fr/etude" not in doc.blocks[-1].text


def test_markdown_meta_links_images():
    doc = parse("a.md", MARKDOWN, "markdown")
    assert doc.title == "Vélo électrique : le guide complet"
    assert doc.title_line == 2
    assert doc.keywords == ["vélo électrique"]
    assert doc.slug == "velo-electrique"
    assert [(link.url, link.text, link.line) for link in doc.links] == [
        ("/guides/entretien", "lien interne", 9),
        ("https://exemple.fr/etude", "https://exemple.fr/etude", 27),
        ("https://exemple.fr", "l’étude", 27),
    ]
    assert [(i.src, i.alt, i.line) for i in doc.images] == [
        ("/img/velo.jpg", "Un vélo électrique garé", 10)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "**Gras** en tête de paragraphe.\n",
        "Un [**lien en gras** au début](https://exemple.fr).\n",
        "- **Terme** : sa définition.\n",
    ],
)
def test_markdown_bold_at_the_start_of_a_run(text):
    # markdown-it puts an empty text token before `**`: it once broke the source map (found
    # on a real blog post, tests/data/real/jamstatic-github-pages.md).
    doc = parse("a.md", text, "markdown")
    block = doc.blocks[0]
    bold = text.split("**")[1]
    assert bold in block.text
    start = block.map.to_source(block.text.index(bold))
    assert text[start : start + len(bold)] == bold


def test_markdown_template_tags_are_not_prose():
    text = (
        "{{< intro >}}\nDans ce *deuxième* épisode.\n{{< /intro >}}\n\n"
        '{{< figure src="/velo.jpg" caption="Un vélo garé" >}}\n\n'
        "Lisez mon [billet précédent]({% post_url 2016-09-18-Les craqueurs %}), merci.\n\n"
        "{{% note %}}Une remarque.{{% /note %}} Le titre reste {{ page.title }}.\n"
    )
    doc = parse("a.md", text, "markdown")
    words = [b.text.split() for b in doc.blocks]
    assert words == [
        ["Dans", "ce", "deuxième", "épisode."],
        ["Lisez", "mon", "[billet", "précédent](", "),", "merci."],
        ["Une", "remarque.", "Le", "titre", "reste", "{{", "page.title", "}}."],
    ]
    for block in doc.blocks:  # the words still point at themselves in the file
        for word in ("Dans", "merci.", "remarque."):
            if word in block.text:
                at = block.map.to_source(block.text.index(word))
                assert text[at : at + len(word)] == word


def test_markdown_template_openings_without_closing_stay_linear():
    # Each `{{<` looked for its `>}}` up to the end of the text: quadratic (0.8 s for 8,000).
    def run_of(n: int) -> Callable[[], object]:
        text = "Un texte " + "{{< {% " * n + "fin.\n"
        return lambda: parse("a.md", text, "markdown")

    assert_linear(run_of, 4000)


def test_toml_front_matter():
    text = (
        '+++\ntitle = "Le potager urbain"\nkeywords = ["potager urbain", "jardin"]\n+++\n'
        "\nDu texte.\n"
    )
    doc = parse("a.md", text, "markdown")
    assert doc.title == "Le potager urbain"
    assert doc.keywords == ["potager urbain", "jardin"]
    assert doc.blocks[0].line == 6


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("---\ntitle: x\nDu texte sans fin de front matter.\n", "never closed"),
        ("---\ntitle: [x\n---\nDu texte.\n", "broken YAML front matter"),
        ("---\n- a\n- b\n---\nDu texte.\n", "must be a mapping"),
        ('+++\ntitle = "x\n+++\nDu texte.\n', "broken TOML front matter"),
        ("---\ntitle: x\n---\n", "no prose found"),
    ],
)
def test_broken_front_matter(text, problem):
    with pytest.raises(InputError, match=problem):
        parse("bad.md", text, "markdown")


HTML_PAGE = """<!DOCTYPE html>
<html lang="fr">
<head>
  <title>Vélo électrique : le guide</title>
  <meta name="description" content="Tout savoir sur le vélo électrique.">
  <meta name="keywords" content="vélo électrique, mobilité">
  <style>p { color: red; }</style>
</head>
<body>
<header><h1>Mon site</h1><nav><a href="/">Accueil</a></nav></header>
<main>
<article>
<h1>Le vélo électrique en ville</h1>
<p>Premier paragraphe avec un <a href="/guides">guide</a>
sur deux lignes.</p>
<h2>Pourquoi l’adopter</h2>
<ul><li>Il coûte peu.</li><li>Il évite les bouchons.</li></ul>
<blockquote><p>Une citation.</p></blockquote>
<img src="/v.jpg" alt="Un vélo électrique">
<img src="/deco.jpg">
<pre><code>code ignoré</code></pre>
<script>var x = "script ignoré";</script>
</article>
</main>
<footer><p>Mentions légales</p></footer>
</body>
</html>
"""


def test_html_page():
    doc = parse("a.html", HTML_PAGE, "html")
    assert [(b.kind, b.text, b.line) for b in doc.blocks] == [
        (HEADING, "Le vélo électrique en ville", 13),
        (PARAGRAPH, "Premier paragraphe avec un guide\nsur deux lignes.", 14),
        (HEADING, "Pourquoi l’adopter", 16),
        (LIST_ITEM, "Il coûte peu.", 17),
        (LIST_ITEM, "Il évite les bouchons.", 17),
        (QUOTE, "Une citation.", 18),
    ]
    assert doc.title == "Vélo électrique : le guide"
    assert doc.title_line == 4
    assert doc.description == "Tout savoir sur le vélo électrique."
    assert doc.keywords == ["vélo électrique", "mobilité"]
    assert [(link.url, link.text) for link in doc.links] == [("/guides", "guide")]
    assert [(i.src, i.alt) for i in doc.images] == [
        ("/v.jpg", "Un vélo électrique"),
        ("/deco.jpg", ""),
    ]


def test_html_fragment_and_malformed():
    doc = parse("f.html", "<h2>Titre</h2><p>Texte non fermé <b>gras\n<p>Suite", "html")
    assert [b.kind for b in doc.blocks] == [HEADING, PARAGRAPH, PARAGRAPH]
    with pytest.raises(InputError, match="no prose found"):
        parse("f.html", "<script>only()</script><nav>menu</nav>", "html")


def test_plain_text_one_paragraph_per_line_without_blank_lines():
    text = "Premier paragraphe.\nDeuxième paragraphe.\n\n"
    doc = parse("a.txt", text, "text")
    assert [(b.text, b.line) for b in doc.blocks] == [
        ("Premier paragraphe.", 1),
        ("Deuxième paragraphe.", 2),
    ]


def test_plain_text():
    doc = parse("a.txt", "Titre\n\nPremier paragraphe\nsur deux lignes.\n\n\nSecond.\n", "text")
    assert [(b.kind, b.line) for b in doc.blocks] == [
        (PARAGRAPH, 1),
        (PARAGRAPH, 3),
        (PARAGRAPH, 7),
    ]
    assert not doc.can_show_headings


def test_format_for_path():
    assert format_for_path("a.MD") == "markdown"
    assert format_for_path("a.htm") == "html"
    assert format_for_path("a.txt") == "text"
    assert format_for_path("-") == "markdown"
    assert format_for_path("a.rst", "text") == "text"
    with pytest.raises(InputError, match="unknown file type"):
        format_for_path("a.pdf")


def test_plain_text_title_and_html_slug():
    doc = parse("a.txt", "Le potager urbain en ville\n\nUn premier paragraphe.\n", "text")
    assert doc.title == "Le potager urbain en ville" and doc.title_line == 1
    doc = parse("a.txt", "Un texte sans titre.\n\nSuite.\n", "text")
    assert doc.title is None
    page = (
        '<html><head><link rel="canonical" href="https://exemple.fr/jardin/potager-urbain/">'
        "</head><body><p>Du texte.</p></body></html>"
    )
    assert parse("p.html", page, "html").slug == "potager-urbain"
