"""The admin sign-in (/admin/login/) against password guessing: django-axes locks one username from
one address out after AXES_FAILURE_LIMIT wrong passwords, with a page that says why and for how long."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.urls import reverse

LOGIN_URL = "/admin/login/"
PASSWORD = "the-right-password"
ATTACKER, COLLEAGUE = "203.0.113.7", "198.51.100.20"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editora", "editora@example.cl", PASSWORD)


@pytest.fixture
def colleague(django_user_model):
    return django_user_model.objects.create_superuser("revisor", "revisor@example.cl", PASSWORD)


def client_at(address, language="en", **meta):
    return Client(REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE=language, **meta)


def sign_in(client, username, password):
    return client.post(LOGIN_URL, {"username": username, "password": password, "next": reverse("wagtailadmin_home")})


def signed_in(response):
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def fail(client, username, times):
    """Wrong passwords, each answered with the sign-in form again, not yet with the lockout."""
    for attempt in range(times):
        response = sign_in(client, username, f"wrong-{attempt}")
        assert response.status_code == 200, attempt
        assert "Your username and password didn&#x27;t match" in response.content.decode()


def is_lockout_page(response):
    return response.status_code == 429 and "Too many failed sign-in attempts" in response.content.decode()


@pytest.mark.django_db
def test_after_the_limit_even_the_right_password_is_refused_with_the_lockout_page(editor):
    attacker = client_at(ATTACKER)
    fail(attacker, "editora", settings.AXES_FAILURE_LIMIT - 1)
    assert is_lockout_page(sign_in(attacker, "editora", "one-guess-too-many"))

    response = sign_in(attacker, "editora", PASSWORD)
    assert is_lockout_page(response)
    page = response.content.decode()
    assert f"paused for {settings.AXES_COOLOFF_TIME.seconds // 60} minutes" in page
    assert f'href="{LOGIN_URL}"' in page
    assert attacker.get(reverse("wagtailadmin_home")).status_code == 302  # still sent to sign in


@pytest.mark.django_db
def test_the_lockout_page_speaks_spanish(editor):
    attacker = client_at(ATTACKER, language="es")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(attacker, "editora", "mala")
    response = sign_in(attacker, "editora", "mala")
    assert response.status_code == 429
    page = response.content.decode()
    assert '<html lang="es"' in page
    assert "Demasiados intentos fallidos de inicio de sesión" in page
    assert f"{settings.AXES_COOLOFF_TIME.seconds // 60} minutos" in page


@pytest.mark.django_db
def test_another_user_and_the_same_user_elsewhere_can_still_sign_in(editor, colleague):
    attacker = client_at(ATTACKER)
    fail(attacker, "editora", settings.AXES_FAILURE_LIMIT - 1)
    assert is_lockout_page(sign_in(attacker, "editora", "wrong"))

    assert signed_in(sign_in(client_at(ATTACKER), "revisor", PASSWORD))  # same address, another user
    assert signed_in(sign_in(client_at(COLLEAGUE), "editora", PASSWORD))  # same user, another address


@pytest.mark.django_db
def test_a_successful_sign_in_before_the_limit_starts_the_count_again(editor):
    client = client_at(ATTACKER)
    fail(client, "editora", settings.AXES_FAILURE_LIMIT - 1)
    assert signed_in(sign_in(client, "editora", PASSWORD))
    client.post(reverse("wagtailadmin_logout"))

    fail(client, "editora", settings.AXES_FAILURE_LIMIT - 1)  # would have locked her out without the reset
    assert signed_in(sign_in(client, "editora", PASSWORD))


@pytest.mark.django_db
def test_the_lockout_ends_after_the_cool_off(editor):
    attacker = client_at(ATTACKER)
    with time_machine.travel(datetime.datetime(2026, 11, 2, 10, 0, tzinfo=datetime.UTC), tick=False) as traveller:
        fail(attacker, "editora", settings.AXES_FAILURE_LIMIT - 1)
        assert is_lockout_page(sign_in(attacker, "editora", "wrong"))
        traveller.shift(settings.AXES_COOLOFF_TIME - datetime.timedelta(seconds=30))
        assert is_lockout_page(sign_in(attacker, "editora", PASSWORD))
        traveller.shift(settings.AXES_COOLOFF_TIME + datetime.timedelta(seconds=1))
        assert signed_in(sign_in(attacker, "editora", PASSWORD))


@pytest.mark.django_db
def test_behind_a_proxy_each_client_is_counted_by_the_proxy_header(editor, settings):
    """As the rate limits do (RATELIMIT_IP_META_KEY): otherwise one guesser behind the proxy would
    lock every editor out, since all requests come from the proxy's address."""
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"
    proxy = "10.0.0.2"
    attacker = client_at(proxy, HTTP_X_REAL_IP=ATTACKER)
    fail(attacker, "editora", settings.AXES_FAILURE_LIMIT - 1)
    assert is_lockout_page(sign_in(attacker, "editora", "wrong"))

    assert signed_in(sign_in(client_at(proxy, HTTP_X_REAL_IP=COLLEAGUE), "editora", PASSWORD))
    assert is_lockout_page(sign_in(client_at(proxy, HTTP_X_REAL_IP=ATTACKER), "editora", PASSWORD))
