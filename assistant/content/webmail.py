"""The webmail services the send step gives steps for, and which come first for each UI language
(content/webmail.toml, developer-owned).

Each provider has an id and the site the person opens; its name and the words of its "compose" and "attach"
buttons are texts of every locale (ui.send.webmail.<id>, ui.send.compose.<id>, ui.send.attach.<id>). A locale's
order names the providers its readers use most; the others follow in the file's order, so every provider stays
selectable in every language.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from assistant.problems import Problem

# The words each provider needs in every locale: its name, and its compose and attach buttons.
PROVIDER_TEXTS = ("ui.send.webmail", "ui.send.compose", "ui.send.attach")


class WebmailProvider(NamedTuple):
    id: str
    site: str  # what the person types into the browser, e.g. mail.naver.com


@dataclass(frozen=True, slots=True)
class Webmail:
    providers: tuple[WebmailProvider, ...] = ()  # in the file's order: the order after a locale's own first ones
    orders: dict[str, tuple[str, ...]] = field(default_factory=dict)  # locale → the providers it shows first

    def ordered(self, locales: Iterable[str]) -> tuple[WebmailProvider, ...]:
        """Every provider, those of the first of `locales` (a locale and its fallbacks) with an order first."""
        first = next((self.orders[code] for code in locales if code in self.orders), ())
        by_id = {p.id: p for p in self.providers}
        leading = [by_id[pid] for pid in first if pid in by_id]
        return tuple(dict.fromkeys([*leading, *self.providers]))

    def provider(self, provider_id: str) -> WebmailProvider:
        """The provider with this id; ValueError names the known ones."""
        for provider in self.providers:
            if provider.id == provider_id:
                return provider
        raise ValueError(f"unknown webmail provider {provider_id!r}; known: {', '.join(p.id for p in self.providers)}")


def load_webmail(path: Path, read, problems: list[Problem], locales: Iterable[str]) -> Webmail:
    """The providers and per-locale orders; a missing file means no webmail route. An order naming a provider
    or a locale that does not exist is an error (E010) at its line, and the unknown name is left out."""
    if not path.is_file():
        return Webmail()
    src = read(path)
    if src is None:
        return Webmail()
    providers: list[WebmailProvider] = []
    for pid, raw in src.data.get("providers", {}).items():
        site = raw.get("site") if isinstance(raw, dict) else None
        if not isinstance(site, str) or not site.strip():
            problems.append(_error(src, f"webmail provider {pid!r} needs `site = \"…\"` (the address people open)",
                                   "providers", pid))
            continue
        providers.append(WebmailProvider(pid, site.strip()))
    known, enabled = {p.id for p in providers}, set(locales)
    orders: dict[str, tuple[str, ...]] = {}
    for code, names in src.data.get("order", {}).items():
        if code not in enabled:
            problems.append(_error(src, f"webmail order for locale {code!r}, which content/locales.toml does not "
                                        "enable; fix the locale code or remove the line", "order", code))
            continue
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            problems.append(_error(src, f"webmail order of {code!r} must be a list of provider ids", "order", code))
            continue
        for name in names:
            if name not in known:
                problems.append(_error(src, f"webmail order of {code!r} names provider {name!r}, which [providers] "
                                            f"does not define (known: {', '.join(sorted(known))})", "order", code))
        orders[code] = tuple(dict.fromkeys(n for n in names if n in known))
    return Webmail(tuple(providers), orders)


def _error(src, message: str, *key: str) -> Problem:
    from assistant.problems import Problem, Severity  # parsing only: a cached start-up never builds one

    err = src.error("E010", message, *key)
    return Problem(err.path, err.line, err.col, Severity.ERROR, err.code, err.message)


def missing_texts(webmail: Webmail, source: dict) -> list[tuple[WebmailProvider, str]]:
    """(provider, key) for each provider text the source locale lacks."""
    return [(p, f"{base}.{p.id}") for p in webmail.providers for base in PROVIDER_TEXTS if f"{base}.{p.id}" not in source]
