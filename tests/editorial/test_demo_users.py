"""`make run`'s demo content brings a login for each editorial role (DEBUG only), listed with its password."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from editorial import roles

DEMO_LOGINS = {  # username: its group (None: the superuser)
    "admin": None,
    "editora": roles.EDITORS,
    "oficial": roles.OFFICERS,
    "revisor": roles.REVIEWERS,
    "traductora": roles.TRANSLATORS,
    "administrador": roles.ADMINISTRATORS,
}
PASSWORD = "portal-demo-2026"


def load_demo_with_users():
    out = io.StringIO()
    call_command(
        "load_demo_content",
        without_transparency=True,
        without_regulations=True,
        without_notes=True,
        without_faq=True,
        stdout=out,
    )
    return out.getvalue()


def listed_logins(output):
    """{username: (role, status)} from the lines after the password's."""
    lines = output.split(f"each with password '{PASSWORD}' unless changed since:\n")[1].splitlines()
    rows = [line.split(maxsplit=1) for line in lines]
    return {username: tuple(part.strip() for part in rest.rsplit("  ", 1)) for username, rest in rows}


@pytest.fixture
def debug(settings):
    settings.DEBUG = True


def test_one_user_per_role_in_its_group_listed_with_the_password(demo_site, debug):
    listed = listed_logins(load_demo_with_users())

    assert {username: role for username, (role, status) in listed.items()} == {
        username: group or "superuser" for username, group in DEMO_LOGINS.items()
    }
    assert {status for role, status in listed.values()} == {"created"}
    users = get_user_model().objects.filter(username__in=DEMO_LOGINS)
    for user in users:
        group = DEMO_LOGINS[user.username]
        assert user.check_password(PASSWORD)
        assert list(user.groups.values_list("name", flat=True)) == ([group] if group else [])
        assert user.is_superuser == (group is None)


def test_running_it_again_creates_no_one_and_says_they_exist(demo_site, debug):
    load_demo_with_users()
    editor = get_user_model().objects.get(username="editora")
    editor.set_password("changed by the editor")
    editor.save()

    output = load_demo_with_users()

    assert "0 items created" in output
    assert {status for role, status in listed_logins(output).values()} == {"already exists"}
    assert get_user_model().objects.filter(username__in=DEMO_LOGINS).count() == len(DEMO_LOGINS)
    editor.refresh_from_db()
    assert editor.check_password("changed by the editor")


def test_no_demo_users_without_debug_or_with_without_admin(demo_site, settings):
    settings.DEBUG = False
    output = load_demo_with_users()
    assert PASSWORD not in output

    settings.DEBUG = True
    call_command("load_demo_content", without_admin=True, stdout=io.StringIO())

    assert not get_user_model().objects.filter(username__in=DEMO_LOGINS).exists()


def test_each_demo_user_logs_in_to_the_admin(demo_site, debug):
    load_demo_with_users()
    for username in DEMO_LOGINS:
        client = Client()

        response = client.post("/admin/login/", {"username": username, "password": PASSWORD})

        assert response.status_code == 302 and response["Location"] == "/admin/", username
        dashboard = client.get("/admin/")
        assert dashboard.status_code == 200 and dashboard.context["user"].username == username
