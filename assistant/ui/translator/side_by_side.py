"""Source | translation of one unit as one table: each key is a row, so its source and translation stay aligned
however long either is; missing texts are marked with the fallback shown instead."""
from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtGui import QTextCursor, QTextTable
from PySide6.QtWidgets import QTextBrowser, QWidget

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


def side_by_side(catalog: Catalog, unit: str, locale: str, compare: str, ui: Callable[..., str]) -> str:
    """HTML table: a heading row, then one row per key of `unit`: the `compare` text | the `locale` text."""
    source_keys = list(source_units(catalog).get(unit, []))
    extra = [k for k, e in catalog.texts.get(locale, {}).items() if e.unit == unit and k not in source_keys]
    left = html.escape(ui("translator.source_head", name=catalog.locales[compare].name))
    right = html.escape(ui("translator.translation_head", name=catalog.locales[locale].name))
    rows = [f"<tr><th width='50%' align='left'><h3>{left}</h3></th><th width='50%' align='left'><h3>{right}</h3></th></tr>"]
    for key in source_keys + extra:
        label = f"<p style='color:#6a6a6a;font-family:monospace;font-size:small'>{html.escape(key)}</p>"
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
        source = _value(catalog, catalog.texts.get(compare, {}).get(key), key)
        rows.append(f"<tr><td valign='top'>{label}{source}</td><td valign='top'>{label}{note}{_value(catalog, own, key)}</td></tr>")
    return f"<table width='100%' cellspacing='0' cellpadding='4'>{''.join(rows)}</table>"


class SideBySideView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="translator_side", openLinks=False)

    def show_unit(self, catalog: Catalog, unit: str, locale: str, compare: str, ui: Callable[..., str]) -> None:
        self.setHtml(side_by_side(catalog, unit, locale, compare, ui))

    def table(self) -> QTextTable | None:
        return next((f for f in self.document().rootFrame().childFrames() if isinstance(f, QTextTable)), None)

    def rows(self) -> list[tuple[str, str]]:
        """Plain text of each row's two cells, the heading row first."""
        table = self.table()
        if table is None:
            return []
        out = []
        for row in range(table.rows()):
            cells = []
            for col in range(2):
                cell = table.cellAt(row, col)
                cursor = QTextCursor(self.document())
                cursor.setPosition(cell.firstCursorPosition().position())
                cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
                cells.append(cursor.selectedText().replace("\u2029", "\n"))
            out.append((cells[0], cells[1]))
        return out

    def column_text(self, col: int) -> str:
        return "\n".join(row[col] for row in self.rows())
