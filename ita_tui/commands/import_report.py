"""`ita-tui import REPORT [-o OUT] [--force]`: last year's report → a checklist file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ita_tui.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UserError
from ita_tui.i18n import Lang, Message

if TYPE_CHECKING:
    from ita_tui.cli_parser import ItaParser
    from ita_tui.importer import ImportResult

SUMMARY = "cli.import.summary"
HELP = "cli.import.help"

# Formats people will try first; they need converting (docs/import.md says how).
_CONVERT_FIRST = (".doc", ".pdf", ".odt", ".xls", ".ods", ".rtf")


def add_arguments(parser: ItaParser) -> None:
    """The command's arguments."""
    parser.add_argument("report", metavar="REPORT", help=parser.tr("cli.import.report"))
    parser.add_argument("-o", "--output", metavar="OUT", help=parser.tr("cli.import.output"))
    parser.add_argument("--force", action="store_true", help=parser.tr("cli.force_help"))


def run(args: argparse.Namespace) -> int:
    """Import the report, write the checklist, print the summary and the notices."""
    from ita_tui.console import say, warn
    from ita_tui.exports.destination import check_target
    from ita_tui.importer import summary_lines, to_toml

    lang: Lang = args.ui_lang
    report = Path(args.report)
    output = _output_path(report, args.output)
    if output is not None:
        check_target(output, force=args.force)
    result = _parse(report, args.report)
    for notice in result.notices:
        warn(notice.render(args.report, lang))
    summary = sys.stderr if output is None else sys.stdout
    if not result.items():
        warn(Message.of("cli.import.nothing", report=args.report).render(lang))
        return EXIT_PROBLEMS
    checklist = to_toml(result)
    problems = _problems(checklist, str(output or "-"), lang)
    if output is None:
        sys.stdout.write(checklist)
    else:
        _write(output, checklist, overwrite=args.force)
        say(Message.of("cli.import.wrote", path=str(output)).render(lang), summary)
    for line in summary_lines(result, lang):
        say(line, summary)
    for line in problems:
        warn(line)
    return EXIT_OK if result.clean and not problems else EXIT_PROBLEMS


def _problems(checklist: str, name: str, lang: Lang) -> list[str]:
    """What ``validate`` would say of the checklist written, headed by one line; none when clean.

    The importer writes only what it read; this is the net under it, so that a checklist
    its own ``validate`` rejects is never written without a word.
    """
    from ita_tui.checklist_file import locate, parse_toml
    from ita_tui.errors import ChecklistError
    from ita_tui.schema import build_checklist

    try:
        _, issues = build_checklist(parse_toml(checklist, name))
    except ChecklistError as error:
        problems = error.problems
    else:
        problems = [p for p in locate(issues, checklist, name) if not p.warning]
    if not problems:
        return []
    head = Message.of("cli.import.invalid", path=name, count=len(problems)).render(lang)
    return [head, *(problem.render(lang) for problem in problems)]


def _output_path(report: Path, option: str | None) -> Path | None:
    """Where to write: OUT, or REPORT's stem + .toml in the current folder; None for stdout."""
    if option == "-":
        return None
    return Path(option) if option else Path(f"{report.stem}.toml")  # relative: the current folder


def _parse(report: Path, source: str) -> ImportResult:
    """Read the report by its kind: Word and Excel through their readers, else as text."""
    from ita_tui.importer import parse_blocks, parse_report

    suffix = report.suffix.lower()
    if suffix in _CONVERT_FIRST:
        raise UserError(Message.of("cli.import.convert_first", path=str(report), suffix=report.suffix))
    if suffix == ".docx":
        from ita_tui.importing.docx_reader import read_docx

        return parse_blocks(read_docx(_bytes(report), source), source)
    if suffix == ".xlsx":
        from ita_tui.importing.xlsx_reader import read_xlsx

        return parse_blocks(read_xlsx(_bytes(report), source), source)
    return parse_report(_text(report), source)


def _bytes(report: Path) -> bytes:
    from ita_tui.checklist_file import A_REPORT, read_bytes

    # The loader's reader: the same messages, and the same size limit against a stray huge file.
    return read_bytes(report, A_REPORT)


def _text(report: Path) -> str:
    """The report's text; a UserError (exit 2) with a one-line reason if it cannot be read."""
    data = _bytes(report)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        byte = f"{data[error.start]:02x}"
        raise UserError(
            Message.of("cli.import.not_utf", path=str(report), byte=byte, offset=error.start), EXIT_USAGE
        ) from None


def _write(output: Path, text: str, *, overwrite: bool) -> None:
    """Write OUT whole (temp file, fsync, rename), never over a file unless *overwrite*."""
    from ita_tui.exports.destination import write_new

    write_new(output, text.encode("utf-8"), overwrite=overwrite)
