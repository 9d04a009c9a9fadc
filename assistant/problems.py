"""A content problem as `check` reports it: path:line:col: severity[CODE]: message."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    path: Path
    line: int
    col: int
    severity: Severity
    code: str
    message: str
    token: str | None = None  # the word, number or link the problem is about; `# check: ignore[CODE:token]` targets it

    def render(self, base: Path | None = None) -> str:
        shown = self.path
        if base is not None:
            try:
                shown = self.path.relative_to(base)
            except ValueError:
                pass
        return f"{shown}:{self.line}:{self.col}: {self.severity}[{self.code}]: {self.message}"

    def to_json(self, base: Path | None = None) -> dict:
        return {"path": self.render(base).split(":", 1)[0], "line": self.line, "col": self.col,
                "severity": str(self.severity), "code": self.code, "message": self.message}
