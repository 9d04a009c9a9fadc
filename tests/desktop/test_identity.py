"""The app's identity: icon (window, taskbar, bundle), names, version, desktop entry and AppStream file,
and `make install-desktop` putting a valid entry into the user's XDG folders."""
from __future__ import annotations

import configparser
import importlib.util
import os
import shlex
import shutil
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import pytest
from PIL import Image

from assistant import APP_ID, app_version

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_icon_ships_as_package_data_in_every_size():
    folder = resources.files("assistant.ui") / "icons"
    for size in SIZES:
        with resources.as_file(folder / f"{APP_ID}-{size}.png") as path:
            image = Image.open(path)
            assert image.size == (size, size) and image.mode == "RGBA"
            colors = image.convert("RGB").getcolors(maxcolors=1 << 20) or []
            assert len(colors) > (3 if size < 32 else 20), f"{size} px icon looks empty"


def test_bundle_icons_and_svg_are_what_the_script_draws():
    assert load_script("make_icons").main(["--check"]) == 0
    ico = Image.open(PACKAGING / "icons" / f"{APP_ID}.ico")
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    icns = Image.open(PACKAGING / "icons" / f"{APP_ID}.icns")
    assert (512, 512, 2) in icns.info["sizes"]
    svg = ET.parse(PACKAGING / "icons" / f"{APP_ID}.svg").getroot()
    assert svg.get("viewBox") == "0 0 512 512"


def test_desktop_files_are_generated_from_the_current_content():
    assert load_script("make_desktop_files").main(["--check"]) == 0


def test_desktop_entry_and_metainfo_speak_every_shipped_locale(catalog):
    entry = desktop_entry(DESKTOP)
    assert entry["Icon"] == APP_ID and entry["Exec"] == "wallet-support-gui" and entry["Type"] == "Application"
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name
    for code in catalog.locales:
        tag = code.replace("-", "_")
        suffix = "" if code == "en" else f"[{tag}]"
        assert entry[f"Name{suffix}"] == catalog.text(code, "ui.app.title")
        assert entry[f"Comment{suffix}"] == catalog.text(code, "ui.desktop.summary")
        assert entry[f"Keywords{suffix}"].rstrip(";").split(";") == list(catalog.words(code, "ui.desktop.keywords"))
        if code != "en":
            names = {e.get(XML_LANG): e.text for e in root.findall("name")}
            assert names[tag] == catalog.text(code, "ui.app.title")
            assert any(k.get(XML_LANG) == tag for k in root.iter("keyword"))


def test_newest_release_in_metainfo_is_the_package_version():
    newest = ET.parse(METAINFO).getroot().find("releases/release")
    assert newest.get("version") == app_version()


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-utils missing: scripts/install-system-deps.sh installs it (CI runs it)")
def test_desktop_entry_validates():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "error" not in result.stdout.lower(), result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstream missing: scripts/install-system-deps.sh installs it (CI runs it)")
def test_metainfo_validates():
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("make") is None, reason="make missing")
def test_make_install_desktop_puts_a_valid_entry_in_the_xdg_folders(tmp_path):
    data_home = tmp_path / "share"
    gui = Path(sys.executable).parent / "wallet-support-gui"  # the entry point of the environment running the tests
    make = ["make", "-s", "-o", ".venv/.installed", f"XDG_DATA_HOME={data_home}", f"GUI_BIN={gui}"]
    result = subprocess.run([*make, "install-desktop"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    installed = data_home / "applications" / DESKTOP.name
    entry = desktop_entry(installed)
    program = shlex.split(entry["Exec"])[0]
    assert Path(program) == gui and os.access(program, os.X_OK), entry["Exec"]
    assert entry["Icon"] == APP_ID
    for size in SIZES:
        assert (data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(installed)], capture_output=True, text=True, timeout=60)
        assert check.returncode == 0, check.stdout

    result = subprocess.run([*make, "uninstall-desktop"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert not installed.exists()
    assert not list((data_home / "icons").rglob(f"{APP_ID}.*"))


def test_version_option_prints_the_package_version():
    result = subprocess.run([sys.executable, "main.py", "--version"], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0
    assert result.stdout.strip() == f"Wallet Support Assistant {app_version()}"


def test_window_icon_names_and_about_box(tmp_path):
    """In a fresh process (application-wide settings must not leak into other tests)."""
    code = textwrap.dedent("""
        from PySide6.QtWidgets import QMessageBox
        from assistant.ui.app import build_app
        shown = []
        QMessageBox.exec = lambda box: shown.append(box.text()) or 0
        app, window = build_app(["t"], "en")
        window.show()
        icon = app.windowIcon()
        print("SIZES", sorted({s.width() for s in icon.availableSizes()}))
        print("WINDOW_ICON", not window.windowIcon().isNull())
        print("DESKTOP", app.desktopFileName())
        print("DISPLAY", app.applicationDisplayName())
        print("ORG", app.organizationName())
        window.set_language("zh-CN")
        print("DISPLAY_ZH", app.applicationDisplayName())
        window.about_action.trigger()
        print("ABOUT", shown[-1].splitlines()[0])
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WSA_DATA_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    out = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert out["SIZES"] == str(list(SIZES))
    assert out["WINDOW_ICON"] == "True"
    assert out["DESKTOP"] == APP_ID
    assert out["DISPLAY"] == "Wallet Support Assistant"
    assert out["ORG"] == "Wallet Support Assistant"
    assert out["DISPLAY_ZH"] == "钱包求助助手"
    assert out["ABOUT"] == f"钱包求助助手 {app_version()}"
