"""Each check on passing and failing French input, with the real model."""

from pathlib import Path

import pytest

from seo_audit.api import audit

# A paragraph of plain, short French sentences (about 60 words), reused to build long texts.
PARA = (
    "Le marché couvert ouvre ses portes chaque samedi matin. Les producteurs arrivent tôt "
    "avec leurs cagettes. Ensuite, les premiers clients se pressent devant les étals. On y "
    "trouve des légumes de saison, du fromage et du pain. Par ailleurs, une petite buvette "
    "sert du café chaud. Les enfants adorent goûter les fruits. Ainsi, le quartier vit au "
    "rythme de ce rendez-vous."
)


def article(sections: int = 3, paragraphs: int = 4, keyword: str = "marché couvert") -> str:
    """A well-formed Markdown article built from PARA, with H2 and H3 subheadings."""
    parts = [
        "---",
        f'title: "{keyword.capitalize()} : le rendez-vous du samedi en ville"',
        f'description: "Tout savoir sur le {keyword} du quartier, ses producteurs, ses horaires '
        'et ses bonnes adresses pour faire ses courses le samedi matin."',
        f"keyword: {keyword}",
        f"slug: {keyword.replace(' ', '-')}-samedi",
        "---",
        f"# {keyword.capitalize()} : le rendez-vous du samedi",
        "",
        PARA,
        "",
        f"![Le {keyword} un samedi matin](/img/marche.jpg)",
        "",
    ]
    for i in range(sections):
        parts += [f"## Partie {i + 1} sur le {keyword}" if i % 2 == 0 else f"## Partie {i + 1}", ""]
        for j in range(paragraphs):
            if j == 2:
                parts += [f"### Détail {i + 1}", ""]
            parts += [PARA, ""]
    parts += ["Lisez aussi [notre guide](/guides/marches) et [la carte](https://exemple.fr/carte)."]
    return "\n".join(parts) + "\n"


def result(text: str, check_id: str, **kwargs):
    return audit(text, **kwargs).check(check_id)


@pytest.fixture(scope="module")
def good(nlp):
    return audit(article())


def test_good_article_passes_every_required_check(good):
    for cid in ("L001", "H001", "H002", "K001", "R001", "R002", "F001"):
        assert good.check(cid).status == "pass", good.check(cid)
    assert good.passed
    assert good.metrics["words"] > 700


def test_word_count(nlp):
    short = article(sections=1, paragraphs=2)
    r = result(short, "L001")
    assert r.status == "fail" and r.value < 700 and "add at least" in r.message


def test_headings(nlp):
    flat = "\n\n".join(["# Titre sur le marché couvert", *[PARA] * 13])
    assert result(flat, "H001").status == "fail"
    assert result(flat, "H002").status == "fail"
    h3_first = "# Titre\n\n### Trop tôt\n\n" + PARA + "\n\n## Ensuite\n\n" + PARA
    r = result(h3_first, "H003")
    assert r.status == "fail" and r.lines == [3]
    skipped = "# Titre\n\n## Partie\n\n#### Sous-sous-partie\n\n" + PARA
    assert result(skipped, "H003").lines == [5]


def test_plain_text_cannot_show_headings(nlp):
    report = audit("\n\n".join([PARA] * 3), input_format="text", path="a.txt")
    assert report.check("H001").status == "skip"
    assert "Plain text" in report.check("H001").message


def test_keyword_density_low_high_and_missing(nlp, good):
    assert good.check("K001").status == "pass"
    assert 0.5 <= good.metrics["keyword_density"] <= 3
    low = result(article(), "K001", keyword="fromage de chèvre")
    assert low.status == "fail" and "at least" in low.message
    stuffed_para = "Le marché couvert est beau. " * 30
    high = result(article().replace(PARA, stuffed_para, 2), "K001")
    assert high.status == "fail" and "stuffing" in high.message
    none = audit(article().replace("keyword: marché couvert\n", ""))
    assert none.check("K001").status == "skip"
    assert none.suggestions and any("marché" in s for s in none.suggestions)
    assert "Likely keyphrases" in none.check("K001").message


def test_keyword_forms_count(nlp):
    text = (
        "# L’Ukraine au cœur des débats\n\nL’Ukraine demande des armes. Les armes "
        "nucléaires inquiètent. L’armée recule.\n"
    )
    report = audit(text, keyword="Ukraine")
    assert report.metrics["keyword_count"] == 2
    assert audit(text, keyword="arme nucléaire").metrics["keyword_count"] == 1


