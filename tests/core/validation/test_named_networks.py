"""Addresses on networks named after "another network" must have that network's shape: a 0x address typed as the
sender of an XRP deposit is refused with the XRP shape shown, while a network the person typed stays lenient."""
import pytest

from assistant.errors import FieldErrors
from assistant.flows.engine import Session
from assistant.validation.chains import check_address
from assistant.validation.named_networks import ADDRESS_SHAPES, address_problem, sample_address

EVM_ADDRESS = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"


@pytest.mark.parametrize(("network", "address"), [
    ("xrp", "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh"),
    ("xlm", "GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGZ"),
    ("ton", "EQCD39VS5jcptHL8vMjEXrzGaRcCVYto7HUn4bpAOg8xqB2N"),
    ("ton", "UQCD39VS5jcptHL8vMjEXrzGaRcCVYto7HUn4bpAOg8xqEBI"),
    ("litecoin", "LVg2kJoFNg45Nbpy53h7Fe1wKyeXVRhMH9"),
    ("litecoin", "ltc1q6uvzj5f632mjsxj58knaugmyfpleldy9yndets"),
    ("dogecoin", "DH5yaieqoZN36fDVciNyRueRGvGLR3mr7L"),
    ("atom", "cosmos16uvzj5f632mjsxj58knaugmyfpleldy9k4fkhd"),
    ("eos", "tokenpocket1"),
])
def test_an_address_of_the_named_networks_shape_is_accepted(network, address):
    assert check_address(network, address) == (address, None)


@pytest.mark.parametrize("network", sorted(ADDRESS_SHAPES))
def test_an_evm_address_on_a_non_evm_named_network_is_refused_with_its_shape(network):
    _, issue = check_address(network, EVM_ADDRESS)
    assert issue is not None and issue.code == "address_network_format"
    name, pattern, example = ADDRESS_SHAPES[network]
    assert issue.params == {"network": name, "example": example} and pattern.fullmatch(example)


def test_sample_addresses_fit_their_networks_and_differ_by_role():
    for network in ADDRESS_SHAPES:
        first, second = sample_address(network, bytes(range(32))), sample_address(network, bytes(range(1, 33)))
        assert first != second and address_problem(network, first) is None, network


def test_evm_networks_named_later_are_checked_as_evm():
    _, issue = check_address("avalanche", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")
    assert issue is not None and issue.code == "address_wrong_family"
    assert check_address("avalanche", EVM_ADDRESS) == (EVM_ADDRESS, None)


def _xrp_deposit(catalog, which: str) -> Session:
    session = Session(catalog.flows["stuck_withdrawal"])
    for answer in ("no", "no", "other", which):
        session.choose(answer)
    if which == "typed":
        session.submit({"network_name": "Sui"})
    for answer in ("to_exchange", "success", "memo", "unsolved"):
        session.choose(answer)
    assert session.current.id == "exchange_report"
    return session


def test_an_xrp_deposit_report_refuses_a_0x_sender_and_takes_an_r_address(catalog):
    session = _xrp_deposit(catalog, "xrp")
    values = {"exchange_name": "Binance", "exchange_uid": "35871942", "coin": "XRP", "amount": "250 XRP",
              "from_address": EVM_ADDRESS, "deposit_address": "rEb8TK3gBgk5auZkwc6sHnwrGVJH8DuaLh",
              "memo": "104857", "tx_hash": "C53ECF838647FA5A4C780377025FEC7999AB4182590510CA461444B207AB74A9",
              "time": "2026-11-19 12:48 +08:00"}
    with pytest.raises(FieldErrors) as caught:
        session.submit(values)
    assert set(caught.value.errors) == {"from_address"}
    assert caught.value.errors["from_address"].code == "address_network_format"
    session.submit({**values, "from_address": "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh"})
    assert session.current.id == "exchange_escalate"


def test_a_network_the_person_typed_stays_lenient(catalog):
    session = _xrp_deposit(catalog, "typed")
    field = next(f for f in session.visible_fields() if f.name == "from_address")
    assert session.chain(field) == "other"
