import os

import pytest

# The tests read English reports (the golden files): the machine's locale must not turn them
# French. Tests of the French interface ask for it with --lang fr or their own environment.
for _var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
    os.environ.pop(_var, None)
os.environ["LANG"] = "C.UTF-8"


@pytest.fixture(scope="session")
def nlp():
    """The real fr_core_news_md pipeline with seo-audit's components, loaded once."""
    from seo_audit.nlp import get_nlp

    return get_nlp()
