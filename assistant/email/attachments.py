"""Attachments for the support request: screenshots re-encoded without metadata, plain-text files, size limits.

Pure Python (Pillow for images, no Qt). An image is decoded and a brand-new image is built from its pixels, so
EXIF (GPS position, camera, time), XMP, ICC profiles and comments of the original never leave the machine.
Other binary files are refused: they may carry hidden data nobody can check here. Plain-text files are kept as
they are and their text is scanned for secrets like the rest of the email (see `assistant.secrets.guard`).
"""
from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from assistant.errors import AssistantError

MAX_EACH = 5 * 1024 * 1024  # bytes, after re-encoding
MAX_TOTAL = 15 * 1024 * 1024
MAX_INPUT = 40 * 1024 * 1024  # a bigger file is refused before it is even decoded
MAX_PIXELS = 40_000_000  # decompression-bomb guard (a 8K x 5K screenshot is 40 MP)
MAX_SIDE = 2560  # longest side when a picture has to be shrunk to fit MAX_EACH
MAX_NAME = 100
TEXT_SUFFIXES = frozenset({".txt", ".log", ".csv", ".json", ".md"})

# Every picture the user attaches should be checked by them against this list (research §b).


class AttachmentProblem(StrEnum):
    MISSING = "missing"
    UNREADABLE = "unreadable"
    UNSUPPORTED = "unsupported"
    TOO_BIG = "too_big"
    TOTAL_TOO_BIG = "total_too_big"
    BAD_IMAGE = "bad_image"


_MESSAGES = {
    AttachmentProblem.MISSING: "{name}: the file does not exist (any more).",
    AttachmentProblem.UNREADABLE: "{name}: the file cannot be read ({reason}).",
    AttachmentProblem.UNSUPPORTED: (
        "{name}: only pictures (PNG, JPEG, GIF, WebP, BMP, TIFF) and plain text files can be attached; other files "
        "may carry hidden data that cannot be checked here. Take a screenshot instead."
    ),
    AttachmentProblem.TOO_BIG: "{name}: {size} is over the limit of {limit} per file. Crop the picture or split the file.",
    AttachmentProblem.TOTAL_TOO_BIG: (
        "{name}: together the attachments would be {size}, over the limit of {limit} per email. Remove or crop "
        "some pictures."
    ),
    AttachmentProblem.BAD_IMAGE: "{name}: this picture cannot be decoded ({reason}). Save it again as PNG or JPEG.",
}


class AttachmentError(AssistantError):
    """An attachment was refused; `code` and `params` let the UI show the message in its own language."""

    def __init__(self, code: AttachmentProblem, **params) -> None:
        self.code = code
        self.params = params
        super().__init__(_MESSAGES[code].format(**params))


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str  # safe base name, no path, no control characters
    content_type: str  # "image/png", "text/plain", …
    data: bytes
    source: str = ""  # where it came from (shown to the user only; never exported)
    cleaned: bool = False  # True when metadata was stripped by re-encoding
    shrunk: bool = False  # True when the picture had to be made smaller to fit MAX_EACH

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")

    @property
    def is_text(self) -> bool:
        return self.content_type.startswith("text/")

    def text(self) -> str:
        """Decoded text of a text attachment (for the secret scan); "" for pictures."""
        return self.data.decode("utf-8", errors="replace") if self.is_text else ""


def human_size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n / (1024 * 1024):.1f} MB"


_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff/\\:*?"<>|]+')


def safe_filename(name: str, default: str = "attachment") -> str:
    """A base name that cannot inject a header, a path or a bidi trick: controls and separators become '_'."""
    base = re.split(r"[/\\]", name)[-1]
    base = unicodedata.normalize("NFC", base)
    base = _UNSAFE_NAME.sub("_", base)
    base = " ".join(base.split()).strip(" .")
    if not base:
        base = default
    if len(base) > MAX_NAME:
        stem, dot, ext = base.rpartition(".")
        ext = ext if dot and len(ext) <= 8 else ""
        base = (stem if dot else base)[: MAX_NAME - len(ext) - 1].rstrip(" .") + ("." + ext if ext else "")
    return base


def unique_names(names: Iterable[str]) -> list[str]:
    """'a.png', 'a.png' → 'a.png', 'a (2).png' (mail clients overwrite duplicates on save)."""
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        candidate, n = name, 1
        stem, dot, ext = name.rpartition(".")
        while candidate.lower() in seen:
            n += 1
            candidate = f"{stem} ({n}).{ext}" if dot and stem else f"{name} ({n})"
        seen.add(candidate.lower())
        out.append(candidate)
    return out


