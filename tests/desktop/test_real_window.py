"""A real window: the app started as people start it, on an X server (Xvfb) with Qt's xcb platform plugin —
not offscreen — driven by keyboard input sent to that window (xdotool), and the screen grabbed from
outside the app (Pillow reads the X server's root window).

What a person would see is asserted against the same window rendered offscreen in a separate process:
the window was drawn (not blank), its title is the app's name, the safety line is on screen on home and
still there after the keyboard opened a problem's first step.
"""
from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat, features

ROOT = Path(__file__).resolve().parents[2]
XVFB = shutil.which("Xvfb")
XDOTOOL = shutil.which("xdotool")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 window test: Linux only"),
    pytest.mark.skipif(XVFB is None or XDOTOOL is None,
                       reason="Xvfb or xdotool missing: scripts/install-system-deps.sh installs them (CI runs it)"),
    pytest.mark.skipif(not features.check("xcb"), reason="this Pillow was built without XCB: it cannot grab an X screen"),
]


@pytest.fixture
def display():
    """A private X server on a free display number (Xvfb picks it and reports it through -displayfd)."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen([XVFB, "-displayfd", str(write_end), "-screen", "0", "1280x900x24", "-nolisten", "tcp",
                               "-noreset"], pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    os.close(write_end)
    number = b""
    deadline = time.monotonic() + 20
    while not number.endswith(b"\n") and time.monotonic() < deadline:
        ready, _, _ = select.select([read_end], [], [], 0.5)
        if ready:
            chunk = os.read(read_end, 16)
            if not chunk:
                break
            number += chunk
    os.close(read_end)
    if not number.strip():
        server.kill()
        pytest.fail(f"Xvfb did not start: {server.communicate(timeout=5)[1].decode(errors='replace')[-500:]}")
    try:
        yield f":{number.decode().strip()}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def xdotool(display: str, *args: str) -> str:
    result = subprocess.run([XDOTOOL, *args], env={**os.environ, "DISPLAY": display}, capture_output=True, text=True,
                            timeout=20)
    return result.stdout.strip() if result.returncode == 0 else ""


def wait_for(what: str, probe, timeout: float = 30.0, app: subprocess.Popen | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = probe()
        if value:
            return value
        if app is not None and app.poll() is not None:
            pytest.fail(f"the app exited ({app.returncode}) while waiting for {what}: {app.stderr.read()[-2000:]}")
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


def grab(display: str, box: tuple[int, int, int, int]) -> Image.Image:
    from PIL import ImageGrab

    return ImageGrab.grab(xdisplay=display).convert("RGB").crop(box)


def difference(a: Image.Image, b: Image.Image) -> float:
    """Mean absolute difference per channel, 0…255."""
    return sum(ImageStat.Stat(ImageChops.difference(a, b)).mean) / 3


def reference(out: Path, locale: str, width: int, height: int) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WSA_DATA_DIR": str(out / "data")}
    result = subprocess.run([sys.executable, "-m", "tests.desktop.render_reference", str(out), locale, str(width),
                             str(height)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads((out / "geometry.json").read_text(encoding="utf-8"))


def test_real_window_on_x11_driven_by_keyboard(display, tmp_path, catalog):
    title = catalog.text("en", "ui.app.title")
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "QT_QPA_PLATFORM")}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", WSA_DATA_DIR=str(data))
    app = subprocess.Popen([sys.executable, "main.py", "--locale", "en"], cwd=ROOT, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        window = wait_for("the window", lambda: xdotool(display, "search", "--onlyvisible", "--name", f"^{title}$"),
                          app=app).split()[0]
        assert xdotool(display, "getwindowname", window) == title

        shell = dict(line.split("=", 1) for line in xdotool(display, "getwindowgeometry", "--shell", window).split())
        x, y, width, height = (int(shell[k]) for k in ("X", "Y", "WIDTH", "HEIGHT"))
        box = (x, y, x + width, y + height)
        ref = reference(tmp_path / "reference", "en", width, height)
        assert ref["title"] == title
        sx, sy, sw, sh = ref["safety"]
        safety_box = (sx, sy, sx + sw, sy + sh)
        ref_home = Image.open(tmp_path / "reference" / "home.png").convert("RGB")
        ref_flow = Image.open(tmp_path / "reference" / "flow.png").convert("RGB")
        assert ref_home.size == (width, height)

        # Drawn: wait until the X server holds the window's pixels, then compare with the offscreen rendering.
        home = wait_for("the window to be drawn", lambda: (shot := grab(display, box))
                        and difference(shot, ref_home) < 6 and shot)
        home.save(tmp_path / "home-xcb.png")
        assert len(home.getcolors(maxcolors=1 << 16) or range(1 << 16)) > 50, "the window looks blank"
        assert difference(home.crop(safety_box), ref_home.crop(safety_box)) < 1, "the safety line is not on screen"
        assert len(home.crop(safety_box).getcolors(maxcolors=1 << 16) or ()) > 10, "the safety line has no text"

        # Keyboard: focus is on the first problem (home puts it there); Space opens its first step.
        xdotool(display, "windowfocus", "--sync", window)
        xdotool(display, "key", "--clearmodifiers", "space")
        flow = wait_for("the flow page to be drawn", lambda: (shot := grab(display, box))
                        and difference(shot, ref_flow) < 6 and shot, app=app)
        flow.save(tmp_path / "flow-xcb.png")
        assert difference(flow, home) > 3, "the keyboard did not change the page"
        assert difference(flow.crop(safety_box), ref_flow.crop(safety_box)) < 1, "the safety line left the screen"

        # And the step itself takes keyboard answers. The first step is a safety question: no answer is focused
        # for the person, so Tab reaches the first one and Space answers it (autosave records it).
        xdotool(display, "key", "--clearmodifiers", "Tab")
        xdotool(display, "key", "--clearmodifiers", "space")
        saved = data / "autosave" / "session.json"
        wait_for("the answer to be saved", saved.is_file, app=app)
        state = json.loads(saved.read_text(encoding="utf-8"))
        flow_id = next(iter(catalog.flows))
        assert state["flow"] == flow_id and state["answers"][0][0] == catalog.flows[flow_id].start
        assert app.poll() is None, app.stderr.read()
    finally:
        app.terminate()
        try:
            app.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            app.kill()
            app.communicate()
