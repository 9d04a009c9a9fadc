"""First run on a stock desktop: a missing library of Qt's platform plugin gives the install command in the
person's language and exit code 3, never Qt's abort."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.ui import platform_check
from assistant.ui.platform_check import EXIT_CODE, Problem, candidate_platforms, debian_package, find_problem

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("soname", "package"), [
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libEGL.so.1", "libegl1"),
    ("libdbus-1.so.3", "libdbus-1-3"),
    ("libfontconfig.so.1.12.0", "libfontconfig1"),
    ("libglib-2.0.so.0", "libglib2.0-0"),
])
def test_debian_package_of_a_library(soname, package):
    assert debian_package(soname) == package


def test_install_command_lists_each_package_once():
    problem = Problem("missing_libraries", "xcb", ("libxcb-cursor.so.0", "libglib-2.0.so.0", "libgthread-2.0.so.0"))
    assert problem.command() == "sudo apt-get install libxcb-cursor0 libglib2.0-0"


@pytest.mark.parametrize(("env", "platforms"), [
    ({}, ("xcb",)),
    ({"QT_QPA_PLATFORM": "offscreen"}, ("offscreen",)),
    ({"QT_QPA_PLATFORM": "xcb:nograb;wayland"}, ("xcb", "wayland")),
    ({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, ("wayland", "xcb")),
    ({"XDG_SESSION_TYPE": "wayland"}, ("xcb",)),
])
def test_candidate_platforms(env, platforms):
    assert candidate_platforms(env) == platforms


def test_a_working_plugin_passes_and_no_display_is_explained():
    assert find_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    if platform_check.plugin_file("xcb", {}) is None or platform_check.missing_libraries(
            platform_check.plugin_file("xcb", {})):
        pytest.skip("the xcb plugin cannot load here (scripts/install-system-deps.sh installs its libraries)")
    assert find_problem({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}) is None
    assert find_problem({"QT_QPA_PLATFORM": "xcb"}) == Problem("no_display", "xcb")


def test_an_unknown_plugin_layout_is_left_to_qt(tmp_path):
    assert find_problem({"QT_QPA_PLATFORM": "doesnotexist"}) is None
    assert find_problem({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0", "QT_QPA_PLATFORM_PLUGIN_PATH": str(tmp_path),
                         "QT_PLUGIN_PATH": str(tmp_path)}) in (None, Problem("no_display", "xcb"))


def test_a_later_platform_that_loads_is_enough(tmp_path):
    """In a Wayland session Qt falls back to xcb: a broken wayland plugin alone must not stop the start."""
    plugins = broken_xcb_plugin(tmp_path)
    broken = {"QT_QPA_PLATFORM_PLUGIN_PATH": str(plugins), "DISPLAY": ":0"}
    assert find_problem({**broken, "QT_QPA_PLATFORM": "xcb;offscreen"}) is None
    problem = find_problem({**broken, "QT_QPA_PLATFORM": "xcb"})
    assert problem is not None and problem.libraries == ("libxcb-iccxm.so.4",)


def test_the_check_imports_no_qt():
    code = ("import sys; import assistant.ui.platform_check as c; c.find_problem({'QT_QPA_PLATFORM': 'offscreen'}); "
            "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))])")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr


def broken_xcb_plugin(tmp_path: Path) -> Path:
    """A copy of the real xcb plugin whose dependency libxcb-icccm.so.4 is renamed to a library no system has,
    next to the real Qt libraries: exactly what a machine without that package looks like to the loader."""
    real = platform_check.plugin_file("xcb", {})
    if real is None or shutil.which("ldd") is None:
        pytest.skip("no PySide6 xcb plugin or no ldd on this machine")
    data = real.read_bytes()
    needle = b"libxcb-icccm.so.4\0"
    if needle not in data:
        pytest.skip("this Qt's xcb plugin does not link libxcb-icccm directly")
    qt = tmp_path / "Qt"
    (qt / "plugins" / "platforms").mkdir(parents=True)
    (qt / "lib").symlink_to(real.parents[2] / "lib")  # the plugin finds Qt through $ORIGIN/../../lib
    plugin = qt / "plugins" / "platforms" / "libqxcb.so"
    plugin.write_bytes(data.replace(needle, b"libxcb-iccxm.so.4\0"))
    return plugin.parent


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "words"), [
    ("zh_CN.UTF-8", "无法打开窗口"),
    ("en_US.UTF-8", "The window cannot open"),
    ("zh_TW.UTF-8", "無法開啟視窗"),
])
def test_missing_library_prints_the_command_not_qts_abort(tmp_path, lang, words):
    plugins = broken_xcb_plugin(tmp_path)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path), "LANG": lang,
           "WSA_DATA_DIR": str(tmp_path / "data"), "QT_QPA_PLATFORM": "xcb", "DISPLAY": ":99",
           "QT_QPA_PLATFORM_PLUGIN_PATH": str(plugins)}
    result = subprocess.run([sys.executable, "main.py"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == EXIT_CODE, result.stderr
    assert words in result.stderr
    assert "libxcb-iccxm.so.4" in result.stderr
    assert "sudo apt-get install libxcb-iccxm4" in result.stderr
    assert "qt.qpa.plugin" not in result.stderr and "could not" not in result.stderr.lower()


def test_without_the_check_qt_would_abort(tmp_path):
    """The failure the check prevents is real: Qt itself, given the same broken plugin, aborts the process."""
    plugins = broken_xcb_plugin(tmp_path)
    code = "from PySide6.QtWidgets import QApplication; QApplication([])"
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path), "QT_QPA_PLATFORM": "xcb",
           "DISPLAY": ":99", "QT_QPA_PLATFORM_PLUGIN_PATH": str(plugins)}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "xcb" in result.stderr
