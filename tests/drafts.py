"""Drafts the batch tests write by the hundred: a short brief, numbered by `{n}`."""

BRIEF = (
    "---\ntitle: Brève numéro {n} sur le tramway\nkeyword: tramway\n---\n"
    "# Le tramway, ligne {n}\n\n"
    "Le tramway de la ligne {n} roule de nouveau depuis lundi. Les travaux ont duré trois "
    "semaines. Ainsi, les voyageurs retrouvent leurs habitudes. Cependant, la fréquence reste "
    "réduite le dimanche.\n"
)
