"""The flow being walked, as every view sees it: the engine `Session` plus what the person is doing with it.

One call per UI event (choose, submit, Back, Start over, revisit an earlier answer, undo that edit) and the
controller knows what to show next: the node, the values a form starts with, the notice, the progress. After
every change it saves the session (when a store is attached) and tells its listeners.
"""
from __future__ import annotations

import logging
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from assistant.app.autosave_news import AutosaveNews, News, saved_session_waiting
from assistant.app.events import Event
from assistant.app.forms import local_zone, with_default_zones
from assistant.content.catalog import Catalog
from assistant.errors import FlowError
from assistant.flows.model import Node, NodeKind, OutcomeKind
from assistant.flows.progress import progress
from assistant.paths import user_data_dir
from assistant.storage.autosave import AutosaveBusy, AutosaveStore, LoadStatus

if TYPE_CHECKING:  # the engine, its validators and search load on first use, not at start-up
    from assistant.content.search import Hit, SearchIndex
    from assistant.flows.engine import Answer, Session

log = logging.getLogger(__name__)
USER_FOLDERS = ("logs", "cache")  # besides the autosave: what "delete my data" removes


class NoticeKind(StrEnum):
    DROPPED = "dropped"  # changing an earlier answer removed later ones
    SEARCH_TARGET = "search_target"  # the flow was opened from a search hit on one of its steps


@dataclass(frozen=True, slots=True)
class Notice:
    kind: NoticeKind
    node_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Progress:
    answered: int  # answers before the node shown
    maximum: int  # `answered` plus the longest way still possible

    @property
    def step(self) -> int:
        return self.answered + 1


