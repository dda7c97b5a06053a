"""The `facilitator` command.

The commands here need no screen and must start fast, so this module imports
nothing from Textual; the screen app is imported only when it is asked for.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from facilitator import __version__
from facilitator.errors import FacilitatorError, UserError
from facilitator.i18n import Lang, resolve_lang
from facilitator.i18n.words import argparse_translation
from facilitator.i18n.words import cli as t


class _Parser(argparse.ArgumentParser):
    """An argument parser whose mistakes are one line on stderr and exit code 2."""

    lang: Lang = "nb"

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} ({t('see_help', self.lang, prog=self.prog)})\n")


def build_parser(lang: Lang) -> argparse.ArgumentParser:
    argparse_translation(lang)
    _Parser.lang = lang
    # The global options are accepted before or after a subcommand; SUPPRESS keeps a
    # subcommand's missing option from overwriting the value given before it.
    common = _Parser(add_help=False)
    common.add_argument(
        "--workspace", metavar="DIR", default=argparse.SUPPRESS, help=t("opt_workspace", lang)
    )
    common.add_argument(
        "--lang", choices=["nb", "en"], default=argparse.SUPPRESS, help=t("opt_lang", lang)
    )
    p = _Parser(prog="facilitator", description=t("prog_desc", lang), parents=[common])
    # Python 3.11's argparse writes this help without gettext, so it is given here.
    p.add_argument(
        "--version",
        action="version",
        version=f"facilitator {__version__}",
        help=t("opt_version", lang),
    )
    sub = p.add_subparsers(dest="command", metavar=t("command_metavar", lang))

    def add(parent: argparse._SubParsersAction[_Parser], name: str, key: str) -> _Parser:
        return parent.add_parser(
            name, help=t(key, lang), description=t(key, lang), parents=[common]
        )

    agenda = add(sub, "agenda", "cmd_agenda")
    asub = agenda.add_subparsers(dest="agenda_command", metavar=t("command_metavar", lang))
    add(asub, "list", "cmd_agenda_list")
    show = add(asub, "show", "cmd_agenda_show")
    show.add_argument("agenda", metavar="ID|PATH", help=t("arg_agenda", lang))
    show.add_argument(
        "--participants", "-n", type=int, default=6, metavar="N", help=t("opt_participants", lang)
    )
    show.add_argument("--start", metavar="HH:MM", help=t("opt_start", lang))
    show.add_argument("--end", metavar="HH:MM", help=t("opt_end", lang))
    validate = add(asub, "validate", "cmd_agenda_validate")
    validate.add_argument("paths", nargs="+", metavar="PATH", help=t("arg_paths", lang))
    add(asub, "schema", "cmd_agenda_schema")
    _add_agenda_series(asub, common, lang)
    new = asub.add_parser(
        "new", help=t("cmd_agenda_new", lang), description=t("new_desc", lang), parents=[common]
    )
    new.add_argument("path", metavar="PATH", help=t("arg_new_path", lang))
    new.add_argument("--extends", metavar="ID", help=t("opt_extends", lang))
    new.add_argument("--force", action="store_true", help=t("opt_force", lang))
    add(sub, "sessions", "cmd_sessions")

    run = add(sub, "run", "cmd_run")
    run.add_argument("--agenda", metavar="ID|PATH", help=t("arg_agenda", lang))
    run.add_argument(
        "--participants",
        metavar=t("metavar_participants", lang),
        help=t("opt_run_participants", lang),
    )
    run.add_argument("--title", metavar="TEXT", help=t("opt_title", lang))
    run.add_argument("--start", metavar="HH:MM", help=t("opt_run_start", lang))
    run.add_argument("--end", metavar="HH:MM", help=t("opt_run_end", lang))
    resume = add(sub, "resume", "cmd_resume")
    resume.add_argument("session", nargs="?", metavar="SESSION", help=t("arg_session", lang))
    for command in (run, resume):
        command.add_argument(
            "--room", nargs="?", const="local", choices=("local", "lan"), help=t("opt_room", lang)
        )
    _add_export_and_plan(sub, common, lang)
    return p


def _add_agenda_series(
    asub: argparse._SubParsersAction[_Parser], common: _Parser, lang: Lang
) -> None:
    series = asub.add_parser(
        "series",
        help=t("cmd_agenda_series", lang),
        description=t("series_desc", lang),
        parents=[common],
    )
    series.add_argument("--start", metavar="DATE", help=t("opt_series_start", lang))
    series.add_argument("--every", metavar="Nw|Nm", default="6w", help=t("opt_series_every", lang))
    series.add_argument("--time", metavar="HH:MM", help=t("opt_series_time", lang))
    series.add_argument(
        "--participants",
        "-n",
        type=int,
        default=6,
        metavar="N",
        help=t("opt_series_participants", lang),
    )
    series.add_argument(
        "--format",
        "-f",
        dest="fmt",
        choices=["text", "ics"],
        default="text",
        help=t("opt_series_format", lang),
    )
    series.add_argument("--output", "-o", metavar="FILE", help=t("opt_output", lang))


def _add_export_and_plan(
    sub: argparse._SubParsersAction[_Parser], common: _Parser, lang: Lang
) -> None:
    audiences = ["management", "group"]
    export = sub.add_parser(
        "export", help=t("cmd_export", lang), description=t("export_desc", lang), parents=[common]
    )
    export.add_argument("session", nargs="?", metavar="SESSION", help=t("arg_session", lang))
    export.add_argument(
        "--audience", choices=audiences, default="management", help=t("opt_audience", lang)
    )
    export.add_argument(
        "--format",
        "-f",
        dest="fmt",
        choices=["md", "html", "csv", "json", "ics", "xlsx"],
        default="md",
        help=t("opt_export_formats", lang),
    )
    export.add_argument("--output", "-o", metavar="FILE", help=t("opt_output", lang))
    export.add_argument("--schema", action="store_true", help=t("opt_schema", lang))
    plan = sub.add_parser(
        "plan", help=t("cmd_plan", lang), description=t("plan_desc", lang), parents=[common]
    )
    plan.add_argument(
        "--format",
        "-f",
        dest="fmt",
        choices=["md", "html", "csv", "xlsx"],
        default="md",
        help=t("opt_plan_formats", lang),
    )
    plan.add_argument(
        "--status", choices=["all", "open"], default="all", help=t("opt_status", lang)
    )
    plan.add_argument("--unit", metavar="UNIT", help=t("opt_unit", lang))
    plan.add_argument(
        "--audience", choices=audiences, default="management", help=t("opt_plan_audience", lang)
    )
    plan.add_argument("--as-of", metavar="DATE", help=t("opt_as_of", lang))
    plan.add_argument("--output", "-o", metavar="FILE", help=t("opt_output", lang))
    plan.add_argument("sources", nargs="*", metavar="SOURCE", help=t("arg_plan_sources", lang))
    evidence = sub.add_parser(
        "evidence",
        help=t("cmd_evidence", lang),
        description=t("evidence_desc", lang),
        parents=[common],
    )
    evidence.add_argument("--from", dest="start", metavar="DATE", help=t("opt_from", lang))
    evidence.add_argument("--to", dest="end", metavar="DATE", help=t("opt_to", lang))
    evidence.add_argument("--unit", metavar="UNIT", help=t("opt_evidence_unit", lang))
    evidence.add_argument(
        "--format",
        "-f",
        dest="fmt",
        choices=["html", "xlsx", "json", "md"],
        default="html",
        help=t("opt_evidence_formats", lang),
    )
    evidence.add_argument("--output", "-o", metavar="FILE", help=t("opt_output", lang))
    evidence.add_argument("sources", nargs="*", metavar="SOURCE", help=t("arg_sources", lang))


def _pre_lang(argv: Sequence[str]) -> Lang:
    """The language, known before the parser is built so its help is translated."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return resolve_lang(argv[i + 1])
        if arg.startswith("--lang="):
            return resolve_lang(arg.split("=", 1)[1])
    return resolve_lang(None)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = _pre_lang(args_list)
    try:
        parser = build_parser(lang)
        args = parser.parse_args(args_list)
        return _dispatch(parser, args, lang)
    except FacilitatorError as exc:
        for line in str(exc).splitlines() or [""]:
            print(f"facilitator: {line}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `facilitator ... | head`: the reader left; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        print(
            f"facilitator: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "),
            file=sys.stderr,
        )
        return 1
    except Exception as exc:  # never show a traceback to a user
        if os.environ.get("FACILITATOR_DEBUG"):
            raise
        print(
            f"facilitator: {t('internal_error', lang)}: {type(exc).__name__}: {exc}",
            file=sys.stderr,
        )
        return 1


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace, lang: Lang) -> int:
    from facilitator.workspace import resolve_workspace

    workspace = resolve_workspace(getattr(args, "workspace", None))
    if args.command is None:
        from facilitator.commands import tui

        return tui.start(workspace, lang)
    if args.command == "run":
        from facilitator.commands import tui

        return tui.run(
            workspace,
            lang,
            args.agenda,
            args.participants,
            args.title,
            args.start,
            args.end,
            room=args.room,
        )
    if args.command == "resume":
        from facilitator.commands import tui

        return tui.resume(workspace, lang, args.session, room=args.room)
    if args.command == "sessions":
        from facilitator.commands.sessions import list_sessions

        return list_sessions(workspace, lang)
    if args.command in ("export", "plan"):
        return _export_or_plan(args, workspace, lang)
    if args.command == "evidence":
        from facilitator.commands.evidence import evidence

        return evidence(
            workspace, lang, args.sources, args.start, args.end, args.unit, args.fmt, args.output
        )
    if args.command == "agenda":
        from facilitator.commands import agenda as cmd

        sub = args.agenda_command
        if sub == "list":
            return cmd.agenda_list(workspace, lang)
        if sub == "show":
            return cmd.agenda_show(
                workspace, args.agenda, args.participants, args.start, args.end, lang
            )
        if sub == "validate":
            return cmd.agenda_validate(workspace, [Path(p) for p in args.paths], lang)
        if sub == "schema":
            return cmd.agenda_schema()
        if sub == "new":
            from facilitator.commands.agenda_new import agenda_new

            return agenda_new(workspace, lang, args.path, args.extends, args.force)
        if sub == "series":
            from facilitator.commands.agenda_series import agenda_series

            return agenda_series(
                workspace,
                lang,
                args.start,
                args.every,
                args.time,
                args.participants,
                args.fmt,
                args.output,
            )
        raise UserError(t("agenda_needs_sub", lang))
    parser.print_help()
    return 2


def _export_or_plan(args: argparse.Namespace, workspace: Path, lang: Lang) -> int:
    from facilitator.report.model import Audience

    audience = Audience(args.audience)
    if args.command == "plan":
        from facilitator.commands.plan import plan

        return plan(
            workspace,
            lang,
            args.fmt,
            args.status,
            args.unit,
            audience,
            args.as_of,
            args.output,
            args.sources,
        )
    from facilitator.commands import export as cmd

    if args.schema:
        if args.session:
            raise UserError(t("schema_takes_no_session", lang))
        return cmd.export_schema()
    # The document is in the session's own language unless --lang was given.
    doc_lang = resolve_lang(args.lang) if hasattr(args, "lang") else None
    return cmd.export(workspace, lang, args.session, audience, args.fmt, args.output, doc_lang)
