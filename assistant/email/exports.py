"""Ways a reviewed support request leaves the app: .eml draft, mailto link, clipboard text, .txt, print/PDF text.

Qt-free: printing/PDF and the clipboard itself live in the review page; this module prepares and guards the
text they get. Every path goes through `assistant.secrets.guard.guard` first, so a secret is never written or handed
over, and every file is written atomically, so a failed export leaves neither a half file nor a changed draft.
Every path also takes the recipients only from `assistant.secrets.addresses.parse_to`, so what leaves is exactly
the To line the user confirmed (plain addresses; encoded words, line breaks and look-alike names are refused),
and a written .eml is read back and removed unless it holds exactly those recipients. Files are owner-only
(0600) unless the user chose otherwise (overwriting a file keeps that file's permissions).

What each exit keeps and loses (shown to the user before they choose; UI text in ui_review.toml):
- .eml: recipient, subject, body and attachments; opens as an unsent draft in Outlook, others may need
  "Edit as new".
- mailto: recipient, subject and body only; no attachments; long bodies are shortened (full text to clipboard).
- clipboard / .txt / print / PDF: the text only; attachments stay behind (their names are listed).
"""
from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import quote

from assistant.email.attachments import Attachment, safe_filename
from assistant.email.headers import check_line_lengths, to_addresses, verify_recipients
from assistant.errors import AssistantError
from assistant.secrets.addresses import Recipient, format_to, parse_to
from assistant.secrets.guard import Exit, Part, guard
from assistant.storage.atomic import write_bytes_atomic

MAILTO_LIMIT = 2000  # characters of the whole URL, recipients included; browsers and mail apps cut longer ones
PRIVATE = 0o600  # exported drafts hold personal data: owner-only unless the user chose otherwise
MAILTO_NOTE = ("[The full text is on the clipboard: select all of this text and paste it (Ctrl+V / Cmd+V) to replace "
               "it.]")


class ExportFailed(AssistantError):
    """Writing an export failed (permission, missing folder, full disk…); the draft itself is untouched."""

    def __init__(self, path: Path, reason: str, errno_: int | None = None) -> None:
        self.path = Path(path)
        self.reason = reason
        self.errno = errno_
        super().__init__(f"Could not save {self.path}: {reason}. Nothing was changed in your draft; "
                         f"choose another folder and try again.")


_REASONS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOENT: "the folder does not exist (any more)",
    errno.ENOTDIR: "the folder does not exist (any more)",
    errno.ENOSPC: "the disk is full",
    errno.EROFS: "the disk is read-only",
    errno.EISDIR: "a folder with that name exists",
    errno.ENAMETOOLONG: "the file name is too long",
}
if hasattr(errno, "EDQUOT"):  # not on Windows
    _REASONS[errno.EDQUOT] = "the disk quota is used up"


class MailtoTooLong(AssistantError):
    """Even without subject and body, the recipients make the mailto: link longer than mail apps accept."""

    def __init__(self, length: int, limit: int) -> None:
        super().__init__(f"With these recipients the mail-app link is {length} characters long before any text (at most {limit}). "
                         "Save the draft as .eml or copy it instead, or use fewer recipients.")


def file_mode(path: Path, mode: int | None = None) -> int:
    """`mode` when given; else the permissions of the file being replaced (the user's choice); else PRIVATE."""
    if mode is not None:
        return mode
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return PRIVATE


def write_file(path: Path, data: bytes, mode: int | None = None) -> Path:
    """Atomic write, owner-only by default (see file_mode); any OSError becomes ExportFailed with a plain reason."""
    path = Path(path)
    try:
        write_bytes_atomic(path, data, mode=file_mode(path, mode))
    except OSError as exc:
        reason = _REASONS.get(exc.errno or 0, exc.strerror or type(exc).__name__)
        raise ExportFailed(path, reason, exc.errno) from exc
    return path


# ---- the outgoing message --------------------------------------------------------------------------------------
_HEADER_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_BODY_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_BODY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
# Explicit direction controls: they reorder what a reader sees ("\u202egpj.exe" reads "exe.jpg"), so every exit
# shows them as text instead of obeying them.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def reveal_bidi(text: str) -> str:
    """`text` with every direction control written as [U+XXXX], so it shows exactly what was typed, in order."""
    return BIDI_CONTROLS.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def clean_header(text: str) -> str:
    """One line: CR, LF and other controls become spaces (no header injection), runs of spaces collapse."""
    return " ".join(_HEADER_BREAKS.sub(" ", _SURROGATES.sub("\ufffd", text)).split())


def clean_body(text: str) -> str:
    """Plain-text body with LF line ends only, no control characters, ending in one newline."""
    text = _SURROGATES.sub("\ufffd", text)
    text = _BODY_CONTROLS.sub("", _BODY_BREAKS.sub("\n", text))
    text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))  # trailing blanks are mangled in transit
    return text.strip("\n") + "\n"


