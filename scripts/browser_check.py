#!/usr/bin/env python3
"""Real-browser click-through of the LCC Platform, the way a person would use it.

Why this exists beside the in-process tests: those prove the router and the HTML; only a browser
proves that forms submit, redirects land, cookies (session, CSRF token) survive a round trip, the
language switch works and pages fit a phone. It starts its own server on a fresh SQLite file, so it
needs nothing but the built binary, and it leaves screenshots in screenshots/ for people to look at.

    scripts/browser-check.sh            # installs chromium, chromedriver, CJK fonts, selenium; runs this
    python3 scripts/browser_check.py    # when those are already installed

Environment: LCC_BIN (default .build/debug/lcc), LCC_BROWSER_HEADFUL=1 to watch (needs a display).
Output: one "ok <step>" line per step, then "N passed, M failed" as the closing line (CI reads it).
"""

from __future__ import annotations

import base64
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import (
    ElementNotInteractableException,
    NoSuchElementException,
    TimeoutException,
    WebDriverException,
)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
HEALTH_TIMEOUT = 120  # a debug build migrates and seeds the demo data on first start
WAIT = 20  # seconds for one page to load after a click; debug builds are slow, not this slow
DESKTOP = (1280, 900)
# A hidden input of the same name may carry the unchecked value; the checkbox is the one to click.
TERMS = 'input[type="checkbox"][name="accept_terms"]'
PHONE = (390, 844)  # CSS pixels of a common current phone


class CheckFailed(Exception):
    """An assertion about what the page shows; the message says what was expected."""


class ServerFailed(Exception):
    """The app could not be started or did not become healthy."""


