"""Start-up cost of the app against a bare PySide6 window, each in a fresh process.

Run: python -m benchmarks.bench_startup [--runs 7] [--locale zh-CN --locale en] [--bundle PATH]
Each child is `python -c …` that builds its window, shows it and prints SHOWN from the first event-loop
turn. Wall time runs from spawning the process until that line arrives; peak RSS is the child's own
ru_maxrss from os.wait4. Prints medians and the ratios to the bare window (goal: ≤ 1.3× for both), and
which heavy modules the app had loaded when its window appeared (goal: none). A window with one
CJK label is shown for context: it is the cost of drawing any text, which the bare window never pays; so are the
home screen's own widgets built with no app code (with and without the CJK fonts zh-CN asks for): the floor Qt
sets for this screen.
The one-folder bundle (`make bundle`; found in dist/ or given with --bundle) is launched the way its users
launch it, as its own executable; it prints nothing, so every program is also timed until its process has
exited (WSA_QUIT_AFTER_MS=0 quits the bundle on its first event-loop turn, as the others do).
No assertions: read the numbers.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("jinja2", "markdown", "email", "assistant.secrets.scan", "assistant.secrets.words", "assistant.email.draft",
         "mnemonic", "PySide6.QtNetwork", "PySide6.QtWebEngineWidgets")

_SHOWN = """
import sys
from PySide6.QtCore import QTimer
def _shown():
    heavy = [m for m in {heavy!r} if m in sys.modules]
    print("SHOWN", ",".join(heavy), flush=True)
    app.quit()
QTimer.singleShot(0, _shown)
app.exec()
"""

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(["bare"])
window = QMainWindow()
window.resize(820, 680)
window.show()
"""

# Context only: what drawing any text at all costs (font database, Qt's enums), which a bare window skips.
LABEL = """
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(["label"])
window = QMainWindow()
label = QLabel("真正的客服绝不会索要你的助记词 / Real support never asks for your recovery phrase")
label.setWordWrap(True)
label.setAlignment(Qt.AlignmentFlag.AlignTop)
window.setCentralWidget(label)
window.resize(820, 680)
window.show()
"""

# Context only: the home screen's Qt widgets with its texts and fonts and no app code at all (a bold heading,
# four two-line buttons, a search box, five menus, a style sheet). What Qt alone costs for this screen: the floor
# under any implementation of it.
SCREEN = """
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMainWindow, QPushButton, QScrollArea, QVBoxLayout, QWidget
app = QApplication(["screen"])
if {cjk!r}:
    font = QFont(app.font())
    font.setFamilies(["Noto Sans CJK SC", "WenQuanYi Micro Hei", *app.font().families()])
    app.setFont(font)
app.setStyleSheet("QPushButton {{ border: 1px solid #8a8f98; border-radius: 4px; padding: 5px 12px; }} "
                  "QPushButton:focus {{ border: 2px solid #0b57d0; }} QLineEdit {{ border: 1px solid #8a8f98; }}")
window = QMainWindow()
for name in ("文件 File", "查看 View", "语言 Language", "工具 Tools", "帮助 Help"):
    menu = window.menuBar().addMenu(name)
    for i in range(3):
        menu.addAction(QAction(f"{{name}} {{i}}", window))
page = QWidget()
column = QVBoxLayout(page)
safety = QLabel("真正的客服绝不会索要你的助记词、私钥或密码。Real support never asks for your recovery phrase.")
safety.setWordWrap(True)
column.addWidget(safety)
scroll = QScrollArea()
scroll.setWidgetResizable(True)
inner = QWidget()
rows = QVBoxLayout(inner)
scroll.setWidget(inner)
column.addWidget(scroll, 1)
heading = QLabel("遇到了什么问题？ What went wrong?")
bold = QFont(app.font())
bold.setBold(True)
big = QFont(bold)
big.setPointSizeF(big.pointSizeF() * 1.5)
heading.setFont(big)
rows.addWidget(heading)
for title, summary in (("无法登录钱包 Can't log in", "密码错误、App 打不开"), ("转账一直在等待 Pending", "交易已发出但没有到账"),
                       ("提币未到账 Withdrawal", "交易所显示完成但钱包里没有"), ("钱包丢失或被盗 Lost wallet", "手机丢了或资产被转走")):
    button = QPushButton()
    inside = QVBoxLayout(button)
    for text, font in ((title, bold), (summary, app.font())):
        label = QLabel(text)
        label.setFont(font)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        inside.addWidget(label)
    button.setMinimumHeight(64)
    rows.addWidget(button)
search = QLineEdit()
search.setClearButtonEnabled(True)
rows.addWidget(search)
rows.addStretch(1)
window.setCentralWidget(page)
window.resize(900, 680)
window.show()
"""

