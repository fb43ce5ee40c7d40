"""Commands for content designers: `flask --app journey_app check` (or `make check`)."""

import sys

import click

from .content import ContentError


def register_commands(app):
    @app.cli.command("check")
    def check():
        """Check the whole content tree and name every problem with its file."""
        sys.exit(report(app.extensions["journey_content_problems"]))


def report(problems) -> int:
    if problems:
        click.echo(str(ContentError(problems)), err=True)
        return 1
    click.echo("The content is complete: no problems found.")
    return 0
