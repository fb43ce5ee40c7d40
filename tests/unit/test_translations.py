"""Translations of the content: English shown (and marked) where a translation is missing, the
English version each translation was made from, and the check and coverage built on them."""

import re

import pytest

from journey_app import create_app
from journey_app.__main__ import main
from journey_app.content import ContentError
from journey_app.content.models import Text
from journey_app.content.translations import (
    english_files,
    is_translated,
    merge,
    source_version,
    translation_report,
)

LOCALES = ["en", "pl", "gu", "pa", "ur", "ar", "ro", "so"]


def app_for(content_dir, **config):
    return create_app({"CONTENT_DIR": str(content_dir), "VALIDATE_CONTENT": False, **config})


def report_for(content_dir, locale):
    reports, _ = translation_report(content_dir, LOCALES)
    return next(report for report in reports if report.locale == locale)


# --- text falling back inside a file ----------------------------------------------------------


def test_missing_entries_and_fields_fall_back_to_english_one_by_one():
    english = {
        "duty": {"name": "Duty team", "for": "Call us", "hours": "Any time"},
        "police": {"name": "Police", "hours": "Any time"},
        "terms": [{"id": "a", "term": "Assessment"}, {"id": "b", "term": "Plan"}],
        "amount": 45,
    }
    translated = {
        "source_version": "0123456789ab",
        "duty": {"name": "Zespół dyżurny", "hours": "Zawsze", "for": ""},
        "terms": [{"id": "b", "term": "Plan ochrony"}],
        "amount": 99,
        "not-in-english": "ignored",
    }
    merged = merge(english, translated, "pl")
    assert merged["duty"]["name"] == "Zespół dyżurny" and merged["duty"]["name"].lang == "pl"
    assert merged["duty"]["for"] == "Call us" and merged["duty"]["for"].lang == "en"
    assert merged["police"]["name"].lang == "en"
    assert [(t["term"], t["term"].lang) for t in merged["terms"]] == [
        ("Assessment", "en"),
        ("Plan ochrony", "pl"),
    ]
    assert merged["amount"] == 45  # numbers belong to the English file
    assert "not-in-english" not in merged and "source_version" not in merged
    assert is_translated(english["terms"][1], translated["terms"][0])
    assert not is_translated(english["duty"], translated["duty"])


def test_text_keeps_its_language_through_the_app_and_copies():
    import copy
    import pickle

    text = Text("Zespół", "pl")
    assert text == "Zespół" and isinstance(text, str)
    assert copy.deepcopy(text).lang == "pl" and pickle.loads(pickle.dumps(text)).lang == "pl"


# --- the report: missing, stale, partial -------------------------------------------------------


def test_untranslated_language_lists_every_english_file_as_missing(untranslated_copy):
    report = report_for(untranslated_copy, "pl")
    assert [status.file for status in report.files] == english_files(untranslated_copy)
    assert {status.state for status in report.files} == {"missing"}
    assert report.complete_percent == 0.0
    warnings = [str(w) for w in report.warnings()]
    assert "pl/stages/assessment.md: not translated yet (the English is shown)" in warnings


def test_translation_made_from_the_current_english_counts_as_done(untranslated_copy, translate):
    translate(untranslated_copy, "pl", "stages/assessment.md", [("title: ", "title: Ocena ")])
    report = report_for(untranslated_copy, "pl")
    status = next(s for s in report.files if s.file == "stages/assessment.md")
    assert status.state == "current" and status.review == "draft"
    assert 0 < report.complete_percent < 100
    assert not any(w.file == "pl/stages/assessment.md" for w in report.warnings())


