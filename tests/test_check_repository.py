"""The pull-request path: workflows, pre-commit hook and issue form stay in step with the project.

The workflows cannot run here; these tests keep what they call real.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from generator.load import load_config

REPO = Path(__file__).resolve().parent.parent
GITHUB = REPO / ".github"


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _runs(workflow: dict[str, Any]) -> list[str]:
    return [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]


def _uses(workflow: dict[str, Any]) -> list[str]:
    return [step["uses"].split("@")[0] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step]


def test_pull_requests_are_checked_built_and_tested_with_annotations() -> None:
    workflow = _yaml(GITHUB / "workflows" / "pull-request.yml")
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as true
    runs = "\n".join(_runs(workflow))
    assert ".venv/bin/playbook check --format github" in runs
    assert ".venv/bin/playbook build" in runs and "make test" in runs and "make install" in runs


def test_main_is_published_all_or_nothing() -> None:
    workflow = _yaml(GITHUB / "workflows" / "publish.yml")
    assert workflow[True]["push"]["branches"] == ["main"]
    assert {"actions/upload-pages-artifact", "actions/deploy-pages"} <= set(_uses(workflow))
    assert workflow["jobs"]["deploy"]["needs"] == "build"
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert ".venv/bin/playbook check --format github" in "\n".join(_runs(workflow))


def test_workflows_only_call_make_targets_that_exist() -> None:
    targets = set(re.findall(r"^([a-z]+):", (REPO / "Makefile").read_text(encoding="utf-8"), flags=re.M))
    for path in sorted((GITHUB / "workflows").glob("*.yml")):
        for run in _runs(_yaml(path)):
            for target in re.findall(r"\bmake (\w+)", run):
                assert target in targets, f"{path.name}: make {target}"


def test_pre_commit_runs_the_check() -> None:
    hooks = {hook["id"]: hook for repo in _yaml(REPO / ".pre-commit-config.yaml")["repos"] for hook in repo["hooks"]}
    assert hooks["playbook-check"]["entry"] == ".venv/bin/playbook check"
    assert re.match(hooks["playbook-check"]["files"], "plays/host-joint-info-session.yml")
    assert hooks["playbook-schemas"]["entry"].endswith("-m generator.jsonschema --check")


def test_the_issue_form_offers_the_playbooks_strategies() -> None:
    config, _ = load_config(REPO)
    form = _yaml(GITHUB / "ISSUE_TEMPLATE" / "propose-a-play.yml")
    strategy = next(item for item in form["body"] if item.get("id") == "strategy")
    assert strategy["attributes"]["options"][:-1] == [f"{s.number}. {s.title}" for s in config.strategies]


def test_the_pull_request_template_has_the_reviewers_checklist() -> None:
    template = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    assert len(re.findall(r"^- \[ \] ", template, flags=re.M)) >= 6
