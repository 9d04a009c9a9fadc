import functools
import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# Offscreen by default so tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path_factory, monkeypatch):
    """Keep autosaves and logs of every test out of the real user folder."""
    monkeypatch.setenv("WSA_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """A writable copy of the shipped content for tests that break it on purpose."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@functools.cache
def shipped_catalog():
    """The shipped content, loaded once per test run."""
    from assistant.content.catalog import load_catalog

    return load_catalog(CONTENT)


@pytest.fixture(scope="session")
def catalog():
    return shipped_catalog()


# Property tests draw the same examples on every run, so a failure in CI can be replayed exactly.
settings.register_profile("seeded", derandomize=True, deadline=None)
settings.load_profile("seeded")
