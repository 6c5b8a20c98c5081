"""The Content-Security-Policy as Chromium enforces it, and the check every browser test relies on
(conftest's no_csp_violation) seeing what the policy refuses."""

import pytest

from tests.conftest import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

INJECT = """
const script = document.createElement("script");
script.textContent = "window.injectedRan = true";
document.head.append(script);
document.querySelector("h1").setAttribute("style", "color: red");
return [window.injectedRan === true, getComputedStyle(document.querySelector("h1")).color];
"""


def test_inline_code_is_refused_and_reported(browser, live_server, csp_violations):
    load_demo()
    browser.get(f"{live_server.url}/es/")
    heading_colour = browser.execute_script('return getComputedStyle(document.querySelector("h1")).color')
    csp_violations()  # the page's own: none, or the autouse check fails this test

    ran, colour = browser.execute_script(INJECT)
    assert not ran, "an inline script ran"
    assert colour == heading_colour, "an inline style attribute applied"
    reported = csp_violations()
    assert any("script-src" in violation for violation in reported), reported
    assert any("style-src" in violation for violation in reported), reported
