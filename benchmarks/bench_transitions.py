"""Step-to-step transition time in the real window: click an answer until the next node is painted.

Run: python -m benchmarks.bench_transitions [--walks 6] [--locale zh-CN]
Walks every flow from its start to an outcome (random choices, valid form values), timing each click
on a choice and each Back from the click until the event queue is empty (layout and paint done), in
wall and CPU time. Prints median, 90th percentile and maximum (goal: median ≤ 16 ms). No assertions.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _valid_value(field, chain: str | None) -> str:
    from assistant.validation.fields import validate_values

    if field.kind == "select":
        return field.options[0]
    try:
        from assistant.validation.chains import EXAMPLES
    except ImportError:
        EXAMPLES = {}
    samples = {"text": "iPhone 15", "multiline": "Nothing else changed.", "version": "2.3.1", "ticket": "TP-1042",
               "url": "https://example.com/x", "exchange_uid": "35871942", "amount": "120.5 USDT",
               "datetime": "2026-11-20 14:05 +08:00", "email": "alex.chen@example.com"}
    part = {"address": "address", "tx_hash": "tx"}.get(field.kind)
    candidates = [v for (_f, k), v in EXAMPLES.items() if k == part] if part else [samples.get(field.kind, "x")]
    for value in candidates:
        if not validate_values([field], {field.name: value}, {field.name: chain})[1]:
            return value
    return candidates[0]


def run(walks: int, locale: str) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["bench"])
    from assistant.content.catalog import load_catalog
    from assistant.flows.engine import Session
    from assistant.flows.model import NodeKind
    from assistant.paths import content_dir
    from assistant.ui.locale_support import Localizer
    from assistant.ui.main_window import MainWindow

    catalog = load_catalog(content_dir())
    Localizer(app, catalog).apply(locale)
    window = MainWindow(catalog, locale)
    window.show()
    app.processEvents()
    forward: list[tuple[float, float]] = []
    backward: list[tuple[float, float]] = []
    forms: list[tuple[float, float]] = []

    def timed(action, into) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        app.processEvents()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # what the event loop does next
        into.append((time.perf_counter() - wall, time.process_time() - cpu))

    rng = random.Random(7)
    for flow in catalog.flows.values():
        for _ in range(walks):
            window.show_session(Session(flow))
            app.processEvents()
            page = window.flow_page
            while page.view.node.kind is not NodeKind.OUTCOME:
                view = page.view
                if view.node.kind is NodeKind.FORM:
                    for f in page.session.visible_fields(view.node):
                        view.rows[f.name].set_value(_valid_value(f, page.session.chain(f)))
                    timed(view.continue_button.click, forms)
                    continue
                button = rng.choice(list(view.choice_buttons.values()))
                timed(button.click, forward)
                if rng.random() < 0.3:  # now and then, Back and answer again
                    timed(page.back_button.click, backward)
                    timed(rng.choice(list(page.view.choice_buttons.values())).click, forward)

    def show(name: str, rows: list[tuple[float, float]]) -> None:
        if not rows:
            return
        wall = sorted(r[0] * 1000 for r in rows)
        cpu = sorted(r[1] * 1000 for r in rows)
        p90 = wall[int(len(wall) * 0.9) - 1]
        print(f"{name:22} n={len(rows):4d}  median {statistics.median(wall):6.1f} ms (CPU {statistics.median(cpu):5.1f})"
              f"  p90 {p90:6.1f}  max {wall[-1]:6.1f}")

    print(f"transitions in the real window ({locale}, offscreen), click → painted:")
    show("answer (question/step)", forward)
    show("back", backward)
    show("form submit", forms)
    print("goal: median ≤ 16 ms for answer transitions")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--walks", type=int, default=6)
    parser.add_argument("--locale", default="zh-CN")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as data:
        os.environ["WSA_DATA_DIR"] = data
        run(args.walks, args.locale)
    return 0


if __name__ == "__main__":
    sys.exit(main())
