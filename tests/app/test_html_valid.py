"""Every page is valid HTML, checked by the Nu HTML Checker (vnu) in one call."""

import json
import shutil
import subprocess

from journey_app.config import PROJECT_ROOT

VNU = PROJECT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_is_valid_html(pages, tmp_path):
    assert shutil.which("java"), "Java is needed for the HTML checker: run `make test-setup`"
    assert VNU.is_file(), "vnu-jar is missing: run `make setup`"
    files = {}
    for index, (url, response) in enumerate(pages.items()):
        path = tmp_path / f"page{index}.html"
        path.write_bytes(response.data)
        files[path.as_uri()] = url
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            *map(str, tmp_path.glob("*.html")),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{files.get(m.get('url'), m.get('url'))}: {m['message']}" for m in messages]
    assert errors == []
    assert len(files) == len(pages)
