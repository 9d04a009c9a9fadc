"""Source | translation HTML for one unit: every key of the source unit, with missing texts marked."""
from __future__ import annotations

import html
from collections.abc import Callable

from assistant.content.catalog import Catalog, TextEntry
from assistant.content.markdown import render as render_markdown
from assistant.i18n.l10n import source_units


def _note(text: str) -> str:
    return f"<p style='color:#b5530b'><i>{html.escape(text)}</i></p>"


def _value(catalog: Catalog, entry: TextEntry | None, key: str) -> str:
    if entry is None:
        return "<p style='color:#999'>—</p>"
    if not isinstance(entry.value, str):
        return f"<p>{html.escape(' · '.join(entry.value))}</p>"
    if key.startswith("email."):
        return f"<pre style='white-space:pre-wrap'>{html.escape(entry.value)}</pre>"
    return render_markdown(entry.value, catalog.link_domains)


def side_by_side(catalog: Catalog, unit: str, locale: str, compare: str, ui: Callable[..., str]) -> tuple[str, str]:
    """(left, right) HTML: `compare` text and `locale` text of every key in `unit`."""
    source_keys = list(source_units(catalog).get(unit, []))
    extra = [k for k, e in catalog.texts.get(locale, {}).items() if e.unit == unit and k not in source_keys]
    left = [f"<h3>{html.escape(ui('translator.source_head', name=catalog.locales[compare].name))}</h3>"]
    right = [f"<h3>{html.escape(ui('translator.translation_head', name=catalog.locales[locale].name))}</h3>"]
    for key in source_keys + extra:
        label = f"<p style='color:#6a6a6a;font-family:monospace;font-size:small'>{html.escape(key)}</p>"
        left.append(label + _value(catalog, catalog.texts.get(compare, {}).get(key), key))
        own = catalog.texts.get(locale, {}).get(key)
        note = ""
        if key in extra:
            note = _note(ui("translator.not_in_source"))
        else:
            shown = catalog.entry(locale, key)
            if shown is not own:  # missing, or an outdated safety text replaced by the source chain
                code = next((c for c in catalog.chain(locale) if catalog.texts[c].get(key) is shown), "—")
                name = catalog.locales[code].name if code in catalog.locales else code
                note = _note(ui("translator.missing", fallback=name))
                own = shown
        right.append(label + note + _value(catalog, own, key))
    return "".join(left), "".join(right)
