"""A bad translation file cannot put a script on a page, and the check names it.

Each test writes a Polish translation (Markdown or YAML) carrying `<script>`, `onerror=` or a
`javascript:` link into a copy of the content, then looks at what a reader would get - the page
holds no script, no event handler and no script link - and at what the check command says.
"""

import re
from html.parser import HTMLParser

import pytest
import yaml

from journey_app import create_app
from journey_app.__main__ import main
from journey_app.config import PROJECT_ROOT
from journey_app.content.render import Renderer
from journey_app.content.safety import script_risks

ATTACKS = (
    "<script>alert('x')</script>\n\n"
    "<img src=x onerror=alert(1)>\n\n"
    "[Click here](javascript:alert(2))\n\n"
    '<a href="jav&#x09;ascript:alert(3)">here</a> and <p onclick="alert(4)">there</p>\n\n'
    "<svg/onload=alert(5)> <iframe srcdoc='<script>alert(6)</script>'></iframe>\n"
)


class Dangers(HTMLParser):
    """What in a page's main part could run: script or frame elements, on* handlers, script
    links. (The guide's own pictures are inline SVG, so <svg> itself is allowed here.)"""

    def __init__(self):
        super().__init__()
        self.found, self._in_main = [], False

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self._in_main = True
        if not self._in_main:
            return
        if tag in ("script", "iframe", "object", "embed", "base"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{name}=")
            plain = re.sub(r"[\s\x00-\x1f]", "", value or "").lower()
            if name in ("href", "src", "action") and plain.startswith(("javascript:", "data:")):
                self.found.append(f"{name}={value}")

    def handle_endtag(self, tag):
        if tag == "main":
            self._in_main = False


def dangers(html):
    parser = Dangers()
    parser.feed(html)
    return parser.found


@pytest.fixture()
def polish(content_copy):
    """The content copy with English and Polish only, and an empty Polish folder to fill."""
    settings = content_copy / "settings.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(re.sub(r"(?m)^locales:.*$", "locales: [en, pl]", text), encoding="utf-8")
    (content_copy / "pl").mkdir(exist_ok=True)
    return content_copy


def problems_and_client(content_dir):
    app = create_app({"TESTING": True, "CONTENT_DIR": str(content_dir), "VALIDATE_CONTENT": False})
    problems = [str(problem) for problem in app.extensions["journey_content_problems"]]
    return problems, app.test_client()


def check_output(content_dir, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(content_dir)])
    return exit_.value.code, capsys.readouterr().err


def test_a_translated_page_with_scripts_renders_inert_and_is_reported(polish, capsys):
    page = polish / "pl/stages/assessment.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    english = (polish / "en/stages/assessment.md").read_text(encoding="utf-8")
    english = english.replace("title: ", "title: <script>alert(7)</script>", 1)
    page.write_text(english.replace("## ", ATTACKS + "\n## ", 1), encoding="utf-8")

    problems, client = problems_and_client(polish)
    response = client.get("/pl/stages/assessment")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert dangers(html) == []
    assert "&lt;script&gt;alert(7)" in html  # the title shows the words, as text
    assert "Click here" in html and "javascript" not in html.lower()

    reported = [p for p in problems if p.startswith("pl/stages/assessment.md: contains HTML")]
    assert len(reported) == 1
    for risk in ("<script>", "<img>", "onerror=", "javascript:", "onclick=", "onload=", "srcdoc="):
        assert risk in reported[0], risk
    code, err = check_output(polish, capsys)
    assert code == 1
    assert "pl/stages/assessment.md: contains HTML that could run a script" in err


