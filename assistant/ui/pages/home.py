"""Home: the problems as large choices, a search box in any language, and "continue where you left off"."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QLineEdit, QToolButton, QVBoxLayout, QWidget

from assistant.content.catalog import Catalog
from assistant.i18n.texts import Texts
from assistant.ui.icon_files import icon_bytes
from assistant.ui.widgets.labels import Heading, WrapLabel
from assistant.ui.widgets.scroll import VScroll
from assistant.ui.widgets.wrap_button import WrapButton

if TYPE_CHECKING:  # search (and the flow machinery behind it) loads when someone first types a query
    from assistant.content.search import Hit


def problem_icon(flow_id: str, color: str, size: int, ratio: float = 1.0) -> QPixmap | None:
    """The home-page icon of a problem, painted in `color`; None for a flow without one.

    Read from a grey-scale mask (assistant/ui/icons/problem-<flow>.png, drawn by scripts/make_icons.py from
    the SVG beside it): the intensity becomes the alpha of a plain colour, so the icon follows light, dark and
    high-contrast palettes without loading the SVG renderer at start-up.
    """
    data = icon_bytes(f"problem-{flow_id}.png")
    if data is None:
        return None
    mask = QImage()
    if not mask.loadFromData(data, "PNG"):
        return None
    pixels = max(1, round(size * ratio))
    mask = mask.convertToFormat(QImage.Format.Format_Grayscale8).scaled(
        pixels, pixels, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    image = QImage(pixels, pixels, QImage.Format.Format_ARGB32)
    image.fill(QColor(color))
    image.setAlphaChannel(mask)
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


class HomePage(QWidget):
    flow_chosen = Signal(str)  # flow id
    step_chosen = Signal(str, str)  # flow id, node id found by search
    resume_requested = Signal()

    def __init__(self, catalog: Catalog, texts: Texts, search: Callable[[str], list[Hit]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("home_page")
        self.catalog = catalog
        self.texts = texts
        self._search = search
        self._hits: list[Hit] = []
        self._painted: dict[str, tuple[str, int, float]] = {}  # flow id → (colour, size, ratio) of its icon
        scroll = VScroll(self)
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)
        self.layout().addWidget(scroll)
        column = scroll.column

        self.heading = Heading(scale=1.5)
        self.intro = WrapLabel()
        self.resume_button = WrapButton()
        self.resume_button.setObjectName("resume_button")
        self.resume_button.clicked.connect(self.resume_requested)
        self.resume_button.hide()

        self.search_label = WrapLabel(selectable=False)
        self.search = QLineEdit()
        self.search.setObjectName("search_box")
        self.search.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search)
        self.search.textChanged.connect(self._on_query_changed)
        self.search.returnPressed.connect(self._on_search_return)
        self.no_results = WrapLabel()
        self.no_results.hide()
        self.results = QWidget()
        self.results.setObjectName("search_results")
        self._results_layout = QVBoxLayout(self.results)
        self._results_layout.setContentsMargins(0, 0, 0, 0)
        self.results.hide()

        self.flow_buttons: dict[str, WrapButton] = {}
        for flow_id in catalog.flows:
            button = WrapButton()
            button.setObjectName(f"flow_{flow_id}")
            button.clicked.connect(lambda _=False, fid=flow_id: self.flow_chosen.emit(fid))
            self.flow_buttons[flow_id] = button
        for flow_id in catalog.disabled_flows:
            button = WrapButton()
            button.setObjectName(f"flow_{flow_id}")
            button.setEnabled(False)
            self.flow_buttons[flow_id] = button

        column.addWidget(self.heading)
        column.addWidget(self.intro)
        column.addWidget(self.resume_button)
        for button in self.flow_buttons.values():
            column.addWidget(button)
        column.addSpacing(8)
        column.addWidget(self.search_label)
        column.addWidget(self.search)
        column.addWidget(self.no_results)
        column.addWidget(self.results)
        column.addStretch(1)
        # Keyboard order follows the screen: resume, the problems, then search.
        chain = [self.resume_button, *self.flow_buttons.values(), self.search]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.retranslate(texts)
        self._paint_icons()
        app = QApplication.instance()  # bound methods: the connections end with this page
        app.paletteChanged.connect(self._on_palette_changed)
        app.fontChanged.connect(self._on_font_changed)

    def _on_palette_changed(self, palette: QPalette) -> None:
        self._paint_icons(palette=palette)

    def _on_font_changed(self, font: QFont) -> None:
        self._paint_icons(font=font)

    def _paint_icons(self, palette: QPalette | None = None, font: QFont | None = None) -> None:
        """Each problem's icon in the button text's colour, about two lines of text high.

        Repainted on the application's paletteChanged and fontChanged (a dark or high-contrast palette, larger
        text), which pass the new palette or font: the widgets receive theirs only afterwards. Signals rather
        than a changeEvent override: an override makes every change event a Python call and loads dozens of
        event wrapper types at start-up."""
        metrics = QFontMetrics(font) if font is not None else self.fontMetrics()
        size = max(24, round(metrics.height() * 1.9))
        ratio = self.devicePixelRatioF()
        for flow_id, button in self.flow_buttons.items():
            group = QPalette.ColorGroup.Active if button.isEnabled() else QPalette.ColorGroup.Disabled
            color = (palette or button.palette()).color(group, QPalette.ColorRole.ButtonText).name()
            if self._painted.get(flow_id) != (color, size, ratio):  # change events repeat while the window forms
                self._painted[flow_id] = (color, size, ratio)
                button.set_icon(problem_icon(flow_id, color, size, ratio))

    # public hooks ----------------------------------------------------------------------------------
    def set_resume_available(self, available: bool) -> None:
        self.resume_button.setVisible(available)

    def retranslate(self, texts: Texts) -> None:
        self.texts = texts
        self.heading.setText(texts.ui("home.heading"))
        self.intro.setText(texts.ui("home.intro"))
        self.resume_button.set_texts(texts.ui("home.resume"), texts.ui("home.resume_hint"))
        for flow_id, button in self.flow_buttons.items():
            reason = self.catalog.disabled_flows.get(flow_id)
            if reason is None:
                button.set_texts(texts.flow_title(flow_id), texts.flow_summary(flow_id))
            else:
                button.set_texts(texts.flow_title(flow_id), texts.ui("home.disabled"))
                button.setToolTip(reason)
                button.setAccessibleDescription(f"{texts.ui('home.disabled')} {reason}")
        self.search_label.setText(texts.ui("home.search_label"))
        self.search.setPlaceholderText(texts.ui("home.search_placeholder"))
        self.search.setAccessibleName(texts.ui("home.search_label"))
        self.search.setAccessibleDescription(texts.ui("home.search_placeholder"))
        self.results.setAccessibleName(texts.ui("home.search_results"))
        for button in self.search.findChildren(QToolButton):  # the clear button Qt adds has no name of its own
            button.setAccessibleName(texts.ui("a11y.search_clear"))
            button.setToolTip(texts.ui("a11y.search_clear"))
        self.no_results.setText(texts.ui("home.no_results"))
        self._show_hits(self._hits)

    # search ----------------------------------------------------------------------------------------
    def _on_query_changed(self, query: str) -> None:
        self._show_hits(self._search(query))
        self.no_results.setVisible(bool(query.strip()) and not self._hits)

    def _on_search_return(self) -> None:
        if self._hits:
            self._pick(self._hits[0])

    def _pick(self, hit: Hit) -> None:
        if hit.node_id is None:
            self.flow_chosen.emit(hit.flow_id)
        else:
            self.step_chosen.emit(hit.flow_id, hit.node_id)

    def _show_hits(self, hits: list[Hit]) -> None:
        self._hits = hits
        while self._results_layout.count():
            item = self._results_layout.takeAt(0)
            if item.widget():
                item.widget().hide()
                item.widget().deleteLater()
        texts = self.texts
        for index, hit in enumerate(hits):
            if hit.node_id is None:
                title, summary = texts.flow_title(hit.flow_id), texts.flow_summary(hit.flow_id)
            else:
                title = texts.node_title(hit.flow_id, hit.node_id)
                summary = texts.ui("home.search_in_flow", flow=texts.flow_title(hit.flow_id))
            button = WrapButton(title, summary, large=False)
            button.setObjectName(f"search_hit_{index}")
            button.clicked.connect(lambda _=False, h=hit: self._pick(h))
            self._results_layout.addWidget(button)
        self.results.setVisible(bool(hits))

    def result_buttons(self) -> list[WrapButton]:
        return [self._results_layout.itemAt(i).widget() for i in range(self._results_layout.count())]

    def focus_first(self) -> None:
        first = next((b for b in self.flow_buttons.values() if b.isEnabled()), self.search)
        first.setFocus(Qt.FocusReason.OtherFocusReason)