class FlowController:
    """Owns the session being walked; `changed` fires after every start, answer, edit, Back, Start over or undo."""

    def __init__(self, catalog: Catalog, locale: str = "en", store: AutosaveStore | None = None) -> None:
        self.catalog = catalog
        self.locale = locale  # recorded with each save
        self.store = store
        self.session: Session | None = None
        self.editing: str | None = None  # an answered node shown again so its answer can be changed
        self.notice: Notice | None = None
        self.changed: Event[None] = Event()
        self.news: Event[News] = Event()
        self._typed: dict[str, dict[str, str]] = {}  # last submitted values per form node
        self.zone = ""  # UTC offset for times typed without one ("" = this computer's)
        self._undo: list[Mapping] = []  # session states before each edit of an earlier answer
        self._stored: Session | None = None  # the session the store's attachments and email edits belong to
        self._index: SearchIndex | None = None

    # ---- starting and stopping ---------------------------------------------------------------------------
    def start(self, session: Session, notice: Notice | None = None) -> None:
        self.session, self.editing, self.notice = session, None, notice
        self._typed.clear()
        self._undo.clear()
        self._after_change()

    def open_flow(self, flow_id: str) -> None:
        from assistant.flows.engine import Session

        self.start(Session(self.catalog.flows[flow_id]))

    def open_search_hit(self, flow_id: str, node_id: str) -> None:
        from assistant.flows.engine import Session

        self.start(Session(self.catalog.flows[flow_id]), Notice(NoticeKind.SEARCH_TARGET, (node_id,)))

    def close(self) -> None:
        """File › Start over: forget the session and its save."""
        self.session, self.editing, self.notice = None, None, None
        if self.store is not None:
            self.store.discard()

    # ---- what to show ------------------------------------------------------------------------------------
    def _live(self) -> Session:
        if self.session is None:
            raise FlowError("no flow has been started")
        return self.session

    @property
    def shown_node(self) -> Node:
        session = self._live()
        return session.flow.node(self.editing) if self.editing else session.current

    @property
    def shown_answer(self) -> Answer | None:
        """The earlier answer of a revisited node, or the values a form starts with (see `form_start`)."""
        session = self._live()
        if self.editing:
            return session.answers.get(self.editing)
        if session.current.kind is NodeKind.FORM:
            return self.form_start() or None
        return None

    def form_start(self) -> dict[str, str]:
        """What was last submitted in the current form, so Back never empties it; a value is dropped only once the
        answers before it make it invalid (another network for an address) or hide its field."""
        from assistant.validation.fields import validate_values

        session = self._live()
        node = session.current
        remembered = self._typed.get(node.id, {})
        kept: dict[str, str] = {}
        for field in session.visible_fields(node):
            value = remembered.get(field.name)
            if value and not validate_values([field], {field.name: value}, {field.name: session.chain(field)})[1]:
                kept[field.name] = value
        return kept

    def would_lose_typing(self, values: Mapping[str, str]) -> bool:
        """True when a form holds text that Back would throw away: anything beyond what it started with."""
        start = self.shown_answer if isinstance(self.shown_answer, Mapping) else {}
        return any(value and value != start.get(name, "") for name, value in values.items())

    def progress(self) -> Progress:
        session, shown = self._live(), self.shown_node.id
        ids = [entry.node_id for entry in session.path]
        answered = ids.index(shown) if shown in ids else len(ids)
        return Progress(answered, progress(session.flow, answered, shown)[1])

    @property
    def can_go_back(self) -> bool:
        return bool(self.session and (self.session.path or self.editing))

    @property
    def can_undo_edit(self) -> bool:
        return bool(self._undo)

    # ---- answering ---------------------------------------------------------------------------------------
    def choose(self, choice_id: str) -> None:
        self._answer(choice_id)

    def submit(self, values: Mapping[str, str]) -> None:
        """Raises FieldErrors (and changes nothing) when a value is invalid. A time without a zone is read in
        `zone` (this computer's, unless set)."""
        session = self._live()
        kinds = {f.name: f.kind for f in session.visible_fields(self.shown_node)}
        self._answer(with_default_zones(kinds, values, self.zone or local_zone()))

    def _answer(self, answer: Answer) -> None:
        session = self._live()
        if self.editing:
            before = session.to_dict()
            dropped = session.change_answer(self.editing, answer)
            self._undo.append(before)
            self.editing = None
            self.notice = Notice(NoticeKind.DROPPED, tuple(dropped)) if dropped else None
        else:
            if isinstance(answer, str):
                session.choose(answer)
            else:
                session.submit(answer)
            self._undo.clear()
            self.notice = None
        self._after_change()

    def back(self) -> bool:
        """Leave a revisit, or undo the last answer; True when the session changed."""
        if self.session is None:
            return False
        if self.editing:
            self.cancel_edit()
            return False
        self.notice = None
        if not self.session.back():
            return False
        self._undo.clear()
        self._after_change()
        return True

    def restart(self) -> None:
        """Start over within the flow: every answer and remembered value goes."""
        self._live().restart()
        self.editing, self.notice = None, None
        self._typed.clear()
        self._undo.clear()
        self._after_change()

    def revisit(self, node_id: str) -> None:
        """Show an answered node with its answer marked; nothing changes until another answer is given."""
        if node_id not in self._live().answers:
            raise FlowError(f"node {node_id!r} has not been answered on this path")
        self.editing, self.notice = node_id, None

    def cancel_edit(self) -> None:
        self.editing, self.notice = None, None

    def undo_edit(self) -> bool:
        """Put back the answers as they were before the last change of an earlier answer (dropped ones too)."""
        if not self._undo or self.session is None:
            return False
        kept_store = self._stored is self.session
        from assistant.flows.engine import Session

        self.session = Session.from_dict(self.session.flow, self._undo.pop())
        if kept_store:
            self._stored = self.session  # the same case: its attachments and email edits stay
        self.editing, self.notice = None, None
        self._after_change(keep_undo=True)
        return True

    def _after_change(self, keep_undo: bool = False) -> None:
        if self.session is not None:
            for entry in self.session.path:
                if entry.kind is NodeKind.FORM and isinstance(entry.answer, Mapping):
                    self._typed[entry.node_id] = dict(entry.answer)
        self._save()
        self.changed.emit(None)

    # ---- search ------------------------------------------------------------------------------------------
    def search(self, query: str) -> list[Hit]:
        if not query.strip():
            return []
        if self._index is None:  # built on the first query: start-up stays fast
            from assistant.content.search import SearchIndex

            self._index = SearchIndex(self.catalog)
        return self._index.search(query)

    # ---- autosave ----------------------------------------------------------------------------------------
    def _save(self) -> None:
        session, store = self.session, self.store
        if store is None or session is None or not session.path:
            return  # a flow just opened: keep any earlier saved session until something is answered
        if session is not self._stored:
            self._stored = session
            store.discard_attachments()  # they belonged to the session this one replaces
        if session.finished and session.current.outcome is OutcomeKind.RESOLVED:
            store.discard()
            return
        try:
            store.save(session.to_dict(), self.locale, public=session.public_values())
        except AutosaveBusy:
            self.news.emit(News(AutosaveNews.OTHER_WINDOW))
        except OSError as exc:
            log.warning("autosave failed: %s", exc.strerror)
            self.news.emit(News(AutosaveNews.SAVE_FAILED))

    def saved_session_waiting(self) -> bool:
        """Whether a saved session can be resumed; an expired or unreadable one is reported on `news`."""
        return saved_session_waiting(self.store, self.news.emit)

    def resume(self) -> Session | None:
        """The saved session, rebuilt on today's content; None when there is none or it no longer fits."""
        if self.store is None:
            return None
        loaded = self.store.load()
        if loaded.status is not LoadStatus.OK or loaded.state is None:
            return None
        flow = self.catalog.flows.get(str(loaded.state.get("flow")))
        try:
            if flow is None:
                raise FlowError(f"flow {loaded.state.get('flow')!r} is not available")
            from assistant.flows.engine import Session

            session = Session.from_dict(flow, loaded.state)
        except FlowError as exc:
            log.warning("saved session no longer fits the content: %s", exc)
            self.store.incompatible()
            self.news.emit(News(AutosaveNews.INCOMPATIBLE))
            return None
        self._stored = session  # resumed: its saved attachments and email edits stay
        return session

    def delete_my_data(self) -> None:
        """The autosave (with attachment copies and email edits), logs and cache; the session on screen stays."""
        if self.store is not None:
            self.store.delete_all()
        for folder in USER_FOLDERS:
            shutil.rmtree(user_data_dir() / folder, ignore_errors=True)
        self.news.emit(News(AutosaveNews.DELETED))
