"""The `readiness` command: a thin shell over the library.

It parses arguments, calls the engine and prints. A user's mistake (a broken
file, a wrong answer, an unknown profile) becomes a located message and exit
code 1, never a traceback.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from readiness import __version__
from readiness.answers import load_answers
from readiness.answers_template import answers_template
from readiness.errors import Problem, ProblemsError, ReadinessError
from readiness.loader import load_questionnaire_with_warnings
from readiness.model import Questionnaire, ScoringPolicy
from readiness.scoring import score

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """The command line itself is wrong (an unknown profile name, say): exit 2, like argparse."""


def _print_problems(problems: Sequence[Problem], stream: TextIO) -> None:
    """Each problem as a linter shows it: location, message, the line with a caret, the fix."""
    for problem in problems:
        print(problem.render(), file=stream)


def _write(text: str, output: str | None) -> None:
    if output and output != "-":
        Path(output).write_text(text, encoding="utf-8")
        print(f"wrote {output}", file=sys.stderr)
    else:
        sys.stdout.write(text)


def cmd_validate(args: argparse.Namespace) -> int:
    failed = 0
    for path in args.paths:
        if str(path).lower().endswith(".xlsx"):  # a workbook: checked as `readiness import` reads it
            from readiness.xlsform import WorkbookError, read_workbook

            try:
                _, q = read_workbook(path)
            except WorkbookError as exc:
                failed += 1
                print("\n".join(str(p) for p in exc.problems))
                print(f"{path}: INVALID ({len(exc.problems)} problem(s))")
                continue
            print(f"{path}: OK — {q.id} {q.version}, {len(q.questions)} questions, {len(q.dimensions)} dimensions")
            continue
        try:
            result = load_questionnaire_with_warnings(path)
        except ProblemsError as exc:
            failed += 1
            _print_problems(exc.problems, sys.stdout)
            print(f"{path}: INVALID ({len(exc.errors)} error(s), {len(exc.warnings)} warning(s))")
            continue
        _print_problems(result.warnings, sys.stdout)
        q = result.questionnaire
        print(
            f"{path}: OK — {q.id} {q.version}, {len(q.questions)} questions, "
            f"{len(q.dimensions)} dimensions, {len(result.warnings)} warning(s)"
        )
    return EXIT_PROBLEMS if failed else EXIT_OK


def _load(path: str) -> Questionnaire:
    result = load_questionnaire_with_warnings(path)
    return result.questionnaire


def cmd_template(args: argparse.Namespace) -> int:
    questionnaire = _load(args.questionnaire)
    _write(answers_template(questionnaire, args.format, args.language), args.output)
    return EXIT_OK


def cmd_migrate(args: argparse.Namespace) -> int:
    from readiness.migrate import carried_file, migrate_answers

    old, new = _load(args.old), _load(args.new)
    answers, warnings = load_answers(old, args.answers)
    _print_problems([w for w in warnings if w.code != "RA109"], sys.stderr)
    migration = migrate_answers(old, new, answers)
    sys.stderr.write(migration.summary())
    _write(carried_file(new, migration, answers, args.format), args.output)
    return EXIT_OK


def _check_profile(questionnaire: Questionnaire, profile: str | None) -> None:
    known = [p.id for p in questionnaire.profiles]
    if profile is not None and profile not in known:
        raise UsageError(f"argument --profile: unknown target profile {profile!r} (choose from {', '.join(known)})")


def cmd_score(args: argparse.Namespace) -> int:
    questionnaire = _load(args.questionnaire)
    _check_profile(questionnaire, args.profile)
    answers, warnings = load_answers(questionnaire, args.answers)
    policy = questionnaire.scoring
    if args.dont_know or args.not_applicable:
        policy = ScoringPolicy(  # the questionnaire's other policies (blanks, roll-up) stay as it says
            **{
                **policy.model_dump(),
                "dont_know": args.dont_know or policy.dont_know,
                "not_applicable": args.not_applicable or policy.not_applicable,
            }
        )
    result = score(questionnaire, answers, args.profile, policy=policy, language=args.language, warnings=warnings)
    if args.format == "markdown":
        from readiness.report import build_report, render_markdown

        text = render_markdown(build_report(questionnaire, result, answers))
    else:
        text = json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n"
    _write(text, args.output)
    # Scoring's own warnings (unanswered questions) are about the answers file.
    _print_problems([w if w.file else replace(w, file=args.answers) for w in result.warnings], sys.stderr)
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from readiness.report import REPORT_TABLES, file_name, render, table_slug

    if args.table and args.format != "csv":
        raise UsageError(f"argument --table: a single table is a CSV file; add --format csv (not {args.format})")
    if args.full and args.format != "pdf":
        raise UsageError(f"argument --full: only the PDF has a shorter summary form (the {args.format} is complete)")
    if args.format == "csv" and not args.table and args.output not in (None, "-") and not args.output.endswith(".zip"):
        raise UsageError(
            f"argument -o: every table is its own CSV file, zipped together: name the output *.zip, "
            f"or write one table with --table ({', '.join(table_slug(t) for t in REPORT_TABLES)})"
        )
    questionnaire = _load(args.questionnaire)
    _check_profile(questionnaire, args.profile)
    answers, warnings = load_answers(questionnaire, args.answers)
    result = score(questionnaire, answers, args.profile, language=args.language, warnings=warnings)
    data = render(args.format, questionnaire, result, answers, paper=args.paper, full=args.full, table=args.table)
    default = file_name(answers.business, "pdf_full" if args.full else args.format)
    if args.table:
        default = default.removesuffix(".csv.zip") + f"-{args.table}.csv"
    output = args.output or default
    if output == "-":
        sys.stdout.buffer.write(data)
    else:
        Path(output).write_bytes(data)
        print(f"wrote {output} ({len(data):,} bytes)", file=sys.stderr)
    return EXIT_OK


def cmd_surge(args: argparse.Namespace) -> int:
    from readiness import surge
    from readiness.catalog import discover
    from readiness.errors import with_excerpts
    from readiness.yamlsource import parse_yaml, read_text

    text, problems = read_text(args.inputs, code="RA001")
    if text is None:
        raise ProblemsError(problems, f"cannot read {args.inputs}")
    source, problems = parse_yaml(text, args.inputs)
    if any(p.is_error for p in problems):  # e.g. a 400-digit number: never read as a value
        raise ProblemsError(with_excerpts(problems, text, args.inputs), f"cannot read {args.inputs}")
    if not isinstance(source.data, dict):
        raise ProblemsError(
            problems or [Problem("RA002", "expected a mapping", args.inputs)], f"cannot read {args.inputs}"
        )
    questionnaire = None
    if "answers" in source.data:
        if args.questionnaire:
            questionnaire = _load(args.questionnaire)
        else:  # find it by the id the answers file names
            wanted = source.data.get("questionnaire")
            folder = Path(__file__).resolve().parent.parent / "questionnaires"
            found = [e.questionnaire for e in discover(folder) if e.questionnaire and e.id == wanted]
            if not found:
                raise ReadinessError(
                    f"the answers file is for questionnaire {wanted!r}; pass it with --questionnaire PATH"
                )
            questionnaire = found[0]
    inputs, setup = surge.setup_from_document(source.data, questionnaire)
    if setup is not None and args.kind:
        setup = setup.edit({}, kind=args.kind)
    if args.scenario == surge.KNOWN_EVENT:
        event = surge.known_event(setup.values(), setup.event_kind) if setup is not None else None
        if event is None:
            raise ReadinessError("no known event ahead in these inputs: answer its size (event_multiple) first")
        scenario = surge.resized(event, args.multiplier, args.days, args.padding, args.prebuild)
    else:
        scenario = surge.scenario_from_preset(args.scenario, args.multiplier, args.days, args.padding, args.prebuild)
    analysis = surge.analyse(
        setup if setup is not None else inputs,
        scenario,
        expansion=args.policy,
        horizon=args.horizon,
        currency=args.currency,
    )
    if args.format == "markdown":
        name = source.data.get("business") if isinstance(source.data.get("business"), str) else ""
        text = surge.markdown(analysis, name)
    else:
        text = json.dumps(analysis.to_dict(), indent=2, ensure_ascii=False) + "\n"
    _write(text, args.output)
    return EXIT_OK


def _choice(kind: str, options: Callable[[], Sequence[str]]) -> Callable[[str], str]:
    """An argparse type that names the options and the closest one, so a typo is wrong usage (exit 2)."""

    def check(value: str) -> str:
        known = list(options())
        if value not in known:
            close = difflib.get_close_matches(value, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise argparse.ArgumentTypeError(f"unknown {kind} {value!r}{hint} (choose from {', '.join(known)})")
        return value

    return check


def _number(low: float, high: float, whole: bool = False) -> Callable[[str], float]:
    def check(value: str) -> float:
        try:
            number = int(value) if whole else float(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a {'whole ' if whole else ''}number") from None
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"{value} is outside {low:g} to {high:g}")
        return number

    return check


def _presets() -> list[str]:
    from readiness.surge.scenarios import KNOWN_EVENT, PRESETS

    return [*PRESETS, KNOWN_EVENT]


def _currency(value: str) -> str:
    from readiness.currency import CurrencyError, check_currency

    try:
        return check_currency(value)
    except CurrencyError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def cmd_import(args: argparse.Namespace) -> int:
    from readiness.xlsform import read_workbook

    text, questionnaire = read_workbook(args.workbook)
    _write(text, args.output)
    print(
        f"{args.workbook}: OK — {questionnaire.id} {questionnaire.version}, {len(questionnaire.questions)} questions",
        file=sys.stderr,
    )
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from readiness.xlsform_export import export_workbook

    questionnaire = _load(args.questionnaire)
    data = export_workbook(questionnaire)
    output = args.output or f"{questionnaire.id}.xlsx"
    if output == "-":
        sys.stdout.buffer.write(data)
    else:
        Path(output).write_bytes(data)
        print(f"wrote {output} ({len(data):,} bytes)", file=sys.stderr)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from readiness.schema import json_schema

    _write(json.dumps(json_schema(), indent=2) + "\n", args.output)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    from readiness.report import REPORT_TABLES, table_slug

    parser = argparse.ArgumentParser(
        prog="readiness",
        description="Score how ready a business is to grow fast, and show where it will break.",
        epilog="Exit codes: 0 success, 1 a problem in your files or answers, 2 wrong command usage.",
    )
    parser.add_argument("--version", action="version", version=f"readiness {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "validate",
        help="check questionnaire files and list every problem",
        description="Check questionnaire files. Prints every problem as "
        "PATH:LINE:COL: CODE message, with a hint. Exit 0 when all are valid.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="questionnaire YAML file(s) or workbooks (.xlsx)")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser(
        "template",
        help="write an answers file to fill in",
        description="Write an answers file listing every question id with its allowed values.",
    )
    p.add_argument("questionnaire", metavar="QUESTIONNAIRE", help="questionnaire YAML file")
    p.add_argument("--format", choices=["yaml", "json"], default="yaml", help="file format (default: yaml)")
    p.add_argument("--language", help="language of the comments (default: the questionnaire's first)")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    p.set_defaults(func=cmd_template)

    p = sub.add_parser(
        "migrate-answers",
        help="carry an answers file over to a new questionnaire version",
        description="Show which answers to the OLD questionnaire carry over to the NEW one (kept, "
        "reworded: check, not carried and why, new questions), and write the new version's answers file "
        "with the carried answers filled in. Assessments stored on the old version keep their own "
        "snapshot and scores; this is for the next assessment.",
    )
    p.add_argument("old", metavar="OLD", help="the questionnaire the answers were written for")
    p.add_argument("new", metavar="NEW", help="the new questionnaire version")
    p.add_argument("answers", metavar="ANSWERS", help="answers file (YAML or JSON) for OLD")
    p.add_argument("--format", choices=["yaml", "json"], default="yaml", help="file format (default: yaml)")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    p.set_defaults(func=cmd_migrate)

    p = sub.add_parser(
        "score",
        help="score an answers file",
        description="Score an answers file against its questionnaire. JSON has `overall`, "
        "`dimensions`, `balance`, `findings` and `warnings`; markdown is the report's summary, its first "
        "findings and the 30/60/90-day plan.",
    )
    p.add_argument("questionnaire", metavar="QUESTIONNAIRE", help="questionnaire YAML file")
    p.add_argument("answers", metavar="ANSWERS", help="answers file (YAML or JSON)")
    p.add_argument("--profile", help="target profile id (default: the answers file's, else the questionnaire's)")
    p.add_argument("--format", choices=["json", "markdown"], default="json", help="output format (default: json)")
    p.add_argument(
        "--dont-know",
        choices=["lowest", "exclude"],
        help="how 'don't know' counts (default: the questionnaire's policy, normally lowest)",
    )
    p.add_argument(
        "--not-applicable",
        choices=["exclude", "lowest"],
        help="how 'not applicable' counts (default: the questionnaire's policy, normally exclude)",
    )
    p.add_argument("--language", help="language of the texts in the result")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    p.set_defaults(func=cmd_score)

    p = sub.add_parser(
        "report",
        help="write a score report (HTML, PDF, CSV, Excel or JSON)",
        description="Write a report of an answers file: a self-contained HTML page, a two-page PDF "
        "summary (--full for every detail), Excel (one sheet per table, numbers as numbers), CSV (one "
        "file per table in a zip, or one table with --table), or the full result as JSON.",
    )
    p.add_argument("questionnaire", metavar="QUESTIONNAIRE", help="questionnaire YAML file")
    p.add_argument("answers", metavar="ANSWERS", help="answers file (YAML or JSON)")
    p.add_argument(
        "--format", choices=["html", "pdf", "csv", "xlsx", "json"], default="html", help="report format (default: html)"
    )
    p.add_argument("--profile", help="target profile id (default: the answers file's, else the questionnaire's)")
    p.add_argument("--paper", choices=["A4", "Letter"], default="A4", help="page size for printing and PDF")
    p.add_argument(
        "--full",
        action="store_true",
        help="PDF only: the two-page summary followed by every detail as an appendix (every finding, the "
        "60/90-day plan, every answer, the charts, the method); without it the PDF is the summary",
    )
    p.add_argument(
        "--table",
        choices=[table_slug(name) for name in REPORT_TABLES],
        help="CSV only: write this one table as a plain CSV file instead of the zip of all five",
    )
    p.add_argument("--language", help="language of the texts")
    p.add_argument(
        "-o",
        "--output",
        help="file to write (default: readiness-<business>-<date>.<format>, .csv.zip for CSV, -full.pdf with "
        "--full, -<table>.csv with --table; - for stdout)",
    )
    p.set_defaults(func=cmd_report)

    p = sub.add_parser(
        "surge",
        help="stress-test a surge or a shortfall in demand: what breaks first, when, and what it costs",
        description="Simulate demand day by day from an answers file (with its questionnaire), a surge "
        "inputs file, or named values (orders_per_day: 120, kind: services, ...): what breaks first, orders "
        "and cash at stake, what each fix saves, cautious against aggressive expansion, and how much each "
        "assumption matters. Unanswered inputs fall back to labelled assumptions. See docs/surge.md.",
    )
    p.add_argument("inputs", metavar="ANSWERS_OR_INPUTS", help="answers file, or surge inputs (YAML or JSON)")
    p.add_argument(
        "--scenario",
        default="tv_spot",
        type=_choice("scenario", _presets),
        help="a preset: tv_spot, viral_post, retail_contract, holiday_season, word_of_mouth (surges); "
        "padded_forecast, failed_season, lost_contract (shortfalls); known_event (the event ahead in your "
        "answers). Default: tv_spot",
    )
    p.add_argument("--multiplier", type=_number(0, 1000), help="times normal demand (overrides the preset)")
    p.add_argument("--days", type=_number(1, 100_000, whole=True), help="length in days (overrides the preset)")
    p.add_argument("--padding", type=_number(0, 500), help="%% the forecast production follows is padded by")
    p.add_argument("--prebuild", type=_number(0, 365), help="days of sales made into stock beforehand")
    p.add_argument(
        "--policy",
        choices=["never", "cautious", "aggressive"],
        help="expansion policy for the main run (default: cautious); all three are compared",
    )
    p.add_argument(
        "--kind", choices=["goods", "services", "software", "both"], help="kind of business (overrides the answers)"
    )
    p.add_argument("--currency", type=_currency, default="USD", help="currency of the money (default: USD)")
    p.add_argument("--horizon", type=_number(1, 3650, whole=True), default=180, help="days simulated (default: 180)")
    p.add_argument("--questionnaire", help="the answers file's questionnaire (default: found by its id)")
    p.add_argument("--format", choices=["json", "markdown"], default="markdown", help="output (default: markdown)")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    p.set_defaults(func=cmd_surge)

    p = sub.add_parser(
        "import",
        help="turn an XLSForm-style workbook into questionnaire YAML",
        description="Read a workbook (survey, choices and settings sheets, plus Readiness' own columns and "
        "sheets; see docs/bring-your-framework.md) and write the questionnaire YAML. Every problem is "
        "listed by sheet, row and column.",
    )
    p.add_argument("workbook", metavar="FORM.xlsx", help="the workbook")
    p.add_argument("-o", "--output", help="write the YAML to this file instead of standard output")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser(
        "export",
        help="write a questionnaire as an XLSForm-style workbook",
        description="Write a questionnaire as a workbook that `readiness import` reads back unchanged.",
    )
    p.add_argument("questionnaire", metavar="QUESTIONNAIRE", help="questionnaire YAML file")
    p.add_argument("--format", choices=["xlsx"], default="xlsx", help="file format (default: xlsx)")
    p.add_argument("-o", "--output", help="output file (default: ID.xlsx; - for standard output)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "schema",
        help="print the JSON Schema of the questionnaire format",
        description="Print the JSON Schema of questionnaire files, for editor autocompletion.",
    )
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    p.set_defaults(func=cmd_schema)

    from readiness.store.commands import register as register_db_commands

    register_db_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except UsageError as exc:
        print(f"{parser.prog} {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ProblemsError as exc:
        print(exc.summary, file=sys.stderr)
        _print_problems(exc.problems, sys.stderr)
        return EXIT_PROBLEMS
    except ReadinessError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except OSError as exc:
        print(f"error: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except BrokenPipeError:  # pragma: no cover - e.g. `readiness schema | head`
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
