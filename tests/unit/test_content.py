"""Loading the content tree, and the check catching each kind of broken content."""

import re

import pytest
import yaml

from journey_app import create_app
from journey_app.__main__ import main
from journey_app.content import ContentError


def problems_for(content_dir):
    app = create_app({"CONTENT_DIR": str(content_dir), "VALIDATE_CONTENT": False})
    return [str(problem) for problem in app.extensions["journey_content_problems"]]


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(path, markdown):
    path.write_text(path.read_text(encoding="utf-8") + "\n\n" + markdown + "\n", encoding="utf-8")


def test_default_content_has_no_problems(app):
    assert app.extensions["journey_content_problems"] == []


def test_every_stage_in_the_brief_has_a_page(app):
    content = app.extensions["journey_content"]
    assert len(content.stages) == 13
    assert set(content.locales["en"].stages) == {stage.slug for stage in content.stages}


def test_stage_pages_have_every_required_section(app):
    for page in app.extensions["journey_content"].locales["en"].stages.values():
        assert [s.id for s in page.sections][:6] == [
            "what-it-is",
            "what-happens",
            "how-long",
            "your-rights",
            "what-you-can-do",
            "what-next",
        ]


def test_what_next_links_every_next_stage(app):
    content = app.extensions["journey_content"]
    for stage in content.stages:
        html = content.locales["en"].stages[stage.slug].section("what-next").html
        for slug in stage.next:
            assert f'href="/en/stages/{slug}"' in html


def test_link_to_unknown_stage_is_reported(content_copy):
    edit(content_copy / "en/stages/assessment.md", "(stage:child-in-need)", "(stage:no-such-stage)")
    problems = problems_for(content_copy)
    assert "en/stages/assessment.md: link to unknown stage 'no-such-stage'" in problems
    assert (
        "en/stages/assessment.md: 'what-next' does not link to next stage 'child-in-need'"
        in problems
    )


def test_link_to_unknown_page_is_reported(content_copy):
    append(content_copy / "en/pages/start.md", "See [help](page:nowhere).")
    assert "en/pages/start.md: link to unknown page 'nowhere'" in problems_for(content_copy)


def test_broken_internal_links_are_reported(content_copy):
    append(
        content_copy / "en/pages/start.md",
        "Read [this](page:rights#no-such-part) and [that](/en/old-page).",
    )
    problems = problems_for(content_copy)
    assert "en/pages/start.md: broken link: 'rights' has no section 'no-such-part'" in problems
    assert any(p.startswith("en/pages/start.md: broken link '/en/old-page'") for p in problems)


def test_missing_required_section_is_reported(content_copy):
    path = content_copy / "en/stages/early-help.md"
    path.write_text(re.sub(r"\{#how-long\}", "{#how-long-it-takes}", path.read_text()))
    assert "en/stages/early-help.md: required section 'how-long' is missing" in problems_for(
        content_copy
    )


def test_missing_rights_topic_is_reported(content_copy):
    edit(content_copy / "en/pages/rights.md", "{#recording}", "{#taping}")
    assert "en/pages/rights.md: required section 'recording' is missing" in problems_for(
        content_copy
    )


def test_contact_without_hours_is_reported(content_copy):
    path = content_copy / "en/contacts.yml"
    data = yaml.safe_load(path.read_text())
    del data["childline"]["hours"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    assert "en/contacts.yml: contact 'childline' has no hours" in problems_for(content_copy)


def test_page_without_sources_is_reported(content_copy):
    path = content_copy / "en/pages/words.md"
    path.write_text(re.sub(r"(?m)^sources:.*\n", "", path.read_text()))
    assert "en/pages/words.md: has no sources" in problems_for(content_copy)


def test_unknown_source_is_reported(content_copy):
    path = content_copy / "en/stages/early-help.md"
    path.write_text(re.sub(r"(?m)^sources: \[", "sources: [a-blog-post, ", path.read_text()))
    assert (
        "en/stages/early-help.md: unknown source 'a-blog-post' (add it to sources.yml)"
        in problems_for(content_copy)
    )


def test_unknown_contact_and_next_stage_in_journey_are_reported(content_copy):
    path = content_copy / "journey.yml"
    data = yaml.safe_load(path.read_text())
    data["stages"][0]["contacts"].append("helpdesk")
    data["stages"][0]["next"].append("court-of-appeal")
    path.write_text(yaml.safe_dump(data))
    problems = problems_for(content_copy)
    assert "journey.yml: someone-is-worried: unknown contact 'helpdesk'" in problems
    assert (
        "journey.yml: someone-is-worried: next stage 'court-of-appeal' is not a stage" in problems
    )


def test_stage_without_page_is_reported(content_copy):
    (content_copy / "en/stages/early-help.md").unlink()
    assert "en/stages/early-help.md: stage 'early-help' has no page" in problems_for(content_copy)


def test_app_refuses_to_start_on_broken_content(content_copy):
    (content_copy / "en/stages/early-help.md").unlink()
    with pytest.raises(ContentError) as error:
        create_app({"CONTENT_DIR": str(content_copy)})
    assert "en/stages/early-help.md: stage 'early-help' has no page" in str(error.value)


def test_check_command_reports_file_and_problem(content_copy, capsys):
    edit(content_copy / "en/stages/assessment.md", "(stage:child-in-need)", "(stage:nowhere)")
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(content_copy)])
    assert exit_.value.code == 1
    assert "en/stages/assessment.md: link to unknown stage 'nowhere'" in capsys.readouterr().err


def test_check_command_passes_on_good_content(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["check"])
    assert exit_.value.code == 0
    assert "no problems" in capsys.readouterr().out


def test_settings_are_content_not_code(content_copy, tmp_path):
    """Another council: change the name and duty number in content only."""
    edit(content_copy / "settings.yml", "Leicestershire County Council", "Rutland County Council")
    edit(content_copy / "contacts.yml", "0116 305 0005", "01572 758 407")
    app = create_app({"CONTENT_DIR": str(content_copy)})
    html = app.test_client().get("/en/").get_data(as_text=True)
    assert "Rutland County Council" in html
    assert 'href="tel:01572758407"' in html
    assert "0116 305 0005" not in html
