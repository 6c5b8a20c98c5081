"""Each role can do its job and nothing more: the groups and grants the migration installs,
the section boundary for transparency and regulations, and the review every page goes through."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, PageLogEntry, Workflow, WorkflowPage

from editorial import roles, workflow
from portal.models import StandardPage
from transparency.models import TransparencyIndexPage

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def can(user, page):
    """What the admin lets this user do with this page, as Wagtail's views ask it."""
    tester = Page.objects.get(pk=page.pk).specific.permissions_for_user(user)
    return {
        action
        for action, allowed in {
            "edit": tester.can_edit(),
            "add": tester.can_add_subpage(),
            "publish": tester.can_publish(),
            "unpublish": tester.can_unpublish(),
            "delete": tester.can_delete(),
        }.items()
        if allowed
    }


def standard_page_form(page, **changes):
    """The edit form's fields for a standard page, as the browser posts them."""
    return {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "body-count": "0",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        "change_note": "",
        **changes,
    }


def test_the_migration_installs_five_groups_and_the_review_workflow(db):
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ROLES)
    assert not Group.objects.filter(name__in=roles.WAGTAIL_DEFAULT_GROUPS).exists()  # renamed, not duplicated
    review = WorkflowPage.objects.get(page__depth=1).workflow
    assert review.name == workflow.WORKFLOW_NAME and review.active
    (task,) = [task.specific for task in review.tasks]
    assert list(task.groups.values_list("name", flat=True)) == [roles.REVIEWERS]
    assert list(Workflow.objects.filter(active=True)) == [review]


