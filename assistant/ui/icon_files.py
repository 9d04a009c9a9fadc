"""The window's pictures shipped as package data (assistant/ui/icons, drawn by scripts/make_icons.py).

Installed copies and the one-folder bundle keep them as plain files beside this module, read without
importlib.resources (a millisecond of imports on every start); an archive install falls back to it.
"""
from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "icons"


def icon_file(name: str) -> Path | None:
    """The picture's file, when it is one on disk."""
    path = FOLDER / name
    return path if path.is_file() else None


def icon_bytes(name: str) -> bytes | None:
    """The picture's bytes, from the file or the archive; None when the package does not hold it."""
    path = icon_file(name)
    try:
        if path is not None:
            return path.read_bytes()
        from importlib import resources

        return (resources.files("assistant.ui") / "icons" / name).read_bytes()
    except (FileNotFoundError, NotADirectoryError, OSError):
        return None
