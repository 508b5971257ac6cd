"""argparse in the interface language: help, usage and argparse's own messages from the catalogue.

argparse builds its words with :mod:`gettext` (``argparse._`` and ``argparse.ngettext``,
looked up when a message is made).  :func:`argparse_in` points those two at the
catalogue (:data:`ARGPARSE_KEYS`) while a parser is built, parses or prints its help,
so ``ita-tui --lang th show`` says ``วิธีใช้:``, ``ตัวเลือก`` and ``ต้องระบุ FILE`` instead of
``usage:``, ``options`` and ``the following arguments are required: FILE``.  A message
argparse makes that is not in the table stays English; ``tests/test_cli_language.py``
lists every message of the running Python's argparse and fails on one that is missing.

Command modules describe their arguments with catalogue keys through :meth:`ItaParser.tr`.
"""

from __future__ import annotations

import argparse
import contextlib
import textwrap
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from typing import Any, NoReturn

from ita_tui.errors import EXIT_USAGE, UserError
from ita_tui.i18n import CATALOGUE, Lang, Message, t

# argparse's message (its gettext msgid) -> catalogue key.  The catalogue keeps argparse's
# %-placeholders, as argparse fills them in after translating.
ARGPARSE_KEYS: dict[str, str] = {
    "usage: ": "cli.argparse.usage",
    "positional arguments": "cli.argparse.positionals",
    "options": "cli.argparse.options",
    "optional arguments": "cli.argparse.options",  # before Python 3.10
    "show this help message and exit": "cli.argparse.help",
    "argument %(argument_name)s: %(message)s": "cli.argparse.argument",
    "unrecognized arguments: %s": "cli.argparse.unrecognized",
    "the following arguments are required: %s": "cli.argparse.required",
    "expected one argument": "cli.argparse.expected_one",
    "expected at most one argument": "cli.argparse.expected_at_most_one",
    "expected at least one argument": "cli.argparse.expected_at_least_one",
    "expected %s argument": "cli.argparse.expected_n",
    "expected %s arguments": "cli.argparse.expected_n",
    "ambiguous option: %(option)s could match %(matches)s": "cli.argparse.ambiguous",
    "not allowed with argument %s": "cli.argparse.not_allowed_with",
    "ignored explicit argument %r": "cli.argparse.ignored_value",
    "one of the arguments %s is required": "cli.argparse.one_of_required",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli.argparse.invalid_choice",
    "invalid %(type)s value: %(value)r": "cli.argparse.invalid_value",
    "unexpected option string: %s": "cli.argparse.unexpected_option",
    "%(prog)s: error: %(message)s\n": "cli.argparse.error",
    "%(prog)s: warning: %(message)s\n": "cli.argparse.warning",
    "option '%(option)s' is deprecated": "cli.argparse.deprecated_option",
    "argument '%(argument_name)s' is deprecated": "cli.argparse.deprecated_argument",
}


def _translator(lang: Lang) -> tuple[Callable[[str], str], Callable[[str, str, int], str]]:
    def gettext(message: str) -> str:
        key = ARGPARSE_KEYS.get(message)
        return t(key, lang) if key else message

    def ngettext(singular: str, plural: str, count: int) -> str:
        key = ARGPARSE_KEYS.get(singular if count == 1 else plural)
        if key:
            return t(key, lang)
        return singular if count == 1 else plural

    return gettext, ngettext


# The language argparse speaks now (for the messages of our own argument types).
_SPEAKING: ContextVar[Lang] = ContextVar("ita_tui_argparse_lang", default="en")


@contextlib.contextmanager
def argparse_in(lang: Lang) -> Iterator[None]:
    """argparse's own words in *lang* for the duration (restored after, even on an error)."""
    saved = {name: getattr(argparse, name) for name in ("_", "ngettext") if hasattr(argparse, name)}
    gettext, ngettext = _translator(lang)
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
    token = _SPEAKING.set(lang)
    try:
        yield
    finally:
        _SPEAKING.reset(token)
        for name, value in saved.items():
            setattr(argparse, name, value)


def words(text: str, lang: Lang, **fields: object) -> str:
    """*text* in *lang* when it is a catalogue key, else as it is (a command not yet translated)."""
    return t(text, lang, **fields) if text in CATALOGUE else text


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout, never breaking a word at its hyphen (``in-progress``)."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return textwrap.fill(
            " ".join(text.split()),
            width,
            initial_indent=indent,
            subsequent_indent=indent,
            break_on_hyphens=False,
        )


class RawDescriptionHelpFormatter(HelpFormatter):
    """:class:`HelpFormatter` that keeps the description's and epilog's lines as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "".join(indent + line for line in text.splitlines(keepends=True))


class ItaParser(argparse.ArgumentParser):
    """An argument parser that speaks *lang* and reports usage errors as one line, exit 2."""

    def __init__(self, *, prog: str, description: str, lang: Lang, **kwargs: Any) -> None:
        self.lang: Lang = lang
        kwargs.setdefault("formatter_class", HelpFormatter)
        with argparse_in(lang):
            super().__init__(prog=prog, description=description, **kwargs)

    def tr(self, key: str, /, **fields: object) -> str:
        """The catalogue string *key* in the parser's language (for help texts)."""
        return t(key, self.lang, **fields)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        with argparse_in(self.lang):
            return super().parse_args(args, namespace)

    def format_help(self) -> str:
        with argparse_in(self.lang):
            return super().format_help()

    def format_usage(self) -> str:
        with argparse_in(self.lang):
            return super().format_usage()

    def error(self, message: str) -> NoReturn:
        raise UserError(Message.of("cli.usage_error", prog=self.prog, message=message), EXIT_USAGE)


def whole_number(minimum: int) -> Callable[[str], int]:
    """An argparse ``type`` for a whole number of at least *minimum* (Thai digits work).

    Its error is a catalogue message (argparse's own would name the Python type, ``int``).
    """

    def parse(text: str) -> int:
        from ita_tui.thai import NumberError, parse_int

        try:
            value = parse_int(text)
        except NumberError as error:
            raise argparse.ArgumentTypeError(t(error.key, _SPEAKING.get(), **error.fields)) from None
        if value < minimum:
            raise argparse.ArgumentTypeError(t("cli.at_least", _SPEAKING.get(), minimum=minimum))
        return value

    return parse
