"""Output formats: one module each, every one a function of the finished reports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from seo_audit.report import Report


@dataclass
class RenderOptions:
    color: bool = False
    verbose: bool = False
    quiet: bool = False
    width: int = 100  # columns of the terminal, for the text report


Renderer = Callable[[list[Report], RenderOptions], str]


def renderers() -> dict[str, Renderer]:
    from seo_audit.formats import (
        concise,
        github,
        gitlab,
        json_format,
        jsonl,
        junit,
        markdown,
        sarif,
        text,
    )

    return {
        "text": text.render,
        "concise": concise.render,
        "json": json_format.render,
        "jsonl": jsonl.render,
        "junit": junit.render,
        "github": github.render,
        "sarif": sarif.render,
        "markdown": markdown.render,
        "gitlab": gitlab.render,
    }


FORMAT_NAMES = (
    "text",
    "concise",
    "json",
    "jsonl",
    "junit",
    "github",
    "sarif",
    "markdown",
    "gitlab",
)
