"""Render the main window offscreen, the way the app builds it, as a reference for the real-window test.

    python -m tests.desktop.render_reference OUT_DIR LOCALE WIDTH HEIGHT

Writes home.png and flow.png (after the first problem was chosen) and geometry.json: where the safety line
is inside the window. Run in its own process so no other test's application state can change the pixels.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def main(out: Path, locale: str, width: int, height: int) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QPoint

    from assistant.ui.app import build_app

    app, window = build_app(["reference"], locale)
    window.resize(width, height)
    window.show()
    app.processEvents()
    window.grab().save(str(out / "home.png"))
    next(iter(window.home.flow_buttons.values())).click()
    app.processEvents()
    window.grab().save(str(out / "flow.png"))
    top_left = window.safety.mapTo(window, QPoint(0, 0))
    geometry = {"safety": [top_left.x(), top_left.y(), window.safety.width(), window.safety.height()],
                "title": window.windowTitle(), "safety_text": window.safety.text()}
    (out / "geometry.json").write_text(json.dumps(geometry, ensure_ascii=False), encoding="utf-8")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])))
