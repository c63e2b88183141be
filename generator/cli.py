"""The `playbook` command: parse options, call one pipeline function, print."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .errors import BuildError, ConfigError, ContentError, Problem
from .pdf.documents import PAPERS
from .report import FORMATS, run_check
from .scaffold import add_arguments as add_new_arguments
from .scaffold import run_new

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="playbook", description="Build a STEM equity playbook from YAML.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--root", type=Path, default=Path("."), help="playbook folder (default: current folder)")
        return sub

    check = command("check", "validate the catalogue only")
    check.add_argument("--format", choices=FORMATS, default=None, help="output: text, json or github (default: github in Actions)")
    build = command("build", "validate, generate and build the site")
    build.add_argument("--site-dir", type=Path, default=None, help="where to put the site (default: ROOT/site)")
    build.add_argument("--paper", choices=PAPERS, default="letter", help="paper size of the PDFs (default: letter)")
    build.add_argument("--no-pdf", action="store_true", help="leave the PDFs out (faster; the pages then have no download links)")
    engines = ("mkdocs", "zensical")
    build.add_argument("--engine", choices=engines, default="mkdocs", help="what builds the site (default: mkdocs)")
    command("generate", "validate and write the Markdown for MkDocs or Zensical into ROOT/build/docs")
    pdf = command("pdf", "validate and write the PDFs (toolkit, playbook, play cards) into ROOT/build/pdf")
    pdf.add_argument("--paper", choices=PAPERS, default="letter", help="paper size (default: letter)")
    pdf.add_argument("--out-dir", type=Path, default=None, help="where to put the PDFs (default: ROOT/build/pdf)")
    serve = command("serve", "preview locally, rebuilding when content changes")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    add_new_arguments(command("new", "write a new play, vignette or toolkit item to fill in, e.g. new play --strategy 3 --title ..."))
    init = commands.add_parser("init", help="start a new playbook folder", description="start a new playbook folder")
    init.add_argument("folder", type=Path, help="the folder to create (new or empty)")
    return parser


def print_problems(problems: Sequence[Problem], root: Path) -> None:
    """Print problems one per line, errors and warnings alike, to stderr."""
    for problem in problems:
        print(problem.format(root), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    if args.command == "init":
        return _run_init(args.folder)
    root: Path = args.root.resolve()
    if not root.is_dir():
        print(f"playbook: error: --root {args.root}: no such folder", file=sys.stderr)
        return EXIT_USAGE
    try:
        return _run(args, root)
    except ContentError as exc:
        print_problems(exc.problems, root)
        errors = sum(p.severity == "error" for p in exc.problems)
        print(f"playbook: {errors} error(s); nothing was written", file=sys.stderr)
        return EXIT_CONTENT
    except ConfigError as exc:
        print(f"playbook: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BuildError as exc:
        print(f"playbook: build failed; the previous site is untouched\n{exc}", file=sys.stderr)
        return EXIT_CONTENT


def _run(args: argparse.Namespace, root: Path) -> int:
    from . import build as pipeline

    if args.command == "check":
        return run_check(root, args.format)
    if args.command == "new":
        return run_new(root, args, ask=input if sys.stdin.isatty() else None)
    if args.command == "generate":
        result = pipeline.generate(root)
        print_problems(result.warnings, root)
        print(result.summary("Generated"))
        return EXIT_OK
    if args.command == "build":
        result = pipeline.build(root, args.site_dir, outputs=_outputs(pipeline.OUTPUTS, args), engine=args.engine)
        print_problems(result.warnings, root)
        print(result.summary())
        return EXIT_OK
    if args.command == "pdf":
        return _run_pdf(root, args)
    from .serve import serve

    serve(root, args.dev_addr)
    return EXIT_OK


def _run_init(folder: Path) -> int:
    from .init import init_playbook

    try:
        written = init_playbook(folder.resolve())
    except ConfigError as exc:
        print(f"playbook: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"Started a playbook in {folder} ({len(written)} files). Next: cd {folder} && playbook check && playbook build")
    return EXIT_OK


def _outputs(outputs: Sequence[Any], args: argparse.Namespace) -> list[Any]:
    """The build's outputs, with the PDFs on the chosen paper or left out."""
    from .pdf import Downloads

    chosen = [o for o in outputs if not (args.no_pdf and isinstance(o, Downloads))]
    return [Downloads(args.paper) if isinstance(o, Downloads) else o for o in chosen]


def _run_pdf(root: Path, args: argparse.Namespace) -> int:
    from .build import BUILD_DIR, messages_for
    from .pdf import print_folder
    from .validate import check

    catalogue, warnings = check(root)
    print_problems(warnings, root)
    target = (args.out_dir or root / BUILD_DIR / "pdf").resolve()
    names = print_folder(catalogue, target, messages_for(catalogue), args.paper)
    documents = [name for name in names if "/" not in name]
    print(f"Wrote {', '.join(documents)} and {len(names) - len(documents)} play cards into {target}")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