def _reencode(data: bytes, name: str) -> tuple[bytes, str, str, bool]:
    """Decode a picture and save its pixels as a fresh PNG or JPEG: (bytes, content type, new name, shrunk)."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as img:
            if img.width * img.height > MAX_PIXELS:
                raise AttachmentError(AttachmentProblem.BAD_IMAGE, name=name,
                                      reason=f"{img.width}×{img.height} pixels is too large")
            fmt = img.format or ""
            img.seek(0)  # animated GIF/WebP: the first frame only
            upright = ImageOps.exif_transpose(img)  # keep the orientation the EXIF asked for, then drop EXIF
            upright.load()
    except AttachmentError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError, SyntaxError) as exc:
        raise AttachmentError(AttachmentProblem.BAD_IMAGE, name=name, reason=type(exc).__name__) from None

    has_alpha = upright.mode in ("RGBA", "LA", "PA") or (upright.mode == "P" and "transparency" in upright.info)
    mode = "RGBA" if has_alpha else ("L" if upright.mode in ("1", "L", "I;16", "I", "F") else "RGB")
    converted = upright.convert(mode) if upright.mode != mode else upright
    # A new image from raw pixels has an empty .info: no exif, xmp, icc_profile, comment, dpi or text chunks.
    fresh = Image.frombytes(mode, converted.size, converted.tobytes())

    as_jpeg = fmt == "JPEG" and not has_alpha
    stem = name.rsplit(".", 1)[0] if "." in name else name

    def save(image, jpeg: bool) -> bytes:
        out = io.BytesIO()
        if jpeg:
            image.save(out, "JPEG", quality=90, optimize=True)
        else:
            image.save(out, "PNG", optimize=True)
        return out.getvalue()

    encoded = save(fresh, as_jpeg)
    shrunk = False
    if len(encoded) > MAX_EACH and not has_alpha and not as_jpeg:
        as_jpeg = True
        encoded = save(fresh, True)
    if len(encoded) > MAX_EACH and max(fresh.size) > MAX_SIDE:
        shrunk = True
        fresh.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
        encoded = save(fresh, as_jpeg)
    ext, ctype = (".jpg", "image/jpeg") if as_jpeg else (".png", "image/png")
    return encoded, ctype, safe_filename(stem + ext), shrunk


_IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff"})
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"II*\x00", b"MM\x00*")


def _looks_like_image(data: bytes, suffix: str) -> bool:
    return suffix in _IMAGE_SUFFIXES or data.startswith(_IMAGE_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")


def from_bytes(data: bytes, name: str, source: str = "") -> Attachment:
    """Turn raw file content into a safe attachment: pictures re-encoded, UTF-8 text kept, anything else refused."""
    shown = safe_filename(name)
    suffix = Path(shown).suffix.lower()
    if len(data) > MAX_INPUT:
        raise AttachmentError(AttachmentProblem.TOO_BIG, name=shown, size=human_size(len(data)), limit=human_size(MAX_EACH))
    if _looks_like_image(data, suffix):
        encoded, ctype, new_name, shrunk = _reencode(data, shown)
        if len(encoded) > MAX_EACH:
            raise AttachmentError(AttachmentProblem.TOO_BIG, name=shown, size=human_size(len(encoded)),
                                  limit=human_size(MAX_EACH))
        return Attachment(new_name, ctype, encoded, source, cleaned=True, shrunk=shrunk)
    if suffix in TEXT_SUFFIXES:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            raise AttachmentError(AttachmentProblem.UNSUPPORTED, name=shown) from None
        if len(data) > MAX_EACH:
            raise AttachmentError(AttachmentProblem.TOO_BIG, name=shown, size=human_size(len(data)), limit=human_size(MAX_EACH))
        return Attachment(shown, "text/plain", data, source)
    raise AttachmentError(AttachmentProblem.UNSUPPORTED, name=shown)


def load(path: Path | str) -> Attachment:
    """Read a file from disk and make it a safe attachment (raises AttachmentError with a clear message)."""
    path = Path(path)
    name = safe_filename(path.name)
    try:
        size = path.stat().st_size
        if size > MAX_INPUT:
            raise AttachmentError(AttachmentProblem.TOO_BIG, name=name, size=human_size(size), limit=human_size(MAX_EACH))
        data = path.read_bytes()
    except FileNotFoundError:
        raise AttachmentError(AttachmentProblem.MISSING, name=name) from None
    except OSError as exc:
        raise AttachmentError(AttachmentProblem.UNREADABLE, name=name, reason=exc.strerror or type(exc).__name__) from None
    return from_bytes(data, path.name, str(path))


def check_total(existing: Sequence[Attachment], new: Attachment) -> None:
    """Raise TOTAL_TOO_BIG when adding `new` would take the email over MAX_TOTAL."""
    total = sum(a.size for a in existing) + new.size
    if total > MAX_TOTAL:
        raise AttachmentError(AttachmentProblem.TOTAL_TOO_BIG, name=new.filename, size=human_size(total),
                              limit=human_size(MAX_TOTAL))


def with_unique_names(attachments: Sequence[Attachment]) -> tuple[Attachment, ...]:
    from dataclasses import replace

    names = unique_names(a.filename for a in attachments)
    return tuple(a if a.filename == n else replace(a, filename=n) for a, n in zip(attachments, names, strict=False))
