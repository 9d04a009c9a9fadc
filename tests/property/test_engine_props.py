"""Random walks over every shipped flow and the fixture flow: never crash, back() undoes exactly."""
import hashlib

from embit import base58
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.content.catalog import load_catalog
from assistant.errors import FieldErrors
from assistant.flows.engine import Session
from assistant.flows.model import NodeKind
from assistant.paths import content_dir
from assistant.validation.named_networks import ADDRESS_SHAPES
from tests.walking import finished_sessions

CATALOG = load_catalog(content_dir())
FLOWS = list(CATALOG.flows.values())

SAMPLES = {
    "ethereum": ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0x" + hashlib.sha256(b"a").hexdigest()),
    "tron": ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", hashlib.sha256(b"b").hexdigest()),
    "bitcoin": ("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", hashlib.sha256(b"c").hexdigest()),
    "solana": (base58.encode(hashlib.sha256(b"sol address").digest()),
               base58.encode(hashlib.sha512(b"sol signature").digest())),
}


def form_values(session: Session) -> dict[str, str]:
    """Plausible values for a form; a rejection is fine (the walk then goes back)."""
    chain = session.answers.get("network")
    address, tx = SAMPLES.get(chain if isinstance(chain, str) else "ethereum", SAMPLES["ethereum"])
    by_kind = {"address": address, "tx_hash": tx, "amount": "120.5 USDT", "datetime": "2026-11-20T14:05+08:00",
               "email": "li.wei@example.com", "version": "2.3.1", "ticket": "#48213", "url": "https://tokenpocket.pro",
               "exchange_uid": "38412207", "text": "TokenPocket 2.3.1", "multiline": "提现显示已完成，但钱包里没有到账。"}
    values = {}
    for f in session.visible_fields():
        values[f.name] = f.options[0] if f.kind == "select" else by_kind.get(f.kind, "text")
        if f.kind == "address" and session.chain(f) in ADDRESS_SHAPES:  # XRP, TON, … after "another network"
            values[f.name] = ADDRESS_SHAPES[session.chain(f)][2]
    return values


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(flow_index=st.integers(0, max(len(FLOWS) - 1, 0)), picks=st.lists(st.integers(0, 50), min_size=1, max_size=40),
       backs=st.lists(st.booleans(), min_size=40, max_size=40))
def test_random_walk_never_crashes_and_back_restores_state(flow_index, picks, backs):
    flow = FLOWS[flow_index]
    session = Session(flow)
    for pick, go_back in zip(picks, backs, strict=False):
        if session.finished:
            break
        before = session.to_dict()
        node = session.current
        if node.kind is NodeKind.FORM:
            try:
                session.submit(form_values(session))
            except FieldErrors:
                continue
        else:
            choices = session.visible_choices()
            assert choices, f"{flow.id}:{node.id} offers no choice"
            session.choose(choices[pick % len(choices)].id)
        if go_back:
            assert session.back()
            assert session.to_dict() == before
            assert session.current.id == node.id
    restored = Session.from_dict(flow, session.to_dict())
    assert restored.to_dict() == session.to_dict()


def test_every_path_of_every_shipped_flow_reaches_an_outcome():
    for flow in FLOWS:
        outcomes = {s.current.id for s in finished_sessions(flow, form_values)}
        assert outcomes, f"{flow.id} has no reachable outcome"
