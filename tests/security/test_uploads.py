"""Files editors upload through the admin: only the allowed types and sizes are kept, and documents
are served so that a browser neither runs nor guesses them (only PDFs open in the browser)."""

import io

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

from tests.conftest import in_english

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
HTML = b"<!DOCTYPE html><script>alert(document.cookie)</script>"


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(in_english(django_user_model.objects.create_superuser("admin", "admin@example.cl", "x")))
    return client


def png(padding=0):
    """A real 40×30 PNG, made `padding` bytes longer by trailing bytes (PNG readers ignore them)."""
    out = io.BytesIO()
    PillowImage.new("RGB", (40, 30), "navy").save(out, "PNG")
    return out.getvalue() + b"\0" * padding


def add_document(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": Collection.get_first_root_node().pk},
    )


def add_image(client, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": Collection.get_first_root_node().pk},
    )


def upload_many(client, kind, name, content):
    """The admin's drag-and-drop upload (what editors mostly use): one file, answered in JSON."""
    return client.post(reverse(f"wagtail{kind}:add_multiple"), {"files[]": SimpleUploadedFile(name, content)}).json()


def form_errors(response):
    assert response.status_code == 200  # the form again, not a redirect to the listing
    return " ".join(str(error) for error in response.context["form"].errors["file"])


@pytest.mark.django_db
@pytest.mark.parametrize("name, content", [("page.html", HTML), ("drawing.svg", SVG), ("page.htm", HTML)])
def test_a_web_page_or_svg_is_refused_as_a_document(admin_client, name, content):
    assert "is not allowed" in form_errors(add_document(admin_client, name, content))
    assert upload_many(admin_client, "docs", name, content)["success"] is False
    assert not Document.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name, content", [("drawing.svg", SVG), ("page.html", HTML), ("disguised.png", HTML)])
def test_an_svg_or_web_page_is_refused_as_an_image(admin_client, name, content):
    assert "image" in form_errors(add_image(admin_client, name, content))
    assert upload_many(admin_client, "images", name, content)["success"] is False
    assert not Image.objects.exists()


@pytest.mark.django_db
def test_an_oversized_document_is_refused(admin_client):
    too_big = b"a,b\n" * (settings.WAGTAILDOCS_MAX_UPLOAD_SIZE // 4 + 1)
    assert "This file is too big" in form_errors(add_document(admin_client, "huge.csv", too_big))
    assert "This file is too big" in upload_many(admin_client, "docs", "huge.csv", too_big)["error_message"]
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_an_oversized_image_is_refused(admin_client):
    too_big = png(padding=settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    assert "This file is too big" in form_errors(add_image(admin_client, "huge.png", too_big))
    assert "This file is too big" in upload_many(admin_client, "images", "huge.png", too_big)["error_message"]
    assert not Image.objects.exists()


@pytest.mark.django_db
def test_allowed_files_within_the_limits_are_kept(admin_client):
    """The refusals above are about type and size, not uploads in general."""
    assert add_document(admin_client, "contracts.csv", b"supplier,amount\nACME,100\n").status_code == 302
    assert add_image(admin_client, "chart.png", png()).status_code == 302
    assert Document.objects.get().file.read() == b"supplier,amount\nACME,100\n"
    assert Image.objects.get().width == 40


def served(client, name, content):
    assert add_document(client, name, content).status_code == 302
    document = Document.objects.get(title=name)
    client.logout()  # as a reader gets it
    return document, client.get(document.url)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, content, content_type",
    [
        ("contracts.csv", b"supplier,amount\nACME,100\n", "text/csv"),
        ("notes.txt", HTML, "text/plain"),  # HTML inside a .txt stays text
        ("data.json", b'{"a": "<script>alert(1)</script>"}', "application/json"),
    ],
)
def test_a_document_downloads_as_an_attachment_of_its_declared_type(admin_client, name, content, content_type):
    document, response = served(admin_client, name, content)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{document.filename}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"  # even opened, nothing runs
    assert b"".join(response.streaming_content) == content


@pytest.mark.django_db
def test_a_pdf_opens_in_the_browser_but_cannot_run_anything(admin_client):
    document, response = served(admin_client, "report.pdf", b"%PDF-1.4\n%%EOF\n")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="{document.filename}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
