"""Every page address of the guide, worked out from the routes and the content.

Used by the tests (every route in every language) and by anything that needs to visit every page.
"""

from flask import Flask

# How to fill each variable part of an address, from the content.
PARAMETER_VALUES = {
    "lang": lambda content: list(content.locales),
    "slug": lambda content: [stage.slug for stage in content.stages],
}


def every_page_url(app: Flask) -> list[str]:
    content = app.extensions["journey_content"]
    urls = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint == "static" or rule.endpoint == "root":
            continue
        combinations = [{}]
        for name in sorted(rule.arguments):
            values = PARAMETER_VALUES[name](content)
            combinations = [{**combo, name: value} for combo in combinations for value in values]
        for values in combinations:
            path = rule.build(values, append_unknown=False)[1]
            urls.append(path)
    return sorted(set(urls))
