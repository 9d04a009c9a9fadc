"""The whole review, driven without Qt: run in a fresh interpreter so that nothing else has loaded PySide6
(the test runner's Qt plugin has, in this one)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_a_whole_review_runs_without_qt(tmp_path):
    result = subprocess.run([sys.executable, "-m", "tests.core.app.review_story", str(tmp_path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300,
                            env={**os.environ, "WSA_DATA_DIR": str(tmp_path / "userdata"), "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"Qt modules loaded: {result.stdout.strip()}"
    assert (tmp_path / "draft.eml").exists()
