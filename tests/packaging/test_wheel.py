"""The built wheel is the whole app: every content file, the licence, the code and both entry points."""
from __future__ import annotations

import zipfile
from pathlib import Path

from tests.packaging.conftest import ROOT


def names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_wheel_carries_every_content_file_dot_files_too(wheel):
    shipped = {n.removeprefix("assistant/_content/") for n in names(wheel) if n.startswith("assistant/_content/")}
    on_disk = {p.relative_to(ROOT / "content").as_posix() for p in (ROOT / "content").rglob("*") if p.is_file()}
    assert on_disk, "content/ is empty"
    assert shipped == on_disk


def test_wheel_carries_the_licence(wheel):
    licences = [n for n in names(wheel) if n.endswith(".dist-info/licenses/LICENSE")]
    assert len(licences) == 1
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(licences[0]).decode()
    assert text == (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in text and "The Wallet Support Assistant contributors" in text


def test_wheel_carries_every_module(wheel):
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "assistant").rglob("*.py")}
    assert modules - names(wheel) == set()


def test_wheel_declares_both_entry_points(wheel):
    (entry_points,) = [n for n in names(wheel) if n.endswith(".dist-info/entry_points.txt")]
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(entry_points).decode()
    assert "wallet-support = assistant.cli:main" in text
    assert "wallet-support-gui = assistant.cli:gui_entry" in text


def test_wheel_holds_no_stray_files(wheel):
    stray = [n for n in names(wheel) if "__pycache__" in n or n.endswith(".pyc") or n.startswith(("tests/", "content/"))]
    assert stray == []


def test_wheel_carries_the_app_icon_and_the_home_page_problem_icons(wheel):
    icons = {n.removeprefix("assistant/ui/icons/") for n in names(wheel) if n.startswith("assistant/ui/icons/")}
    assert {f"problem-{flow}.{kind}" for flow in ("login_failure", "pending_transaction", "stuck_withdrawal", "lost_wallet")
            for kind in ("svg", "png")} <= icons
    assert any(n.endswith("-16.png") for n in icons)
