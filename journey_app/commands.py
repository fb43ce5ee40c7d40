"""Commands for content designers and translators:

- `flask --app journey_app check` (or `make check`): every problem in the content, and every
  translation still to do;
- `flask --app journey_app coverage` (or `make coverage`): how much of each language is done.
"""

import sys

import click

from .config import LANGUAGES_BY_CODE
from .content import ContentError
from .content.translations import NOT_TRANSLATED
from .interface import catalogue_status


def register_commands(app):
    @app.cli.command("check")
    def check():
        """Check the whole content tree and name every problem with its file."""
        sys.exit(report(app.extensions["journey_content_problems"], app))

    @app.cli.command("coverage")
    @click.option("--files", is_flag=True, help="List each file's state in each language.")
    def coverage(files):
        """Print how much of each language is translated and reviewed."""
        print_coverage(app, files)


def report(problems, app=None) -> int:
    """Print the translations still to do (warnings: the English is shown meanwhile), then the
    problems (the guide cannot start with them). Exit status 1 on a problem, or on a translation
    missing or stale in a language marked complete."""
    reports = app.extensions["journey_content"].translations if app else []
    unfinished = [problem for locale in reports for problem in locale.unfinished()]
    to_do = [locale for locale in reports if not locale.settings.complete and locale.warnings()]
    if to_do:
        click.echo("Translations still to do (the English is shown until then):")
    for locale in to_do:
        missing = [status.file for status in locale.missing_files]
        if missing:
            click.echo(
                f"  - {locale.locale}: {len(missing)} file(s) not translated yet: "
                + ", ".join(missing)
            )
        for warning in locale.warnings():
            if warning.message != NOT_TRANSLATED:
                click.echo(f"  - {warning}")
    if to_do:
        click.echo("(`python -m journey_app coverage` sums them up.)")
    if problems or unfinished:
        click.echo(str(ContentError([*problems, *unfinished])), err=True)
        return 1
    if to_do:
        click.echo("The content has no problems; the translations above are still to do.")
    else:
        click.echo("The content is complete: no problems found.")
    return 0


def print_coverage(app, files=False):
    content = app.extensions["journey_content"]
    interface = catalogue_status()
    click.echo(
        "Each language's share of the English words, translated from the current English text\n"
        "(stale: translated from an older English text), and of the interface words:"
    )
    click.echo(
        f"{'':8}{'content':>8} {'stale':>7} {'reviewed':>9}   "
        f"{'interface':<26} {'state':<12} language"
    )
    for locale in content.translations:
        catalogue = interface.get(locale.locale)
        strings = (
            f"{catalogue.percent:5.1f}% ({catalogue.translated}/{catalogue.total}) "
            f"{locale.settings.interface}"
            if catalogue
            else "no catalogue"
        )
        state = "complete" if locale.settings.complete else "in progress"
        click.echo(
            f"{locale.locale:8}{locale.complete_percent:7.1f}% {_stale_share(locale):6.1f}% "
            f"{locale.reviewed_percent:8.1f}%   {strings:<26} {state:<12} "
            f"{LANGUAGES_BY_CODE[locale.locale].own_name}"
        )
        if files:
            for status in locale.files:
                missing = ", ".join(status.missing_items)
                note = f" (missing: {missing})" if missing else ""
                click.echo(
                    f"    {status.file:40} {status.state:11} {status.review or '-':9} "
                    f"English {status.english_version}{note}"
                )


def _stale_share(locale):
    """Words in translations made from an older English text (or one not recorded)."""
    total = locale.words
    stale = sum(f.words for f in locale.stale_files)
    return 100.0 * stale / total if total else 0.0
