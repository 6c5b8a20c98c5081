"""Regulation editors in the admin: importing a text, checking it, saving it as a draft, publishing and withdrawing versions."""

import datetime
from html.parser import HTMLParser

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from django.utils import translation
from wagtail.documents.models import Document
from wagtail.models import ModelLogEntry

from regulations import forms as regulation_forms
from regulations import versions as version_actions
from regulations.models import Provision, Version

from tests.conftest import admin_user_with, in_english

from .conftest import FUTURE, SECOND, TEXT_V1, TEXT_V2, TEXT_V3

DECEMBER = datetime.date(2026, 12, 1)
V1_LABELS = [
    "titulo-1", "art-1", "art-2", "titulo-2", "titulo-2-parrafo-1", "art-3", "art-4",
    "disposiciones-transitorias", "art-1-transitorio", "anexo-1",
]  # fmt: skip
V2_LABELS = [label if label != "art-4" else "art-3-bis" for label in V1_LABELS]
BAD_TEXT = TEXT_V1.replace("Artículo 2°.- Principios.", "Artículo X.- Principios.").replace(
    "Artículo 4°.-", "Artículo 3°.-"
)


def url(name, *args):
    return reverse(f"regulations_admin:{name}", args=args)


EDITOR_PERMISSIONS = ("regulations.change_version", "regulations.add_version", "regulations.delete_version")


def messages_of(response):
    return [str(message).strip() for message in response.context["messages"]]


def form_data(text=TEXT_V1, effective_from=DECEMBER, **fields):
    return {"effective_from": effective_from.isoformat(), "act_type": "resolucion_exenta", "text": text, **fields}