def check(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


# --------------------------------------------------------------------------------------------
# The server under test


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`lcc serve` in a fresh temp working directory: a new lcc.sqlite, migrations, demo data."""

    def __init__(self) -> None:
        binary = Path(os.environ.get("LCC_BIN", ROOT / ".build" / "debug" / "lcc"))
        if not binary.is_absolute():
            binary = (ROOT / binary).resolve()
        if not os.access(binary, os.X_OK):
            raise ServerFailed(f"{binary} is not an executable; build first (swift build)")
        self.binary = binary
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.workdir = Path(tempfile.mkdtemp(prefix="lcc-browser-"))
        self.log_path = self.workdir / "server.log"
        # Known secretariat password instead of scraping it from the log: the app honours this
        # variable when it creates the first admin account.
        self.admin_password = "Adm1n-" + secrets.token_urlsafe(18)
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = dict(os.environ)
        # SQLite in the temp dir, whatever the caller's shell says: CI sets test database URLs.
        for key in ("DATABASE_URL", "LCC_SQLITE_PATH", "PORT", "HOST"):
            env.pop(key, None)
        env["LCC_ADMIN_PASSWORD"] = self.admin_password
        env["LCC_SEED_DEMO"] = "true"
        # bcrypt's C code is unoptimised in a debug build; cost 10 keeps login and password setup
        # under a second without changing what is checked. A caller may still choose the cost.
        env.setdefault("LCC_BCRYPT_COST", "10")
        log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [str(self.binary), "serve", "--port", str(self.port)],
            cwd=self.workdir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so stop() reaches any children too
        )
        log.close()
        deadline = time.monotonic() + HEALTH_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerFailed(
                    f"the server exited with {self.process.returncode} before /healthz answered\n"
                    + self.log_tail()
                )
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass
            time.sleep(0.5)
        raise ServerFailed(f"/healthz did not answer 200 within {HEALTH_TIMEOUT} s\n" + self.log_tail())

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        # SIGTERM first: the app shuts down gracefully (service lifecycle); SIGKILL if it hangs.
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)
        except ProcessLookupError:
            pass

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return "(no server log)"
        return "--- server log (last lines) ---\n" + "\n".join(text[-lines:])

    def admin_line(self) -> str:
        try:
            for line in self.log_path.read_text(errors="replace").splitlines():
                if "secretariat@lcc.local" in line:
                    return line
        except OSError:
            pass
        return "(the server printed no line with secretariat@lcc.local)"

    def cleanup(self) -> None:
        shutil.rmtree(self.workdir, ignore_errors=True)


# --------------------------------------------------------------------------------------------
# Browser helpers


def make_driver() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    if os.environ.get("LCC_BROWSER_HEADFUL") != "1":
        options.add_argument("--headless=new")
    if os.geteuid() == 0:
        options.add_argument("--no-sandbox")  # chromium refuses to start as root with its sandbox
    options.add_argument("--disable-dev-shm-usage")  # /dev/shm is small in containers; use /tmp
    options.add_argument(f"--window-size={DESKTOP[0]},{DESKTOP[1]}")
    # English first, so the first pages are the English ones whatever the machine's locale says.
    options.add_argument("--lang=en-US")
    options.add_experimental_option("prefs", {"intl.accept_languages": "en-US,en"})
    # An explicit driver path keeps Selenium Manager from trying to download one (no network here).
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    driver.set_window_size(*DESKTOP)
    return driver


class Browser:
    def __init__(self, driver: webdriver.Chrome, base: str) -> None:
        self.d = driver
        self.base = base

    # navigation ---------------------------------------------------------------------------

    def get(self, path: str) -> None:
        self.d.get(path if path.startswith("http") else self.base + path)
        self.wait_ready()

    def wait_ready(self) -> None:
        WebDriverWait(self.d, WAIT).until(lambda d: d.execute_script("return document.readyState") == "complete")

    def click_and_wait(self, element: WebElement) -> None:
        """Click something that loads a new page, and wait until the new page has replaced the old."""
        old_root = self.d.find_element(By.TAG_NAME, "html")
        try:
            element.click()
        except ElementNotInteractableException:
            # Hidden behind a styled control (custom checkbox, collapsed menu): a script click still
            # exercises the real link or button, which is what this check is about.
            self.d.execute_script("arguments[0].click();", element)
        def replaced(_driver: webdriver.Chrome) -> bool:
            # While the old document is torn down chromedriver may answer "Node with given id does
            # not belong to the document" instead of a stale-element error: both mean it is gone.
            try:
                old_root.is_enabled()
                return False
            except WebDriverException:
                return True

        try:
            WebDriverWait(self.d, WAIT, ignored_exceptions=()).until(replaced)
        except TimeoutException as error:
            raise CheckFailed(f"clicking {describe(element)} did not load a new page within {WAIT} s") from error
        self.wait_ready()

    def submit(self, form: WebElement) -> None:
        """Submit a form through its submit button, as a person would (not form.submit())."""
        buttons = form.find_elements(By.CSS_SELECTOR, "button[type=submit], input[type=submit]")
        if not buttons:
            # <button> without a type is a submit button too.
            buttons = [b for b in form.find_elements(By.TAG_NAME, "button") if not b.get_attribute("type")]
        check(bool(buttons), f"{describe(form)} has no submit button")
        self.click_and_wait(buttons[0])

    # reading --------------------------------------------------------------------------------

    def one(self, css: str, within: WebElement | None = None) -> WebElement:
        scope = within or self.d
        try:
            return scope.find_element(By.CSS_SELECTOR, css)
        except NoSuchElementException as error:
            raise CheckFailed(f"no element matches {css!r} on {self.path()}") from error

    def all(self, css: str) -> list[WebElement]:
        return self.d.find_elements(By.CSS_SELECTOR, css)

    def has(self, css: str) -> bool:
        return bool(self.all(css))

    def field(self, name: str, within: WebElement | None = None) -> WebElement:
        return self.one(f'[name="{name}"]', within)

    def form_of(self, field_name: str) -> WebElement:
        return self.field(field_name).find_element(By.XPATH, "./ancestor::form")

    def text(self, css: str = "body") -> str:
        return self.one(css).text

    def main_text(self) -> str:
        """Text of <main> (or <body>) without its forms: header, footer and the options of a filter
        form must not count as results."""
        root = self.one("main") if self.has("main") else self.one("body")
        text = root.text
        for form in root.find_elements(By.TAG_NAME, "form"):
            form_text = form.text
            if form_text:
                text = text.replace(form_text, "")
        return text

    def path(self) -> str:
        return urllib.parse.urlsplit(self.d.current_url).path

    def lang(self) -> str:
        return self.one("html").get_attribute("lang") or ""

    def status_of(self, path: str) -> int:
        """HTTP status of a GET with the browser's own cookies; WebDriver itself cannot see statuses."""
        script = """
            const done = arguments[arguments.length - 1];
            fetch(arguments[0], {credentials: 'same-origin', redirect: 'manual'})
                .then(r => done(r.status), e => done(-1));
        """
        # 0 is fetch's opaque answer to a redirect (redirect: 'manual').
        return int(self.d.execute_async_script(script, path))

    # writing --------------------------------------------------------------------------------

    def type_into(self, element: WebElement, value: str) -> None:
        element.clear()
        element.send_keys(value)
        if element.get_attribute("value") != value:
            # chromedriver types most of Unicode, but not every IME-composed string; set the value
            # directly and fire the events a person's typing would.
            self.d.execute_script(
                "arguments[0].value = arguments[1];"
                "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                element,
                value,
            )
        check(element.get_attribute("value") == value, f"could not type {value!r} into {describe(element)}")

    def choose(self, element: WebElement, value: str) -> None:
        select = Select(element)
        values = [o.get_attribute("value") for o in select.options]
        check(value in values, f"{describe(element)} has no option {value!r} (has {values[:12]}…)")
        select.select_by_value(value)

    def fill(self, form: WebElement, values: dict[str, str]) -> None:
        """Types into text fields and chooses in selects, by field name, in order."""
        for name, value in values.items():
            element = self.field(name, form)
            if element.tag_name == "select":
                self.choose(element, value)
            else:
                self.type_into(element, value)

    def set_checkbox(self, element: WebElement, on: bool) -> None:
        if element.is_selected() != on:
            try:
                element.click()
            except ElementNotInteractableException:
                self.d.execute_script("arguments[0].click();", element)
        check(element.is_selected() == on, f"could not set {describe(element)} to {on}")

    # screens ----------------------------------------------------------------------------------

    def screenshot(self, name: str, max_height: int = 8000) -> None:
        """The whole page (up to max_height CSS pixels), not only the viewport, so a reviewer sees
        everything the page holds."""
        SCREENSHOTS.mkdir(exist_ok=True)
        target = SCREENSHOTS / name
        try:
            metrics = self.d.execute_cdp_cmd("Page.getLayoutMetrics", {})
            size = metrics.get("cssContentSize") or metrics["contentSize"]
            # A capture beyond the viewport lays the page out again without the vertical scrollbar,
            # so the content is as wide as the window, not the 15 px narrower scrolled width: the
            # window's width keeps the right edge (the language links) in the picture.
            window_width = int(self.d.execute_script("return window.innerWidth;") or 0)
            width = max(1, int(size["width"]), window_width)
            height = max(1, min(int(size["height"]), max_height))  # a runaway page is not a picture
            shot = self.d.execute_cdp_cmd(
                "Page.captureScreenshot",
                {
                    "format": "png",
                    "captureBeyondViewport": True,
                    "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
                },
            )
            target.write_bytes(base64.b64decode(shot["data"]))
        except (WebDriverException, KeyError):
            self.d.save_screenshot(str(target))

    def use_phone_viewport(self) -> None:
        # Device emulation rather than a small window: desktop Chrome clamps how narrow a window may
        # be, and mobile=True makes the page honour its viewport meta tag as a phone would.
        self.d.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": PHONE[0], "height": PHONE[1], "deviceScaleFactor": 1, "mobile": True},
        )

    def use_desktop_viewport(self) -> None:
        self.d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def colour(self, element: WebElement, css_property: str) -> tuple[int, int, int]:
        """A computed colour as (r, g, b); the page's stylesheet, not the markup, decides it."""
        value = self.d.execute_script(
            "return getComputedStyle(arguments[0]).getPropertyValue(arguments[1]);", element, css_property
        )
        numbers = re.findall(r"\d+(?:\.\d+)?", value or "")
        check(len(numbers) >= 3, f"{css_property} of {describe(element)} is {value!r}, not an rgb colour")
        r, g, b = (int(float(n)) for n in numbers[:3])
        return r, g, b

    def button(self, label: str, within: WebElement | None = None) -> WebElement:
        """The submit button a person would pick by its words."""
        scope = within or self.d
        buttons = scope.find_elements(By.CSS_SELECTOR, "button, input[type=submit]")
        labels = [(b.text or b.get_attribute("value") or "").strip() for b in buttons]
        for button, text in zip(buttons, labels):
            if text == label:
                return button
        raise CheckFailed(f"no button {label!r} on {self.path()} (buttons: {labels})")

    def link(self, text: str, within: WebElement | None = None) -> WebElement:
        """A link a person would pick by its words."""
        scope = within or self.d
        try:
            return scope.find_element(By.LINK_TEXT, text)
        except NoSuchElementException as error:
            raise CheckFailed(f"no link {text!r} on {self.path()}") from error

    def horizontal_overflow(self) -> int:
        """How many CSS pixels the page is wider than the viewport (a phone would scroll sideways)."""
        return int(
            self.d.execute_script(
                "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
                " - document.documentElement.clientWidth;"
            )
        )


