"""The navigator: flows → nodes, then interface, guides and email units, each marked with its state."""
from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from assistant.content.catalog import Catalog
from assistant.i18n.l10n import source_units, status, units_with_errors
from assistant.i18n.texts import Texts
from assistant.problems import Problem

UNIT_ROLE = Qt.ItemDataRole.UserRole + 1
LABEL_ROLE = Qt.ItemDataRole.UserRole + 2  # the label without its marker
STATE_ROLE = Qt.ItemDataRole.UserRole + 3  # error, outdated, missing, untranslated, partial, … or ''
GROUPS = {"ui": "translator.group_ui", "guides": "translator.group_guides", "email": "translator.group_email"}


class UnitTree(QTreeWidget):
    def __init__(self) -> None:
        super().__init__(objectName="translator_tree", headerHidden=True)
        self.unit_text: dict[str, str] = {}  # unit → its source and translated texts, lower-cased, for the filter
        self.needle = ""

    def fill(self, catalog: Catalog, t: Texts) -> None:
        self.blockSignals(True)
        self.clear()
        by_unit = source_units(catalog)
        placed: set[str] = set()
        for flow in catalog.flows.values():
            top = QTreeWidgetItem([f"{t.flow_title(flow.id)}  ({flow.id})"])
            self._leaf(top, f"{flow.id}.flow", f"flow · {t.ui('translator.flow_head')}", placed)
            for node in flow.nodes.values():
                label = f"{node.id} · {node.kind}" + ("  ⚠" if node.critical else "")
                self._leaf(top, f"{flow.id}.nodes.{node.id}", label, placed)
            self.addTopLevelItem(top)
        tops: dict[str, QTreeWidgetItem] = {}
        for unit, keys in by_unit.items():
            if unit in placed:
                continue
            prefix = keys[0].split(".", 1)[0]
            group = GROUPS.get(prefix, "translator.group_other")
            if group not in tops:
                tops[group] = QTreeWidgetItem([t.ui(group)])
                self.addTopLevelItem(tops[group])
            self._leaf(tops[group], unit, unit.split(".", 1)[1] if prefix in GROUPS else unit, placed)
        self.expandAll()
        self.blockSignals(False)
        self.apply_filter(self.needle)

    @staticmethod
    def _leaf(parent: QTreeWidgetItem, unit: str, label: str, placed: set[str]) -> None:
        item = QTreeWidgetItem([label])
        item.setData(0, UNIT_ROLE, unit)
        item.setData(0, LABEL_ROLE, label)
        item.setToolTip(0, unit)
        parent.addChild(item)
        placed.add(unit)

    def items(self) -> Iterator[tuple[QTreeWidgetItem, QTreeWidgetItem]]:
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            for j in range(top.childCount()):
                yield top, top.child(j)

    def first_unit(self) -> str | None:
        return next((item.data(0, UNIT_ROLE) for _top, item in self.items()), None)

    def select(self, unit: str) -> bool:
        for _top, item in self.items():
            if item.data(0, UNIT_ROLE) == unit:
                self.setCurrentItem(item)
                return True
        return False

    def mark(self, catalog: Catalog, locale: str, problems: list[Problem]) -> None:
        """Mark each unit of `locale`: ✗ has errors, ↻ outdated, ◌ missing or not translated yet."""
        states: dict[str, str] = {}
        errors: dict[str, list] = {}
        if locale != catalog.source_locale and not catalog.locales[locale].pseudo:
            states = {u.unit: u.state for u in status(catalog, locale).units}
            errors = units_with_errors(catalog, locale, problems)
        self.unit_text = {}
        for entry in [*catalog.texts.get(catalog.source_locale, {}).values(), *catalog.texts.get(locale, {}).values()]:
            values = (entry.value,) if isinstance(entry.value, str) else entry.value
            self.unit_text[entry.unit] = self.unit_text.get(entry.unit, "") + "\n" + "\n".join(values).lower()
        for _top, item in self.items():
            unit = item.data(0, UNIT_ROLE)
            state = states.get(unit, "")
            mark = "  ✗" if unit in errors else "  ↻" if state == "outdated" else \
                "  ◌" if state in ("missing", "untranslated", "partial") else ""
            item.setText(0, (item.data(0, LABEL_ROLE) or item.text(0)) + mark)
            item.setData(0, STATE_ROLE, "error" if unit in errors else state)
        self.apply_filter(self.needle)

    def apply_filter(self, text: str) -> None:
        """Match labels, unit ids and the texts themselves (source and chosen language)."""
        self.needle = needle = text.strip().lower()
        shown: dict[int, bool] = {}
        for top, item in self.items():
            unit = item.data(0, UNIT_ROLE) or ""
            hit = not needle or needle in item.text(0).lower() or needle in unit.lower() \
                or needle in top.text(0).lower() or needle in self.unit_text.get(unit, "")
            item.setHidden(not hit)
            shown[id(top)] = shown.get(id(top), False) or hit
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            top.setHidden(not shown.get(id(top), False))