def test_installing_the_roles_again_changes_nothing(db):
    def snapshot():
        return {
            group.name: (
                sorted(group.permissions.values_list("codename", flat=True)),
                sorted(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission__codename")),
            )
            for group in Group.objects.all()
        }

    before = snapshot()
    roles.install_roles()
    workflow.install_review_workflow()
    assert snapshot() == before


def test_editors_prepare_pages_in_both_languages_but_never_publish(editor, standard_pages, section_pages, home_es):
    spanish, english = standard_pages
    assert can(editor, spanish) == can(editor, english) == {"edit", "add"}
    assert can(editor, home_es) == {"edit", "add"}


def test_editors_cannot_touch_transparency_or_regulation_pages(editor, section_pages, client):
    for page in section_pages.values():
        assert can(editor, page) == set()
    client.force_login(editor)
    transparency = section_pages["transparencia", "es"]
    assert client.get(edit_url(transparency)).status_code != 200
    client.post(edit_url(transparency), {"title": "Cambiado", "slug": "transparencia"})
    assert TransparencyIndexPage.objects.get(pk=transparency.pk).get_latest_revision().content["title"] != "Cambiado"
    add_child = reverse("wagtailadmin_pages:add_subpage", args=[transparency.pk])
    assert client.get(add_child).status_code != 200


def test_editors_cannot_touch_transparency_datasets(editor, client):
    client.force_login(editor)
    for url in (reverse("transparency_admin:obligations"), "/admin/snippets/transparency/dataset/"):
        assert client.get(url).status_code in (302, 403)


def test_officers_prepare_their_sections_in_both_languages_and_nothing_else(officer, standard_pages, section_pages, home_es):
    for page in section_pages.values():
        assert can(officer, page) == {"edit", "add"}
    for page in (*standard_pages, home_es):
        assert can(officer, page) == set()


def test_translators_prepare_english_pages_only(translator, standard_pages, section_pages, home_es, client):
    spanish, english = standard_pages
    assert can(translator, english) == {"edit", "add"}
    assert can(translator, section_pages["transparencia", "en"]) == {"edit", "add"}
    assert can(translator, spanish) == can(translator, home_es) == set()
    assert can(translator, section_pages["transparencia", "es"]) == set()

    client.force_login(translator)
    client.post(edit_url(spanish), standard_page_form(spanish, title="Quiénes somos (traductor)", **{"action-publish": "1"}))
    spanish.refresh_from_db()
    assert spanish.title == "Quiénes somos" and not spanish.has_unpublished_changes


def test_a_translator_cannot_publish_even_english_pages(translator, standard_pages, client):
    english = standard_pages[1]
    client.force_login(translator)
    client.post(edit_url(english), standard_page_form(english, title="About us, revised", **{"action-publish": "1"}))
    english.refresh_from_db()
    assert english.title == "About us"  # the live page is unchanged
    assert english.get_latest_revision().content["title"] == "About us, revised"  # kept as a draft


def test_reviewers_publish_and_withdraw_but_do_not_write(reviewer, standard_pages, section_pages):
    for page in (*standard_pages, *section_pages.values()):
        assert can(reviewer, page) == {"publish", "unpublish"}


def test_administrators_can_do_everything_everywhere(administrator, standard_pages, section_pages):
    for page in (*standard_pages, *section_pages.values()):
        assert {"edit", "add", "publish", "unpublish"} <= can(administrator, page)


def test_a_new_section_gets_its_editors_when_created(officer, translator, home_en):
    page = TransparencyIndexPage(title="Transparency", slug="transparency-2", locale=home_en.locale)
    home_en.add_child(instance=page)
    assert can(officer, page) == can(translator, page) == {"edit", "add"}


def test_an_editors_change_goes_live_only_after_a_reviewers_approval(editor, reviewer, standard_pages, client):
    spanish = standard_pages[0]
    client.force_login(editor)
    response = client.post(
        edit_url(spanish), standard_page_form(spanish, title="Quiénes somos y qué hacemos", **{"action-submit": "1"})
    )
    assert response.status_code == 302
    spanish.refresh_from_db()
    assert spanish.title == "Quiénes somos"  # submitted, not live
    assert client.get(spanish.url).content.decode().count("Quiénes somos y qué hacemos") == 0

    state = spanish.current_workflow_state
    assert state.status == state.STATUS_IN_PROGRESS
    client.force_login(reviewer)
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[spanish.pk, "approve", state.current_task_state.pk]
    )
    response = client.post(approve, {"comment": "Revisado, correcto."})
    assert response.status_code in (200, 302)

    spanish = StandardPage.objects.get(pk=spanish.pk)
    assert spanish.title == "Quiénes somos y qué hacemos"
    client.logout()
    assert "Quiénes somos y qué hacemos" in client.get(spanish.url).content.decode()
    actions = list(PageLogEntry.objects.filter(page=spanish).values_list("action", "user__username"))
    assert ("wagtail.workflow.start", editor.username) in actions
    assert ("wagtail.workflow.approve", reviewer.username) in actions
    assert ("wagtail.publish", reviewer.username) in actions
    approval = PageLogEntry.objects.get(page=spanish, action="wagtail.workflow.approve")
    assert approval.data["comment"] == "Revisado, correcto."


def test_an_editor_cannot_approve_their_own_submission(editor, standard_pages, client):
    spanish = standard_pages[0]
    client.force_login(editor)
    client.post(edit_url(spanish), standard_page_form(spanish, title="Autoaprobada", **{"action-submit": "1"}))
    state = spanish.current_workflow_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=[spanish.pk, "approve", state.current_task_state.pk])
    client.post(approve, {"comment": ""})
    spanish.refresh_from_db()
    assert spanish.title == "Quiénes somos"
    assert spanish.current_workflow_state.status == state.STATUS_IN_PROGRESS


def test_editors_cannot_copy_a_transparency_section_into_their_own(editor, section_pages, home_es, client):
    """Wagtail's copy view asks a plain Page, but a section page can only be copied where it may
    live, and there the section's own grants decide."""
    transparency = section_pages["transparencia", "es"]
    client.force_login(editor)
    client.post(
        reverse("wagtailadmin_pages:copy", args=[transparency.pk]),
        {"new_title": "Copia", "new_slug": "copia", "new_parent_page": home_es.pk, "publish_copies": ""},
    )
    assert not Page.objects.filter(slug="copia").exists()


def test_editors_manage_promoted_search_results(editor, client):
    client.force_login(editor)
    assert client.get(reverse("wagtailsearchpromotions:index")).status_code == 200
    assert client.get(reverse("wagtailsearchpromotions:add")).status_code == 200
