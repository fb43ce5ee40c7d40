"""Markdown rendering: guide links, glossary links on first use, GOV.UK classes, sanitising."""

from journey_app.content.render import Link, Renderer


def make_renderer(terms=None):
    def paths(link):
        return f"/en/{link.kind}/{link.target}" + (f"#{link.anchor}" if link.anchor else "")

    return Renderer(paths, lambda term: f"/en/words#{term}", terms)


def test_stage_and_page_links_become_guide_addresses():
    renderer = make_renderer()
    state = renderer.start_page()
    html = renderer.html(
        "Read [the plan](stage:child-protection-plan) and [complaints](page:rights#complaints)."
    )
    assert 'href="/en/stage/child-protection-plan"' in html
    assert 'href="/en/page/rights#complaints"' in html
    assert Link("page", "rights", "complaints") in state.links


def test_first_use_of_a_term_links_to_words_explained_once():
    renderer = make_renderer({"core-group": ["core group", "core groups"]})
    state = renderer.start_page()
    html = renderer.html("The core group meets.\n\nCore groups happen every 4 weeks.")
    assert html.count('href="/en/words#core-group"') == 1
    assert '<a class="govuk-link" href="/en/words#core-group">core group</a> meets' in html
    assert state.terms == ["core-group"]


def test_terms_are_not_linked_inside_headings_or_links():
    renderer = make_renderer({"assessment": ["assessment"]})
    renderer.start_page()
    html = renderer.html("## The assessment\n\n[assessment](stage:assessment) then assessment.")
    assert "<h2" in html and "The assessment</h2>" in html
    assert html.count('href="/en/words#assessment"') == 1
    assert html.endswith(
        'then <a class="govuk-link" href="/en/words#assessment">assessment</a>.</p>'
    )


def test_longer_term_wins_over_shorter_one():
    renderer = make_renderer({"icpc": ["child protection conference"], "conf": ["conference"]})
    renderer.start_page()
    html = renderer.html("The child protection conference is a meeting.")
    assert 'href="/en/words#icpc">child protection conference</a>' in html
    assert "words#conf" not in html


def test_govuk_classes_are_added():
    html = make_renderer().html("Hello\n\n- one\n- two")
    assert '<p class="govuk-body">' in html
    assert '<ul class="govuk-list govuk-list--bullet">' in html


def test_scripts_and_event_handlers_are_removed():
    html = make_renderer().html(
        'Hi <script>alert(1)</script> <img src=x onerror="alert(2)"> [click](javascript:alert(3))'
    )
    assert "<script" not in html
    assert "onerror" not in html
    assert "javascript:" not in html