def test_sentence_length(nlp):
    long_sentence = (
        "Le conseil municipal, qui s’est réuni mardi soir après une longue journée de débats "
        "animés, a finalement décidé, malgré l’opposition d’une partie des élus de la "
        "majorité, de prolonger la piste cyclable jusqu’à la gare routière du centre."
    )
    text = article().replace(PARA, (long_sentence + " ") * 6)
    r = result(text, "R001")
    assert r.status == "fail"
    assert r.lines and all(isinstance(n, int) for n in r.lines)
    assert "over 35 words" in r.message
    # A few very long sentences in a text of short ones: listed, as a warning.
    few = result(article().replace(PARA, long_sentence, 1), "R001")
    assert few.status == "warn" and len(few.lines) == 1


def test_reading_ease(nlp, good):
    assert good.check("R002").status == "pass"
    heavy = (
        "L’internationalisation des problématiques environnementales conditionne "
        "l’élaboration de politiques intergouvernementales contraignantes. "
    ) * 6
    r = result(article().replace(PARA, heavy), "R002")
    assert r.status == "fail" and r.value < 50


def test_language(nlp, good):
    assert good.check("F001").status == "pass"
    english = (
        "The covered market opens every Saturday morning. Farmers arrive early with their "
        "crates, and the first customers soon crowd around the stalls. You can find seasonal "
        "vegetables, cheese and bread there, and a small bar serves hot coffee."
    )
    r = result(article().replace(PARA, english), "F001")
    assert r.status == "fail" and "English" in r.message
    mixed = article().replace(PARA, english, 1)
    r = result(mixed, "F001")
    assert r.status == "fail" and r.lines  # a foreign paragraph fails (issue 17)


def test_single_h1_and_heading_length(nlp):
    two = "# Un\n\n" + PARA + "\n\n# Deux\n\n" + PARA
    assert result(two, "S001").status == "fail"
    titled = "---\ntitle: Le marché couvert du samedi\n---\n\n" + PARA
    assert result(titled, "S001").status == "pass"
    long_heading = "# Titre\n\n## " + "très " * 20 + "long\n\n" + PARA
    r = result(long_heading, "S002")
    assert r.status == "fail" and r.lines == [3]


def test_subheading_distribution_and_paragraph_length(nlp, good):
    assert good.check("S003").status == "pass"
    assert good.check("S004").status == "pass"
    wall = "# Titre\n\n## Partie\n\n" + "\n\n".join([PARA] * 6)
    assert result(wall, "S003").status == "fail"
    huge = "# Titre\n\n" + " ".join([PARA] * 3)
    r = result(huge, "S004")
    assert r.status == "fail" and r.lines == [3]


def test_keyword_placement(nlp, good):
    for cid in ("K002", "K003", "K004", "K005", "K006", "K007", "K009", "K010"):
        assert good.check(cid).status == "pass", good.check(cid)
    text = article()
    moved = text.replace('title: "Marché couvert : le', 'title: "Le samedi, le marché couvert,')
    assert result(moved, "K002").status == "warn"
    absent = text.replace('title: "Marché couvert : le rendez-vous', 'title: "Le rendez-vous')
    absent = absent.replace("# Marché couvert : le", "# Le")
    assert result(absent, "K002").status == "fail"
    no_intro = text.replace(PARA, "Chaque semaine, la ville s’anime autour des étals.", 1)
    assert result(no_intro, "K003").status == "fail"
    assert (
        result(text.replace("Tout savoir sur le marché couvert", "Tout savoir"), "K004").status
        == "fail"
    )
    assert (
        result(text.replace("slug: marché-couvert-samedi", "slug: article-123"), "K005").status
        == "fail"
    )
    long_kw = result(text, "K007", keyword="meilleur marché couvert bio pas cher du quartier")
    assert long_kw.status == "fail"
    competing = text.replace("[notre guide](/guides/marches)", "[marché couvert](/autre)")
    assert result(competing, "K010").status == "fail"


def test_keyword_distribution(nlp, good):
    assert good.check("K008").status == "pass"
    other = PARA.replace("marché couvert", "lieu")
    lopsided = article(sections=4).replace("sur le marché couvert", "ici")
    parts = lopsided.split(PARA)
    lopsided = parts[0] + PARA + other.join(parts[1:])
    r = result(lopsided, "K008")
    assert r.status == "fail" and r.lines


def test_meta_lengths(nlp, good):
    assert good.check("M001").status == "pass"
    assert good.check("M002").status == "pass"
    text = article()
    short_title = text.replace(
        'title: "Marché couvert : le rendez-vous du samedi en ville"', 'title: "Marché"'
    )
    assert result(short_title, "M001").status == "fail"
    long_title = text.replace(
        'en ville"', 'en ville, avec ses producteurs, ses horaires et ses prix"', 1
    )
    assert result(long_title, "M001").status == "fail"
    no_description = "\n".join(
        line for line in text.splitlines() if not line.startswith("description")
    )
    assert result(no_description, "M002").status == "fail"