def test_changing_the_english_makes_its_translations_stale(untranslated_copy, translate):
    translate(untranslated_copy, "ar", "pages/rights.md")
    english = untranslated_copy / "en/pages/rights.md"
    old = source_version(english)
    english.write_text(english.read_text().replace("Yes.", "Yes, you can.", 1))
    new = source_version(english)
    warnings = [str(w) for w in report_for(untranslated_copy, "ar").warnings()]
    assert (
        f"ar/pages/rights.md: stale: translated from English version {old}, the English is now "
        f'{new} (update it, then set source_version: "{new}")'
    ) in warnings
    assert report_for(untranslated_copy, "ar").complete_percent == 0.0


def test_translation_without_source_version_is_reported(untranslated_copy, translate):
    translate(untranslated_copy, "ro", "timescales.yml", version=False)
    warnings = [str(w) for w in report_for(untranslated_copy, "ro").warnings()]
    version = source_version(untranslated_copy / "en/timescales.yml")
    assert (
        "ro/timescales.yml: does not record the English it was translated from "
        f'(after checking it, add source_version: "{version}")'
    ) in warnings


def test_yaml_translation_missing_some_entries_is_partly_done(untranslated_copy, translate):
    path = translate(untranslated_copy, "so", "contacts.yml")
    text = path.read_text()
    path.write_text(re.sub(r"(?m)^childline:\n(?:  .*\n)+", "", text))
    report = report_for(untranslated_copy, "so")
    status = next(s for s in report.files if s.file == "contacts.yml")
    assert status.state == "partial" and status.missing_items == ["childline"]
    assert 0 < status.translated_words < status.words
    assert "so/contacts.yml: not translated yet (the English is shown): 'childline'" in [
        str(w) for w in report.warnings()
    ]


def test_a_file_english_does_not_have_is_reported(untranslated_copy):
    (untranslated_copy / "pl/stages").mkdir(parents=True)
    (untranslated_copy / "pl/stages/old-stage.md").write_text("---\ntitle: Stary\n---\n")
    assert "pl/stages/old-stage.md: has no English file en/stages/old-stage.md; it is not used" in [
        str(w) for w in report_for(untranslated_copy, "pl").warnings()
    ]


# --- the loader: translated files used, missing ones shown in English --------------------------


def test_translated_page_is_used_and_missing_ones_are_english_with_local_links(
    untranslated_copy, translate
):
    translate(
        untranslated_copy,
        "pl",
        "stages/assessment.md",
        [("title: Assessment (single assessment)", "title: Ocena (single assessment)")],
        review="reviewed",
    )
    content = app_for(untranslated_copy).extensions["journey_content"]
    page = content.locales["pl"].stages["assessment"]
    assert page.title == "Ocena (single assessment)" and page.title.lang == "pl"
    assert page.lang == "pl" and page.review == "reviewed"
    assert {section.lang for section in page.sections} == {"pl"}
    fallback = content.locales["pl"].stages["strategy-meeting"]
    assert fallback.lang == "en" and fallback.title.lang == "en" and fallback.review is None
    assert fallback.title == content.locales["en"].stages["strategy-meeting"].title
    links = re.findall(r'href="(/[^"]*)"', "".join(s.html for s in fallback.sections))
    assert links and all(link.startswith("/pl/") for link in links)


def test_translated_yaml_falls_back_entry_by_entry(untranslated_copy, translate):
    path = translate(
        untranslated_copy, "ur", "contacts.yml", [("name: Childline", "name: چائلڈ لائن")]
    )
    path.write_text(re.sub(r"(?m)^police:\n(?:  .*\n)+", "", path.read_text()))
    words = app_for(untranslated_copy).extensions["journey_content"].locales["ur"].contacts
    assert (words["childline"].name, words["childline"].name.lang) == ("چائلڈ لائن", "ur")
    assert words["police"].name.lang == "en"