@dataclass(frozen=True, slots=True)
class Message:
    """What the user reviewed: exactly what leaves the app. `accepted` holds values confirmed as public
    (transaction hashes from the tx-hash field) that the firewall would otherwise ask about."""

    to: str
    subject: str
    body: str
    attachments: tuple[Attachment, ...] = ()
    accepted: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    trusted: tuple[str, ...] = field(default=(), repr=False)  # text the app wrote itself (see firewall.scan_parts)
    entries: tuple[str, ...] = field(default=(), repr=False)  # the user's field values, in path order

    @classmethod
    def from_draft(cls, draft, attachments: Sequence[Attachment] = (), accepted: Sequence[str] = ()) -> Message:
        return cls(draft.to, draft.subject, draft.body, tuple(attachments),
                   tuple(draft.public_values) + tuple(accepted), tuple(draft.languages),
                   tuple(getattr(draft, "trusted_texts", ())), entries_of(draft)).cleaned()

    @property
    def inputs(self) -> tuple[str, ...]:
        """The user's own inputs joined in order for the firewall: field values still in the body (the
        description among them), To, Subject, attached text."""
        texts = tuple(a.text() for a in self.attachments if a.is_text)
        return (*(v for v in self.entries if v and v in self.body), self.to, self.subject, *texts)

    def cleaned(self) -> Message:
        """Subject, body and file names made safe to write. `to` stays exactly as typed: it is never repaired,
        only accepted or refused by `recipients()` (a repaired recipient would be one the user never saw)."""
        names = [safe_filename(a.filename) for a in self.attachments]
        files = tuple(a if a.filename == n else replace(a, filename=n) for a, n in zip(self.attachments, names, strict=False))
        return replace(self, subject=clean_header(self.subject), body=clean_body(self.body), attachments=files)

    def revealed(self) -> Message:
        """Subject and body with direction controls made visible (after the firewall: it reads the raw text)."""
        return replace(self, subject=reveal_bidi(self.subject), body=reveal_bidi(self.body))

    def recipients(self) -> tuple[Recipient, ...]:
        """The confirmed recipients; RecipientRejected (saying what is wrong) unless `to` is plain addresses."""
        return parse_to(self.to)

    def parts(self) -> list[Part]:
        parts = [Part("to", self.to), Part("subject", self.subject), Part("body", self.body)]
        for a in self.attachments:
            parts.append(Part("attachment_name", a.filename, a.filename))
            if a.is_text:
                parts.append(Part("attachment_text", a.text(), a.filename))
        return parts


def entries_of(draft) -> tuple[str, ...]:
    """The values a person typed into the forms, in path order (as the email shows them)."""
    return tuple(d.value for d in getattr(draft, "details", ()) if d.included and d.kind != "select")


def as_message(item) -> Message:
    """A Message as it is, or a Draft taken as it was built (no attachments, its tx hashes accepted)."""
    return item if isinstance(item, Message) else Message.from_draft(item)


def checked(message: Message, exit_name: Exit) -> Message:
    """The cleaned message, after the secret firewall let it pass (raises ExportBlocked otherwise), with its
    direction controls made visible."""
    clean = as_message(message).cleaned()
    guard(clean.parts(), exit_name, accepted=clean.accepted, trusted=clean.trusted, inputs=clean.inputs)
    return clean.revealed()


# ---- .eml ------------------------------------------------------------------------------------------------------
_EW_FIRST, _EW_NEXT = 42, 45  # UTF-8 bytes per base64 encoded-word: first line after "Subject: ", then " " + word


def encoded_words(text: str) -> str:
    """RFC 2047 form of an unstructured header value, folded to lines of at most 78 characters.

    The whole value is base64 encoded-words that never split a character, and every space stays inside a word:
    decoders drop the folding whitespace between adjacent encoded words, so the text comes back exactly.
    (The stdlib folder can lose a space between two encoded words when it folds, hence this.)"""
    import base64

    words: list[str] = []
    chunk = b""
    limit = _EW_FIRST
    for ch in text:
        data = ch.encode("utf-8")
        if chunk and len(chunk) + len(data) > limit:
            words.append(chunk.decode("utf-8"))
            chunk, limit = b"", _EW_NEXT
        chunk += data
    if chunk:
        words.append(chunk.decode("utf-8"))
    return "\n ".join(f"=?utf-8?b?{base64.b64encode(w.encode('utf-8')).decode('ascii')}?=" for w in words)


def _needs_encoding(text: str) -> bool:
    return not text.isascii() or "=?" in text or len(text) > 70


