"""Jinja set-up: our templates plus the govuk-frontend-jinja macros, and what every page needs."""

import json
from pathlib import Path

from flask import current_app, g
from flask_babel import gettext
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader

from .config import LANGUAGES_BY_CODE

RULE_LABELS = {
    "law": lambda council: gettext("The law"),
    "national": lambda council: gettext("National guidance"),
    "local": lambda council: gettext("%(council)s's own practice", council=council),
}


def setup_templates(app):
    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(str(Path(app.root_path) / "templates")),
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    )
    app.jinja_env.policies["ext.i18n.trimmed"] = True
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    manifest = _asset_manifest(app)

    def asset_url(name):
        from flask import url_for

        return url_for("static", filename=f"build/{manifest[name]}")

    def rule_label(rule):
        council = current_app.extensions["journey_content"].settings["council"]["short_name"]
        return RULE_LABELS[rule](council)

    @app.context_processor
    def guide_context():
        content = app.extensions["journey_content"]
        lang = g.get("lang", "en")
        return {
            "content": content,
            "settings": content.settings,
            "words": content.locales.get(lang),
            "lang": lang,
            "language": LANGUAGES_BY_CODE[lang],
            "duty": content.contacts.get(content.settings.get("duty_contact")),
            "asset_url": asset_url,
            "rule_label": rule_label,
        }


def _asset_manifest(app):
    path = Path(app.static_folder) / "build" / "manifest.json"
    if not path.is_file():
        raise RuntimeError(
            f"{path} is missing: build the front end first with `make assets` (npm run build)."
        )
    return json.loads(path.read_text())
