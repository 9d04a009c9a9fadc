"""Typed form fields and their validators. Pure Python; every problem says what a valid value looks like."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class FieldProblem:
    code: str  # stable id, also the key of the localised message: field_error.<code>
    message: str  # English fallback text
    params: dict = field(default_factory=dict)


FIELD_KINDS = frozenset({"text", "multiline", "select", "address", "tx_hash", "amount", "datetime", "email"})


def validate(kind: str, value: str, chain: str | None = None) -> tuple[str, FieldProblem | None]:
    """Return the normalised value and a problem (None when valid). `value` is never empty here."""
    return value, None


def validate_values(
    fields: Iterable, values: Mapping[str, str], chains: Mapping[str, str | None]
) -> tuple[dict[str, str], dict[str, FieldProblem]]:
    clean: dict[str, str] = {}
    errors: dict[str, FieldProblem] = {}
    for f in fields:
        raw = values.get(f.name, "")
        if not isinstance(raw, str):
            errors[f.name] = FieldProblem("not_text", "Enter text.")
            continue
        raw = raw.strip()
        if not raw:
            if f.required:
                errors[f.name] = FieldProblem("required", "This field is required.")
            continue
        if f.kind == "select" and raw not in f.options:
            errors[f.name] = FieldProblem(
                "select_unknown", f"Choose one of: {', '.join(f.options)}.", {"options": ", ".join(f.options)}
            )
            continue
        value, problem = validate(f.kind, raw, chains.get(f.name))
        if problem:
            errors[f.name] = problem
        else:
            clean[f.name] = value
    return clean, errors
