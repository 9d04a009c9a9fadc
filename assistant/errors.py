"""Exceptions shared by the core. Each carries enough context to tell a person what to do."""
from __future__ import annotations

from pathlib import Path


class AssistantError(Exception):
    """Base for every error the app raises on purpose."""


class ContentError(AssistantError):
    """A content file is broken; names the file, the position and what to do."""

    def __init__(self, path: Path | str, line: int, col: int, code: str, message: str) -> None:
        self.path = Path(path)
        self.line = line
        self.col = col
        self.code = code
        self.message = message
        super().__init__(f"{self.path}:{line}:{col}: error[{code}]: {message}")


class FlowError(AssistantError):
    """The engine was driven in a way the flow does not allow (wrong node kind, unknown choice, …)."""


class FieldErrors(FlowError):
    """A form submission had invalid values; `errors` maps field name to a FieldProblem."""

    def __init__(self, errors: dict) -> None:
        self.errors = errors
        names = ", ".join(sorted(errors))
        super().__init__(f"invalid value for: {names}")


class ExportBlocked(AssistantError):
    """An export was refused because the text holds a secret; `findings` says where."""

    def __init__(self, findings: list, message: str = "") -> None:
        self.findings = findings
        super().__init__(message or f"blocked: {len(findings)} secret(s) found")


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of `offset` in `text`."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1