def describe(element: WebElement) -> str:
    try:
        tag = element.tag_name
        attrs = []
        for attribute in ("name", "class", "id", "href", "type"):
            value = element.get_attribute(attribute)
            if value:
                attrs.append(f'{attribute}="{value}"')
        return f"<{tag} {' '.join(attrs)}>".replace(" >", ">")
    except WebDriverException:
        return "<element>"


# --------------------------------------------------------------------------------------------
# The flow. Each step builds on the previous ones (the application it approves, the member it
# creates), so the first failure stops the run.


class Flow:
    def __init__(self, browser: Browser, server: Server) -> None:
        self.b = browser
        self.server = server
        tag = secrets.token_hex(4)
        self.organisation = f"Test City Government {tag}"
        self.contact_email = f"officer{tag}@example.org"
        self.member_password = "Member-" + secrets.token_urlsafe(12)  # ≥ 12 characters
        self.status_url = ""
        self.setup_link = ""
        # The member's organisation is tied to Suwon (membership_apply picks it), so Suwon is the
        # city whose inventory they create; the secretariat verifies it at the end.
        self.member_city = "suwon"
        self.inventory_year = 2022
        self.inventory_path = f"/cities/{self.member_city}/inventories/{self.inventory_year}"

    def steps(self):
        return [
            ("cities-search", self.cities_search),
            ("languages", self.languages),
            ("city-page", self.city_page),
            ("inventory-visitor", self.inventory_visitor),
            ("membership-apply", self.membership_apply),
            ("secretariat-approve", self.secretariat_approve),
            ("status-approved", self.status_approved),
            ("member-edits-city", self.member_edits_city),
            ("phone-width", self.phone_width),
            ("inventory-create", self.inventory_create),
            ("inventory-add-line", self.inventory_add_line),
            ("inventory-import-errors", self.inventory_import_errors),
            ("target-add", self.target_add),
            ("target-import-errors", self.target_import_errors),
            ("action-add-and-update", self.action_add_and_update),
            ("registry-and-forecast", self.registry_and_forecast),
            ("inventory-submit", self.inventory_submit),
            ("inventory-verify", self.inventory_verify),
            ("knowledge-search", self.knowledge_search),
            ("events-calendar", self.events_calendar),
            ("dashboard-and-benchmarks", self.dashboard_and_benchmarks),
            ("peer-review-report", self.peer_review_report),
        ]

    # a. directory and CJK search
    def cities_search(self) -> None:
        b = self.b
        b.get("/cities")
        b.screenshot("01-cities-en.png")
        check("Guiyang" in b.text(), "/cities does not show Guiyang")
        form = b.one("form.filters")
        b.type_into(b.field("q", form), "贵阳")
        b.submit(form)
        results = b.main_text()
        check("Guiyang" in results or "贵阳" in results, f"searching 贵阳 did not find Guiyang ({b.d.current_url})")
        check("Seoul" not in results, "searching 贵阳 still lists Seoul: the filter did not apply")

    # b. language switch
    def languages(self) -> None:
        b = self.b
        for hreflang, shot in (("zh-Hans", "02-cities-zh.png"), ("ja", "03-cities-ja.png"), ("ko", "04-cities-ko.png"), ("en", None)):
            link = b.one(f'nav.languages a[hreflang="{hreflang}"]')
            b.click_and_wait(link)
            check(
                b.lang().lower() == hreflang.lower(),
                f'after choosing {hreflang} the page says <html lang="{b.lang()}">',
            )
            if shot:
                b.screenshot(shot)

    # c. a city's page
    def city_page(self) -> None:
        b = self.b
        b.get("/cities/seoul")
        b.screenshot("05-city-seoul.png")
        text = b.main_text()
        check("Seoul" in text, "/cities/seoul does not name Seoul")
        check(re.search(r"population", text, re.IGNORECASE) is not None, "/cities/seoul shows no population")
        # Seoul has about 9.4 million people: accept 9,386,034 / 9 386 034 / 9386034 / 9.4 million.
        number = re.search(
            r"\d{1,3}(?:[,.\u00a0\u202f ]\d{3}){2,}|\d{7,}|\d+(?:\.\d+)?\s*(?:million|M)\b",
            text,
        )
        check(number is not None, "/cities/seoul shows the word population but no population figure")

    # c2. a visitor reads the demo GHG inventory (GPC), in English, in Chinese and on a phone
    def inventory_visitor(self) -> None:
        b = self.b
        b.get("/inventories")
        b.screenshot("13-inventories.png")
        check("Guiyang" in b.main_text(), "/inventories does not list Guiyang's inventory")
        b.click_and_wait(b.one('main a[href$="/cities/guiyang/inventories/2021"]'))
        check(
            b.path().rstrip("/") == "/cities/guiyang/inventories/2021",
            f"the 2021 link on /inventories led to {b.d.current_url}",
        )

        notice = b.one(".notice.illustrative")
        check("Illustrative inventory" in notice.text, f"the illustrative notice says {notice.text[:80]!r}")
        # Orange, so nobody mistakes invented figures for a city's data: #c7772b is (199, 119, 43).
        r, g, bl = b.colour(notice, "border-left-color")
        check(
            r >= 150 and 60 <= g <= 190 and bl <= 110 and r - bl >= 80,
            f"the illustrative notice's border is rgb({r}, {g}, {bl}), not orange",
        )

        table = b.one("table.gpc-summary")
        check(
            bool(table.find_elements(By.XPATH, "./ancestor::*[contains(@class, 'table-scroll')]")),
            "table.gpc-summary is not inside a .table-scroll wrapper",
        )
        headers = [th.text.strip() for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
        check("BASIC" in headers, f"table.gpc-summary has no BASIC column (headers: {headers})")
        totals = table.find_elements(By.XPATH, "./tfoot/tr[1]/*[self::th or self::td]")
        basic = totals[headers.index("BASIC")].text.strip() if len(totals) == len(headers) else ""
        check(basic == "43,813,470", f"the BASIC total cell shows {basic!r}, expected 43,813,470")

        charts = [svg for svg in b.all("main svg") if svg.is_displayed() and min(svg.size.values()) > 0]
        check(bool(charts), "the inventory page shows no visible <svg> chart")
        conventions = b.text(".conventions")
        check("CH4 = 28" in conventions, f"the conventions box does not mention CH4 = 28: {conventions[:120]!r}")
        b.screenshot("14-inventory-guiyang.png")

        b.click_and_wait(b.link("I Stationary energy", table))
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(b.d.current_url).query)
        check(
            b.path().endswith("/lines") and query.get("sector") == ["I"],
            f"'I Stationary energy' in the summary led to {b.d.current_url}, not the sector's lines",
        )
        check("Natural Gas" in b.main_text(), "the lines of sector I do not list Natural Gas")
        b.screenshot("15-inventory-lines-sector-I.png")

        b.click_and_wait(b.one(".breadcrumb a[href$='/inventories/2021']"))
        b.click_and_wait(b.one('nav.languages a[hreflang="zh-Hans"]'))
        check(b.lang().lower() == "zh-hans", f'after choosing 中文 the page says <html lang="{b.lang()}">')
        check("43,813,470" in b.text("table.gpc-summary"), "the Chinese inventory page does not show 43,813,470")
        heading = b.text("h1")
        check("温室气体" in heading or "清单" in heading, f"the Chinese inventory page's heading is {heading!r}")
        b.screenshot("16-inventory-guiyang-zh.png")

        b.use_phone_viewport()
        try:
            b.get("/cities/guiyang/inventories/2021")
            # Still in Chinese (the choice is remembered), the longer words; down past the summary
            # table, which is what has to fit.
            b.screenshot("17-inventory-guiyang-zh-phone.png", max_height=4 * PHONE[1])
            overflow = b.horizontal_overflow()
            check(overflow <= 1, f"the inventory page is {overflow}px wider than a {PHONE[0]}px phone screen")
        finally:
            b.use_desktop_viewport()
        # Back to English, so the steps after this one read the English pages.
        b.click_and_wait(b.one('nav.languages a[hreflang="en"]'))
        check(b.lang().lower() == "en", f'after choosing English the page says <html lang="{b.lang()}">')

    # d. membership application: server-side validation first, then a valid one
    def membership_apply(self) -> None:
        b = self.b
        b.get("/membership/apply")
        form = b.form_of("organisation_name")
        # Bypass the browser's own `required` checks: this step is about the server's validation,
        # which is what protects the database whatever the client does.
        b.d.execute_script("arguments[0].noValidate = true;", form)
        for name in ("organisation_name", "contact_name", "contact_email", "website", "motivation"):
            b.field(name, form).clear()
        for name in ("organisation_type", "country", "city"):
            selects = form.find_elements(By.CSS_SELECTOR, f'select[name="{name}"]')
            if selects:
                select = Select(selects[0])
                if "" in [o.get_attribute("value") for o in select.options]:
                    select.select_by_value("")
        b.set_checkbox(b.one(TERMS, form), False)
        b.submit(form)
        errors = b.all(".field-error")
        check(len(errors) >= 3, f"an empty application shows {len(errors)} .field-error elements, expected ≥ 3")
        check(b.has(".error-summary"), "an empty application shows no .error-summary")
        b.screenshot("06-apply-errors.png")

        form = b.form_of("organisation_name")
        b.type_into(b.field("organisation_name", form), self.organisation)
        b.choose(b.field("organisation_type", form), "local_government")
        b.choose(b.field("country", form), "KR")
        cities = form.find_elements(By.CSS_SELECTOR, 'select[name="city"]')
        if cities:  # optional on the form: the applicant's city may not be listed yet
            b.choose(cities[0], "suwon")
        b.type_into(b.field("contact_name", form), "Kim Minji")
        b.type_into(b.field("contact_email", form), self.contact_email)
        b.type_into(b.field("website", form), "https://example.org")
        b.type_into(
            b.field("motivation", form),
            "Suwon wants to publish its GPC inventory and learn from peer cities in the network.",
        )
        b.set_checkbox(b.one(TERMS, form), True)
        b.submit(form)
        check("/membership/status/" in b.d.current_url, f"a valid application led to {b.d.current_url}, not a status page")
        check(b.has('[data-status="pending"]'), 'the status page has no [data-status="pending"]')
        self.status_url = b.d.current_url
        b.screenshot("07-application-pending.png")

    # e. the secretariat approves it
    def secretariat_approve(self) -> None:
        b = self.b
        self.sign_in("secretariat@lcc.local", self.server.admin_password)
        check(
            b.has("form.signout"),
            "the secretariat could not sign in (no form.signout); the server said: " + self.server.admin_line(),
        )
        b.get("/secretariat/applications")
        try:
            link = b.d.find_element(By.PARTIAL_LINK_TEXT, self.organisation)
        except NoSuchElementException as error:
            raise CheckFailed(f"/secretariat/applications does not list {self.organisation!r}") from error
        b.click_and_wait(link)
        b.screenshot("08-application-review.png")
        b.submit(b.one("form.approve"))
        setup = b.one("a#setup-link")
        href = setup.get_attribute("href") or ""
        check(href != "", "a#setup-link has no href")
        # The link may be absolute with the app's configured public URL; this check's server runs on a
        # random port, so keep the path and query and point them at it.
        parts = urllib.parse.urlsplit(href)
        self.setup_link = self.server.base + parts.path + (("?" + parts.query) if parts.query else "")
        b.screenshot("09-approved.png")
        b.submit(b.one("form.signout"))
        check(not b.has("form.signout"), "still signed in after submitting form.signout")

    # f. the applicant sees the decision
    def status_approved(self) -> None:
        b = self.b
        b.get(self.status_url)
        check(b.has('[data-status="approved"]'), 'the status page has no [data-status="approved"] after approval')

    # g. the new member sets a password and edits only their own city
    def member_edits_city(self) -> None:
        b = self.b
        b.get(self.setup_link)
        form = b.form_of("password")
        b.type_into(b.field("password", form), self.member_password)
        b.type_into(b.field("password_confirmation", form), self.member_password)
        b.submit(form)
        check(b.has("form.signout"), f"setting a password did not sign the member in ({b.d.current_url})")

        b.get("/cities/suwon/edit")
        form = b.one("form.edit-city")
        b.type_into(b.field("name_ko", form), "수원시")
        b.type_into(b.field("region", form), "Gyeonggi-do (edited)")
        b.submit(form)
        check(b.path().rstrip("/") == "/cities/suwon", f"saving the city led to {b.d.current_url}, not /cities/suwon")
        check("Gyeonggi-do (edited)" in b.text(), "/cities/suwon does not show the edited region")
        b.screenshot("10-city-edited.png")

        status = b.status_of("/cities/seoul/edit")
        check(status == 403, f"GET /cities/seoul/edit as Suwon's member answered {status}, expected 403")
        b.get("/cities/seoul/edit")
        check(not b.has("form.edit-city"), "Suwon's member is shown the edit form for Seoul")

    # h. phone width
    def phone_width(self) -> None:
        b = self.b
        b.use_phone_viewport()
        try:
            for path, shot in (("/cities", "11-cities-phone.png"), ("/membership/apply", "12-apply-phone.png")):
                b.get(path)
                # Two screens' worth: a 390-px-wide picture of a long list is unreadable when scaled.
                b.screenshot(shot, max_height=2 * PHONE[1])
                overflow = b.horizontal_overflow()
                check(overflow <= 1, f"{path} is {overflow}px wider than a {PHONE[0]}px phone screen")
        finally:
            b.use_desktop_viewport()

    # i. the member starts their city's GHG inventory for 2022
    def inventory_create(self) -> None:
        b = self.b
        check(b.has("form.signout"), "the member is no longer signed in")
        b.get(f"/cities/{self.member_city}/inventories")
        b.screenshot("18-city-inventories-member.png")
        b.click_and_wait(b.link("New inventory", b.one("main")))
        form = b.form_of("year")
        b.type_into(b.field("year", form), str(self.inventory_year))
        # The defaults a person would keep.
        for name, expected in (("level", "BASIC"), ("gwp_set", "AR5")):
            chosen = Select(b.field(name, form)).first_selected_option.get_attribute("value")
            check(chosen == expected, f"the new-inventory form preselects {name}={chosen!r}, expected {expected!r}")
        b.screenshot("19-inventory-new-form.png")
        b.submit(form)
        check(
            b.path().rstrip("/") == self.inventory_path,
            f"creating the inventory led to {b.d.current_url}, not {self.inventory_path}",
        )
        check(b.text(".badge").strip() == "Draft", f"a new inventory's state badge says {b.text('.badge')!r}")
        b.screenshot("20-inventory-created.png")

    # j. one line by hand: 1000 TJ of natural gas with the library's factor
    def inventory_add_line(self) -> None:
        b = self.b
        b.click_and_wait(b.link("I Stationary energy", b.one("nav.sectors")))
        check(b.path().endswith("/sectors/I"), f"the sector button led to {b.d.current_url}")
        b.screenshot("21-sector-I-empty.png")
        b.click_and_wait(b.link("Add a line", b.one('section[id="sub-I.1.1"]')))
        form = b.one("form.line-form")
        check(b.field("gpc_ref", form).get_attribute("value") == "I.1.1", "the new line form is not for I.1.1")
        b.type_into(b.field("activity_value", form), "1000")
        b.choose(b.field("activity_unit", form), "TJ")
        factor = Select(b.field("factor", form))
        gas = [o for o in factor.options if "Natural Gas" in o.text]
        check(bool(gas), "the factor list for I.1.1 offers no Natural Gas factor")
        factor.select_by_value(gas[0].get_attribute("value"))
        b.screenshot("22-line-form.png")
        b.submit(form)
        check(b.path().endswith("/sectors/I"), f"saving the line led to {b.d.current_url}, not the sector page")
        # 1000 TJ × (56 100 kg CO2 + 5 kg CH4 × 28 + 0.1 kg N2O × 265) / TJ = 56 266.5 t CO2e
        lines = b.text('section[id="sub-I.1.1"]')
        check(
            "56,266.5" in lines or "56,267" in lines,
            f"the saved I.1.1 line does not show 56,266.5 t CO2e: {lines[:300]!r}",
        )
        b.screenshot("23-sector-I-line.png")

    # k. an import with one bad row is refused as a whole, with the row and column named
    def inventory_import_errors(self) -> None:
        b = self.b
        b.click_and_wait(b.one(f'.breadcrumb a[href$="{self.inventory_path}"]'))
        version = self.inventory_version()
        b.click_and_wait(b.link("Import CSV", b.one("nav.sectors")))
        check(b.path().endswith("/import"), f"'Import CSV' led to {b.d.current_url}")
        b.screenshot("24-import.png")
        upload = Path(self.server.workdir) / "bad-import.csv"
        upload.write_text("gpc_ref,activity_value,activity_unit,ef_co2,ef_unit\nI.2.1,10,barrels,1,kg/TJ\n")
        form = b.form_of("file")
        b.field("file", form).send_keys(str(upload))
        b.submit(form)
        rows = [
            [cell.text.strip() for cell in row.find_elements(By.TAG_NAME, "td")]
            for row in b.all("table.import-errors tbody tr")
        ]
        check(
            any(len(row) >= 2 and row[0] == "2" and row[1] == "activity_unit" for row in rows),
            f"the import errors do not name row 2, column activity_unit: {rows}",
        )
        b.screenshot("25-import-errors.png")

        b.get(self.inventory_path)
        check(self.inventory_version() == version, "a refused import still changed the inventory's version")
        b.click_and_wait(b.link("All lines"))
        count = b.text("p.count")
        # 56,266.5 t CO2e rounds half away from zero for display: 56,267.
        check(
            count.startswith("Lines shown: 1.") and re.search(r"56,267\b", count) is not None,
            f"after a refused import the lines page says {count!r}",
        )

    # l1. the member records their city's target through the form; progress says why it cannot be computed yet
    def target_add(self) -> None:
        b = self.b
        b.get(f"/cities/{self.member_city}/targets")
        b.click_and_wait(b.link("Add a target", b.one("main")))
        form = b.form_of("target_year")
        b.fill(
            form,
            {
                "kind": "base_year_absolute",
                "base_year": "2030",
                "target_year": "2020",
                "reduction_percent": "40",
                "source": "Suwon climate plan (browser check)",
            },
        )
        b.submit(form)
        check("must be after the base year 2030" in b.text(), "a target year before its base year was not refused clearly")
        b.screenshot("30-target-form-error.png")
        form = b.form_of("target_year")
        b.type_into(b.field("base_year", form), "2017")
        b.type_into(b.field("target_year", form), "2030")
        b.submit(form)
        check(
            b.path().rstrip("/") == f"/cities/{self.member_city}/targets",
            f"saving the target led to {b.d.current_url}",
        )
        text = b.main_text()
        check("−40 % from 2017 by 2030" in text, f"the targets page does not show the new target: {text[:400]!r}")
        b.screenshot("31-targets-member.png")

    # l2. a targets file with bad rows is refused as a whole, each problem with its row and column
    def target_import_errors(self) -> None:
        b = self.b
        before = len(b.all("table.targets tbody tr"))
        b.one("details.import summary").click()
        upload = Path(self.server.workdir) / "bad-targets.csv"
        upload.write_text(
            "city,kind,base_year,target_year,reduction_percent,source\n"
            "suwon,base_year_absolute,2017,2030,140,Plan\n"
            "suwon,net_zero_soon,,2050,,Plan\n"
        )
        form = b.form_of("file")
        b.field("file", form).send_keys(str(upload))
        b.submit(form)
        rows = [
            [cell.text.strip() for cell in row.find_elements(By.TAG_NAME, "td")]
            for row in b.all("table.import-errors tbody tr")
        ]
        check(["2", "reduction_percent"] == rows[0][:2] if rows else False, f"the target import errors are {rows}")
        check(any(row[:2] == ["3", "kind"] for row in rows), f"the unknown kind is not named by row: {rows}")
        b.screenshot("32-target-import-errors.png")
        b.get(f"/cities/{self.member_city}/targets")
        check(len(b.all("table.targets tbody tr")) == before, "a refused targets file still changed the targets")

    # l3. an action in two languages, then a progress update
    def action_add_and_update(self) -> None:
        b = self.b
        b.get(f"/cities/{self.member_city}/actions")
        b.click_and_wait(b.link("Add an action", b.one("main")))
        form = b.form_of("owner")
        b.fill(
            form,
            {
                "title_en": "Electric buses",
                "title_ko": "전기버스 도입",
                "sector": "II",
                "gpc_ref": "II.1.1",
                "action_type": "technology",
                "owner": "Suwon Transport Bureau",
                "start_year": "2023",
                "expected_reduction": "12000",
                "reduction_method": "300 buses × 40 t CO2e per bus-year",
            },
        )
        b.submit(form)
        check("Electric buses" in b.text("h1"), f"saving the action led to {b.d.current_url}")
        form = b.form_of("on_date")
        b.fill(
            form,
            {
                "on_date": "2024-06-30",
                "status": "in_progress",
                "achieved_reduction": "3500",
                "evidence": "Bus operator fuel records, H1 2024",
            },
        )
        b.submit(form)
        text = b.main_text()
        check("3,500" in text and "2024-06-30" in text, f"the update is not shown: {text[:500]!r}")
        b.screenshot("33-action-updated.png")
        b.get(f"/cities/{self.member_city}/actions?lang=ko")
        check("전기버스 도입" in b.main_text(), "the Korean reader does not see the Korean title")
        b.get(f"/cities/{self.member_city}/actions?lang=en")

    # l4. the public registry and a forecast chart
    def registry_and_forecast(self) -> None:
        b = self.b
        b.get("/registry")
        form = b.form_of("kind")
        b.choose(b.field("kind", form), "peak")
        b.submit(form)
        text = b.main_text()
        check("Xiamen" in text and "Emissions peak by 2020" in text, f"filtering the registry by peak shows {text[:300]!r}")
        b.screenshot("34-registry-peak.png")
        b.get("/cities/seoul/targets")
        check("% achieved" in b.main_text(), "Seoul's net-zero target shows no progress")
        b.get("/cities/guiyang/forecast")
        check(b.has("figure.chart svg"), "the forecast page draws no chart")
        check("illustrative" in b.main_text(), "the demo forecast is not labelled illustrative")
        b.screenshot("35-forecast.png")

    # l. the member submits it for verification (and may not verify it themself)
    def inventory_submit(self) -> None:
        b = self.b
        b.get(self.inventory_path)
        b.click_and_wait(b.button("Submit for verification", b.one("form.state-change")))
        check(b.path().rstrip("/") == self.inventory_path, f"submitting led to {b.d.current_url}")
        check(b.text(".badge").strip() == "Submitted", f"after submitting the state badge says {b.text('.badge')!r}")
        check(
            not b.has('button[name="action"][value="verify"]'),
            "the member who submitted the inventory is offered Verify",
        )
        b.screenshot("26-inventory-submitted.png")
        b.submit(b.one("form.signout"))
        check(not b.has("form.signout"), "the member is still signed in after signing out")

    # m. the secretariat verifies it
    def inventory_verify(self) -> None:
        b = self.b
        self.sign_in("secretariat@lcc.local", self.server.admin_password)
        check(b.has("form.signout"), "the secretariat could not sign in again")
        b.get(f"/cities/{self.member_city}/inventories")
        b.click_and_wait(b.one(f'main a[href$="{self.inventory_path}"]'))
        check(b.text(".badge").strip() == "Submitted", f"the secretariat sees the state {b.text('.badge')!r}")
        b.click_and_wait(b.button("Verify", b.one("form.state-change")))
        check(b.path().rstrip("/") == self.inventory_path, f"verifying led to {b.d.current_url}")
        check(b.text(".badge").strip() == "Verified", f"after verifying the state badge says {b.text('.badge')!r}")
        b.screenshot("27-inventory-verified.png")

    # n. the knowledge hub: a Chinese word inside a sentence is found, highlighted, and opens its case study
    def knowledge_search(self) -> None:
        b = self.b
        b.get("/knowledge")
        form = b.form_of("q")
        b.type_into(b.field("q", form), "绿色采购")
        b.submit(form)
        marks = [m.text for m in b.all("ol.results mark")]
        check(bool(marks) and all(m == "绿色采购" for m in marks), f"the search for 绿色采购 marks {marks[:5]}")
        b.screenshot("40-search-cjk.png")
        b.click_and_wait(b.one("ol.results li a[href^='/case-studies/']"))
        check(b.path().startswith("/case-studies/"), f"the first case study result led to {b.d.current_url}")
        check(b.has("table.results"), "the case study shows no results table")
        b.screenshot("41-case-study.png")

    # o. the events calendar: July 2019 as a month, and the iCalendar feed
    def events_calendar(self) -> None:
        b = self.b
        b.get("/events?month=2019-07")
        check(b.has("table.month"), "the month view has no calendar table")
        check(len(b.all("table.month a.event")) >= 3, "July 2019 shows fewer than 3 events")
        b.screenshot("42-events-july-2019.png")
        status = b.status_of("/events.ics")
        check(status == 200, f"/events.ics answered {status}")

    # p. a city's dashboard: the latest emissions link to their inventory; the benchmarks from the
    #    menu; a city against its peers over time
    def dashboard_and_benchmarks(self) -> None:
        b = self.b
        b.get("/cities/guiyang")
        check(b.has("section.dashboard #dashboard-emissions"), "the city page has no dashboard")
        check("t CO2e" in b.text("#dashboard-emissions"), "the dashboard shows no emissions figure")
        b.screenshot("50-city-dashboard.png")
        b.click_and_wait(b.one("#dashboard-emissions .figure a"))
        check(b.path() == "/cities/guiyang/inventories/2021", f"the emissions figure led to {b.d.current_url}")
        b.get("/")
        b.click_and_wait(b.link("Benchmarks"))
        check(b.path() == "/benchmarks", f"the Benchmarks menu item led to {b.d.current_url}")
        check(b.has("main table"), "the benchmarks page shows no table")
        b.screenshot("51-benchmarks.png")
        b.get("/cities/seoul/peers")
        check(b.has("#over-time table"), "the peers page has no over-time table")
        check("2017" in b.text("#over-time"), "the over-time table has no 2017 row")
        b.screenshot("52-peers.png")

    # q. peer review: the menu, the list and the illustrative report of Guiyang
    def peer_review_report(self) -> None:
        b = self.b
        b.get("/")
        b.click_and_wait(b.link("Peer review"))
        check(b.path() == "/reviews", f"the Peer review menu item led to {b.d.current_url}")
        b.screenshot("53-reviews.png")
        b.click_and_wait(b.one("main a[href^='/reviews/00000000-0000-0000-0000-000000000012']"))
        check(b.has("section.report"), "the published review shows no report")
        check("Illustrative" in b.main_text(), "the illustrative review is not labelled as such")
        b.screenshot("54-review-report.png")

    # helpers
    def inventory_version(self) -> str:
        """The version shown in the inventory page's facts: a change of lines or of state adds one."""
        facts = self.b.one("dl.inventory-facts")
        for term in facts.find_elements(By.TAG_NAME, "dt"):
            if term.text.strip() == "Version":
                return term.find_element(By.XPATH, "following-sibling::dd[1]").text.strip()
        raise CheckFailed("the inventory page shows no Version")
    def sign_in(self, email: str, password: str) -> None:
        b = self.b
        b.get("/login")
        form = b.form_of("password")
        b.type_into(b.field("email", form), email)
        b.type_into(b.field("password", form), password)
        b.submit(form)


