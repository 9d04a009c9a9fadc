"""The progress bar: answers so far out of answers so far plus the longest way still possible."""
from assistant.flows.engine import Session
from assistant.flows.progress import progress, remaining_depth
from tests.core.flow_fixtures import make_flow

TRON_TX = "a1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00"


def test_the_longest_way_counts_every_remaining_answer(tmp_path):
    flow = make_flow(tmp_path)
    # safety → network → status → energy/add_token/wait → details → escalate: five answers at most
    assert remaining_depth(flow, "safety") == 5
    assert remaining_depth(flow, "status") == 3
    assert remaining_depth(flow, "details") == 1
    assert remaining_depth(flow, "escalate") == 0


def test_progress_along_a_walk_never_goes_back_and_is_full_at_the_outcome(tmp_path):
    flow = make_flow(tmp_path)
    session = Session(flow)
    seen = [progress(flow, len(session.path), session.current.id)]
    for answer in ("no", "tron", "completed", "unsolved"):
        session.choose(answer)
        seen.append(progress(flow, len(session.path), session.current.id))
    session.submit({"tx_hash": TRON_TX})
    seen.append(progress(flow, len(session.path), session.current.id))
    assert seen == [(0, 5), (1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]


def test_a_short_branch_shrinks_the_maximum_instead_of_stalling(tmp_path):
    flow = make_flow(tmp_path)
    session = Session(flow)
    session.choose("yes")  # the safety gate's urgent outcome is one answer away
    assert progress(flow, len(session.path), session.current.id) == (1, 1)