def eml_bytes(message: Message, *, now: datetime | None = None) -> bytes:
    """RFC 5322 draft: UTF-8 headers (RFC 2047), X-Unsent: 1, a Date, text/plain body, attachments as MIME parts.
    No From/Message-ID: the mail client fills those in when the user sends it. Raises RecipientRejected,
    RecipientMismatch or LineTooLong rather than produce a draft whose recipients differ from the confirmed ones."""
    m = checked(message, Exit.EML)
    recipients = m.recipients()
    msg = EmailMessage(policy=policy.SMTP)
    if recipients:
        msg["To"] = to_addresses(recipients)
    if _needs_encoding(m.subject):
        msg.set_raw("Subject", encoded_words(m.subject))  # pre-folded; the generator keeps it as it is
    else:
        msg["Subject"] = m.subject
    msg["Date"] = format_datetime(now or datetime.now().astimezone())
    msg["X-Unsent"] = "1"
    # 8bit keeps the draft readable in a text editor; a line over RFC 5322's 998 octets needs base64/QP instead.
    longest = max(len(line.encode("utf-8")) for line in m.body.split("\n"))
    msg.set_content(m.body, subtype="plain", charset="utf-8", cte="8bit" if longest <= 990 else None)
    for a in m.attachments:
        maintype, _slash, subtype = a.content_type.partition("/")
        # bytes as they are (base64), so a text file comes back byte for byte, line ends included
        params = {"charset": "utf-8"} if maintype == "text" else None
        msg.add_attachment(a.data, maintype=maintype, subtype=subtype or "octet-stream", filename=a.filename,
                           params=params)
    if m.languages:  # last: set_content()/add_attachment() move or drop Content-* headers set earlier
        msg["Content-Language"] = ", ".join(m.languages)
    data = msg.as_bytes()
    check_line_lengths(data)
    verify_recipients(data, recipients)
    return data


def save_eml(message: Message, path: Path, mode: int | None = None) -> Path:
    """Write the .eml draft atomically (`message` may also be a Draft), then read the file back: it is removed
    again (RecipientMismatch) unless its recipients are exactly the confirmed ones."""
    m = as_message(message)
    path = write_file(path, eml_bytes(m), mode)
    try:
        verify_recipients(path.read_bytes(), m.cleaned().recipients())
    except (AssistantError, OSError):
        path.unlink(missing_ok=True)
        raise
    return path


# ---- plain text: clipboard, .txt, print/PDF --------------------------------------------------------------------
def _as_text(m: Message) -> str:
    return f"To: {format_to(m.recipients())}\nSubject: {m.subject}\n\n{m.body}"


def text_for(message: Message, exit_name: Exit) -> str:
    """The text handed to the clipboard, a printer or a PDF writer, after the firewall let it pass."""
    return _as_text(checked(message, exit_name))


def clipboard_text(message: Message) -> str:
    return text_for(message, Exit.CLIPBOARD)


def save_txt(message: Message, path: Path, mode: int | None = None) -> Path:
    return write_file(path, text_for(message, Exit.TXT).encode("utf-8"), mode)


SAVERS = {".eml": save_eml, ".txt": save_txt}


def save(message: Message, path: Path) -> Path:
    """Save by the file's suffix (.eml or .txt)."""
    saver = SAVERS.get(Path(path).suffix.lower())
    if saver is None:
        raise ValueError(f"{path}: choose a name ending in .eml or .txt")
    return saver(message, path)


# ---- mailto ----------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class MailtoLink:
    url: str
    shortened: bool  # True: the URL holds a shortened body; put `full_body` on the clipboard and say so
    full_body: str


def _mailto_url(to: Sequence[Recipient], subject: str, body: str) -> str:
    # RFC 6068: addr-spec in the path (IDNA domains), hfields percent-encoded as UTF-8, line breaks as %0D%0A.
    recipients = ",".join(quote(r.ascii_address, safe="@") for r in to)
    query = "&".join(f"{name}={quote(value, safe='')}" for name, value in
                     (("subject", subject), ("body", body.replace("\n", "\r\n"))) if value)
    return f"mailto:{recipients}?{query}" if query else f"mailto:{recipients}"


def mailto(message: Message, *, limit: int = MAILTO_LIMIT, note: str = MAILTO_NOTE) -> MailtoLink:
    """A mailto: URL of at most `limit` characters. When the body does not fit, the URL carries `note` and as
    many leading lines of the body as fit, and `full_body` is what the caller puts on the clipboard."""
    m = checked(message, Exit.MAILTO)
    to = m.recipients()
    url = _mailto_url(to, m.subject, m.body)
    if len(url) <= limit:
        return MailtoLink(url, False, m.body)
    bare = _mailto_url(to, "", note)
    if len(bare) > limit:  # the recipients count too: with them, not even the note fits
        raise MailtoTooLong(len(_mailto_url(to, "", "")), limit)
    lines = m.body.split("\n")
    best = _mailto_url(to, m.subject, note)
    lo, hi = 0, len(lines)
    while lo < hi:  # the most leading lines that still fit
        mid = (lo + hi + 1) // 2
        candidate = _mailto_url(to, m.subject, note + "\n\n" + "\n".join(lines[:mid]) + "\n[…]")
        if len(candidate) <= limit:
            lo, best = mid, candidate
        else:
            hi = mid - 1
    if len(best) > limit:  # even the note does not fit next to this subject: shorten the subject too
        subject = m.subject
        while subject and len(_mailto_url(to, subject + "…", note)) > limit:
            subject = subject[: max(0, len(subject) - max(1, len(subject) // 8))]
        best = _mailto_url(to, subject + "…" if subject else "", note)
    return MailtoLink(best, True, m.body)
