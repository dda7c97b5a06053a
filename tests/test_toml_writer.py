"""`tomlfile.dumps`, the quick writer of session files, writes what tomli-w wrote:
the same bytes for the same data, so files from before and after it read the same."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.agenda.model import NoteKind
from facilitator.session.model import Draft, Session
from facilitator.session.store import SessionStore, dumps_session
from facilitator.tomlfile import dumps, to_toml_data

from conftest import REPO
from strategies import TRICKY, sessions

SAMPLE = REPO / "sessions" / "2026-03-02-ledergruppe-helse-ost-demo.toml"


def same_as_tomli_w(data: dict) -> str:
    text = dumps(data)
    assert text == tomli_w.dumps(to_toml_data(data))
    return text


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_a_session_is_written_as_tomli_w_writes_it(session: Session):
    same_as_tomli_w(session.model_dump(mode="python", exclude_none=True))


def test_the_sample_session_and_a_draft_are_written_as_tomli_w_writes_them(tmp_path):
    session = SessionStore(tmp_path).load(SAMPLE)
    session.draft = Draft(
        form="notes",
        values={"text": "halvskrevet «notat»\nmed linjeskift", "shared": True},
        updated_at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
    )
    text = same_as_tomli_w(session.model_dump(mode="python", exclude_none=True))
    assert dumps_session(session) == f"{text}\n# end of facilitator session\n"


# Values picked to sit on each decision the writer makes: strings to escape, keys
# to quote, tables in arrays just short of and just over one line, nested arrays,
# empty lists and tables, and None left out wherever it is in a table.
_scalars = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=20),
    st.sampled_from(TRICKY),
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False),
    st.dates(),
    st.datetimes(timezones=st.just(UTC)),
    st.sampled_from(list(NoteKind)),
)
_keys = st.one_of(st.sampled_from(["id", "a-b_C9", "", "æ", "a.b", 'x"y', "1 2"]), st.text())


def _tables(children: st.SearchStrategy) -> st.SearchStrategy:
    return st.dictionaries(_keys, st.one_of(st.none(), children), max_size=4)


_values = st.recursive(
    _scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=3), _tables(children), st.lists(_tables(children), max_size=3)
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(_tables(_values))
def test_any_table_is_written_as_tomli_w_writes_it(data: dict):
    try:
        expected = tomli_w.dumps(to_toml_data(data))
    except (TypeError, ValueError):
        return  # tomli-w cannot write it either (a None in a list, say)
    assert dumps(data) == expected


@pytest.mark.parametrize("width", [93, 94, 95, 96, 97])
def test_a_table_in_an_array_goes_inline_only_if_it_fits_on_a_line(width: int):
    # `{ t = "…" }` is 10 characters around the text; with the indent and the comma, a
    # line of at most 100 is written inline, a longer one as [[rows]].
    data = {"rows": [{"t": "x" * (width - 10)}]}
    text = same_as_tomli_w(data)
    assert ("[[rows]]" in text) == (width > 95)
    assert tomllib.loads(text) == data


def test_what_cannot_be_written_is_refused():
    with pytest.raises(TypeError):
        dumps({"a": [None]})
    with pytest.raises(TypeError):
        dumps({"a": object()})
    assert dumps({"a": None, "b": {"c": None}, "d": date(2026, 3, 2)}) == "d = 2026-03-02\n\n[b]\n"
