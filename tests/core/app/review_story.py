"""A whole review of a support email, driven through the Qt-free models the way the review page drives them.

Run as `python -m tests.core.app.review_story FOLDER`: it walks a stuck USDT transfer on TRON to an escalation,
reviews the email (edit, leave out a detail and a file, a look-alike recipient, a recovery phrase), saves it,
resumes it as after a restart, and finally prints the Qt modules it loaded (none, or it fails).
"""
from __future__ import annotations

import io
import sys
from email import policy
from email.parser import BytesParser
from pathlib import Path

from PIL import Image

from assistant.app.review import Blocker, ReviewModel
from assistant.app.session import FlowController
from assistant.content.catalog import load_catalog
from assistant.email import exports
from assistant.errors import ExportBlocked
from assistant.flows.model import OutcomeKind
from assistant.secrets.guard import Exit
from assistant.secrets.recipient import RecipientIssue
from assistant.storage.autosave import AutosaveStore
from tests.core.app.cases import LOOKALIKE_RECIPIENT, TRON_PENDING, TRON_VALUES, recovery_phrase, walk

ROOT = Path(__file__).resolve().parents[3]
MY_WORDS = "\n补充：我在 2026-11-20 14:05 发起转账，手续费扣了 13.7 TRX，对方还没收到。\n"


class Person:
    """Answers the review's questions: yes to rewriting the email, no to the look-alike address."""

    def replace_edits(self) -> bool:
        return True

    def send_despite(self, warnings) -> bool:
        return False


def screenshot(folder: Path) -> Path:
    path = folder / "转账详情.png"
    buffer = io.BytesIO()
    Image.new("RGB", (72, 128), (240, 240, 240)).save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return path


def wallet_log(folder: Path) -> Path:
    path = folder / "钱包日志.txt"
    path.write_text("14:05:12 广播交易 05429c46…\n14:05:40 状态：打包中\n", encoding="utf-8")
    return path


def run(folder: Path) -> None:
    catalog = load_catalog(ROOT / "content")
    store = AutosaveStore(folder / "autosave")
    flow = FlowController(catalog, "zh-CN", store)
    flow.open_flow("pending_transaction")
    assert walk(flow, TRON_PENDING, TRON_VALUES).outcome is OutcomeKind.ESCALATE
    review = ReviewModel(catalog, flow.session, "zh-CN", Person())
    assert TRON_VALUES["token_contract"] in review.body

    # leave out a detail, attach a screenshot and a log, then leave the log out again
    assert review.set_detail_included("token_contract", False)
    assert TRON_VALUES["token_contract"] not in review.body
    assert review.add_files([str(screenshot(folder)), str(wallet_log(folder))]) == []
    assert review.set_file_included(1, False)
    assert "转账详情.png" in review.body and "钱包日志.txt" not in review.body

    # the person's own words
    review.set_body(review.body + MY_WORDS)
    assert review.edited

    # a look-alike recipient: warned, and the person declines to send to it
    review.set_to(LOOKALIKE_RECIPIENT)
    assert [w.code for w in review.shown_recipient_warnings()] == [RecipientIssue.LOOKALIKE]
    assert review.prepare(Exit.TXT).blocker is Blocker.UNSAFE_RECIPIENT

    # a recovery phrase pasted into the body stops every exit, whatever else is wrong
    phrase = recovery_phrase(seed=20261120)
    review.set_body(review.body + f"\n“客服”让我提供的助记词：{phrase}\n")
    assert [str(h.finding.kind) for h in review.hits] == ["mnemonic"]
    for exit_ in Exit:
        assert review.blockers(exit_)[0] is Blocker.SECRETS, exit_
        assert review.prepare(exit_).blocker is Blocker.SECRETS
    try:
        exports.save_eml(review.message(), folder / "draft.eml")
        raise AssertionError("the firewall let a recovery phrase out")
    except ExportBlocked:
        assert not (folder / "draft.eml").exists()

    # autosave, with the phrase still in the body: it never reaches the disk
    store.save_review(review.to_dict())
    store.save_attachments(review.attachment_files())
    saved = (store.folder / "review.json").read_text(encoding="utf-8")
    assert phrase.split()[0] not in saved and "补充：" in saved

    # a restart: resume the session, open the review again, and everything is back
    later = FlowController(catalog, "zh-CN", store)
    assert later.saved_session_waiting()
    session = later.resume()
    assert session is not None and session.current.outcome is OutcomeKind.ESCALATE
    later.start(session)
    again = ReviewModel(catalog, session, "zh-CN", Person())
    again.restore(store.load_review(), store.load_attachments())
    assert again.to == LOOKALIKE_RECIPIENT and again.subject == review.subject
    assert again.excluded == {"token_contract"} and TRON_VALUES["token_contract"] not in again.body
    assert [(a.filename, inc) for a, inc in again.files.entries] == [("转账详情.png", True), ("钱包日志.txt", False)]
    assert MY_WORDS.strip() in again.body and phrase.split()[0] not in again.body and not again.hits
    assert [w.code for w in again.shown_recipient_warnings()] == [RecipientIssue.LOOKALIKE]

    # the person fixes the recipient, ticks the screenshot checklist and saves the draft
    again.set_to(catalog.profile.support_email)
    assert again.blockers(Exit.EML) == [Blocker.PICTURE_PENDING, Blocker.CHECKLIST]  # restored pictures are read again
    again.pictures.run_now(again.included_files())  # the OCR engine (a plain screen: nothing found)
    again.confirm_unchecked_picture(0, True)  # where no OCR is installed, the person says they looked at it
    assert again.blockers(Exit.EML) == [Blocker.CHECKLIST]
    again.confirm_checklist(True)
    ready = again.prepare(Exit.EML).message
    assert ready is not None
    exports.save_eml(ready, folder / "draft.eml")
    draft = BytesParser(policy=policy.default).parsebytes((folder / "draft.eml").read_bytes())
    assert draft["X-Unsent"] == "1" and draft["To"] == catalog.profile.support_email
    assert [part.get_filename() for part in draft.iter_attachments()] == ["转账详情.png"]
    assert MY_WORDS.strip() in draft.get_body(("plain",)).get_content()


def main(argv: list[str]) -> int:
    run(Path(argv[0]))
    print(",".join(sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
