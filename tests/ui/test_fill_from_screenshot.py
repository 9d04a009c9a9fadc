"""“Fill from screenshot…” on a form: the picture is read on a worker thread, each value found is offered with
its own Use button, into empty fields only. The OCR engine is replaced by a reading given here."""
from __future__ import annotations

import pytest
from PIL import Image

from assistant.app.session import FlowController
from assistant.i18n.texts import Texts
from assistant.ui.pages.form import FormView
from assistant.vision.engine import Line, Reading, ReadStatus
from tests.core.app.cases import TRON_PENDING, TRON_VALUES, walk

SCREEN = [("交易哈希", TRON_VALUES["tx_hash"][:32]), ("", TRON_VALUES["tx_hash"][32:]),
          ("发送方", TRON_VALUES["from_address"]), ("接收方", TRON_VALUES["to_address"]), ("网络", "TRON (TRC20)")]


def tx_screen(_data: bytes) -> Reading:
    lines = []
    for i, (label, value) in enumerate(SCREEN):
        y = 300 + 60 * i
        if label:
            lines.append(Line(label, (40, y, 140, y + 32), 0.99))
        lines.append(Line(value, (300, y, 690, y + 32), 0.98))
    return Reading(ReadStatus.READ, tuple(lines))


@pytest.fixture
def form(qtbot, catalog, monkeypatch, tmp_path):
    monkeypatch.setattr(FormView, "recogniser", staticmethod(tx_screen))
    controller = FlowController(catalog, "zh-CN")
    controller.open_flow("pending_transaction")
    assert walk(controller, TRON_PENDING, TRON_VALUES, until=lambda node: node.id == "tx_report").id == "tx_report"
    session = controller.session
    texts = Texts(catalog, "zh-CN")
    view = FormView(session.current, session, texts, ())
    qtbot.addWidget(view)
    view.show()
    picture = tmp_path / "交易详情.png"
    Image.new("RGB", (72, 128), "white").save(picture)
    view.picture = str(picture)
    return view


def test_found_values_are_offered_one_by_one_into_empty_fields_only(form, qtbot):
    form.rows["from_address"].set_value("TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7")  # typed by the person
    assert form.fill_button.text() == "从截图填写…"
    form.fill_from(form.picture)
    qtbot.waitUntil(lambda: form.fill_button.isEnabled() and bool(form.fill_panel.buttons))
    fields = [o.field for o in form._reading.offers]
    assert sorted(fields) == ["", "to_address", "tx_hash"]  # from_address was typed: not offered; the network only informs
    assert form.rows["tx_hash"].value() == ""  # nothing is filled without a click
    form.fill_panel.buttons[fields.index("tx_hash")].click()
    assert form.rows["tx_hash"].value() == TRON_VALUES["tx_hash"]
    assert form.rows["from_address"].value() == "TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7"
    form.rows["to_address"].set_value("typed meanwhile")
    assert form.use_offer(fields.index("to_address")) is False
    assert form.rows["to_address"].value() == "typed meanwhile"
