"""Write a synthetic playbook folder of any size, valid against the repository's playbook.yml.

Used by the scale benchmark and its test. Deterministic for a given size and
seed: the same catalogue comes out every time, so runs can be compared.
Proportions follow the sample catalogue: half the plays enacted, a vignette
for every enacted play (about one vignette per three plays), one toolkit item
per fifty plays, some soundbites, related plays and tags.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
SYLLABLES = (
    "ba be bi bo bu da de di do du fa fe fi fo ga ge go ka ke ki ko la le li lo lu ma me mi mo mu "
    "na ne ni no nu pa pe pi po ra re ri ro ru sa se si so ta te ti to tu va ve vi vo za ze zo"
).split()
WORDS = (
    "program programs students ecosystem admissions family families school schools college mentor "
    "science engineering math research summer cohort network partner partners funding policy data "
    "equity access pathway pathways community teachers counselor showcase convening evidence story "
    "region city county district workshop session outreach careers lab robotics coding design"
).split()
TOOLKIT_KINDS = ("video", "document", "template", "checklist", "guide", "link")


@dataclass(frozen=True)
class Counts:
    """How many items of each kind a synthetic catalogue has."""

    plays: int
    vignettes: int
    toolkit: int

    @classmethod
    def for_plays(cls, plays: int) -> Counts:
        """Vignettes and toolkit items in the sample catalogue's proportions."""
        enacted = (plays + 1) // 2
        return cls(plays, max(1, min(enacted, plays // 3)), max(3, plays // 50))


class _Writer:
    """Generates content with one seeded random source."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        # A vocabulary that grows like a real one: common words plus many rarer made-up ones,
        # so the search index holds a realistic number of distinct terms.
        made_up = {"".join(self.rng.choices(SYLLABLES, k=self.rng.randint(2, 4))) for _ in range(6000)}
        self.vocabulary = WORDS * 20 + sorted(made_up)

    def words(self, count: int) -> str:
        return " ".join(self.rng.choices(self.vocabulary, k=count))

    def sentence(self, count: int) -> str:
        text = self.words(count)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, words: int) -> str:
        sentences, left = [], words
        while left > 0:
            size = min(left, self.rng.randint(8, 18))
            sentences.append(self.sentence(size))
            left -= size
        return " ".join(sentences)

    def body(self, words: int = 150) -> str:
        """Markdown of about `words` words under two headings, with some emphasis and a list."""
        first, second = words // 2, words - words // 2 - 12
        emphasis = self.words(2)
        items = "\n".join(f"- {self.sentence(4)}" for _ in range(3))
        guide = self.words(2)
        link = f" See [the {guide} guide](https://example.org/guides/{guide.replace(' ', '-')})." if self.rng.random() < 0.2 else ""
        return (
            f"## Why it matters\n\n{self.paragraph(first)} It takes **{emphasis}**.{link}\n\n"
            f"## How to start\n\n{self.paragraph(second)}\n\n{items}\n"
        )

    def summary(self) -> str:
        """One or two sentences that fit on a card (the review rules warn above 200 characters)."""
        text = self.sentence(self.rng.randint(12, 22))
        return text if len(text) <= 200 else text[:199].rsplit(" ", 1)[0] + "."

    def title(self, prefix: str, number: int) -> str:
        return f"{prefix} {self.words(self.rng.randint(3, 7))} {number}"


class _Dumper(yaml.SafeDumper):
    """Writes multi-line text as literal blocks, the way contributors write bodies."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)


def _dump(path: Path, data: dict[str, Any]) -> None:
    path.write_text(yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")


def write_catalogue(root: Path, plays: int, seed: int = 1) -> Counts:
    """Write a playbook folder with `plays` plays (and vignettes and toolkit in proportion) into `root`."""
    counts = Counts.for_plays(plays)
    writer, rng, today = _Writer(seed), random.Random(seed + 1), dt.date.today()
    root.mkdir(parents=True, exist_ok=True)
    for name in ("playbook.yml", "mkdocs.yml"):
        shutil.copy2(REPO / name, root / name)
    # One language: the sample's Spanish edition translates its own plays, not synthetic ones.
    playbook = root / "playbook.yml"
    playbook.write_text(playbook.read_text(encoding="utf-8").replace("languages: [en, es]", "languages: [en]"), encoding="utf-8")
    config = yaml.safe_load((REPO / "playbook.yml").read_text(encoding="utf-8"))
    strategies = [s["id"] for s in config["strategies"]]
    facets = {f["id"]: [v["id"] for v in f["values"]] for f in config.get("facets", [])}
    sections = [s["id"] for s in config["toolkit_sections"]]
    play_ids = [f"play-{i:05d}" for i in range(counts.plays)]
    toolkit_ids = [f"item-{i:04d}" for i in range(counts.toolkit)]
    tags = [f"{writer.words(1)}-{i}" for i in range(max(20, plays // 25))]
    for folder in ("plays", "vignettes", "toolkit"):
        (root / folder).mkdir(exist_ok=True)

    for index, ident in enumerate(play_ids):
        play: dict[str, Any] = {
            "title": writer.title("Play", index),
            "strategy": strategies[index % len(strategies)],
            "status": "enacted" if index % 2 == 0 else "aspirational",
            "summary": writer.summary(),
            "body": writer.body(150),
            "steps": [writer.sentence(rng.randint(4, 9)) for _ in range(rng.randint(3, 6))],
            "facets": {facet: rng.sample(values, rng.randint(1, min(3, len(values)))) for facet, values in facets.items()},
        }
        if index % 3 == 0:
            play["soundbites"] = [
                {"quote": writer.sentence(rng.randint(10, 25)), "speaker": "Ecosystem lead", "cohort": f"Cohort {1 + index % 4}"}
                for _ in range(rng.randint(1, 2))
            ]
        # The next play is always related, so no play is left unlinked (a review warning).
        related = {(index + 1) % counts.plays} | {rng.randrange(counts.plays) for _ in range(rng.randint(0, 2))}
        related -= {index}
        if related:
            play["related"] = [play_ids[r] for r in sorted(related)]
        if index % 4 == 0:
            play["toolkit"] = sorted(set(rng.sample(toolkit_ids, min(2, len(toolkit_ids)))))
        play["tags"] = sorted(set(rng.sample(tags, rng.randint(1, 3))))
        # Dates relative to today: never in the future, never old enough to warn.
        play["reviewed"] = today - dt.timedelta(days=1 + index % 300)
        _dump(root / "plays" / f"{ident}.yml", play)

    # Every enacted play gets a vignette: enacted plays are dealt round-robin over the vignettes.
    enacted = play_ids[::2]
    covers: list[list[str]] = [[] for _ in range(counts.vignettes)]
    for position, ident in enumerate(enacted):
        covers[position % counts.vignettes].append(ident)
    for index, plays_covered in enumerate(covers):
        vignette = {
            "title": writer.title("Story", index),
            "ecosystem": f"{writer.words(2).title()} Learning Ecosystem",
            "place": f"{writer.words(1).title()}, Pennsylvania",
            "cohort": f"Cohort {1 + index % 4}",
            "plays": plays_covered,
            "year": today.year - 1 - index % 4,
            "illustrative": True,
            "story": writer.body(180),
            "outcomes": [{"figure": str(rng.randint(2, 90)), "label": writer.words(6)} for _ in range(2)],
        }
        _dump(root / "vignettes" / f"story-{index:05d}.yml", vignette)

    for index, ident in enumerate(toolkit_ids):
        kind = TOOLKIT_KINDS[index % len(TOOLKIT_KINDS)]
        # A video must link its transcript (the accessibility rules require it).
        transcript = f"\n[Read the transcript of the video](https://example.org/toolkit/{ident}/transcript)\n" if kind == "video" else ""
        item = {
            "title": writer.title("Resource", index),
            "section": sections[index % len(sections)],
            "kind": kind,
            "summary": writer.summary(),
            "body": writer.body(120) + transcript,
            "url": f"https://example.org/toolkit/{ident}",
            "plays": sorted(rng.sample(play_ids, min(3, len(play_ids)))),
        }
        _dump(root / "toolkit" / f"{ident}.yml", item)
    return counts


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Write a synthetic playbook folder.")
    parser.add_argument("root", type=Path)
    parser.add_argument("--plays", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(write_catalogue(args.root, args.plays, args.seed))
