"""Typed accessors for the text of one locale (with its fallback chain). No Qt."""
from __future__ import annotations

import logging
from collections.abc import Mapping
from string import Formatter
from typing import TYPE_CHECKING

from assistant.content.catalog import Catalog

if TYPE_CHECKING:  # the flow model loads when a flow is opened, not for the home page's texts
    from assistant.flows.model import NodeKind

log = logging.getLogger(__name__)
VARIANTS_MARK = "{variants}"  # a line of a body where its applicable variants go (assistant.content.variants)


_PARAM_KEYS = {"another network": "another_network", "another EVM network": "another_evm_network", "other": "other",
               "Ethereum/EVM": "evm",
               "Ethereum/EVM, TRON or Bitcoin": "evm_tron_or_bitcoin"}


class _SafeDict(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, params: dict) -> str:
    """str.format that leaves unknown placeholders visible instead of raising (translator typos)."""
    try:
        return Formatter().vformat(template, (), _SafeDict(params))
    except (ValueError, IndexError):
        return template


class Texts:
    def __init__(self, catalog: Catalog, locale: str) -> None:
        self.catalog = catalog
        self.locale = locale if locale in catalog.texts else catalog.source_locale

    def get(self, key: str, default: str = "") -> str:
        return self.catalog.text(self.locale, key, default)

    def ui(self, key: str, **params) -> str:
        value = self.catalog.text(self.locale, f"ui.{key}")
        if not value:
            log.warning("missing UI text ui.%s in %s", key, self.locale)
            return f"[{key}]"
        return fill(value, params) if params else value

    # flows ---------------------------------------------------------------------------------------
    def flow_title(self, flow_id: str) -> str:
        return self.get(f"{flow_id}.flow.title", flow_id)

    def flow_summary(self, flow_id: str) -> str:
        return self.get(f"{flow_id}.flow.summary")

    def node_title(self, flow_id: str, node_id: str) -> str:
        return self.get(f"{flow_id}.nodes.{node_id}.title", node_id)

    def node_body(self, flow_id: str, node_id: str, answers: Mapping[str, object] | None = None) -> str:
        """The body with each variant whose condition holds for `answers` (the path so far): in place of a line
        `{variants}` (its own line, e.g. the first item of a list), else after the body. Without answers (a
        preview of the node on its own) only the text every path shows."""
        base = f"{flow_id}.nodes.{node_id}"
        body = self.get(f"{base}.body")
        shown: list[str] = []
        if answers is not None:
            from assistant.flows.conditions import all_hold

            shown = [self.get(f"{base}.variants.{v.id}.body").strip("\n") for v in self.catalog.variants_of(base)
                     if not v.problem and all_hold(v.conditions, answers)]
        if VARIANTS_MARK in body:
            return body.replace(VARIANTS_MARK, "\n".join(s for s in shown if s))
        return "\n\n".join(p.strip("\n") for p in [body, *shown] if p.strip())

    def choice(self, flow_id: str, node_id: str, choice_id: str, kind: NodeKind | None = None) -> str:
        """A choice's wording; a step's "solved"/"not solved" answers use the shared wording (kind STEP)."""
        from assistant.flows.model import STEP_SOLVED, STEP_UNSOLVED, NodeKind

        own = self.get(f"{flow_id}.nodes.{node_id}.choices.{choice_id}")
        if own:
            return own
        if kind is NodeKind.STEP and choice_id in (STEP_SOLVED, STEP_UNSOLVED):
            return self.ui(f"step.{choice_id}")
        return choice_id

    def field(self, flow_id: str, node_id: str, name: str, part: str = "label") -> str:
        return self.get(f"{flow_id}.nodes.{node_id}.fields.{name}.{part}", name if part == "label" else "")

    def option(self, flow_id: str, node_id: str, name: str, option: str) -> str:
        return self.get(f"{flow_id}.nodes.{node_id}.fields.{name}.options.{option}", option)

    def field_error(self, problem) -> str:
        template = self.catalog.text(self.locale, f"ui.field_error.{problem.code}")
        if not template:  # `check` reports the missing text; show the code rather than nothing
            return f"[{problem.code}]"
        # A few parameters are English words rather than names or examples; translate those.
        params = {k: self.catalog.text(self.locale, f"ui.field_param.{_PARAM_KEYS[v]}", v) if v in _PARAM_KEYS else v
                  for k, v in dict(problem.params).items()}
        return fill(template, params)

    # guides --------------------------------------------------------------------------------------
    def guide_title(self, guide_id: str) -> str:
        return self.get(f"guides.{guide_id}.title", guide_id)

    def guide_body(self, guide_id: str) -> str:
        return self.get(f"guides.{guide_id}.body")
