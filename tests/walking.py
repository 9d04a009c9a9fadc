"""Enumerate every path of a flow: a finished Session per path (forms filled by `values_for`)."""
from collections.abc import Callable, Iterator

from assistant.flows.engine import Session
from assistant.flows.model import Flow, NodeKind


def finished_sessions(flow: Flow, values_for: Callable[[Session], dict[str, str]], limit: int = 20000) -> Iterator[Session]:
    stack = [Session(flow)]
    walked = 0
    while stack:
        session = stack.pop()
        walked += 1
        if walked > limit:
            raise AssertionError(f"{flow.id}: more than {limit} paths — is there a loop?")
        if session.finished:
            yield session
            continue
        if session.current.kind is NodeKind.FORM:
            session.submit(values_for(session))
            stack.append(session)
            continue
        for choice in session.visible_choices():
            branch = Session.from_dict(flow, session.to_dict())
            branch.choose(choice.id)
            stack.append(branch)
