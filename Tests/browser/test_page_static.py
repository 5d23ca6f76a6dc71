"""The demo page on its own, no server: self-contained, labelled, laid out as promised.

The HTML is taken from DemoPage.swift. The first tests parse it with html.parser; the
rest open it from a file in headless Chromium (no API calls are made).
"""

import re
from html.parser import HTMLParser

import pytest
from selenium.webdriver.common.by import By

from helpers import active_id, javascript_errors, rect, tab_to

IDS_READ_BY_TESTS = [
    "username", "password", "register", "register-status",
    "session-login", "session-me", "session-sessions", "session-logout",
    "session-status", "session-cookie-visible", "session-list", "session-request",
    "session-response", "last-timing-session",
    "jwt-login", "jwt-me", "jwt-refresh", "jwt-logout", "jwt-tamper", "jwt-status",
    "jwt-compact", "jwt-countdown", "jwt-header-json", "jwt-payload-json",
    "jwt-tamper-result", "jwt-request", "jwt-response", "last-timing-jwt",
    "jwt-storage-note", "col-session", "col-jwt",
]
URL_ATTRIBUTES = {"src", "href", "action", "formaction", "srcset", "poster", "data"}


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []  # (tag, attrs dict)
        self.label_for = set()
        self.open_label_inputs = []
        self.in_label = 0
        self.styles = []
        self.scripts = []
        self._capture = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag == "label":
            self.in_label += 1
            if "for" in attributes:
                self.label_for.add(attributes["for"])
        if tag == "input" and self.in_label:
            self.open_label_inputs.append(attributes.get("id"))
        if tag in ("style", "script"):
            self._capture = (tag, [])

    def handle_endtag(self, tag):
        if tag == "label":
            self.in_label -= 1
        if self._capture and tag == self._capture[0]:
            target = self.styles if tag == "style" else self.scripts
            target.append("".join(self._capture[1]))
            self._capture = None

    def handle_data(self, data):
        if self._capture:
            self._capture[1].append(data)


@pytest.fixture(scope="module")
def parsed(page_html):
    parser = PageParser()
    parser.feed(page_html)
    parser.close()
    return parser


def test_is_one_html5_document(page_html, parsed):
    assert page_html.lower().startswith("<!doctype html>")
    tags = [tag for tag, _ in parsed.elements]
    assert tags.count("html") == 1 and tags.count("body") == 1
    assert ("meta", {"charset": "utf-8"}) in parsed.elements
    viewport = [a for t, a in parsed.elements if t == "meta" and a.get("name") == "viewport"]
    assert viewport and "width=device-width" in viewport[0]["content"]
    assert ("html", {"lang": "en"}) in parsed.elements


def test_loads_nothing_from_anywhere(parsed):
    for tag, attributes in parsed.elements:
        for name, value in attributes.items():
            if name in URL_ATTRIBUTES:
                assert value is not None and value.startswith("#"), f"<{tag} {name}={value}>"
        assert tag not in ("link", "img", "iframe", "object", "embed", "base", "source")
        if tag == "script":
            assert "src" not in attributes, "inline scripts only"
    css = "\n".join(parsed.styles)
    assert "@import" not in css and "url(" not in css and "@font-face" not in css
    script = "\n".join(parsed.scripts)
    for forbidden in ("http://", "https://", "import(", "new Worker", "localStorage",
                      "sessionStorage", "innerHTML", "outerHTML", "insertAdjacentHTML",
                      "document.write", "eval(", "new Function"):
        assert forbidden not in script, forbidden
    # Every fetch goes to a same-origin absolute path.
    assert re.findall(r"fetch\(([^,)]*)", script) == ["path"]
    paths = re.findall(r"call\('\w+', '(?:GET|POST)', '([^']*)'", script)
    assert paths and all(p.startswith("/") and not p.startswith("//") for p in paths)
    assert set(paths) == {
        "/users", "/session/login", "/session/me", "/session/sessions", "/session/logout",
        "/jwt/login", "/jwt/me", "/jwt/refresh", "/jwt/logout",
    }


def test_ids_are_unique_and_present(parsed):
    ids = [a["id"] for _, a in parsed.elements if "id" in a]
    assert len(ids) == len(set(ids)), "duplicate ids"
    missing = [i for i in IDS_READ_BY_TESTS if i not in ids]
    assert not missing


def test_controls_are_real_and_labelled(parsed):
    inputs = [a for t, a in parsed.elements if t == "input"]
    assert inputs
    for attributes in inputs:
        assert attributes.get("id") in parsed.label_for or attributes.get("id") in (
            parsed.open_label_inputs
        ), f"unlabelled input {attributes}"
    buttons = [a for t, a in parsed.elements if t == "button"]
    assert len(buttons) >= 10
    for attributes in buttons:
        assert attributes.get("type") in ("button", "submit"), attributes
    for tag, attributes in parsed.elements:
        assert "onclick" not in attributes and "tabindex" not in attributes, (tag, attributes)
    live = [a["id"] for _, a in parsed.elements if a.get("aria-live") == "polite"]
    assert {"session-status", "jwt-status", "jwt-tamper-result"} <= set(live)


def test_javascript_is_strict_and_self_contained(parsed):
    assert len(parsed.scripts) == 1
    assert "'use strict'" in parsed.scripts[0]


# --- in Chromium, from a file ------------------------------------------------------


@pytest.fixture(scope="module")
def offline(driver, page_html, tmp_path_factory):
    path = tmp_path_factory.mktemp("page") / "index.html"
    path.write_text(page_html, encoding="utf-8")
    driver.set_window_size(1280, 1000)
    driver.get(path.as_uri())
    return driver


def test_runs_without_errors_and_requests_nothing(offline):
    assert offline.title.startswith("authlab")
    assert javascript_errors(offline) == []
    resources = offline.execute_script(
        "return performance.getEntriesByType('resource').map((e) => e.name);"
    )
    assert resources == []
    assert offline.find_element(By.ID, "jwt-countdown").text == "no token"


def test_columns_side_by_side_on_a_wide_screen(offline):
    offline.set_window_size(1280, 1000)
    left, right = rect(offline, "col-session"), rect(offline, "col-jwt")
    assert abs(left["top"] - right["top"]) < 1
    assert right["left"] >= left["right"]


def test_columns_stack_on_a_phone(offline):
    offline.set_window_size(375, 740)
    assert offline.execute_script("return window.innerWidth;") <= 600
    first, second = rect(offline, "col-session"), rect(offline, "col-jwt")
    assert second["top"] >= first["bottom"]
    width = offline.execute_script("return document.documentElement.scrollWidth;")
    assert width <= offline.execute_script("return window.innerWidth;"), "horizontal scroll"
    offline.set_window_size(1280, 1000)


def test_tab_order_is_logical_and_focus_is_visible(offline):
    offline.find_element(By.ID, "username").click()
    seen = tab_to(offline, "jwt-tamper", limit=20)
    order = ["password", "register", "session-login", "session-me", "session-sessions",
             "session-logout", "jwt-login", "jwt-me", "jwt-refresh", "jwt-logout",
             "jwt-tamper"]
    positions = [seen.index(i) for i in order]
    assert positions == sorted(positions), seen
    assert active_id(offline) == "jwt-tamper"
    outline = offline.execute_script(
        "const s = getComputedStyle(document.activeElement);"
        "return [s.outlineStyle, parseFloat(s.outlineWidth)];"
    )
    assert outline[0] != "none" and outline[1] >= 2
