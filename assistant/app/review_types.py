"""The small types the review model speaks in: why an export waits, what it hands over, what it asks the person."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from assistant.email import exports
from assistant.secrets.recipient import RecipientWarning


def splice(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


class Prompts(Protocol):
    """Questions only the person can answer."""

    def replace_edits(self) -> bool:
        """May the email be written again from the answers, replacing the person's own changes?"""
        ...

    def send_despite(self, warnings: Sequence[RecipientWarning]) -> bool:
        """Export although the recipient check warns about the To line?"""
        ...


class Blocker(StrEnum):
    """Why an export cannot go ahead yet."""

    SECRETS = "secrets"  # a secret, or an ambiguous value not yet confirmed as public, in the text or a file
    NO_RECIPIENT = "no_recipient"  # the To line is empty (and the person has not said to go on without one)
    UNSAFE_RECIPIENT = "unsafe_recipient"  # the recipient guard warns and the person has not accepted it
    REFUSED_RECIPIENT = "refused_recipient"  # the To line is not plain addresses: no answer can let it through
    CHECKLIST = "checklist"  # a picture goes into the .eml and the screenshot checklist is not ticked
    PICTURE_REFUSED = "picture_refused"  # a picture shows a recovery phrase or private key: remove it
    PICTURE_PENDING = "picture_pending"  # a picture is still being read
    PICTURE_UNCHECKED = "picture_unchecked"  # a picture could not be read and the person has not confirmed it


@dataclass(frozen=True, slots=True)
class Prepared:
    """The message ready for one exit, or the first reason it is not."""

    message: exports.Message | None
    blocker: Blocker | None = None


@dataclass(frozen=True, slots=True)
class Redaction:
    """A secret replaced by a placeholder: where it was, so a view can edit its widget in place."""

    part: str  # to / subject / body / attachment_name / attachment_text
    start: int
    end: int
    placeholder: str