def test_links_and_images(nlp, good):
    for cid in ("A001", "A002", "A003", "A004"):
        assert good.check(cid).status == "pass"
    text = article().replace("[notre guide](/guides/marches)", "notre guide")
    assert result(text, "A001").status == "fail"
    site = article().replace("(/guides/marches)", "(https://www.exemple.fr/guides)")
    site = site.replace("(https://exemple.fr/carte)", "(https://ailleurs.fr/carte)")
    assert result(site, "A001").status == "fail"
    no_alt = article().replace("![Le marché couvert un samedi matin]", "![]")
    r = result(no_alt, "A004")
    assert r.status == "fail" and r.lines
    no_image = "\n".join(line for line in article().splitlines() if not line.startswith("!["))
    assert result(no_image, "A003").status == "fail"


def test_passive_transitions_openings(nlp, good):
    assert good.check("R003").status == "pass"
    assert good.check("R004").status == "pass"
    assert good.check("R005").status == "pass"
    passive = (
        "Le projet a été validé par le conseil. Les travaux seront lancés en mai. Les "
        "riverains ont été informés par courrier. La rue sera fermée par la police. "
    )
    r = result(article().replace(PARA, passive), "R003")
    assert r.status == "fail" and r.lines
    flat = "Les ventes augmentent. Les prix baissent. Des pistes sont construites. " * 3
    r = result(article().replace(PARA, flat), "R004")
    assert r.status == "fail"
    same = "Il arrive à huit heures. Il ouvre le magasin. Il sert ses premiers clients."
    r = result(article().replace(PARA, same, 1), "R005")
    assert r.status == "fail" and r.lines
    articles = "Le maire arrive. Le conseil commence. Le public écoute."
    assert result(article().replace(PARA, articles, 1), "R005").status == "pass"


def test_typography_is_off_by_default_and_works_when_selected(nlp, tmp_path):
    assert "F002" not in [c.id for c in audit(article()).checks]
    rules = tmp_path / "typo.toml"
    rules.write_text(
        '[ruleset]\nextends = "default"\n[checks.french-typography]\nenabled = true\n',
        encoding="utf-8",
    )
    bad = "# Titre\n\nIl a dit: c'est fini!\n"
    r = audit(bad, ruleset=str(rules)).check("F002")
    assert r.status == "fail" and r.lines == [3]
    good = "# Titre\n\nIl a dit\u202f: c’est fini\u202f!\n"
    assert audit(good, ruleset=str(rules)).check("F002").status == "pass"


def test_suppression_directives(nlp):
    text = article().replace(PARA, "Il arrive. Il ouvre. Il sert.", 1)
    assert result(text, "R005").status == "fail"
    line_text = text.replace(
        "Il arrive.", "<!-- seo-audit: disable-next-line R005 -->\n\nIl arrive."
    )
    report = audit(line_text)
    # The suppressed line's sentences are no longer part of the text for R005.
    assert report.check("R005").status == "pass"
    assert not any("suppressed nothing" in n for n in report.notes)
    file_off = "---\nseo_audit:\n  ignore: [consecutive-sentences]\n" + text[4:]
    assert audit(file_off).check("R005").status == "skip"
    unknown = text + "\n<!-- seo-audit: disable NOPE -->\n"
    assert any("unknown check 'NOPE'" in n for n in audit(unknown).notes)


def test_suppressed_sentences_leave_the_ratio(nlp):
    passive = "Le projet a été validé par le conseil. Les travaux ont été lancés par la mairie."
    text = article().replace(PARA, passive, 1)
    before = audit(text).check("passive-voice")
    assert before.lines
    line = before.lines[0]
    lines = text.split("\n")
    lines.insert(line - 1, "<!-- seo-audit: disable-next-line passive-voice -->\n")
    after = audit("\n".join(lines)).check("passive-voice")
    assert after.value < before.value
    assert line + 2 not in after.lines
    counted = int(before.message.split(" of ")[1].split()[0])
    assert f" of {counted - 2} sentences" in after.message


def test_keyphrase_suggestions_name_the_topic(nlp):
    source = Path(__file__).resolve().parent.parent / "samples" / "rewrites" / "source-crue.txt"
    report = audit(source.read_text(encoding="utf-8"), input_format="text", path="crue.txt")
    assert report.keyword is None
    assert "crue de la Vilaine" in report.suggestions
    assert not {"jeudi", "mètres"} & set(report.suggestions)
