"""`ita-tui import REPORT [-o OUT] [--force]`: last year's report → a checklist file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ita_tui.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UserError

if TYPE_CHECKING:
    from ita_tui.importer import ImportResult

HELP = (
    "Read an ITA report (Word .docx, Excel .xlsx, or Markdown or HTML tables) "
    "and write a checklist. Exit 0 clean, 1 if rows were skipped or something was ambiguous, "
    "2 if the report could not be read. See docs/import.md."
)

# Formats people will try first; they need converting (docs/import.md says how).
_CONVERT_FIRST = (".doc", ".pdf", ".odt", ".xls", ".ods", ".rtf")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's arguments."""
    parser.add_argument("report", help="the report: .docx, .xlsx, .md / .txt (Markdown tables) or .html")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="checklist to write (default: REPORT's name with .toml, in the current folder; - for stdout)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite OUT if it exists")


def run(args: argparse.Namespace) -> int:
    """Import the report, write the checklist, print the summary and the notices."""
    from ita_tui.importer import summary_lines, to_toml
    from ita_tui.sanitize import clean_line

    report = Path(args.report)
    output = _output_path(report, args.output)
    if output is not None and output.exists() and not args.force:
        raise UserError(f"{output}: already exists; use --force to overwrite it", EXIT_USAGE)
    result = _parse(report, args.report)
    for notice in result.notices:
        print(clean_line(notice.render(args.report)), file=sys.stderr)
    summary = sys.stderr if output is None else sys.stdout
    if not result.items():
        print(f"{args.report}: nothing imported, no checklist written", file=sys.stderr)
        return EXIT_PROBLEMS
    checklist = to_toml(result)
    if output is None:
        sys.stdout.write(checklist)
    else:
        _write(output, checklist, overwrite=args.force)
        print(f"wrote {output}", file=summary)
    for line in summary_lines(result):
        print(clean_line(line), file=summary)
    return EXIT_OK if result.clean else EXIT_PROBLEMS


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
        raise UserError(
            f"{report}: {report.suffix} files are not read directly; save the report as .docx or "
            ".xlsx, or convert it to Markdown or HTML (see docs/import.md)",
            EXIT_USAGE,
        )
    if suffix == ".docx":
        from ita_tui.importing.docx_reader import read_docx

        return parse_blocks(read_docx(_bytes(report), source), source)
    if suffix == ".xlsx":
        from ita_tui.importing.xlsx_reader import read_xlsx

        return parse_blocks(read_xlsx(_bytes(report), source), source)
    return parse_report(_text(report), source)


def _bytes(report: Path) -> bytes:
    from ita_tui.checklist_file import read_bytes

    # The loader's reader: the same messages, and the same size limit against a stray huge file.
    return read_bytes(report, "a report")


def _text(report: Path) -> str:
    """The report's text; a UserError (exit 2) with a one-line reason if it cannot be read."""
    data = _bytes(report)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UserError(
            f"{report}: not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "save it as UTF-8 and try again",
            EXIT_USAGE,
        ) from None


def _write(output: Path, text: str, *, overwrite: bool) -> None:
    """Write OUT whole (temp file, fsync, rename), never over a file unless *overwrite*."""
    from ita_tui.exports.destination import write_new

    write_new(output, text.encode("utf-8"), overwrite=overwrite)
