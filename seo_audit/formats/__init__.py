"""Output formats: one module each, every one a function of the finished reports."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from seo_audit.report import Report


@dataclass
class RenderOptions:
    color: bool = False
    verbose: bool = False
    quiet: bool = False
    width: int = 100  # columns of the terminal, for the text report


Renderer = Callable[[list[Report], RenderOptions], str]


# Every output format, in the order the help lists them: name -> module (one per format).
FORMAT_MODULES = {
    "text": "text",
    "concise": "concise",
    "json": "json_format",
    "jsonl": "jsonl",
    "junit": "junit",
    "github": "github",
    "sarif": "sarif",
    "markdown": "markdown",
    "gitlab": "gitlab",
    "html": "html",
}
FORMAT_NAMES = tuple(FORMAT_MODULES)


def renderers() -> dict[str, Renderer]:
    """Each format's `render` function (modules are imported on first use)."""
    return {
        name: importlib.import_module(f"seo_audit.formats.{module}").render
        for name, module in FORMAT_MODULES.items()
    }


def metric_text(value: Any) -> str:
    """A metric as a person reads it: a ranked list of words ({text, count}) as
    "potager (12), urbain (11)", another list as its items joined by commas."""
    if isinstance(value, list | tuple):
        return ", ".join(
            f"{v['text']} ({v['count']})" if isinstance(v, dict) and "text" in v else str(v)
            for v in value
        )
    return str(value)