def test_a_broken_link_in_a_translation_is_a_problem_and_stops_the_guide(
    untranslated_copy, translate
):
    translate(
        untranslated_copy, "pa", "stages/assessment.md", [("(stage:child-in-need)", "(stage:x)")]
    )
    with pytest.raises(ContentError) as error:
        create_app({"CONTENT_DIR": str(untranslated_copy)})
    assert "pa/stages/assessment.md: link to unknown stage 'x'" in str(error.value)
    assert "pa/stages/assessment.md: 'what-next' does not link to next stage 'child-in-need'" in (
        str(error.value)
    )


def test_a_translation_missing_a_required_section_is_a_problem(untranslated_copy, translate):
    translate(untranslated_copy, "gu", "pages/rights.md", [("{#complaints}", "{#complaint}")])
    problems = [str(p) for p in app_for(untranslated_copy).extensions["journey_content_problems"]]
    assert "gu/pages/rights.md: required section 'complaints' is missing" in problems


def test_bad_review_states_and_locale_settings_are_problems(
    untranslated_copy, translate, set_locale
):
    translate(untranslated_copy, "ro", "pages/words.md", review="finished")
    set_locale(untranslated_copy, "so", review="checked", complete="maybe")
    problems = [str(p) for p in app_for(untranslated_copy).extensions["journey_content_problems"]]
    assert "ro/pages/words.md: review should be one of draft, reviewed" in problems
    assert "so/locale.yml: review should be one of draft, reviewed" in problems
    assert "so/locale.yml: complete should be true or false" in problems


def test_english_must_be_enabled(untranslated_copy):
    settings = untranslated_copy / "settings.yml"
    settings.write_text(re.sub(r"(?m)^locales: .*$", "locales: [pl, ar]", settings.read_text()))
    problems = [str(p) for p in app_for(untranslated_copy).extensions["journey_content_problems"]]
    assert "settings.yml: locales must include 'en': it is the source" in problems


# --- the check and coverage commands ----------------------------------------------------------


def test_check_lists_translations_to_do_without_failing(untranslated_copy, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(untranslated_copy)])
    out = capsys.readouterr().out
    assert exit_.value.code == 0
    assert "Translations still to do (the English is shown until then):" in out
    assert re.search(r"(?m)^  - ar: \d+ file\(s\) not translated yet: .*stages/assessment\.md", out)
    assert "the translations above are still to do" in out


def test_check_fails_on_a_missing_translation_in_a_language_marked_complete(
    untranslated_copy, capsys, translate, set_locale
):
    set_locale(untranslated_copy, "pl", complete=True)
    translate(untranslated_copy, "pl", "glossary.yml")
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(untranslated_copy)])
    err = capsys.readouterr().err
    assert exit_.value.code == 1
    assert (
        "pl/stages/assessment.md: not translated yet (the English is shown); "
        "pl/locale.yml says complete: true"
    ) in err
    assert "pl/glossary.yml" not in err


def test_a_fully_translated_language_is_complete_and_covered(
    untranslated_copy, capsys, translate, set_locale
):
    for name in english_files(untranslated_copy):
        translate(untranslated_copy, "ro", name, review="reviewed")
    set_locale(untranslated_copy, "ro", review="reviewed", interface="draft", complete=True)
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(untranslated_copy)])
    assert exit_.value.code == 0, capsys.readouterr().err
    capsys.readouterr()
    main(["coverage", str(untranslated_copy)], standalone_mode=False)
    lines = capsys.readouterr().out.splitlines()
    ro = next(line for line in lines if line.startswith("ro "))
    assert ro.split()[1:4] == ["100.0%", "0.0%", "100.0%"] and "complete" in ro
    pl = next(line for line in lines if line.startswith("pl "))
    assert pl.split()[1] == "0.0%"


def test_coverage_lists_each_file_with_the_english_version_to_record(untranslated_copy, capsys):
    main(["coverage", str(untranslated_copy), "--files"], standalone_mode=False)
    out = capsys.readouterr().out
    version = source_version(untranslated_copy / "en/stages/early-help.md")
    assert re.search(rf"stages/early-help\.md +missing +- +English {version}", out)