APP = """
from assistant.ui.app import build_app
app, window = build_app(["assistant"], {locale!r})
window.show()
"""


BUNDLE = ROOT / "dist" / "wallet-support" / "wallet-support"
ENTRY_POINT = Path(sys.executable).parent / "wallet-support-gui"


def run_child(code: str | list[str], env: dict[str, str]) -> tuple[float, int, str, float]:
    """(seconds until SHOWN, peak RSS in KiB, heavy modules loaded, seconds until exit).

    `code` is Python source run with `python -c`, or the command line of an executable (the bundle).
    """
    argv = [sys.executable, "-c", code] if isinstance(code, str) else code
    start = time.perf_counter()
    child = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    heavy = ""
    for line in child.stdout:
        if line.startswith("SHOWN"):
            elapsed = time.perf_counter() - start
            heavy = line[5:].strip()
            break
    else:
        elapsed = float("nan")
    child.stdout.close()
    _pid, status, usage = os.wait4(child.pid, 0)
    exited = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"child failed with exit code {child.returncode}:\n{code}")
    return elapsed, usage.ru_maxrss, heavy, exited


def measure(runs: int, locales: list[str], bundle: Path | None = None) -> None:
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "WSA_DATA_DIR": data, "WSA_QUIT_AFTER_MS": "0"}
        # Any value, even "0", stops Python writing bytecode: then every launch would compile the sources
        # again, which no installed copy does. The warm-up run below writes the caches.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        programs: dict[str, str | list[str]] = {"bare PySide6 window": BARE + _SHOWN.format(heavy=HEAVY),
                                                "bare window + one label": LABEL + _SHOWN.format(heavy=HEAVY),
                                                "home's Qt widgets only": SCREEN.format(cjk=False) + _SHOWN.format(heavy=HEAVY),
                                                "same, CJK fonts": SCREEN.format(cjk=True) + _SHOWN.format(heavy=HEAVY)}
        for locale in locales:
            programs[f"assistant ({locale})"] = APP.format(locale=locale) + _SHOWN.format(heavy=HEAVY)
            # The way people start it: the script and the installed entry point, timed until they quit.
            programs[f"python main.py ({locale})"] = [sys.executable, str(ROOT / "main.py"), "--locale", locale]
            if ENTRY_POINT.exists():
                programs[f"wallet-support-gui ({locale})"] = [str(ENTRY_POINT), "--locale", locale]
        if bundle is not None:
            for locale in locales:
                programs[f"bundle ({locale})"] = [str(bundle), "--locale", locale]
        for code in programs.values():  # warm the file cache and .pyc files
            run_child(code, env)
        results: dict[str, list[tuple[float, int, str, float]]] = {name: [] for name in programs}
        for _ in range(runs):  # interleaved, so machine load drifts hit every program alike
            for name, code in programs.items():
                results[name].append(run_child(code, env))

    base_wall = statistics.median(r[0] for r in results["bare PySide6 window"])
    base_rss = statistics.median(r[1] for r in results["bare PySide6 window"])
    base_exit = statistics.median(r[3] for r in results["bare PySide6 window"])
    print(f"start-up until the window is shown, and until the process has quit: median of {runs} runs (offscreen)")
    print(f"{'program':28} {'wall ms':>8} {'×bare':>6} {'peak RSS MiB':>13} {'×bare':>6} {'exit ms':>8} {'×bare':>6}"
          "  heavy modules loaded")
    for name, rows in results.items():
        wall = statistics.median(r[0] for r in rows)
        rss = statistics.median(r[1] for r in rows)
        exit_ = statistics.median(r[3] for r in rows)
        heavy = rows[-1][2] or ("n/a" if isinstance(programs[name], list) else "none")
        shown = f"{wall * 1000:8.0f} {wall / base_wall:6.2f}" if wall == wall else f"{'—':>8} {'—':>6}"  # NaN: no SHOWN line
        print(f"{name:28} {shown} {rss / 1024:13.1f} {rss / base_rss:6.2f} "
              f"{exit_ * 1000:8.0f} {exit_ / base_exit:6.2f}  {heavy}")
    print("goal: ≤ 1.30× the bare window for wall time and for memory; programs that print nothing (main.py, the entry\n"
          "point, the bundle) are compared by their exit time against the bare window's")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--locale", action="append", dest="locales")
    parser.add_argument("--bundle", type=Path, default=BUNDLE if BUNDLE.exists() else None,
                        help="the bundle's executable (default: dist/wallet-support/wallet-support when built)")
    args = parser.parse_args(argv)
    measure(args.runs, args.locales or ["zh-CN", "en"], args.bundle)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
