"""Both flows of the demo page against a running server, in headless Chromium.

Needs AUTHLAB_URL (scripts/test.d/80-browser.sh starts `authlab serve` and sets it).
The tests run in file order and share one browser and one freshly registered user.
"""

import json
import os
import re
import secrets
import time
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from helpers import (
    click_and_wait,
    javascript_errors,
    mark_pending,
    rect,
    tab_to,
    text_of,
    wait_settled,
)

BASE_URL = os.environ.get("AUTHLAB_URL", "").rstrip("/")
pytestmark = pytest.mark.skipif(not BASE_URL, reason="AUTHLAB_URL is not set")

USER = "page_" + secrets.token_hex(4)
PASSWORD = "correct horse " + secrets.token_hex(4)


@pytest.fixture(scope="module")
def page(driver):
    driver.set_window_size(1280, 1000)
    driver.get(BASE_URL + "/")
    return driver


def metrics(driver, table_id: str) -> set[str]:
    table = driver.find_element(By.ID, table_id)
    return set((table.get_attribute("data-metrics") or "").split())


def countdown(driver) -> int:
    return int(driver.find_element(By.ID, "jwt-countdown").get_attribute("data-seconds"))


def test_root_serves_the_page_as_html():
    with urllib.request.urlopen(BASE_URL + "/", timeout=10) as response:
        assert response.status == 200
        assert response.headers.get_content_type() == "text/html"
        body = response.read().decode("utf-8")
    assert 'id="col-session"' in body and 'id="col-jwt"' in body


def test_register_a_fresh_user(page):
    page.find_element(By.ID, "username").send_keys(USER)
    page.find_element(By.ID, "password").send_keys(PASSWORD)
    state, text = click_and_wait(page, "register", "register-status")
    assert state == "ok", text
    assert USER in text