# --------------------------------------------------------------------------------------------


def main() -> int:
    SCREENSHOTS.mkdir(exist_ok=True)
    for stale in SCREENSHOTS.glob("FAIL-*.png"):
        stale.unlink()

    driver = None
    server: Server | None = None
    passed = failed = 0
    try:
        try:
            started = time.monotonic()
            server = Server()
            server.start()
            print(f"browser-check: server up on {server.base} after {time.monotonic() - started:.1f} s", flush=True)
            driver = make_driver()
        except (ServerFailed, WebDriverException) as error:
            # Counted as a failed check, so the closing line tells CI that nothing ran.
            print(f"FAIL setup: {getattr(error, 'msg', None) or error}", flush=True)
            print(f"{passed} passed, 1 failed")
            return 1
        browser = Browser(driver, server.base)
        flow = Flow(browser, server)
        for name, step in flow.steps():
            try:
                step()
            except (CheckFailed, WebDriverException, AssertionError) as error:
                failed += 1
                try:
                    browser.screenshot(f"FAIL-{name}.png")
                except WebDriverException:
                    pass
                message = getattr(error, "msg", None) or str(error) or type(error).__name__
                print(f"FAIL {name}: {message}", flush=True)
                try:
                    print(f"  at {driver.current_url}", flush=True)
                except WebDriverException:
                    pass
                if not isinstance(error, CheckFailed):
                    traceback.print_exc()
                print(server.log_tail(), flush=True)
                print(f"  screenshot: {SCREENSHOTS / f'FAIL-{name}.png'}", flush=True)
                break  # later steps depend on this one
            passed += 1
            print(f"ok {name}", flush=True)
    finally:
        if driver is not None:
            try:
                driver.quit()
            except WebDriverException:
                pass
        if server is not None:
            server.stop()
            server.cleanup()
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    # SIGTERM (a CI timeout) should still run the finally block that stops the server.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.exit(main())
