"""The editors' JSON Schemas and `playbook check` accept and reject the same files.

Every case of the invalid-file corpus, the mini catalogue and the sample are
read the way an editor's YAML language server reads them (YAML 1.2, see
`_Editor`) and validated against the schemas; each file must then be
rejected by both or accepted by both. The mistakes no schema of one file can
see -- another file, the Markdown inside a body, the YAML features content
files refuse -- are listed in BEYOND_SCHEMA, each with why; for those the
schema must accept and check reject, so the list cannot hide a disagreement.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jsonschema as validator
import pytest
import yaml

from generator import jsonschema
from generator.errors import ContentError, Problem
from generator.load import FOLDERS, load_config
from generator.validate import check
from tests.test_check_corpus import CASES, overlay

REPO = Path(__file__).resolve().parent.parent
MINI = REPO / "tests" / "fixtures" / "mini"
KIND_OF_FOLDER = {folder: kind for kind, folder in FOLDERS.items()}
BEYOND_SCHEMA = {
    "another file": [
        "dangling-play-reference", "dangling-toolkit-reference", "dangling-vignette-reference", "enacted-without-vignette",
        "duplicate-id", "attached-file-missing", "file-name-with-capitals-and-spaces", "file-name-with-dots",
        "body-broken-internal-link", "body-missing-image", "body-raw-html-broken-image", "body-image-outside-site",
        "logo-missing", "translation-config-unknown-strategy",
    ],
    "the generator's message catalogue (the messages a playbook may replace)": ["message-override-unknown"],
    "a translation file, which names no schema of its own yet": [
        "translation-into-unlisted-language", "translation-of-unknown-item", "translation-unknown-field",
    ],
    "a rule across the strategies (numbers on all or none, never twice)": ["strategy-number-duplicate", "strategy-number-missing-on-one"],
    "the file's own name": ["play-relates-to-itself"],
    "a file that is not a .yml content file": ["stray-file", "wrong-extension-case"],
    "the Markdown inside a body": [
        "heading-level-one", "heading-skips-level", "image-without-alt", "raw-html-image-without-alt", "html-tag-split-in-two",
        "markdown-data-url-image", "markdown-event-handler", "markdown-iframe", "markdown-javascript-link", "markdown-remote-image",
        "markdown-script-tag", "vague-link-text", "video-without-transcript",
    ],
    "a rule across the items of a list (JSON Schema's uniqueItems compares whole items)": ["config-duplicate-strategy"],
    "a rule of load.py that schema.py does not declare (ids the browse page's address uses)": ["config-reserved-facet-id"],
}  # fmt: skip


class _Editor(yaml.SafeLoader):
    """YAML 1.2 core schema, as editors read it: no yes/no, base 60, octal 010 or timestamps; duplicate keys are errors."""

    yaml_implicit_resolvers: dict[Any, Any] = {}

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        keys = [self.construct_object(key, deep=True) for key, _ in node.value]
        if len(keys) != len(set(map(str, keys))):
            raise yaml.constructor.ConstructorError(None, None, "duplicate key", node.start_mark)
        return super().construct_mapping(node, deep)


_Editor.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Editor.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
_Editor.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789"))
_Editor.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+.0123456789"),
)


def _kind(relative: Path) -> str:
    return "playbook" if relative.as_posix() == "playbook.yml" else KIND_OF_FOLDER[relative.parts[0]]


def _files(root: Path) -> list[Path]:
    # Translations (<id>.<lang>.yml) hold a subset of the fields and name no schema of their own yet.
    files = sorted(p for folder in FOLDERS.values() for p in (root / folder).glob("*.yml") if "." not in p.stem)
    return [root / "playbook.yml", *files]


def editor_rejects(path: Path, root: Path, schemas: dict[str, Any]) -> bool:
    """Whether an editor underlines anything in the file: a YAML error, or a schema error."""
    try:
        data = yaml.load(path.read_bytes().decode("utf-8"), Loader=_Editor)  # noqa: S506 -- _Editor is a SafeLoader
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return True
    # Editors check formats too: 2026-02-30 is no date.
    checker = validator.Draft7Validator(schemas[_kind(path.relative_to(root))], format_checker=validator.Draft7Validator.FORMAT_CHECKER)
    return any(True for _ in checker.iter_errors(data))


def check_rejects(root: Path) -> set[Path]:
    """The files `playbook check` reports an error in."""
    try:
        check(root)
    except ContentError as exc:
        return {p.path for p in exc.problems if isinstance(p, Problem) and p.severity == "error"}
    return set()


def _schemas() -> dict[str, Any]:
    config, _ = load_config(MINI)  # a case's playbook.yml may be broken; the choices come from the mini one
    return {kind: jsonschema.schema_for(kind, config) for kind in ("playbook", *FOLDERS)}


BEYOND = {case: reason for reason, cases in BEYOND_SCHEMA.items() for case in cases}


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_schema_and_check_agree_on_every_corpus_case(case: Path, mini_root: Path) -> None:
    overlay(case, mini_root)
    schemas = _schemas()
    checked = check_rejects(mini_root)
    underlined = {path for path in _files(mini_root) if editor_rejects(path, mini_root, schemas)}
    if case.name in BEYOND:
        assert underlined == set(), f"{case.name} is listed as beyond the schema ({BEYOND[case.name]}), yet the schema rejects it"
        assert checked, case.name
    else:
        assert underlined == checked, f"schema rejects {sorted(map(str, underlined))}, check rejects {sorted(map(str, checked))}"


@pytest.mark.parametrize("root", [REPO, MINI], ids=["sample", "mini"])
def test_schema_and_check_accept_the_sample(root: Path) -> None:
    schemas = _schemas() if root == MINI else {kind: jsonschema.schema_for(kind, load_config(REPO)[0]) for kind in ("playbook", *FOLDERS)}
    assert check_rejects(root) == set()
    assert [path for path in _files(root) if editor_rejects(path, root, schemas)] == []