def test_session_login_by_keyboard_hides_the_cookie_from_javascript(page):
    page.find_element(By.ID, "password").click()
    tab_to(page, "session-login")
    outline = page.execute_script("return getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "keyboard focus must be visible"
    mark_pending(page, "session-status")
    page.switch_to.active_element.send_keys(Keys.ENTER)
    state, text = wait_settled(page, "session-status")
    assert state == "ok", text
    assert f"Logged in as {USER}" in text

    visible = page.find_element(By.ID, "session-cookie-visible")
    assert visible.get_attribute("data-sid-visible") == "false"
    assert "sid=" not in visible.text
    assert "HttpOnly" in visible.text
    cookie = page.get_cookie("sid")  # the browser holds it; only scripts can't see it
    assert cookie is not None and cookie["httpOnly"] is True
    assert page.execute_script("return document.cookie").find("sid=") == -1

    request = text_of(page, "session-request")
    assert request.startswith("POST /session/login HTTP/1.1")
    assert "Content-Type: application/json" in request
    assert PASSWORD not in request, "the password is not echoed on screen"
    response = text_of(page, "session-response")
    assert response.startswith("HTTP/1.1 200")
    assert "csrf_token" in response and "server-timing:" in response
    assert {"auth", "db"} <= metrics(page, "last-timing-session")


def test_session_me_and_sessions(page):
    state, text = click_and_wait(page, "session-me", "session-status")
    assert state == "ok", text
    assert USER in text
    assert '"auth": "session"' in text_of(page, "session-response")
    assert "GET /session/me HTTP/1.1" in text_of(page, "session-request")

    state, text = click_and_wait(page, "session-sessions", "session-status")
    assert state == "ok", text
    items = page.find_elements(By.CSS_SELECTOR, "#session-list li")
    assert len(items) >= 1
    assert any("(this browser)" in item.text for item in items)


def test_session_logout_revokes_at_once(page):
    state, text = click_and_wait(page, "session-logout", "session-status")
    assert state == "ok", text
    assert re.search(r"^X-CSRF-Token: \S+", text_of(page, "session-request"), re.M)
    assert text_of(page, "session-response").startswith("HTTP/1.1 204")

    state, text = click_and_wait(page, "session-me", "session-status")
    assert state == "error"
    assert "401" in text and "unauthenticated" in text


def test_jwt_login_by_keyboard_decodes_the_token(page):
    page.find_element(By.ID, "password").click()
    passed = tab_to(page, "jwt-login")
    assert passed.index("session-login") < passed.index("jwt-login")
    mark_pending(page, "jwt-status")
    page.switch_to.active_element.send_keys(Keys.ENTER)
    state, text = wait_settled(page, "jwt-status")
    assert state == "ok", text
    assert USER in text

    header = json.loads(text_of(page, "jwt-header-json"))
    payload = json.loads(text_of(page, "jwt-payload-json"))
    assert header["typ"] == "JWT" and header["alg"] and "kid" in header
    assert payload["name"] == USER
    assert isinstance(payload["sub"], str) and payload["sub"]
    assert payload["exp"] > payload["iat"]

    spans = page.find_elements(By.CSS_SELECTOR, "#jwt-compact > span")
    assert [s.get_attribute("class") for s in spans] == ["tok-h", "tok-p", "tok-s"]
    colours = {s.value_of_css_property("color") for s in spans}
    assert len(colours) == 3, "header, payload and signature in three colours"
    assert text_of(page, "jwt-compact").count(".") == 2

    first = countdown(page)
    assert first > 0
    assert re.match(r"^\d+ s \(\d+:\d\d\)$", text_of(page, "jwt-countdown"))
    time.sleep(2.2)
    assert countdown(page) < first, "the countdown ticks every second"

    stored = page.execute_script("return [localStorage.length, sessionStorage.length];")
    assert stored == [0, 0], "tokens live in memory only"
    assert {"auth"} <= metrics(page, "last-timing-jwt")


def test_jwt_me_sends_the_bearer_token(page):
    state, text = click_and_wait(page, "jwt-me", "jwt-status")
    assert state == "ok", text
    assert USER in text
    request = text_of(page, "jwt-request")
    assert request.startswith("GET /jwt/me HTTP/1.1")
    assert re.search(r"^Authorization: Bearer [\w-]+\.[\w-]+\.[\w-]+$", request, re.M)
    assert '"auth": "jwt"' in text_of(page, "jwt-response")
    assert {"auth", "db"} <= metrics(page, "last-timing-jwt")


def test_tampered_token_gets_401_invalid_token(page):
    original = text_of(page, "jwt-compact")
    state, text = click_and_wait(page, "jwt-tamper", "jwt-tamper-result")
    assert state == "ok", text
    assert "401" in text and 'error="invalid_token"' in text
    assert re.search(r'error_description="[^"]+"', text), text
    result = page.find_element(By.ID, "jwt-tamper-result")
    assert result.get_attribute("data-status") == "401"
    assert result.get_attribute("data-error") == "invalid_token"
    forged = text_of(page, "jwt-tampered")
    assert forged != original and len(forged) == len(original)
    assert page.find_elements(By.CSS_SELECTOR, "#jwt-tampered .tok-p mark")
    assert "www-authenticate: Bearer" in text_of(page, "jwt-response")
    # The stored token was not touched.
    assert text_of(page, "jwt-compact") == original
    state, text = click_and_wait(page, "jwt-me", "jwt-status")
    assert state == "ok", text


def test_jwt_refresh_then_logout_leaves_the_access_token_valid(page):
    before = text_of(page, "jwt-compact")
    state, text = click_and_wait(page, "jwt-refresh", "jwt-status")
    assert state == "ok", text
    assert text_of(page, "jwt-compact") != before
    assert "refresh_token" in text_of(page, "jwt-request")

    state, text = click_and_wait(page, "jwt-logout", "jwt-status")
    assert state == "ok", text
    assert text_of(page, "jwt-response").startswith("HTTP/1.1 204")
    state, text = click_and_wait(page, "jwt-refresh", "jwt-status")
    assert state == "error", "no refresh token is held after logout"
    # Stateless: without the deny-list the access token keeps working until exp.
    state, text = click_and_wait(page, "jwt-me", "jwt-status")
    assert state == "ok", text
    assert USER in text


def test_finished_page_screenshot_and_phone_layout(page, output_dir):
    assert javascript_errors(page) == []
    height = page.execute_script("return document.documentElement.scrollHeight;")
    page.set_window_size(1280, min(height + 40, 6000))
    left, right = rect(page, "col-session"), rect(page, "col-jwt")
    assert abs(left["top"] - right["top"]) < 1 and right["left"] >= left["right"]
    assert page.save_screenshot(str(output_dir / "demo-page.png"))

    page.set_window_size(375, 740)
    assert page.execute_script("return window.innerWidth;") <= 600
    first, second = rect(page, "col-session"), rect(page, "col-jwt")
    assert second["top"] >= first["bottom"], "the columns stack on a phone"
    page.save_screenshot(str(output_dir / "demo-page-phone.png"))
