"""Properties of the secret scanner: it never crashes, its spans are sane, and it finds every generated phrase
however it is surrounded, so that redact() leaves nothing to block."""
from __future__ import annotations

import itertools
import string

from embit.wordlists.slip39 import SLIP39_WORDS
from hypothesis import given, settings
from hypothesis import strategies as st
from mnemonic import Mnemonic

from assistant.secrets.scan import SecretKind, Severity, find_secrets, has_blocking, redact

LANGS = Mnemonic.list_languages()
ALL_WORDS = {w.lower() for lang in LANGS for w in Mnemonic(lang).wordlist} | set(SLIP39_WORDS)
# Prose that cannot join a phrase: short Latin words in no list (too short for stubs or typo matching),
# and CJK characters in neither Chinese list.
LATIN_JUNK = sorted(
    w for n in (1, 2, 3) for w in map("".join, itertools.product("qxzjkvwy", repeat=n)) if w not in ALL_WORDS
)
CJK_JUNK = [c for c in map(chr, range(0x4E00, 0x9FA6)) if c not in ALL_WORDS][:600]
PROSE_SEPARATORS = [" ", ", ", ". ", "\n", "，", "。", "！", "? "]
PHRASE_SEPARATORS = [" ", "\n", ", ", "，", "、", "\u3000", "\t"]
ENTROPY_BYTES = [16, 20, 24, 28, 32]

junk_word = st.one_of(
    st.sampled_from(LATIN_JUNK),
    st.text(alphabet=st.sampled_from(CJK_JUNK), min_size=1, max_size=8),
)


@st.composite
def prose(draw) -> str:
    words = draw(st.lists(junk_word, max_size=12))
    return "".join(w + draw(st.sampled_from(PROSE_SEPARATORS)) for w in words)


@st.composite
def phrase(draw) -> tuple[str, str]:
    """(language, phrase text) for a phrase made from drawn entropy, joined with a drawn separator."""
    lang = draw(st.sampled_from(LANGS))
    entropy = draw(st.sampled_from(ENTROPY_BYTES).flatmap(lambda n: st.binary(min_size=n, max_size=n)))
    text = Mnemonic(lang).to_mnemonic(entropy)
    words = text.split("\u3000") if lang == "japanese" else text.split(" ")
    if draw(st.booleans()):
        words = [w.upper() for w in words]
    return lang, draw(st.sampled_from(PHRASE_SEPARATORS)).join(words)


@st.composite
def text_with_phrase(draw) -> tuple[str, int, int]:
    """Prose, a phrase, more prose; plus where the phrase is. Chinese may also stand alone unseparated."""
    lang, body = draw(phrase())
    if lang.startswith("chinese") and draw(st.booleans()):
        body = "".join(body.split())
        body = body.replace("，", "").replace("、", "")
        before, after = draw(prose()) + "\n", "\n" + draw(prose())
    else:
        before = draw(prose()) + draw(st.sampled_from([" ", "\n", ": ", "：", "，"]))
        after = draw(st.sampled_from([" ", "\n", ". ", "。"])) + draw(prose())
    return before + body + after, len(before), len(before) + len(body)


scanner_food = st.one_of(
    st.text(),
    st.text(alphabet=string.hexdigits + "xX {}[],:\"'\n", max_size=200),
    st.lists(
        st.sampled_from(
            [*Mnemonic("english").wordlist[:50], *Mnemonic("chinese_simplified").wordlist[:50], *LATIN_JUNK[:20],
             " ", "\n", "，", "1.", "{", "}", "[", "]", '"crypto":', '"ciphertext":', '"kdf":', '"mac":', "0x",
             "私钥", "password:", "2FA", "123456", "\u0301", "\ufffd", "\u3000"]
        ),
        max_size=80,
    ).map("".join),
)


@settings(deadline=None)
@given(scanner_food, st.sampled_from(["free_text", "tx_hash"]))
def test_any_text_scans_without_error_and_findings_are_sorted_and_in_bounds(text, context):
    findings = find_secrets(text, context=context)
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert isinstance(f.kind, SecretKind) and isinstance(f.severity, Severity)
    redacted = redact(text, findings)
    assert len(redacted) <= len(text) + len(findings) * len("[REMOVED]")


@settings(deadline=None)
@given(text_with_phrase())
def test_generated_phrase_inside_random_prose_is_always_blocked(case):
    text, start, end = case
    findings = find_secrets(text)
    assert any(
        f.kind is SecretKind.MNEMONIC and f.severity is Severity.BLOCK and f.start <= start and end <= f.end
        for f in findings
    ), (findings, text)


@settings(deadline=None)
@given(text_with_phrase())
def test_redacting_the_findings_leaves_nothing_to_block(case):
    text, _, _ = case
    redacted = redact(text, find_secrets(text))
    assert not has_blocking(find_secrets(redacted)), redacted


HIDDEN = ["\u200b", "\u200c", "\u200d", "\u00ad", "\u2060", "\ufeff"]


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32), st.sampled_from(HIDDEN), st.data())
def test_hidden_characters_inside_the_words_never_hide_a_phrase(seed, hidden, data):
    import random

    rng = random.Random(seed)
    words = Mnemonic("english").to_mnemonic(rng.randbytes(16)).split()
    disguised = [w[: k] + hidden + w[k:] for w in words for k in [rng.randrange(1, len(w))]]
    before, after = data.draw(prose()), data.draw(prose())
    text = before + "\n" + " ".join(disguised) + "\n" + after
    found = find_secrets(text)
    assert has_blocking(found)
    for f in found:
        assert 0 <= f.start < f.end <= len(text)
    assert not has_blocking(find_secrets(redact(text, found)))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab <>&;#x0\\u\u200b\u00ad\uff41\u0430 \n1")), max_size=80))
def test_normalised_spans_map_back_inside_the_original(text):
    from assistant.secrets.normalise import normalise

    norm = normalise(text)
    for start in range(len(norm.text) + 1):
        for end in (start, min(len(norm.text), start + 3)):
            a, b = norm.back(start, end)
            assert 0 <= a <= b <= len(text)
