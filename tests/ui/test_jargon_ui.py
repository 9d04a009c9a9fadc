"""On a page, the first use of a technical word is underlined with dots and explained under the text, for
everyone: the note is text in the page (read by screen readers, no hover needed)."""
from __future__ import annotations

from PySide6.QtGui import QTextCharFormat

from assistant.flows.engine import Session


def _session(catalog, flow_id: str, answers: list[str]) -> Session:
    session = Session(catalog.flows[flow_id])
    for answer in answers:
        session.choose(answer)
    return session


def _dotted_words(view) -> list[str]:
    """The runs of text underlined with dots (Qt splits a marked word into fragments; join touching ones)."""
    words: list[str] = []
    end = -1
    block = view.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine:
                if fragment.position() == end:
                    words[-1] += fragment.text()
                else:
                    words.append(fragment.text())
                end = fragment.position() + fragment.length()
            fragments += 1
        block = block.next()
    return words


def test_a_tron_energy_page_marks_and_explains_energy_once(make_window, catalog):
    window = make_window("zh-CN")
    window.show_session(_session(catalog, "pending_transaction", ["no", "no", "tron", "failed", "out_of_energy"]))
    body = window.flow_page.view.body
    assert body.terms_explained[0] == "energy"
    assert _dotted_words(body) == ["带宽", "手续费"]  # energy's first form used here, then the fee's
    text = body.toPlainText()
    assert "术语" in text and "能量和带宽（波场）：波场网络上付手续费的方式" in text
    assert "波场网络上付手续费的方式" in body.accessibleDescription()


def test_an_evm_page_explains_nonce_in_english(make_window, catalog):
    window = make_window("en")
    window.show_session(_session(catalog, "pending_transaction", ["no", "no", "ethereum", "pending", "only_one"]))
    body = window.flow_page.view.body
    assert "nonce" in body.terms_explained and "energy" not in body.terms_explained
    assert _dotted_words(body)[:3] == ["fee", "network", "nonce"]
    assert "Words explained" in body.toPlainText() and "counting up from 0" in body.accessibleDescription()
