import pytest


@pytest.fixture(scope="session")
def nlp():
    """The real fr_core_news_md pipeline with seo-audit's components, loaded once."""
    from seo_audit.nlp import get_nlp

    return get_nlp()
