"""The Nu HTML Checker (vnu), run once over many pages: one Java start-up for all of them."""

import json
import shutil
import subprocess
from urllib.parse import urlparse

from journey_app.config import PROJECT_ROOT

VNU = PROJECT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_errors(pages, folder):
    """Every error vnu finds in `pages` ({name: HTML bytes}), as "name: message". The pages are
    written into `folder` first, one file each."""
    assert shutil.which("java"), "Java is needed for the HTML checker: run `make test-setup`"
    assert VNU.is_file(), "vnu-jar is missing: run `make setup`"
    names = {}  # file path: the page's name
    for index, (name, html) in enumerate(pages.items()):
        path = folder / f"page{index}.html"
        path.write_bytes(html)
        names[str(path)] = name
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *names],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    # vnu names each file by a URI (file:/tmp/...): name it by its page instead
    return [
        f"{names.get(urlparse(m.get('url', '')).path, m.get('url'))}: {m['message']}"
        for m in messages
    ]
