"""The word-count rule on tricky French."""

import pytest

from seo_audit.french.words import count_words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l’Ukraine", 1),
        ("l'Ukraine et d’Israël", 3),
        ("Kim Jong-un", 2),
        ("3,5 %", 1),
        ("une hausse de 3,5 % en 2024", 6),
        ("10 h 30", 3),
        ("« Hourra ! », a-t-il crié.", 3),
        ("Il a dit : « non » ; puis — silence.", 6),
        ("le\u00a0vélo\u202f: oui", 3),
        ("Voir https://exemple.fr/page et www.exemple.fr", 2),
        ("Écrivez à redaction@exemple.fr demain", 3),
        ("aujourd’hui, c’est-à-dire maintenant", 3),
        ("", 0),
        ("— … !", 0),
    ],
)
def test_count_words(text, expected):
    assert count_words(text) == expected
