"""Property tests: whatever a contributor saves, `playbook check` reports; it never crashes.

Hypothesis writes arbitrary bytes, arbitrary YAML documents and valid plays
with one field replaced by an arbitrary value into the mini catalogue. The
checker may only answer with a ContentError (or pass); a catalogue that
passes must also render.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import messages_for  # noqa: E402
from generator.cli import main
from generator.errors import ContentError
from generator.render import Renderer
from generator.validate import check

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
PLAY = Path("plays") / "host-info-night.yml"

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=60),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.sampled_from(["TODO", "connect", "aspirational", "k-12", "host-info-night", "javascript:alert(1)", "<script>x</script>", "~"]),
)
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12) | st.integers(), children, max_size=4),
    max_leaves=12,
)
# Characters that mean something to YAML, for text that is almost, but not quite, YAML.
yamlish = st.text(alphabet=st.sampled_from(list("ab: -\n\t'\"[]{}#&*!|>%@`,?\\\u00e9\r\x00\ufeff")), max_size=120)


def _check_never_crashes(root: Path) -> None:
    try:
        catalogue, _ = check(root)
    except ContentError as exc:
        assert exc.problems and all(p.line >= 1 and p.column >= 1 and p.message for p in exc.problems)
        return
    assert list(Renderer(catalogue, messages_for(catalogue)).pages())


def _base_play(root: Path) -> dict[str, Any]:
    loaded = yaml.safe_load((root / PLAY).read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


@FUZZ
@given(content=st.binary(max_size=600))
def test_arbitrary_bytes_are_reported_not_raised(mini_root: Path, content: bytes) -> None:
    (mini_root / PLAY).write_bytes(content)
    _check_never_crashes(mini_root)


@FUZZ
@given(text=yamlish)
def test_almost_yaml_is_reported_not_raised(mini_root: Path, text: str) -> None:
    (mini_root / PLAY).write_text(text, encoding="utf-8", errors="surrogatepass")
    _check_never_crashes(mini_root)


@FUZZ
@given(document=values)
def test_arbitrary_yaml_documents_are_reported_not_raised(mini_root: Path, document: Any) -> None:
    (mini_root / PLAY).write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    _check_never_crashes(mini_root)


PLAY_FIELDS = ["title", "strategy", "status", "summary", "body", "steps", "facets", "soundbites", "related", "tags", "reviewed"]


@FUZZ
@given(field=st.sampled_from(PLAY_FIELDS), value=values)
def test_a_play_with_any_value_in_any_field_is_reported_or_rendered(mini_root: Path, field: str, value: Any) -> None:
    play = _base_play(mini_root)
    play[field] = value
    (mini_root / PLAY).write_text(yaml.safe_dump(play, allow_unicode=True), encoding="utf-8")
    _check_never_crashes(mini_root)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=300) | yamlish.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_a_broken_playbook_yml_is_a_message_not_a_traceback(
    mini_root: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    (mini_root / "playbook.yml").write_bytes(content)
    assert main(["check", "--root", str(mini_root), "--format", "text"]) in (0, 1, 2)
    assert "Traceback" not in capsys.readouterr().err
