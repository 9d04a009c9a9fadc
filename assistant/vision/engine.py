"""Text recognition on a picture, offline, with the models that ship inside the `rapidocr-onnxruntime` wheel.

The engine is optional (the `ocr` extra): without it, or when a picture cannot be read, `recognise` says so in its
result instead of raising, and the callers treat the picture as unchecked (it leaves only after the person
confirms it shows no recovery phrase). The engine is loaded once per process (about a second) and shared; one
lock keeps two threads from running the model at the same time.
"""
from __future__ import annotations

import io
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

MAX_SIDE = 2400  # pixels: a longer side is scaled down first (phone screenshots are ~1080x2400)


class ReadStatus(StrEnum):
    READ = "read"
    UNAVAILABLE = "unavailable"  # the OCR packages are not installed (e.g. the one-folder bundle)
    FAILED = "failed"  # installed, but this picture could not be decoded or recognised


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    box: tuple[float, float, float, float]  # left, top, right, bottom in pixels of the picture as read
    confidence: float

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]

    @property
    def middle(self) -> float:
        return (self.box[1] + self.box[3]) / 2


@dataclass(frozen=True, slots=True)
class Reading:
    status: ReadStatus
    lines: tuple[Line, ...] = ()
    reason: str = field(default="", repr=False)  # technical detail for a log; may name an exception

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


Recogniser = Callable[[bytes], Reading]

_lock = threading.Lock()
_engine: object | None = None


def available() -> bool:
    """True when the OCR packages are installed (nothing is loaded)."""
    from importlib.util import find_spec

    return all(find_spec(name) is not None for name in ("rapidocr_onnxruntime", "onnxruntime", "cv2"))


def _load():
    global _engine
    if _engine is None:
        from rapidocr_onnxruntime import RapidOCR

        _engine = RapidOCR()
    return _engine


def _pixels(data: bytes):
    """The picture as a BGR array (what the engine expects), upright, flattened on white, scaled to MAX_SIDE."""
    import numpy as np
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data)) as img:
        img.seek(0)
        picture = ImageOps.exif_transpose(img)
        if picture.mode in ("RGBA", "LA", "PA", "P"):
            rgba = picture.convert("RGBA")
            flat = Image.new("RGB", rgba.size, (255, 255, 255))
            flat.paste(rgba, mask=rgba.getchannel("A"))
            picture = flat
        picture = picture.convert("RGB")
        if max(picture.size) > MAX_SIDE:
            picture.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
        return np.ascontiguousarray(np.asarray(picture)[:, :, ::-1])


def recognise(data: bytes) -> Reading:
    """The text lines on a picture (PNG, JPEG, …) in reading order, or why it could not be read."""
    if not available():
        return Reading(ReadStatus.UNAVAILABLE, reason="the ocr extra is not installed")
    try:
        pixels = _pixels(data)
    except Exception as exc:  # any decoder error means one thing here: this picture was not checked
        return Reading(ReadStatus.FAILED, reason=f"decode: {type(exc).__name__}")
    try:
        with _lock:
            result, _elapsed = _load()(pixels)
    except Exception as exc:
        return Reading(ReadStatus.FAILED, reason=f"recognise: {type(exc).__name__}")
    lines = []
    for box, text, score in result or ():
        xs, ys = [float(p[0]) for p in box], [float(p[1]) for p in box]
        lines.append(Line(str(text), (min(xs), min(ys), max(xs), max(ys)), float(score)))
    return Reading(ReadStatus.READ, tuple(line for row in rows(lines) for line in row))


def rows(lines: list[Line] | tuple[Line, ...]) -> list[list[Line]]:
    """Lines grouped into visual rows (a label and its value side by side), top to bottom, each left to right."""
    out: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: ln.middle):
        row = out[-1] if out else None
        if row is not None and abs(line.middle - sum(r.middle for r in row) / len(row)) < max(line.height, row[0].height) / 2:
            row.append(line)
        else:
            out.append([line])
    return [sorted(row, key=lambda ln: ln.box[0]) for row in out]
