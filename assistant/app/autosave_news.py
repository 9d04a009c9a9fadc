"""What the person is told about their saved session, and the check made when the window opens.

Kept apart from the flow controller so the window can offer "continue where you left off" without loading
the flow machinery before anyone chose a problem.
"""
from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import NamedTuple

from assistant.storage.autosave import AutosaveStore, LoadStatus


class AutosaveNews(StrEnum):
    """What the person is told about their saved session (ui key `autosave.<value>`)."""

    SAVE_FAILED = "save_failed"
    EXPIRED = "expired"
    UNREADABLE = "unreadable"
    INCOMPATIBLE = "incompatible"
    DELETED = "deleted"
    OTHER_WINDOW = "other_window"  # the app is open twice: the first window keeps the progress


class News(NamedTuple):
    kind: AutosaveNews
    name: str = ""  # the file an unreadable save was moved to


def saved_session_waiting(store: AutosaveStore | None, tell: Callable[[News], None]) -> bool:
    """Whether a saved session can be resumed; a second window, an expired or an unreadable save is told."""
    if store is None:
        return False
    if not store.claim():
        tell(News(AutosaveNews.OTHER_WINDOW))
    loaded = store.load()
    if loaded.status is LoadStatus.EXPIRED:
        tell(News(AutosaveNews.EXPIRED))
    elif loaded.status is LoadStatus.CORRUPT:
        tell(News(AutosaveNews.UNREADABLE, loaded.moved_to.name if loaded.moved_to else ""))
    return loaded.status is LoadStatus.OK
