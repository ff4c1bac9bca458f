"""The HTML parser: the same prose as before on ordinary pages, exact offsets, HTML as it is
found (no <p>, <div> soup, tables, full pages) and hostile HTML in linear time."""

from pathlib import Path

from seo_audit.document import HEADING, LIST_ITEM, PARAGRAPH
from seo_audit.french.words import count_words
from seo_audit.parse import parse

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "article-conforme.html"

# Recorded from the BeautifulSoup parser before the rewrite: (kind, line, level, length).
_H, _P, _L = HEADING, PARAGRAPH, LIST_ITEM
SAMPLE_BLOCKS = [
    (_H, 33, 1, 57), (_P, 34, 0, 396), (_H, 35, 2, 40), (_P, 36, 0, 295), (_P, 37, 0, 233),
    (_H, 38, 3, 33), (_P, 39, 0, 398), (_P, 40, 0, 190), (_H, 41, 3, 35), (_P, 42, 0, 407),
    (_P, 43, 0, 229), (_H, 44, 2, 48), (_P, 45, 0, 369), (_H, 46, 3, 32), (_P, 47, 0, 283),
    (_P, 48, 0, 297), (_P, 49, 0, 178), (_H, 50, 2, 52), (_P, 51, 0, 231), (_L, 53, 0, 48),
    (_L, 54, 0, 58), (_L, 55, 0, 49), (_L, 56, 0, 57), (_L, 57, 0, 51), (_H, 62, 3, 53),
    (_P, 63, 0, 195), (_P, 64, 0, 208), (_P, 65, 0, 201), (_H, 66, 2, 42), (_P, 67, 0, 226),
    (_P, 68, 0, 484), (_P, 69, 0, 209), (_P, 70, 0, 184),
]  # fmt: skip


def _parse(text: str, name: str = "t.html"):
    return parse(name, text, "html")


def test_sample_gives_what_the_old_parser_gave():
    doc = _parse(SAMPLE.read_text(encoding="utf-8"), str(SAMPLE))
    assert [(b.kind, b.line, b.level, len(b.text)) for b in doc.blocks] == SAMPLE_BLOCKS
    assert sum(count_words(b.text) for b in doc.blocks) == 952
    assert doc.blocks[1].text == (
        "Des tomates sur un balcon, des salades sur un toit, des fraises au pied d’un immeuble. "
        "Le potager urbain gagne du terrain dans les villes françaises. Il attire les familles, "
        "les retraités et les étudiants. Pourtant, beaucoup de citadins hésitent encore à se "
        "lancer. Ils manquent en effet de place, de temps ou de conseils. Voici comment démarrer "
        "sans se tromper, même avec quelques mètres carrés."
    )
    assert doc.blocks[13].text == "Balcon, toit ou jardin partagé\u202f?"
    assert doc.blocks[19].text == "les radis, prêts à récolter en moins d’un mois\u202f;"
    assert doc.blocks[32].text == (
        "Bref, malgré ces limites, le jeu en vaut la chandelle. Un potager urbain apporte du "
        "goût, du calme et des rencontres. Alors, pourquoi ne pas semer vos premiers radis dès "
        "ce printemps\u202f?"
    )
    assert [(link.url, link.text, link.line) for link in doc.links] == [
        ("/guides/compost-appartement", "guide du compost en appartement", 65),
        ("https://www.jardiner-autrement.fr", "Jardiner autrement", 68),
    ]
    assert [(i.src, i.alt, i.line, i.start, i.end) for i in doc.images] == [
        (
            "/images/potager-urbain-toit.jpg",
            "Un potager urbain en bacs de bois sur le toit d’un immeuble",
            60,
            5897,
            6032,
        )
    ]
    assert (doc.title, doc.title_line) == (
        "Potager urbain\xa0: comment cultiver ses légumes en ville",
        6,
    )
    assert doc.description == (
        "Balcon, toit ou jardin partagé\xa0: nos conseils simples pour créer un potager urbain, "
        "choisir ses plantes et récolter ses légumes en ville."
    )
    assert doc.description_line == 7
    assert doc.slug == "potager-urbain-cultiver-legumes-en-ville"
    assert doc.keywords == ["potager urbain"]
    assert doc.title_map.span(0, len(doc.title)) == (145, 199)
    assert doc.description_map.span(0, len(doc.description)) == (244, 381)
