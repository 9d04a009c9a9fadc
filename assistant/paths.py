"""The only module that knows where content and user data live."""
from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "WalletSupportAssistant"
_PROJECT_ROOT = Path(__file__).resolve().parent.parent


def content_dir() -> Path:
    """Shipped content; WSA_CONTENT_DIR overrides it (translators' copies, tests)."""
    override = os.environ.get("WSA_CONTENT_DIR")
    return Path(override) if override else _PROJECT_ROOT / "content"


def user_data_dir() -> Path:
    """Per-user writable folder (autosave, logs); WSA_DATA_DIR overrides it."""
    override = os.environ.get("WSA_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def log_dir() -> Path:
    return user_data_dir() / "logs"
