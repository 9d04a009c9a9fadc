"""Agent-facing wording of a case, from content/locales/<locale>/email_labels.toml.

The flow files speak to the person ("Which network is your wallet on?"); the email speaks to the support agent, in
the person's voice ("Network: TRON", "Nobody contacted me"). The two are kept apart so a question or a piece of
advice never ends up in a support request. Lookups try the most specific key first (`<flow>.<node>…`), then the
general one; a name without any agent wording falls back to a neutral form of its id, never to the question.
"""
from __future__ import annotations

import re

from assistant.content.catalog import Catalog
from assistant.email.case import UNNAMED_NETWORKS, Case, Value

PREFIX = "email_labels"
# Words and marks that speak to the reader or ask something: a user-facing text with one of these is no label.
ADDRESSING = re.compile(
    r"[?？]|\byou\b|\byour\b|\byours\b|\byou'(?:re|ve|ll|d)\b|[你您妳]", re.IGNORECASE)


def addresses_reader(text: str) -> bool:
    return bool(ADDRESSING.search(text))


def humanize(identifier: str) -> str:
    """`impostor_handle` → "Impostor handle": the neutral last resort for a name nobody has worded yet."""
    words = identifier.replace(".", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else identifier


class Wording:
    def __init__(self, catalog: Catalog, locale: str) -> None:
        self.catalog = catalog
        self.locale = locale if locale in catalog.texts else catalog.source_locale

    def text(self, key: str, default: str = "") -> str:
        return self.catalog.text(self.locale, key, default)

    def label(self, table: str, *parts: str, flow: str | None = None) -> str | None:
        """`email_labels.<table>.<flow>.<parts>` or `email_labels.<table>.<parts>`; None when neither exists.
        An empty text is a deliberate "say nothing" and comes back as ""."""
        keys = ([f"{PREFIX}.{table}.{flow}." + ".".join(parts)] if flow else []) + [f"{PREFIX}.{table}." + ".".join(parts)]
        for key in keys:
            entry = self.catalog.entry(self.locale, key)
            if entry is not None and isinstance(entry.value, str):
                return entry.value.strip()
        return None

    def _user_text(self, key: str) -> str:
        """A user-facing text, only when it neither asks nor addresses anyone (so it can stand in a label)."""
        value = self.text(key).strip().rstrip(":：")
        return "" if not value or addresses_reader(value) else value

    # ---- form values ------------------------------------------------------------------------------------------
    def field(self, flow: str, form: str, name: str) -> str:
        own = self.label("form_fields", form, name, flow=flow)
        if own is None:
            own = self.label("fields", name)
        if own:
            return own
        return self._user_text(f"{flow}.nodes.{form}.fields.{name}.label") or humanize(name)

    def option(self, flow: str, form: str, name: str, option: str) -> str:
        own = self.label("options", name, option)
        if own:
            return own
        return self._user_text(f"{flow}.nodes.{form}.fields.{name}.options.{option}") or humanize(option)

    def shown(self, case: Case, value: Value) -> str:
        """The value as the email shows it: select options worded, everything typed left exactly as typed."""
        if value.kind == "select":
            return self.option(case.flow, value.form, value.name, value.value)
        return value.value

    # ---- answers ----------------------------------------------------------------------------------------------
    def fact(self, flow: str, node: str, choice: str) -> str:
        """The answer as a statement of fact; "" when the answer says nothing support needs."""
        own = self.label("facts", node, choice, flow=flow)
        if own is not None:
            return own
        answer = self._user_text(f"{flow}.nodes.{node}.choices.{choice}") or humanize(choice)
        return f"{humanize(node)}: {answer}"

    def step(self, flow: str, node: str) -> str:
        own = self.label("steps", node, flow=flow)
        return own if own else humanize(node)

    def result(self, solved: bool) -> str:
        key = "solved" if solved else "unsolved"
        return self.label("results", key) or self._user_text(f"ui.step.result_{key}") or key.replace("un", "not ")

    # ---- the case as a whole ----------------------------------------------------------------------------------
    def network(self, case: Case) -> str:
        if case.network is None:
            return ""
        if case.network_detail:
            if case.network_detail_typed:
                return case.network_detail
            return self.label("networks", case.network_detail) or self._user_text(
                f"{case.flow}.nodes.which_network.choices.{case.network_detail}") or humanize(case.network_detail)
        named = self.label("networks", case.network)
        if named:
            return named
        if case.network in UNNAMED_NETWORKS:
            return ""
        return self._user_text(f"{case.flow}.nodes.network.choices.{case.network}") or humanize(case.network)

    def network_unnamed(self, case: Case) -> bool:
        return case.network in UNNAMED_NETWORKS and not case.network_detail

    def situation(self, case: Case) -> str:
        """What the case is, in a few words, from its most specific fact (never the home page's problem title)."""
        table = "urgent_cases" if case.urgent else "cases"
        for key in reversed(case.situation_keys):
            found = self.label(table, *key.split("."), flow=case.flow)
            if found:
                return found
        default = self.label("case_default", "urgent" if case.urgent else case.flow)
        return default or humanize(case.flow)
