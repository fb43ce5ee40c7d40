"""`python -m journey_app check [CONTENT_DIR]`: check content, even content too broken to start."""

import sys

import click

from . import create_app
from .commands import report


@click.group()
def main():
    pass


@main.command()
@click.argument("content_dir", required=False)
def check(content_dir):
    """Check the content tree (default: the configured one) and report every problem."""
    config = {"VALIDATE_CONTENT": False}
    if content_dir:
        config["CONTENT_DIR"] = content_dir
    app = create_app(config)
    sys.exit(report(app.extensions["journey_content_problems"]))


if __name__ == "__main__":
    main()