class PreviewForm(HTMLParser):
    """The values a browser sends back from the preview page's form, which is all the save step gets."""

    def __init__(self, page):
        super().__init__()
        self.values, self.in_form, self.textarea = {}, False, None
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_form = attrs.get("id") == "w-editor-form"
        elif self.in_form and tag == "input" and attrs["name"] != "csrfmiddlewaretoken":
            self.values[attrs["name"]] = attrs.get("value") or ""
        elif self.in_form and tag == "textarea":
            self.textarea = attrs["name"]
            self.values[self.textarea] = ""

    def handle_data(self, data):
        if self.textarea:
            self.values[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea:
            self.values[self.textarea] = self.values[self.textarea].removeprefix("\n")  # as HTML parsers drop it
            self.textarea = None
        self.in_form = self.in_form and tag != "form"


def saved_from_preview(client, address, preview):
    return client.post(address, {**PreviewForm(preview.content.decode()).values, "save": "1"})


def labels(version):
    return list(version.provisions.order_by("position").values_list("label", flat=True))


@pytest.fixture(autouse=True)
def on_the_day(today):
    """Every test on 2026-11-23: version 2 in force, version 3 future."""
    return today


@pytest.fixture
def editor(db, django_user_model):
    return in_english(django_user_model.objects.create_superuser(username="editor", password="password"))


@pytest.fixture
def admin_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def official_pdf(db):
    return Document.objects.create(title="Resolución exenta 1.245", file=ContentFile(b"%PDF-1.7\n", name="res-1245.pdf"))


@pytest.fixture
def draft(regulation):
    return version_actions.create_draft(regulation, TEXT_V1, effective_from=DECEMBER, summary="Primer borrador")


# Importing a text


def test_a_preview_shows_the_contents_and_saves_nothing(admin_client, regulation):
    response = admin_client.post(url("import", regulation.pk), form_data(act_number="77"))

    assert response.status_code == 200
    assert not Version.objects.exists() and not Provision.objects.exists()
    preview = response.context["preview"]
    assert preview["counts"] == {"articles": 4, "transitory": 1, "annexes": 1, "titles": 2}
    assert preview["amended"] is None and preview["changes"] is None
    assert [entry.citation for entry in preview["contents"]] == ["Title I", "Title II", "DISPOSICIONES TRANSITORIAS", "Annex 1"]
    assert [entry.citation for entry in preview["contents"][1].children[0].children] == ["Article 3°", "Article 4°"]
    page = response.content.decode()
    assert "DE LOS PROCEDIMIENTOS" in page and "Transitory article 1°" in page
    assert "VISTOS: la Ley N° 19.886." in page  # the preamble
    form = response.context["form"]
    assert (form.initial["text"], form.initial["act_number"]) == (TEXT_V1, "77")
    assert f'<textarea name="text" hidden>\n{escape(TEXT_V1)}</textarea>' in page and 'name="save"' in page


def test_a_preview_says_what_the_text_changes_in_the_version_it_amends(admin_client, regulation, versions):
    response = admin_client.post(url("import", regulation.pk), form_data(TEXT_V1))

    preview = response.context["preview"]
    assert preview["amended"] == versions[1]  # the last version before December 2026, not the future one
    changes = preview["changes"]
    assert (changes.added, changes.removed, changes.changed) == (["Article 4°"], ["Article 3 bis"], ["Article 3°"])
    assert admin_client.post(url("import", regulation.pk), form_data(TEXT_V3)).context["preview"]["changes"].changed == [
        "Article 1°"
    ]
    after_the_future_one = admin_client.post(url("import", regulation.pk), form_data(TEXT_V3, datetime.date(2028, 1, 1)))
    assert after_the_future_one.context["preview"]["amended"] == versions[2]
    assert not after_the_future_one.context["preview"]["changes"].changed
    assert Version.objects.count() == 3


def test_a_malformed_text_lists_every_problem_with_its_line_and_saves_nothing(admin_client, regulation):
    for step in ({}, {"save": "1"}):
        response = admin_client.post(url("import", regulation.pk), {**form_data(BAD_TEXT), **step})

        assert response.status_code == 200
        assert [(problem.line, problem.text) for problem in response.context["problems"]] == [
            (9, "Artículo X.- Principios. Las compras se rigen por la probidad y la transparencia."),
            (20, "Artículo 3°.- Registro en papel. La Unidad de Compras llevará un registro en papel."),
        ]
        page = response.content.decode()
        assert "Line 9: «Artículo X.- Principios." in page
        assert "This looks like an article heading, but its number cannot be read." in page
        assert "Line 20: «Artículo 3°.- Registro en papel." in page and "(first on line 18)" in page
        assert response.context["form"].initial["text"] == BAD_TEXT  # kept, to be corrected
        assert response.context["preview"] is None
        assert not Version.objects.exists()


def test_saving_a_valid_text_makes_a_draft_with_its_tree(admin_client, regulation, editor, official_pdf):
    data = form_data(act_number="1.245", summary="Texto original", official_pdf=official_pdf.pk)
    preview = admin_client.post(url("import", regulation.pk), data)

    response = saved_from_preview(admin_client, url("import", regulation.pk), preview)

    draft = Version.objects.get()
    assert response["Location"] == url("versions", regulation.pk)
    assert not draft.is_published
    assert (draft.effective_from, draft.act_number, draft.summary, draft.source_text) == (
        DECEMBER, "1.245", "Texto original", TEXT_V1,
    )  # fmt: skip
    assert draft.official_pdf == official_pdf
    assert draft.preamble.startswith("REGLAMENTO DE COMPRAS (PRUEBA)")
    assert labels(draft) == V1_LABELS
    assert draft.provisions.get(label="art-3").parent.label == "titulo-2-parrafo-1"
    entry = ModelLogEntry.objects.get(action="regulations.create_version")
    assert (entry.object_id, entry.user, entry.data) == (str(draft.pk), editor, {"date": "2026-12-01"})
    assert "The draft from Dec. 1, 2026 is saved." in messages_of(admin_client.get(response["Location"]))[0]


def test_required_details_are_asked_for_and_nothing_is_read(admin_client, regulation):
    response = admin_client.post(url("import", regulation.pk), {"act_type": "resolucion_exenta", "text": " "})

    assert set(response.context["form"].errors) == {"effective_from", "text"}
    assert response.context["preview"] is None
    assert not Version.objects.exists()


def test_a_text_file_in_windows_encoding_replaces_the_box(admin_client, regulation):
    def upload(data):
        return SimpleUploadedFile("reglamento.txt", data, content_type="text/plain")

    response = admin_client.post(
        url("import", regulation.pk), form_data("", text_file=upload(TEXT_V1.encode("cp1252")))
    )
    assert response.context["form"].initial["text"] == TEXT_V1  # carried to the save step in a hidden field
    assert response.context["preview"]["counts"]["articles"] == 4
    assert not Version.objects.exists()

    saved_from_preview(admin_client, url("import", regulation.pk), response)
    assert Version.objects.get().source_text == TEXT_V1

    admin_client.post(
        url("import", regulation.pk), form_data("ignored", text_file=upload(b"\xef\xbb\xbf" + TEXT_V2.encode()), save="1")
    )
    assert Version.objects.latest("pk").source_text == TEXT_V2  # the BOM dropped, the box ignored

    unicode_notepad = upload(TEXT_V3.encode("utf-16"))  # Notepad's "Unicode": UTF-16 with its BOM
    response = admin_client.post(url("import", regulation.pk), form_data("", datetime.date(2030, 1, 1), text_file=unicode_notepad))
    assert response.context["form"].initial["text"] == TEXT_V3


def test_other_files_are_refused_clearly(admin_client, regulation, monkeypatch):
    pdf = SimpleUploadedFile("reglamento.pdf", b"%PDF-1.7\n", content_type="application/pdf")
    response = admin_client.post(url("import", regulation.pk), form_data("", text_file=pdf))
    with translation.override("en"):
        assert "This is not a plain text file." in response.context["form"].errors["text_file"][0]

    monkeypatch.setattr(regulation_forms, "MAX_UPLOAD_SIZE", 100)
    large = SimpleUploadedFile("reglamento.txt", TEXT_V1.encode(), content_type="text/plain")
    response = admin_client.post(url("import", regulation.pk), form_data("", text_file=large))
    with translation.override("en"):
        assert response.context["form"].errors["text_file"] == [
            f"The file is {len(TEXT_V1.encode())}\xa0bytes; files of up to 100\xa0bytes can be read."
        ]
    assert not Version.objects.exists()


def test_a_new_draft_starts_from_a_versions_text(admin_client, versions):
    response = admin_client.get(url("new_draft", versions[1].pk))

    assert response.status_code == 200
    assert response.context["form"]["text"].value() == TEXT_V2
    assert not response.context["form"]["effective_from"].value()

    admin_client.post(url("new_draft", versions[1].pk), form_data(TEXT_V2, save="1"))
    assert labels(Version.objects.drafts().get()) == V2_LABELS


# Editing


def test_editing_a_draft_replaces_its_tree_and_details(admin_client, draft):
    form_page = admin_client.get(url("edit", draft.pk))
    assert form_page.context["form"]["text"].value() == TEXT_V1

    preview = admin_client.post(url("edit", draft.pk), form_data(TEXT_V2, act_number="412"))
    assert preview.context["preview"]["counts"]["articles"] == 4
    draft.refresh_from_db()
    assert (draft.source_text, labels(draft)) == (TEXT_V1, V1_LABELS)  # a preview changes nothing

    response = admin_client.post(
        url("edit", draft.pk), form_data(TEXT_V2, effective_from=FUTURE, act_number="412", save="1")
    )

    assert response["Location"] == url("versions", draft.regulation_id)
    draft.refresh_from_db()
    assert (draft.source_text, draft.effective_from, draft.act_number, draft.summary) == (TEXT_V2, FUTURE, "412", "")
    assert labels(draft) == V2_LABELS
    assert ModelLogEntry.objects.filter(action="regulations.edit_version", object_id=str(draft.pk)).exists()


def test_a_published_versions_text_and_date_cannot_change_through_the_edit_view(admin_client, versions):
    published = versions[1]
    form_page = admin_client.get(url("edit", published.pk))
    assert set(form_page.context["form"].fields) == {
        "act_type", "act_number", "act_date", "act_url", "summary", "official_pdf",
    }  # fmt: skip
    assert "Withdraw it to change its date or text." in form_page.content.decode()

    response = admin_client.post(
        url("edit", published.pk),
        form_data(TEXT_V1, effective_from=DECEMBER, act_number="412", summary="Compra ágil hasta 100 UTM", save="1"),
    )

    assert response["Location"] == url("versions", published.regulation_id)
    published.refresh_from_db()
    assert published.summary == "Compra ágil hasta 100 UTM"
    assert (published.source_text, published.effective_from, published.is_published) == (TEXT_V2, SECOND, True)
    assert labels(published) == V2_LABELS


# Publishing, withdrawing, deleting


def test_publishing_makes_a_draft_public_and_ends_the_previous_version(admin_client, versions, draft):
    assert admin_client.get(url("publish", draft.pk)).status_code == 200  # asks first

    response = admin_client.post(url("publish", draft.pk))

    assert response["Location"] == url("versions", draft.regulation_id)
    draft.refresh_from_db()
    versions[1].refresh_from_db()
    assert draft.is_published and draft.status() == Version.Status.FUTURE
    assert versions[1].effective_to == datetime.date(2026, 11, 30)
    assert draft.effective_to == datetime.date(2027, 2, 28)
    assert ModelLogEntry.objects.filter(action="regulations.publish_version", object_id=str(draft.pk)).exists()


def test_a_refusal_from_the_versions_rules_is_shown_as_an_error(admin_client, versions, regulation):
    clash = version_actions.create_draft(regulation, TEXT_V3, effective_from=FUTURE)

    response = admin_client.post(url("publish", clash.pk), follow=True)

    assert any("A published version already takes effect on 2027-03-01." in message for message in messages_of(response))
    clash.refresh_from_db()
    assert not clash.is_published
    assert not ModelLogEntry.objects.filter(action="regulations.publish_version").exists()


def test_withdrawing_makes_a_version_a_draft_again(admin_client, versions):
    response = admin_client.get(url("withdraw", versions[2].pk))
    assert "the public stops seeing it at once" in response.content.decode()

    admin_client.post(url("withdraw", versions[2].pk))

    for version in versions:
        version.refresh_from_db()
    assert not versions[2].is_published
    assert versions[1].effective_to is None  # in force with no end again
    assert ModelLogEntry.objects.filter(action="regulations.withdraw_version", object_id=str(versions[2].pk)).exists()


def test_deleting_a_draft_and_only_a_draft(admin_client, versions, draft):
    assert admin_client.get(url("delete", draft.pk)).status_code == 200

    admin_client.post(url("delete", draft.pk))
    refused = admin_client.post(url("delete", versions[0].pk), follow=True)

    assert not Version.objects.filter(pk=draft.pk).exists()
    assert not Provision.objects.filter(version_id=draft.pk).exists()
    assert "A published version cannot be deleted. Withdraw it first." in messages_of(refused)
    assert Version.objects.published().count() == 3
    entry = ModelLogEntry.objects.get(action="regulations.delete_version")
    assert (entry.object_id, entry.deleted) == (str(draft.pk), True)


def test_each_action_reads_well_in_the_site_history(admin_client, versions, draft):
    admin_client.post(url("publish", draft.pk))
    admin_client.post(url("withdraw", versions[2].pk))

    page = admin_client.get(reverse("wagtailadmin_reports:site_history")).content.decode()

    assert "Published the version in force from 2026-12-01" in page
    assert "Withdrew the version in force from 2027-03-01: the public no longer sees it" in page
    assert url("edit", draft.pk) in page


# Permissions


def test_editors_without_the_publish_permission_cannot_publish_or_withdraw(client, django_user_model, versions, draft):
    client.force_login(admin_user_with(django_user_model, "drafter", *EDITOR_PERMISSIONS))

    listing = client.get(url("versions", draft.regulation_id))
    assert listing.status_code == 200
    assert url("edit", draft.pk) in listing.content.decode()
    assert url("publish", draft.pk) not in listing.content.decode()
    for address in (url("publish", draft.pk), url("withdraw", versions[1].pk)):
        assert client.get(address)["Location"] == reverse("wagtailadmin_home")
        assert client.post(address)["Location"] == reverse("wagtailadmin_home")

    draft.refresh_from_db()
    versions[1].refresh_from_db()
    assert not draft.is_published and versions[1].is_published


def test_publishers_can_publish(client, django_user_model, draft):
    client.force_login(admin_user_with(django_user_model, "publisher", *EDITOR_PERMISSIONS, "regulations.publish_version"))

    client.post(url("publish", draft.pk))

    draft.refresh_from_db()
    assert draft.is_published


def test_users_who_may_only_view_versions_read_the_list_but_cannot_change_anything(
    client, django_user_model, versions, draft
):
    client.force_login(admin_user_with(django_user_model, "reader", "regulations.view_version", "regulations.add_version"))

    listing = client.get(url("versions", draft.regulation_id))
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "Primer borrador" in page  # the draft's summary: drafts are read too
    for action in (url("edit", draft.pk), url("import", draft.regulation_id), url("publish", draft.pk)):
        assert action not in page
    addresses = [
        url("import", draft.regulation_id),
        url("new_draft", versions[0].pk),
        url("edit", draft.pk),
        url("publish", draft.pk),
        url("withdraw", versions[0].pk),
        url("delete", draft.pk),
    ]
    for address in addresses:
        for method in ("get", "post"):
            response = getattr(client, method)(address, form_data(save="1") if method == "post" else None)
            assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home")), address

    assert Version.objects.count() == 4
    draft.refresh_from_db()
    assert not draft.is_published and draft.source_text == TEXT_V1


def test_users_without_a_permission_on_versions_cannot_reach_the_views(client, django_user_model, versions, draft):
    client.force_login(admin_user_with(django_user_model, "outsider", "regulations.view_regulation"))

    for address in (url("versions", draft.regulation_id), url("edit", draft.pk), url("publish", draft.pk)):
        assert client.get(address)["Location"] == reverse("wagtailadmin_home"), address
    listing = client.get(reverse("wagtailsnippets_regulations_regulation:list")).content.decode()
    assert url("versions", draft.regulation_id) not in listing


def test_importing_needs_the_add_permission(client, django_user_model, regulation):
    client.force_login(admin_user_with(django_user_model, "fixer", "regulations.change_version"))

    assert client.get(url("import", regulation.pk))["Location"] == reverse("wagtailadmin_home")
    assert url("import", regulation.pk) not in client.get(url("versions", regulation.pk)).content.decode()


def test_visitors_are_sent_to_log_in(client, draft):
    response = client.post(url("publish", draft.pk))

    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    draft.refresh_from_db()
    assert not draft.is_published


# The versions of a regulation


def test_the_versions_list_puts_drafts_first_and_links_to_the_public_site(admin_client, versions, draft, regulation_page):
    response = admin_client.get(url("versions", draft.regulation_id))

    rows = response.context["rows"]
    assert [version for version, _preview in rows] == [draft, versions[2], versions[1], versions[0]]
    assert [version.status() for version, _preview in rows] == ["draft", "future", "in_force", "superseded"]
    page_url = regulation_page.url
    assert rows[0][1] == f"{page_url}draft/{draft.pk}/"
    assert rows[2][1] == f"{page_url}2024-07-01/"
    page = response.content.decode()
    assert f'href="{page_url}draft/{draft.pk}/"' in page
    with translation.override("en"):
        assert versions[1].act in page
    assert url("new_draft", versions[1].pk) in page and url("new_draft", draft.pk) not in page
    assert "The public cannot see this regulation yet" not in page


def test_a_regulation_without_a_page_says_the_public_cannot_see_it(admin_client, draft):
    response = admin_client.get(url("versions", draft.regulation_id))

    assert "The public cannot see this regulation yet" in response.content.decode()
    assert all(preview is None for _version, preview in response.context["rows"])


def test_the_versions_list_costs_the_same_queries_for_many_versions(
    admin_client, regulation, regulation_page, django_assert_max_num_queries
):
    def add_drafts(count):
        for day in range(count):
            version_actions.create_draft(regulation, TEXT_V1, effective_from=DECEMBER + datetime.timedelta(days=day))

    add_drafts(2)
    address = url("versions", regulation.pk)
    admin_client.get(address)  # warm per-process caches
    with CaptureQueriesContext(connection) as two_versions:
        admin_client.get(address)
    add_drafts(20)

    with django_assert_max_num_queries(len(two_versions)):
        response = admin_client.get(address)

    assert len(response.context["rows"]) == 22


# The Regulation snippet


def test_the_regulation_listing_shows_the_version_in_force_and_links_to_the_versions(admin_client, versions, draft):
    listing = reverse("wagtailsnippets_regulations_regulation:list")

    response = admin_client.get(listing)

    page = response.content.decode()
    assert "from July 1, 2024" in page  # when the version in force today took effect
    (regulation,) = response.context["object_list"]
    assert regulation.draft_count == 1
    assert url("versions", regulation.pk) in page and url("import", regulation.pk) in page
    assert not admin_client.get(listing + "?q=manual").context["object_list"]
    home = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert listing.replace("/", "\\/") in home or listing in home  # in the "Regulations" menu


def test_the_regulation_edit_view_links_to_its_versions(admin_client, regulation):
    page = admin_client.get(reverse("wagtailsnippets_regulations_regulation:edit", args=[regulation.pk])).content.decode()

    assert url("versions", regulation.pk) in page and url("import", regulation.pk) in page


def test_a_regulation_with_published_versions_cannot_be_deleted(admin_client, regulation, versions):
    delete_url = reverse("wagtailsnippets_regulations_regulation:delete", args=[regulation.pk])

    response = admin_client.post(delete_url, follow=True)

    assert regulation.versions.published().count() == 3
    assert "cannot be deleted" in response.content.decode()


def test_a_regulation_with_only_drafts_can_be_deleted(admin_client, regulation):
    version_actions.create_draft(regulation, TEXT_V1, effective_from=datetime.date(2030, 1, 1))

    admin_client.post(reverse("wagtailsnippets_regulations_regulation:delete", args=[regulation.pk]))

    assert not Version.objects.exists()
