"""The export guard's ways of excusing a finding: values the user said are public, and text the app wrote.

A private key pasted into the transaction-hash box looks exactly like a hash; being in that box never makes it
public. App-written text excuses a finding only where a whole app line or segment occurs, not a substring.
Every key is drawn from a seeded random source; none is a real secret.
"""
from __future__ import annotations

import random

from assistant.secrets.guard import Part, scan_parts
from assistant.secrets.scan import Severity

RNG = random.Random(4410)


def hex_key() -> str:
    return RNG.randbytes(32).hex()


def test_a_key_in_the_tx_hash_field_is_not_excused_by_being_in_that_field():
    k = hex_key()
    hits = scan_parts([Part("body", f"tx hash: see field\n{k}"), Part("tx", k, context="tx_hash")], accepted=[k])
    assert [h.finding.severity for h in hits] == [Severity.CONFIRM]
    assert hits[0].part.name == "tx"


def test_a_value_the_user_confirmed_in_the_tx_hash_field_passes():
    k = hex_key()
    assert scan_parts([Part("tx", "0x" + k, context="tx_hash")], confirmed=[k]) == []


def test_a_hash_labelled_in_the_field_itself_passes():
    assert scan_parts([Part("tx", "tx hash: 0x" + hex_key(), context="tx_hash")]) == []


def test_accepted_values_still_excuse_a_bare_hex_in_free_text():
    k = hex_key()
    assert scan_parts([Part("body", f"Something I copied: {k}")], accepted=[k]) == []
    assert len(scan_parts([Part("body", f"Something I copied: {k}")])) == 1


def test_trusted_text_excuses_only_where_a_whole_app_line_occurs():
    body = "password: security"
    assert len(scan_parts([Part("body", body)], trusted=["Read our security tips."])) == 1
    example = "Hash of the replacement, like " + hex_key()
    typed = hex_key()
    assert scan_parts([Part("body", f"{example}: 0x{typed}")], [typed], trusted=[example]) == []


def test_trusted_segments_of_templated_lines_are_whole_pieces():
    example = "Example value " + hex_key()
    template = f"{{{{ name }}}}: {example} {{{{ value }}}}"
    assert scan_parts([Part("body", f"Order: {example} 12")], trusted=[template]) == []
    k = hex_key()
    assert len(scan_parts([Part("body", f"I copied {k}")], trusted=[f"{{{{ a }}}} {k[:20]}"])) == 1
