"""Every page address of the guide, worked out from the routes and the content.

Used by the tests (every route in every language) and by anything that needs to visit every page.
"""

from flask import Flask

# How to fill each variable part of an address, from the content.
PARAMETER_VALUES = {
    "lang": lambda content: list(content.locales),
    "slug": lambda content: [stage.slug for stage in content.stages],
}


# Addresses of files to download rather than pages to show: the easy-read booklet and the whole
# guide as PDFs. They are in every_page_url (a static copy needs them too), but are not HTML.
DOWNLOAD_SUFFIXES = (".pdf",)


def is_download(url: str) -> bool:
    return url.endswith(DOWNLOAD_SUFFIXES)


def every_page_url(app: Flask) -> list[str]:
    urls = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint == "static" or rule.endpoint == "root":
            continue
        urls.extend(rule_addresses(app, rule))
    return sorted(set(urls))


def rule_addresses(app: Flask, rule) -> list[str]:
    """Every address one route serves, whatever its methods (tests that try every route)."""
    content = app.extensions["journey_content"]
    combinations = [{}]
    for name in sorted(rule.arguments):
        values = PARAMETER_VALUES[name](content)
        combinations = [{**combo, name: value} for combo in combinations for value in values]
    return [rule.build(values, append_unknown=False)[1] for values in combinations]
