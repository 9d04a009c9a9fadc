"""Render the main pages offscreen to PNG, in zh-CN and en (and home and an outcome page in ja and ko), into docs/screenshots/.

Run: QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--out docs/screenshots]
Pages: home, a question, a step, a form showing a validation error, an urgent outcome, the question and
the urgent outcome on a dark palette, the question at 200 % text size, and the review and its send step for
webmail (the persona of issue 19: a stuck USDT withdrawal on TRON) at 1024×640; for Japanese and Korean the home
page, the urgent outcome and the webmail send step. Look at the pictures: CJK text needs a CJK font on the machine (fonts-noto-cjk draws
Japanese kana and Korean hangul, and kanji in their Japanese shapes), or it shows as boxes.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("WSA_DATA_DIR", tempfile.mkdtemp(prefix="wsa-shots-"))

from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from assistant.content.catalog import load_catalog  # noqa: E402
from assistant.flows.engine import Session  # noqa: E402
from assistant.flows.model import NodeKind, OutcomeKind  # noqa: E402
from assistant.paths import content_dir  # noqa: E402
from assistant.ui.locale_support import Localizer  # noqa: E402
from assistant.ui.main_window import MainWindow  # noqa: E402
from assistant.ui.style import dark_palette  # noqa: E402
from assistant.validation.fields import validate_values  # noqa: E402

SAMPLES = {"text": "iPhone 15, iOS 18.1", "multiline": "Nothing else changed.", "version": "2.3.1",
           "ticket": "TP-20261120-0042", "url": "https://example.com/x", "exchange_uid": "35871942",
           "amount": "120.5 USDT", "datetime": "2026-11-20 14:05 +08:00", "email": "alex.chen@example.com"}
SIZE = (900, 720)


def valid_value(field, chain):
    if field.kind == "select":
        return field.options[0]
    try:
        from assistant.validation.chains import EXAMPLES
    except ImportError:
        EXAMPLES = {}
    part = {"address": "address", "tx_hash": "tx"}.get(field.kind)
    candidates = [v for (_f, k), v in EXAMPLES.items() if k == part] if part else [SAMPLES.get(field.kind, "x")]
    return next((v for v in candidates if not validate_values([field], {field.name: v}, {field.name: chain})[1]),
                candidates[0])


def session_at(catalog, want, preferred: str = "pending_transaction") -> Session:
    """The first session (breadth-first over choices) whose current node satisfies `want`."""
    flows = sorted(catalog.flows.values(), key=lambda f: f.id != preferred)
    for flow in flows:
        queue = deque([Session(flow)])
        while queue:
            session = queue.popleft()
            node = session.current
            if want(node, session):
                return session
            if node.kind is NodeKind.OUTCOME:
                continue
            if node.kind is NodeKind.FORM:
                values = {f.name: valid_value(f, session.chain(f)) for f in session.visible_fields(node) if f.required}
                nxt = Session.from_dict(flow, session.to_dict())
                nxt.submit(values)
                queue.append(nxt)
                continue
            for choice in session.visible_choices():
                nxt = Session.from_dict(flow, session.to_dict())
                nxt.choose(choice.id)
                queue.append(nxt)
    raise SystemExit("no node found for a screenshot")


PERSONA = {"safety_contact": "no", "safety_phrase": "no", "network": "tron", "direction": "to_wallet",
           "exchange_status": "processing", "exchange_holding": "unsolved"}
PERSONA_VALUES = {"exchange_name": "Binance", "exchange_uid": "35871942", "withdrawal_id": "W20261120-88",
                  "coin": "USDT", "amount": "120.5 USDT", "withdrawal_address": "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
                  "time": "2026-01-20 14:05 +08:00"}


def persona(catalog) -> Session:
    session = Session(catalog.flows["stuck_withdrawal"])
    for answer in PERSONA.values():
        session.choose(answer)
    session.submit(PERSONA_VALUES)
    return session


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(["screenshots"])
    app.setStyle("Fusion")
    light = app.palette()
    catalog = load_catalog(content_dir())
    localizer = Localizer(app, catalog)
    written: list[Path] = []

    question = session_at(catalog, lambda n, s: n.kind is NodeKind.QUESTION)
    step = session_at(catalog, lambda n, s: n.kind is NodeKind.STEP and len(s.path) >= 2)
    form = session_at(catalog, lambda n, s: n.kind is NodeKind.FORM
                      and any(f.kind == "address" for f in s.visible_fields(n)))
    urgent = session_at(catalog, lambda n, s: n.kind is NodeKind.OUTCOME and n.outcome is OutcomeKind.URGENT)

    def settle() -> None:
        for _ in range(3):  # layouts that grow to their text need a few rounds (more after a palette change)
            app.processEvents()
            QTest.qWait(20)

    def shot(window: MainWindow, name: str) -> None:
        settle()
        path = args.out / f"{name}.png"
        window.grab().save(str(path))
        written.append(path)

    def send_webmail(window: MainWindow, locale: str, *, review: bool = False) -> None:
        """The persona's email at its send step, webmail chosen: the UI language's own services come first."""
        window.resize(1024, 640)
        window.show_session(persona(catalog))
        window.flow_page.view.email_button.click()
        if review:
            shot(window, f"review-{locale}")
        page = window.stack.currentWidget()
        page.to_edit.setText("support@binance.com")
        page.go_to_send()
        page.send_step.route_buttons[next(iter(page.send_step.route_buttons))].click()
        shot(window, f"send-webmail-{locale}")
        window.resize(*SIZE)

    for locale in ("zh-CN", "en"):
        localizer.apply(locale)
        window = MainWindow(catalog, locale, localizer=localizer)
        window.resize(*SIZE)
        window.show()
        shot(window, f"home-{locale}")
        window.show_session(Session.from_dict(question.flow, question.to_dict()))
        shot(window, f"question-{locale}")
        window.show_session(Session.from_dict(step.flow, step.to_dict()))
        shot(window, f"step-{locale}")
        window.show_session(Session.from_dict(form.flow, form.to_dict()))
        view = window.flow_page.view
        row = next(r for r in view.rows.values() if r.kind == "address")
        row.editor.setText("0x12345")  # a mistyped address: the message shows under the field
        settle()
        window.flow_page.scroll.ensureWidgetVisible(row.error, 0, 120)
        shot(window, f"form-error-{locale}")
        window.show_session(Session.from_dict(urgent.flow, urgent.to_dict()))
        shot(window, f"urgent-{locale}")
        app.setPalette(dark_palette())
        window.show_session(Session.from_dict(question.flow, question.to_dict()))
        shot(window, f"dark-question-{locale}")
        window.show_session(Session.from_dict(urgent.flow, urgent.to_dict()))
        shot(window, f"dark-urgent-{locale}")
        app.setPalette(light)
        localizer.set_scale(2.0)
        window.show_session(Session.from_dict(question.flow, question.to_dict()))
        shot(window, f"text-200-{locale}")
        localizer.set_scale(1.0)
        send_webmail(window, locale, review=True)
        window.close()
        window.deleteLater()
        settle()
    for locale in ("ja", "ko"):
        if locale not in catalog.locales:
            continue
        localizer.apply(locale)
        window = MainWindow(catalog, locale, localizer=localizer)
        window.resize(*SIZE)
        window.show()
        shot(window, f"home-{locale}")
        window.show_session(Session.from_dict(urgent.flow, urgent.to_dict()))
        shot(window, f"urgent-{locale}")
        send_webmail(window, locale)
        window.close()
        window.deleteLater()
        settle()
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
