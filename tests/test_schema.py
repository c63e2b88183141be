"""One content model, three readers: the checker, the editors' JSON Schemas and the field reference.

The committed schemas must be exactly what the model generates; regenerate
them with `python -m generator.jsonschema` after changing generator/schema.py
or playbook.yml.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import jsonschema as validator
import pytest
import yaml

from generator import jsonschema, schema
from generator.build import messages_for
from generator.load import FOLDERS, load_config
from generator.render import Renderer
from generator.validate import check

REPO = Path(__file__).resolve().parent.parent
MINI = REPO / "tests" / "fixtures" / "mini"
CORPUS = REPO / "tests" / "invalid"
KIND_OF_FOLDER = {folder: kind for kind, folder in FOLDERS.items()}
# Corpus cases whose mistake an editor can see from the file alone (no other file, no YAML subtleties).
SCHEMA_CATCHES = [
    "bad-status", "blank-required-field", "boolean-for-text", "config-title-with-markup", "config-unknown-field",
    "date-in-wrong-format", "empty-required-text", "facet-value-twice", "id-field-disagrees", "list-expected-text",
    "list-too-short", "mapping-expected-in-list", "misspelled-field", "missing-facet", "missing-required-field",
    "reference-twice", "reference-with-slashes", "text-expected-list", "unknown-facet",
    "unknown-facet-value", "unknown-field", "unknown-strategy", "url-ftp", "url-javascript", "url-with-space",
    "year-not-a-number", "year-out-of-range", "empty-file", "file-is-a-list",
]  # fmt: skip


def _as_editors_read_it(value: Any) -> Any:
    """YAML as a language server sees it: dates are text (YAML 1.2)."""
    if isinstance(value, dict):
        return {str(k): _as_editors_read_it(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_editors_read_it(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def _kind(path: Path, root: Path) -> str:
    relative = path.relative_to(root)
    return "playbook" if relative.as_posix() == "playbook.yml" else KIND_OF_FOLDER[relative.parts[0]]


def _errors(root: Path, path: Path) -> list[str]:
    config, _ = load_config(root)
    document = _as_editors_read_it(yaml.safe_load(path.read_text(encoding="utf-8")))
    found = validator.Draft7Validator(jsonschema.schema_for(_kind(path, root), config)).iter_errors(document)
    return [error.message for error in found]


def _content_files(root: Path) -> list[Path]:
    # Translations (<id>.<lang>.yml) hold a subset of the fields; they name no schema of their own yet.
    files = sorted(p for folder in FOLDERS.values() for p in (root / folder).glob("*.yml") if "." not in p.stem)
    return [root / "playbook.yml", *files]


def test_committed_schemas_are_what_the_model_generates() -> None:
    assert jsonschema.write(REPO, check_only=True) == [], "run: python -m generator.jsonschema"
    assert sorted(p.name for p in (REPO / "schemas").iterdir()) == sorted(f"{kind}.schema.json" for kind in schema.KINDS)


def test_the_check_command_notices_stale_schemas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "playbook"
    root.mkdir()
    (root / "playbook.yml").write_bytes((MINI / "playbook.yml").read_bytes())
    assert jsonschema.main(["--root", str(root), "--check"]) == 1
    assert jsonschema.main(["--root", str(root)]) == 0
    assert jsonschema.main(["--root", str(root), "--check"]) == 0
    assert "schemas/play.schema.json is out of date" in capsys.readouterr().out


@pytest.mark.parametrize("root", [REPO, MINI], ids=["sample", "mini"])
def test_every_valid_file_passes_its_schema(root: Path) -> None:
    check(root)
    for path in _content_files(root):
        assert _errors(root, path) == [], path


@pytest.mark.parametrize("case", SCHEMA_CATCHES)
def test_editors_underline_what_the_checker_reports(case: str) -> None:
    (overlay,) = (CORPUS / case).rglob("*.yml")
    # The overlay stands in the mini catalogue, whose playbook.yml sets the choices.
    config, _ = load_config(MINI)
    document = _as_editors_read_it(yaml.safe_load(overlay.read_text(encoding="utf-8")))
    kind_schema = jsonschema.schema_for(_kind(overlay, CORPUS / case), config)
    assert list(validator.Draft7Validator(kind_schema).iter_errors(document)), case


def test_every_content_file_names_its_schema() -> None:
    assert (REPO / "playbook.yml").read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=schemas/playbook.schema.json\n")
    for path in _content_files(REPO)[1:]:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schemas/{_kind(path, REPO)}.schema.json", path


def _field_paths(fields: tuple[schema.Field, ...], prefix: str = "") -> list[str]:
    paths = []
    for field in fields:
        paths.append(prefix + field.name)
        if field.fields:
            paths += _field_paths(field.fields, prefix + field.name + ("[]." if field.type == "objects" else "."))
    return paths


def test_the_field_reference_page_lists_every_field_and_choice() -> None:
    catalogue, _ = check(MINI)
    page = dict(Renderer(catalogue, messages_for(catalogue)).pages())["reference.md"]
    for fields in schema.KINDS.values():
        for path in _field_paths(fields):
            assert f"| `{path}` |" in page, path
    for ident in [s.id for s in catalogue.config.strategies] + [s.id for s in catalogue.config.toolkit_sections]:
        assert f"| `{ident}` |" in page
    assert all(f"| `{v.id}` |" in page for facet in catalogue.config.facets for v in facet.values)


def test_contributing_explains_every_content_field() -> None:
    guide = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for kind in schema.CONTENT_KINDS:
        for path in _field_paths(schema.KINDS[kind]):
            assert f"`{path.split('.')[-1]}`" in guide, f"CONTRIBUTING.md does not mention {kind} field {path}"
