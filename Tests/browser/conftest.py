"""Shared fixtures for the browser tests of the demo page (GET /).

The page's HTML lives in Sources/AuthLab/Public/DemoPage.swift as a raw multi-line
string literal; `page_html` extracts it exactly as Swift would (the closing delimiter's
indentation is stripped from every line). `driver` is headless Chromium via selenium.
"""

import os
import pathlib

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]
PAGE_SOURCE = ROOT / "Sources" / "AuthLab" / "Public" / "DemoPage.swift"
OPEN = '#"""'
CLOSE = '"""#'


def extract_html(swift: str) -> str:
    """The value of the raw string literal `#\"\"\" ... \"\"\"#` in DemoPage.swift."""
    start = swift.index(OPEN) + len(OPEN)
    end = swift.rindex(CLOSE)
    assert swift.count(OPEN) == 1 and swift.count(CLOSE) == 1, "one literal expected"
    literal = swift[start:end]
    assert literal.startswith("\n"), "content must start on the line after the opening"
    lines = literal[1:].split("\n")
    indent = lines[-1]  # the closing delimiter's line: whitespace only
    assert indent.strip() == "", "the closing delimiter must be alone on its line"
    out = []
    for line in lines[:-1]:
        if line.strip() == "":
            out.append("")
            continue
        assert line.startswith(indent), f"under-indented literal line: {line!r}"
        out.append(line[len(indent):])
    text = "\n".join(out)
    # A raw string only interprets backslash-hash sequences; the page must not contain one.
    assert "\\#" not in text, "\\# would be interpreted inside a raw Swift string"
    return text


@pytest.fixture(scope="session")
def page_html() -> str:
    return extract_html(PAGE_SOURCE.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def output_dir() -> pathlib.Path:
    path = pathlib.Path(os.environ.get("AUTHLAB_TEST_OUTPUT", "test-output"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def make_driver() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,1000",
        "--lang=en-US",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture(scope="module")
def driver():
    d = make_driver()
    try:
        yield d
    finally:
        d.quit()
