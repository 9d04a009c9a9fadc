"""A fresh virtual environment with only the built wheel and the pinned dependencies runs the app from any folder.

Slow (it installs PySide6 into a new venv), so marked `slow`; CI runs it all the same.
"""
from __future__ import annotations

import os
import subprocess
import venv
from pathlib import Path

import pytest

from tests.packaging.conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """bin/ of a new venv holding the wheel and its pinned dependencies, nothing else."""
    home = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=True).create(home)
    pip = [str(home / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "-c", str(ROOT / "constraints.txt"), str(wheel)], check=True, capture_output=True, text=True,
                   timeout=900)
    return home / "bin"


def run(installed: Path, args: list[str], folder: Path, **env: str) -> subprocess.CompletedProcess:
    """Run an installed command from `folder`, with a bare environment: no repo on any path, offscreen Qt."""
    environment = {"PATH": f"{installed}{os.pathsep}/usr/bin:/bin", "HOME": str(folder), "QT_QPA_PLATFORM": "offscreen",
                   "WSA_DATA_DIR": str(folder / "data"), **env}
    return subprocess.run(args, cwd=folder, env=environment, capture_output=True, text=True, timeout=120)


def test_installed_copy_reads_its_own_content_not_the_repo(installed, tmp_path):
    code = "from assistant.paths import content_dir; import assistant; print(content_dir()); print(assistant.__file__)"
    result = run(installed, [str(installed / "python"), "-c", code], tmp_path)
    assert result.returncode == 0, result.stderr
    content, package = (Path(line) for line in result.stdout.splitlines())
    assert content == Path(package).parent / "_content"
    assert ROOT not in content.parents and content.is_dir()


def test_check_exits_0_from_an_empty_folder(installed, tmp_path):
    result = run(installed, ["wallet-support", "check"], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 error(s)" in result.stdout + result.stderr


def test_draft_and_scan_work_installed(installed, tmp_path):
    draft = run(installed, ["wallet-support", "draft", "--flow", "pending_transaction", "--sample", "--locale", "en"], tmp_path)
    assert draft.returncode == 0, draft.stderr
    assert draft.stdout.startswith("To: ")
    phrase = tmp_path / "phrase.txt"
    phrase.write_text(" ".join(["abandon"] * 11 + ["about"]), encoding="utf-8")
    scan = run(installed, ["wallet-support", "scan", str(phrase)], tmp_path)
    assert scan.returncode == 1 and "mnemonic" in scan.stdout


def test_content_dir_override_still_wins(installed, tmp_path):
    broken = tmp_path / "translation"
    (broken / "flows").mkdir(parents=True)
    (broken / "locales.toml").write_text("source = [", encoding="utf-8")
    result = run(installed, ["wallet-support", "check"], tmp_path, WSA_CONTENT_DIR=str(broken))
    assert result.returncode == 1
    assert str(broken / "locales.toml") in result.stdout + result.stderr


def test_gui_entry_point_starts_and_quits_offscreen(installed, tmp_path):
    result = run(installed, ["wallet-support-gui"], tmp_path, WSA_QUIT_AFTER_MS="300")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "ui.ini").exists()  # the window was built and remembered its settings
