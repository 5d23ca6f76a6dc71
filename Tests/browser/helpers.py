"""Small selenium helpers shared by the browser tests."""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

SETTLED = ("ok", "error")


def text_of(driver, element_id: str) -> str:
    return driver.find_element(By.ID, element_id).text


def rect(driver, element_id: str) -> dict:
    return driver.execute_script(
        "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
        "return {top: r.top, bottom: r.bottom, left: r.left, right: r.right};",
        element_id,
    )


def mark_pending(driver, status_id: str) -> None:
    """Forget the previous outcome so that waiting sees only the next one."""
    driver.execute_script(
        "document.getElementById(arguments[0]).dataset.state = 'pending';", status_id
    )


def wait_settled(driver, status_id: str, timeout: float = 20) -> tuple[str, str]:
    """Waits until a status element says ok or error; returns (state, text)."""
    element = driver.find_element(By.ID, status_id)
    WebDriverWait(driver, timeout).until(
        lambda _: element.get_attribute("data-state") in SETTLED
    )
    return element.get_attribute("data-state"), element.text


def click_and_wait(driver, button_id: str, status_id: str) -> tuple[str, str]:
    mark_pending(driver, status_id)
    driver.find_element(By.ID, button_id).click()
    return wait_settled(driver, status_id)


def active_id(driver) -> str:
    return driver.switch_to.active_element.get_attribute("id") or ""


def tab_to(driver, target_id: str, limit: int = 15) -> list[str]:
    """Presses Tab until `target_id` has focus; returns the ids passed on the way."""
    seen = []
    for _ in range(limit):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        seen.append(active_id(driver))
        if seen[-1] == target_id:
            return seen
    raise AssertionError(f"{target_id} not reached by Tab; focus went {seen}")


def javascript_errors(driver) -> list[str]:
    """Console errors other than the browser's own note about 4xx answers."""
    return [
        entry["message"]
        for entry in driver.get_log("browser")
        if entry["level"] == "SEVERE" and "Failed to load resource" not in entry["message"]
    ]
