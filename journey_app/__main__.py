"""`python -m journey_app check [CONTENT_DIR]`: check content, even content too broken to start.
`python -m journey_app export OUTDIR`: the whole guide as static files (see export.py).
`python -m journey_app coverage [CONTENT_DIR] [--files]`: how much of each language is done.
`python -m journey_app flow-diagram [CONTENT_DIR] [--lang en]`: the questions as a Mermaid chart."""

import sys

import click

from . import create_app
from .commands import print_coverage, report
from .content.questions import flow_diagram
from .export import export_command


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
    sys.exit(report(app.extensions["journey_content_problems"], app))


@main.command()
@click.argument("content_dir", required=False)
@click.option("--files", is_flag=True, help="List each file's state in each language.")
def coverage(content_dir, files):
    """Print how much of each language is translated and reviewed, from the current English."""
    config = {"VALIDATE_CONTENT": False}
    if content_dir:
        config["CONTENT_DIR"] = content_dir
    print_coverage(create_app(config), files)


@main.command("flow-diagram")
@click.argument("content_dir", required=False)
@click.option("--lang", default="en", show_default=True, help="The language of the labels.")
def flow_diagram_command(content_dir, lang):
    """Print the "Where am I?" questions as a Mermaid flowchart (see README.md to view it)."""
    config = {"VALIDATE_CONTENT": False}
    if content_dir:
        config["CONTENT_DIR"] = content_dir
    content = create_app(config).extensions["journey_content"]
    if lang not in content.locales:
        raise click.BadParameter(f"'{lang}' is not an enabled language", param_hint="--lang")
    click.echo(flow_diagram(content, lang), nl=False)


main.add_command(export_command)

if __name__ == "__main__":
    main()