def test_translated_yaml_with_scripts_renders_inert_and_is_reported(polish, capsys):
    contacts = yaml.safe_load((polish / "en/contacts.yml").read_text(encoding="utf-8"))
    contacts["duty"]["name"] = "Duty <script>alert(1)</script>"
    contacts["duty"]["hours"] = '<img src=x onerror="alert(2)"> Any time'
    (polish / "pl/contacts.yml").write_text(yaml.safe_dump(contacts), encoding="utf-8")
    glossary = yaml.safe_load((polish / "en/glossary.yml").read_text(encoding="utf-8"))
    glossary["terms"][0]["meaning"] = (
        "See [this](javascript:alert(3)) <b onmouseover=alert(4)>x</b>"
    )
    (polish / "pl/glossary.yml").write_text(yaml.safe_dump(glossary), encoding="utf-8")
    timescales = yaml.safe_load((polish / "en/timescales.yml").read_text(encoding="utf-8"))
    timescales["assessment"] = '<a href="javascript:alert(5)">45 days</a>'
    (polish / "pl/timescales.yml").write_text(yaml.safe_dump(timescales), encoding="utf-8")

    problems, client = problems_and_client(polish)
    for path in ("/pl/contacts", "/pl/words", "/pl/stages/assessment", "/pl/"):
        html = client.get(path).get_data(as_text=True)
        assert dangers(html) == [], path
    assert "Duty &lt;script&gt;alert(1)&lt;/script&gt;" in client.get("/pl/contacts").get_data(
        as_text=True
    )

    expected = {
        "pl/contacts.yml": ("duty > name: a <script> element", "duty > hours: a <img> element"),
        "pl/glossary.yml": ("a javascript: link", "an onmouseover= attribute"),
        "pl/timescales.yml": ("assessment: a javascript: link",),
    }
    for file, risks in expected.items():
        found = " | ".join(p for p in problems if p.startswith(f"{file}: contains HTML"))
        for risk in risks:
            assert risk in found, (file, risk, found)
    code, err = check_output(polish, capsys)
    assert code == 1
    assert "pl/glossary.yml: contains HTML that could run a script" in err


def test_web_addresses_in_shared_data_must_be_web_addresses(content_copy):
    settings = content_copy / "settings.yml"
    text = settings.read_text(encoding="utf-8")
    exit_url = yaml.safe_load(text)["exit_url"]
    settings.write_text(text.replace(exit_url, "javascript:alert(1)"), encoding="utf-8")
    contacts = content_copy / "contacts.yml"
    data = yaml.safe_load(contacts.read_text(encoding="utf-8"))
    with_web = next(c for c in data["contacts"] if c.get("web"))
    with_web["web"] = "JavaScript:alert(2)"
    contacts.write_text(yaml.safe_dump(data), encoding="utf-8")

    problems, _ = problems_and_client(content_copy)
    assert "settings.yml: exit_url should start with https://" in problems
    assert f"contacts.yml: {with_web['id']}: web should start with https://" in problems
    assert any(p.startswith("settings.yml: contains HTML") for p in problems)


@pytest.mark.parametrize(
    "text, risk",
    [
        ("<SCRIPT SRC=//x></SCRIPT>", "a <script> element"),
        ("<IMG SRC=javascript:alert(1)>", "a javascript: link"),
        ('<a href="&#106;avascript:alert(1)">x</a>', "a javascript: link"),
        ("<a href=' javascript:alert(1)'>x</a>", "a javascript: link"),
        ("[x](vbscript:msgbox(1))", "a vbscript: link"),
        ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "a data: link"),
        ("<body onload=alert(1)>", "an onload= attribute"),
        ("<math><mtext><a xlink:href=javascript:alert(1)>", "a <math> element"),
        ("<form action=javascript:alert(1)><button>go</button></form>", "a <form> element"),
        ("<style>@import 'x'</style>", "a <style> element"),
    ],
)
def test_the_check_sees_through_disguises(text, risk):
    assert risk in script_risks(text)


@pytest.mark.parametrize(
    "text",
    [
        "Call us on Monday = any time. Your rights: a < b > c.",
        "Read [your rights](page:rights#consent) or [the plan](stage:child-protection-plan).",
        "Call [0800 1111](tel:08001111), write to [us](mailto:help@example.org) or see "
        "<https://www.gov.uk/complain-to-council>.",
        "**Bold** and *stressed* words, a table | cell |, and a list:\n\n- one\n- two",
    ],
)
def test_ordinary_content_is_not_reported(text):
    assert script_risks(text) == []


def test_the_renderer_removes_every_disguise():
    renderer = Renderer(lambda link: f"/en/{link.target}", lambda term: f"/en/words#{term}")
    html = renderer.html(
        ATTACKS + '\n<a href="&#106;avascript:x">a</a> <a href=" JAVASCRIPT:x">b</a>'
        "\n\n<math><mtext><a xlink:href=javascript:x>c</a></mtext></math>"
        "\n\n[d](data:text/html;base64,PHNjcmlwdD4=) <form action=javascript:x><button>e</button>"
    )
    assert dangers(f"<main>{html}</main>") == []
    assert "script" not in html.lower()
    assert "<form" not in html and "<button" not in html


def test_no_file_of_the_default_content_is_reported():
    for path in sorted((PROJECT_ROOT / "content").rglob("*")):
        if path.suffix in (".md", ".yml") and path.name != "README.md":  # README: not content
            assert script_risks(path.read_text(encoding="utf-8")) == [], path
