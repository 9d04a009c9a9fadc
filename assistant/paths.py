"""The only module that knows where content and user data live."""
from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "WalletSupportAssistant"
_PROJECT_ROOT = Path(__file__).resolve().parent.parent


def content_dir() -> Path:
    """Shipped content; WSA_CONTENT_DIR overrides it (translators' copies, tests).

    An installed wheel or a bundle carries content/ as the package data `assistant/_content`; a source checkout
    (including an editable install) reads content/ at the top of the repository, where translators edit it.
    """
    override = os.environ.get("WSA_CONTENT_DIR")
    if override:
        return Path(override)
    shipped = Path(__file__).resolve().parent / "_content"
    if shipped.is_dir():
        return shipped
    return _PROJECT_ROOT / "content"


def user_data_dir() -> Path:
    """Per-user writable folder (autosave, logs); WSA_DATA_DIR overrides it."""
    override = os.environ.get("WSA_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def log_dir() -> Path:
    return user_data_dir() / "logs"
