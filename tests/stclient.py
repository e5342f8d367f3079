"""A minimal Streamlit websocket client, for load tests without a browser per user.

It speaks the protocol the browser speaks (``BackMsg``/``ForwardMsg``
protobufs over ``/_stcore/stream``), keeps the widget states a browser would
keep, and lets a script find a widget by its label and set it. Thirty of these
cost the machine almost nothing, so what a load test measures is the server,
not thirty Chromium renderers fighting it for two cores.

Used by the workshop load benchmark (bench/workshop_load.py) and by tests
that need many sessions at once. Only what those need is here: radios, buttons and text
inputs, page switches (``st.switch_page`` with query parameters), and waiting
for a run to finish.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from typing import Any

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from readiness.markup import JOINER

#: A Markdown backslash escape, as readiness.markup.md_literal writes them.
_MD_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")

# Every end of a run except "stopped early because another run follows" (a page switch or st.rerun).
FINISHED = {
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
}


@dataclass
class Element:
    kind: str  # "radio", "button", "progress", ...
    proto: Any

    @property
    def label(self) -> str:
        return getattr(self.proto, "label", "") or getattr(self.proto, "text", "")


@dataclass
class Session:
    """One user's connection: the page they are on, its query string and their widgets."""

    url: str
    page_name: str = ""
    query_string: str = ""
    page_script_hash: str = ""
    elements: dict[tuple[int, ...], Element] = field(default_factory=dict)
    states: dict[str, WidgetState] = field(default_factory=dict)
    exceptions: list[str] = field(default_factory=list)
    fragments: dict[str, float] = field(default_factory=dict)  # fragment id -> run_every seconds
    navigation: tuple[str, ...] = ()  # the URL paths of the pages the app's navigation lists
    page_title: str = ""
    _ws: Any = None

    async def __aenter__(self) -> Session:
        ws_url = self.url.replace("http://", "ws://").rstrip("/") + "/_stcore/stream"
        self._ws = await websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None)
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._ws.close()

    async def open(self, page_name: str, query_string: str = "") -> None:
        """Load a page, as typing its address would."""
        self.page_name, self.query_string, self.page_script_hash = page_name, query_string, ""
        await self.rerun()

    async def rerun(self, triggers: tuple[WidgetState, ...] = (), fragment_id: str = "") -> None:
        """Send the widget states (plus one-shot button triggers) and wait for the run to finish."""
        msg = BackMsg()
        state = msg.rerun_script
        if fragment_id:  # what the browser sends when a `run_every` fragment is due
            state.fragment_id = fragment_id
            state.is_auto_rerun = True
        state.query_string = self.query_string
        state.page_name = self.page_name
        state.page_script_hash = self.page_script_hash
        state.widget_states.widgets.extend([*self.states.values(), *triggers])
        await self._ws.send(msg.SerializeToString())
        await self._until_finished()

    async def _until_finished(self) -> None:
        while True:
            fwd = ForwardMsg()
            fwd.ParseFromString(await asyncio.wait_for(self._ws.recv(), timeout=120))
            kind = fwd.WhichOneof("type")
            if kind == "new_session":
                self.elements.clear()  # a new run redraws the page
                if fwd.new_session.page_script_hash:
                    self.page_script_hash = fwd.new_session.page_script_hash
            elif kind == "navigation":
                self.page_script_hash = fwd.navigation.page_script_hash
                self.navigation = tuple(page.url_pathname for page in fwd.navigation.app_pages)
            elif kind == "page_config_changed":
                self.page_title = fwd.page_config_changed.title
            elif kind == "auto_rerun":
                self.fragments[fwd.auto_rerun.fragment_id] = fwd.auto_rerun.interval
            elif kind == "page_info_changed":
                self.query_string = fwd.page_info_changed.query_string
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                # (a fragment run redraws only its own part: same paths, new elements)
                element = fwd.delta.new_element
                el_kind = element.WhichOneof("type")
                self.elements[tuple(fwd.metadata.delta_path)] = Element(el_kind, getattr(element, el_kind))
                if el_kind == "exception":
                    self.exceptions.append(element.exception.message)
            elif kind == "script_finished" and fwd.script_finished in FINISHED:
                # as the browser does: forget the state of widgets no longer on the page
                if fwd.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                    shown = {getattr(e.proto, "id", None) for e in self.elements.values()}
                    self.states = {k: v for k, v in self.states.items() if k in shown}
                return

    def find(self, kind: str, label_starts: str) -> Element:
        for element in self.elements.values():
            if element.kind == kind and element.label.startswith(label_starts):
                return element
        shown = sorted({f"{e.kind}: {e.label[:40]}" for e in self.elements.values() if e.label})
        raise LookupError(f"no {kind} labelled {label_starts!r} on the page; it shows {shown}")

    async def choose(self, label_starts: str, option: str | int) -> None:
        """Pick an option by what a person reads (a radio's options are Markdown: ``Sales \\/ marketing``
        reads ``Sales / marketing``) or by its place in the list."""
        radio = self.find("radio", label_starts).proto
        options = list(radio.options)
        if isinstance(option, int):
            picked = options[option]
        else:
            shown = {o: _MD_ESCAPE.sub(r"\1", o).replace(JOINER, "") for o in options}
            matches = [o for o in options if option in (o, shown[o])]
            if not matches:
                raise LookupError(f"{option!r} is not an option of {radio.label!r}: {list(shown.values())}")
            picked = matches[0]
        self.states[radio.id] = WidgetState(id=radio.id, string_value=picked)
        await self.rerun()

    async def type_text(self, label_starts: str, text: str) -> None:
        box = self.find("text_input", label_starts).proto
        self.states[box.id] = WidgetState(id=box.id, string_value=text)
        await self.rerun()

    async def click(self, label_starts: str) -> None:
        button = self.find("button", label_starts).proto
        await self.rerun((WidgetState(id=button.id, trigger_value=True),))

    def text(self) -> str:
        """Everything the page says, for assertions and error messages."""
        parts = []
        for element in self.elements.values():
            body = getattr(element.proto, "body", None)
            parts.append(body if isinstance(body, str) else element.label)
        return "\n".join(p for p in parts if p)
