"""The diagnostics pane: the same problems `check` prints, with clickable file:line locations."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.problems import Problem, Severity

PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1


def open_in_editor(path: Path) -> bool:
    """Open a content file in the system's editor for its type."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class DiagnosticsPane(QWidget):
    problem_selected = Signal(str, int)  # path, line — the window jumps to that text
    file_opened = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.base = Path()
        self.problems: list[Problem] = []
        self.locale_dir: Path | None = None
        self.heading = QLabel(objectName="diagnostics_heading")
        self.only_locale = QCheckBox(objectName="diagnostics_only_locale", checked=True)
        self.only_locale.toggled.connect(self._fill)
        self.tree = QTreeWidget(objectName="diagnostics_tree")
        self.tree.setColumnCount(4)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        for col in range(3):
            self.tree.header().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemClicked.connect(self._on_clicked)
        self.tree.itemActivated.connect(lambda item, _col: self._open(item))
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.only_locale)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.tree, 1)

    def retranslate(self, ui) -> None:
        self.heading.setText(ui("translator.diagnostics"))
        self.only_locale.setText(ui("translator.only_locale"))
        self.tree.setHeaderLabels([ui(f"translator.col_{c}") for c in ("location", "severity", "code", "message")])

    def show_problems(self, problems: list[Problem], base: Path, locale_dir: Path | None, all_locales: Path) -> None:
        self.problems, self.base, self.locale_dir, self._all = problems, base, locale_dir, all_locales
        self._fill()

    def visible(self) -> list[Problem]:
        if not self.only_locale.isChecked() or self.locale_dir is None:
            return self.problems
        return [p for p in self.problems
                if self.locale_dir in p.path.parents or self._all not in p.path.parents]

    def _fill(self) -> None:
        self.tree.clear()
        link = QBrush(QColor("#1a5fb4"))
        underline = QFont(self.tree.font())
        underline.setUnderline(True)
        items = []
        # errors first, then warnings; within each, by file and line
        for p in sorted(self.visible(), key=lambda p: (p.severity is not Severity.ERROR, str(p.path), p.line, p.col)):
            where = p.render(self.base).split(f": {p.severity}[", 1)[0]
            item = QTreeWidgetItem([where, str(p.severity), p.code, p.message])
            item.setData(0, PROBLEM_ROLE, p)
            item.setForeground(0, link)
            item.setFont(0, underline)
            item.setToolTip(0, str(p.path))
            item.setToolTip(3, p.message)
            if p.severity is Severity.ERROR:
                item.setForeground(1, QBrush(QColor("#c01c28")))
            items.append(item)
        self.tree.addTopLevelItems(items)

    def _on_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        problem: Problem = item.data(0, PROBLEM_ROLE)
        if column == 0:
            self._open(item)
        else:
            self.problem_selected.emit(str(problem.path), problem.line)

    def _open(self, item: QTreeWidgetItem) -> None:
        problem: Problem = item.data(0, PROBLEM_ROLE)
        open_in_editor(problem.path)
        self.file_opened.emit(str(problem.path), problem.line)
