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
import json
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
from datetime import datetime, timedelta, timezone
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
# The accessibility rules every page is held to: WCAG 2.0 level A and AA as axe-core tags them.
AXE_TAGS = ["wcag2a", "wcag2aa"]


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

    def axe_violations(self) -> list[str]:
        """The WCAG 2 A and AA rules axe-core finds broken on the current page, one line each."""
        from axe_selenium_python import Axe  # bundles axe-core; installed by browser-check.sh

        Axe(self.d).inject()
        # axe.run returns a promise; the result is kept on the page and polled (the async-script
        # callback of this axe-core and WebDriver pair never fires).
        self.d.execute_script(
            "window.__axe = null; axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
            ".then(r => { window.__axe = r; }, e => { window.__axe = {error: String(e)}; });",
            AXE_TAGS,
        )
        result = WebDriverWait(self.d, 60).until(lambda d: d.execute_script("return window.__axe"))
        if "error" in result:
            raise CheckFailed(f"axe-core failed on {self.path()}: {result['error']}")
        return [
            f"{v['id']} ({v['impact']}, {len(v['nodes'])}×, e.g. {v['nodes'][0]['target']}): {v['help']}"
            for v in result["violations"]
        ]

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


def tiny_pdf(text: str) -> bytes:
    """A one-page PDF with a correct cross-reference table: a real plan document, in a few hundred bytes."""
    content = f"BT /F1 18 Tf 72 760 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


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
        # The peer review of Suwon's plan (issue 12): the member asks for it; the secretariat creates
        # two reviewers, a peer from Seoul's government (the lead) and an expert, who mark it.
        self.review_title = f"Suwon low-carbon plan 2030 ({tag})"
        self.review_path = ""
        self.member_user_id = ""
        self.peer_name = f"Park Seoyeon {tag}"
        self.peer_email = f"peer{tag}@example.org"
        self.expert_name = f"Tanaka Aiko {tag}"
        self.expert_email = f"expert{tag}@example.org"
        self.reviewer_password = "Reviewer-" + secrets.token_urlsafe(12)
        self.target_id = ""
        self.action_id = ""
        # The expert's further marks (criterion, page of the plan cited, public comment), all at level 1.
        self.expert_marks = (
            ("FB2", 1, "A baseline year is named without the emissions of that year."),
            ("AC2", 2, "Owners are named; timelines and expected reductions are missing."),
            ("FI1", 3, "No action is costed."),
            ("MO1", 4, "Reporting is promised without indicators or a schedule."),
        )
        # The server's days are UTC days; the deadlines lie ahead, the progress update a day behind.
        today = datetime.now(timezone.utc).date()
        self.deadlines = {
            stage: (today + timedelta(days=7 * (index + 1))).isoformat()
            for index, stage in enumerate(("self_assessment", "marking", "reply", "moderation"))
        }
        self.yesterday = (today - timedelta(days=1)).isoformat()

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
            ("review-reviewers-create", self.review_reviewers_create),
            ("review-request", self.review_request),
            ("review-setup", self.review_setup),
            ("review-reviewers-accept", self.review_reviewers_accept),
            ("review-self-assessment", self.review_self_assessment),
            ("review-marking", self.review_marking),
            ("review-reply", self.review_reply),
            ("review-moderation", self.review_moderation),
            ("review-publish", self.review_publish),
            ("review-report", self.review_report),
            ("review-follow-up", self.review_follow_up),
            ("accessibility", self.accessibility),
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

    # r. the whole peer review of the member's city (issue 12), each stage by its own people:
    #    request → set-up → reviewers accept → self-assessment → marking → the city's reply →
    #    moderation → publication → the report → follow-up

    # r1. the secretariat creates the two reviewers; each sets a password with their one-time link
    def review_reviewers_create(self) -> None:
        b = self.b
        self.sign_in_as("secretariat@lcc.local", self.server.admin_password, "the secretariat")
        b.get("/secretariat/users")
        row = self.table_row_with(self.contact_email)
        self.member_user_id = urllib.parse.urlsplit(
            row.find_element(By.CSS_SELECTOR, "a[href^='/secretariat/users/']").get_attribute("href") or ""
        ).path.rsplit("/", 1)[-1]
        check(self.member_user_id != "", "the users page does not link the Suwon member")
        links = {}
        for name, email, organisation, expert in (
            (self.peer_name, self.peer_email, "seoul-metropolitan-government", False),
            (self.expert_name, self.expert_email, "iges", True),
        ):
            b.get("/secretariat/users")
            b.click_and_wait(b.link("New user", b.one("main")))
            check(b.path() == "/secretariat/users/new", f"'New user' led to {b.d.current_url}")
            form = b.one("form.edit-user")
            b.fill(form, {"name": name, "email": email, "role": "member", "organisation": organisation})
            b.set_checkbox(b.one('input[type="checkbox"][name="is_expert"]', form), expert)
            b.submit(form)
            check(not b.has(".error-summary"), f"creating {name} was refused: {b.main_text()[:300]!r}")
            links[email] = self.local_url(b.one("a#setup-link").get_attribute("href") or "")
            if expert:
                b.screenshot("55-reviewer-created.png")
        b.get("/secretariat/users")
        check("Expert" in self.table_row_with(self.expert_email).text, "the users list does not flag the expert")
        b.submit(b.one("form.signout"))
        for email in (self.peer_email, self.expert_email):
            b.get(links[email])
            form = b.form_of("password")
            b.type_into(b.field("password", form), self.reviewer_password)
            b.type_into(b.field("password_confirmation", form), self.reviewer_password)
            b.submit(form)
            check(b.has("form.signout"), f"setting a password did not sign {email} in ({b.d.current_url})")
            b.submit(b.one("form.signout"))

    # r2. the member asks for a review of Suwon's plan: a file that is not a PDF is refused, then a PDF
    def review_request(self) -> None:
        b = self.b
        self.sign_in_as(self.contact_email, self.member_password, "the Suwon member")
        b.get(f"/cities/{self.member_city}/reviews")
        b.click_and_wait(b.link("Ask for a review or a study", b.one("main")))
        check(b.path() == f"/cities/{self.member_city}/reviews/new", f"the request button led to {b.d.current_url}")
        fake = Path(self.server.workdir) / "plan.pdf"
        fake.write_text("Suwon plan, typed as text: not a PDF whatever its name says\n")
        self.fill_review_request(fake)
        b.submit(b.one("form[enctype='multipart/form-data']"))
        # The form comes back with the problem on top and what was typed kept (files must be chosen again).
        check(
            b.has(".error-summary")
            and "Plan documents must be PDF, Word, Excel or PowerPoint files" in b.text(".error-summary"),
            f"a text file named plan.pdf was not refused clearly: {b.main_text()[:300]!r}",
        )
        kept = b.field("title").get_attribute("value")
        check(kept == self.review_title, f"the refused request form lost its title (shows {kept!r})")
        b.screenshot("56-review-request-refused.png")
        b.get(f"/cities/{self.member_city}/reviews")
        check(self.review_title not in b.main_text(), "a refused request was still stored")

        b.click_and_wait(b.link("Ask for a review or a study", b.one("main")))
        real = Path(self.server.workdir) / "suwon-plan.pdf"
        real.write_bytes(tiny_pdf("Suwon low-carbon plan 2030 (browser check)"))
        self.fill_review_request(real)
        b.screenshot("57-review-request-form.png")
        b.submit(b.one("form[enctype='multipart/form-data']"))
        check(
            re.fullmatch(r"/reviews/[0-9A-Fa-f-]{36}", b.path()) is not None,
            f"sending the request led to {b.d.current_url}",
        )
        self.review_path = b.path()
        check(self.review_title in b.text("h1"), f"the review page's heading is {b.text('h1')!r}")
        check(self.state() == "Requested", f"a new request's state badge says {self.state()!r}")
        document = b.one(f'main a[href^="{self.review_path}/documents/"]')
        check(document.text == "suwon-plan.pdf", f"the request lists the document as {document.text!r}")
        href = document.get_attribute("href") or ""
        start = b.d.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            " fetch(arguments[0], {credentials: 'same-origin'})"
            ".then(r => r.text()).then(t => done(t.slice(0, 5)), e => done(''));",
            href,
        )
        check(start == "%PDF-", f"the stored plan document starts with {start!r}, not %PDF-")
        b.submit(b.one("form.signout"))
        check(b.status_of(self.review_path) == 404, "an unpublished review is visible to a visitor")
        status = b.status_of(href)
        check(status == 404, f"a visitor downloading the plan of an unpublished review got {status}, expected 404")

    # r3. the secretariat accepts it with the plan-quality criteria and a timetable, and assigns the
    #     two reviewers (the peer as lead); the city's own member is refused
    def review_setup(self) -> None:
        b = self.b
        self.sign_in_as("secretariat@lcc.local", self.server.admin_password, "the secretariat")
        b.get("/account")
        check(
            "to accept or decline, and set up" in self.review_task(),
            f"the secretariat's account does not list the request: {self.review_task()!r}",
        )
        b.click_and_wait(b.one(f'.reminders a[href="{self.review_path}"]'))
        b.click_and_wait(b.link("Set-up", b.one("nav.tabs")))
        check(b.path() == self.review_path + "/setup", f"the Set-up tab led to {b.d.current_url}")
        form = b.one('form[action$="/accept"]')
        edition = Select(b.field("edition", form))
        plan_quality = [o for o in edition.options if o.text.startswith("Plan-quality criteria")]
        check(bool(plan_quality), f"the criteria offered are {[o.text for o in edition.options]}")
        edition.select_by_value(plan_quality[0].get_attribute("value"))
        for stage, day in self.deadlines.items():
            b.type_into(b.field(f"deadline_{stage}", form), day)
        b.screenshot("58-review-setup-accept.png")
        b.submit(form)
        check(b.path() == self.review_path + "/setup", f"accepting the request led to {b.d.current_url}")
        check(self.state() == "Accepted", f"after accepting, the state badge says {self.state()!r}")
        timetable = b.text("table.compact")
        check(
            all(day in timetable for day in self.deadlines.values()),
            f"the timetable does not show the deadlines {list(self.deadlines.values())}: {timetable!r}",
        )

        # The reviewed city's member is never offered, and a crafted choice of them is refused.
        form = b.one('form[action$="/assign"]')
        offered = {o.get_attribute("value").upper(): o.text for o in Select(b.field("reviewer", form)).options}
        check(self.member_user_id.upper() not in offered, "the Suwon member is offered as a reviewer of Suwon")
        check(
            any(text.startswith(self.peer_name) for text in offered.values())
            and any(text.startswith(self.expert_name) for text in offered.values()),
            f"the new reviewers are not offered: {list(offered.values())}",
        )
        b.d.execute_script(
            "const option = new Option('Suwon member', arguments[1]); arguments[0].add(option);"
            " arguments[0].value = arguments[1];",
            b.field("reviewer", form),
            self.member_user_id,
        )
        b.submit(form)
        check(
            b.has(".error-summary") and "A reviewer cannot be a member of the reviewed city." in b.text(".error-summary"),
            f"assigning Suwon's own member was not refused clearly: {b.main_text()[:300]!r}",
        )
        b.screenshot("59-review-assign-own-city.png")
        b.get(self.review_path)
        check("No reviewer assigned yet." in b.main_text(), "a refused assignment still assigned someone")

        b.get(self.review_path + "/setup")
        for name, kind, lead in ((self.peer_name, "peer", True), (self.expert_name, "expert", False)):
            form = b.one('form[action$="/assign"]')
            reviewer = Select(b.field("reviewer", form))
            option = [o for o in reviewer.options if o.text.startswith(name)]
            check(bool(option), f"{name} is no longer offered")
            reviewer.select_by_value(option[0].get_attribute("value"))
            b.choose(b.field("kind", form), kind)
            b.set_checkbox(b.one('input[type="checkbox"][name="lead"]', form), lead)
            b.submit(form)
            check(b.path() == self.review_path + "/setup", f"assigning {name} led to {b.d.current_url}")
        waiting = b.text('form[action$="/assign"]')
        check(
            self.peer_name in waiting and self.expert_name in waiting,
            f"the set-up page does not say who has not accepted yet: {waiting[:300]!r}",
        )
        self.advance("self_assessment", "Self-assessment")
        reviewers = self.section_text("Reviewers")
        check(
            f"{self.peer_name} — Peer (Lead reviewer) · invited" in reviewers
            and f"{self.expert_name} — Expert · invited" in reviewers,
            f"the overview lists the reviewers as {reviewers!r}",
        )
        b.screenshot("60-review-assigned.png")

    # r4. each reviewer sees the assignment waiting on their account page, and accepts it
    def review_reviewers_accept(self) -> None:
        b = self.b
        for email, show_name, shot in (
            (self.peer_email, True, "61-account-assignment.png"),
            (self.expert_email, False, None),
        ):
            self.sign_in_as(email, self.reviewer_password, email)
            b.get("/account")
            task = self.review_task()
            check(
                "accept or decline your assignment" in task and self.review_title in task,
                f"{email}'s account page does not ask them to answer the assignment: {task!r}",
            )
            if shot:
                b.screenshot(shot)
            b.click_and_wait(b.one(f'.reminders a[href="{self.review_path}"]'))
            document = b.one(f'main a[href^="{self.review_path}/documents/"]')
            status = b.status_of(document.get_attribute("href") or "")
            check(status == 200, f"an assigned reviewer cannot download the plan ({status})")
            form = b.one('form[action$="/respond"]')
            b.choose(b.field("decision", form), "accept")
            b.set_checkbox(b.one('input[type="checkbox"][name="show_name"]', form), show_name)
            b.submit(form)
            check(b.path() == self.review_path, f"accepting the assignment led to {b.d.current_url}")
            check(not b.has('form[action$="/respond"]'), "the assignment form is still offered after accepting")
        reviewers = self.section_text("Reviewers")
        check(
            reviewers.count("· accepted") == 2,
            f"after both accepted, the reviewers are listed as {reviewers!r}",
        )

    # r5. the city assesses itself; the secretariat opens the marking
    def review_self_assessment(self) -> None:
        b = self.b
        self.sign_in_as(self.contact_email, self.member_password, "the Suwon member")
        b.get("/account")
        check("the city's self-assessment" in self.review_task(), f"the member's account shows {self.review_task()!r}")
        b.get(self.review_path)
        b.click_and_wait(b.link("The city's page", b.one("nav.tabs")))
        form = self.criterion_form("self", "FB1")
        b.choose(b.field("level", form), "3")
        b.type_into(b.field("comment", form), "Inventories of 2019 and 2022 by the GPC, BASIC.")
        b.submit(form)
        check(b.path() == self.review_path + "/reply", f"saving the self-assessment led to {b.d.current_url}")
        chosen = Select(b.field("level", self.criterion_form("self", "FB1"))).first_selected_option.get_attribute("value")
        check(chosen == "3", f"the saved self-assessment of FB1 shows level {chosen!r}")
        status = b.status_of(self.review_path + "/marking")
        check(status == 403, f"the reviewed city's member opened the marking page ({status}), expected 403")
        self.sign_in_as("secretariat@lcc.local", self.server.admin_password, "the secretariat")
        self.advance("marking", "Marking")

    # r6. the two reviewers mark criteria (level, evidence, public comment) and recommend
    def review_marking(self) -> None:
        b = self.b
        self.sign_in_as(self.peer_email, self.reviewer_password, "the peer reviewer")
        b.get("/account")
        task = self.review_task()
        check(
            "your marks are due" in task and f"due {self.deadlines['marking']}" in task,
            f"the peer's account does not say their marks are due by {self.deadlines['marking']}: {task!r}",
        )
        b.screenshot("62-account-marks-due.png")
        b.click_and_wait(b.one(f'.reminders a[href="{self.review_path}"]'))
        b.click_and_wait(b.link("Marking", b.one("nav.tabs")))
        check(b.path() == self.review_path + "/marking", f"the Marking tab led to {b.d.current_url}")

        # A level above 0 without evidence is refused.
        form = self.criterion_form("marks", "FB1")
        b.choose(b.field("level", form), "2")
        b.submit(form)
        check(
            b.has(".error-summary") and "This criterion needs evidence for any level above 0." in b.text(".error-summary"),
            f"a mark without evidence was not refused clearly: {b.main_text()[:300]!r}",
        )
        b.get(self.review_path + "/marking")
        check("First mark" not in self.criterion_section("FB1").text, "a refused mark was still saved")

        self.mark(
            "FB1",
            "2",
            "page:1\nhttps://example.org/suwon-inventory-2022",
            "One inventory year (2022) covers the BASIC sectors; gaps are not explained.",
            private_note="Please send us the 2019 inventory if there is one.",
        )
        self.mark("TG1", "3", f"target:{self.target_id}", "The 2030 target states its base year and coverage.")
        tg1 = self.criterion_section("TG1").text
        check(
            "First mark: 3" in tg1 and "as of version" in tg1,
            f"TG1 does not show the mark with its frozen target: {tg1!r}",
        )
        self.recommend("FB1", "Publish the inventory time series with notation keys.", "high", "I.1")

        self.sign_in_as(self.expert_email, self.reviewer_password, "the expert reviewer")
        b.get(self.review_path + "/marking")
        check(
            not any(
                f.find_elements(By.CSS_SELECTOR, 'input[name="criterion"][value="FB1"]')
                for f in b.all('form[action$="/marks"]')
            ),
            "the expert is offered a form for FB1, which the peer marked first",
        )
        status = b.status_of(self.review_path + "/moderation")
        check(status == 403, f"the expert, not the lead, opened the moderation page ({status}), expected 403")
        self.mark("AC1", "1", f"action:{self.action_id}", "Only transport is covered by a quantified action.")
        # Enough of the criteria's weight for an overall score (the edition's minimum share is 2/3).
        for criterion, page, comment in self.expert_marks:
            self.mark(criterion, "1", f"page:{page}", comment)
        self.recommend("AC1", "Add quantified actions for buildings and waste.", "medium", "")
        b.screenshot("63-review-marking.png", max_height=16000)  # down to the recommendations
        self.sign_in_as("secretariat@lcc.local", self.server.admin_password, "the secretariat")
        self.advance("reply", "The city's reply")

    # r7. the city's right of reply: disagreeing without evidence is refused and changes nothing;
    #     then it agrees with one mark and disagrees with another, with evidence and a comment
    def review_reply(self) -> None:
        b = self.b
        self.sign_in_as(self.contact_email, self.member_password, "the Suwon member")
        b.get("/account")
        check("the city's reply to the marks" in self.review_task(), f"the member's account shows {self.review_task()!r}")
        b.get(self.review_path + "/reply")
        fb1 = self.criterion_section("FB1").text
        check(
            "First mark: 2" in fb1 and "Please send us the 2019 inventory" in fb1,
            f"the city's page does not show FB1's mark and private note: {fb1!r}",
        )
        form = self.criterion_form("replies", "FB1")
        b.choose(b.field("answer", form), "disagree")
        b.type_into(b.field("comment", form), "The plan covers two inventory years.")
        b.submit(form)
        check(
            b.has(".error-summary") and "Disagreeing needs evidence." in b.text(".error-summary"),
            f"disagreeing without evidence was not refused clearly: {b.main_text()[:300]!r}",
        )
        kept = b.field("comment", self.criterion_form("replies", "FB1")).get_attribute("value")
        check(kept == "The plan covers two inventory years.", f"the refused reply lost its comment (shows {kept!r})")
        b.screenshot("64-review-reply-refused.png")
        b.get(self.review_path)
        replies = {row[0].split(" ")[0]: row[3] for row in self.marks_table()}
        check(replies.get("FB1") == "—", f"a refused reply still changed FB1's reply to {replies.get('FB1')!r}")

        b.get(self.review_path + "/reply")
        form = self.criterion_form("replies", "TG1")
        b.choose(b.field("answer", form), "agree")
        b.submit(form)
        form = self.criterion_form("replies", "FB1")
        b.choose(b.field("answer", form), "disagree")
        b.type_into(b.field("evidence", form), "page:1 — the 2019 inventory is annexed to the plan")
        b.type_into(b.field("comment", form), "The plan covers two inventory years, 2019 and 2022.")
        b.submit(form)
        check(b.path() == self.review_path + "/reply", f"sending the reply led to {b.d.current_url}")
        b.get(self.review_path)
        rows = {row[0].split(" ")[0]: row for row in self.marks_table()}
        check(rows.get("TG1", [""] * 4)[3].startswith("Agree"), f"TG1's reply shows {rows.get('TG1')}")
        check(
            rows.get("FB1", [""] * 4)[3].startswith("Disagree") and "2019 and 2022" in rows["FB1"][3],
            f"FB1's reply shows {rows.get('FB1')}",
        )
        # The self-assessment level with the city's comment under it.
        check(
            rows["FB1"][1].split("\n")[0] == "3" and "Inventories of 2019 and 2022" in rows["FB1"][1],
            f"FB1's self-assessment shows {rows['FB1'][1]!r}, expected 3 with the city's comment",
        )
        b.screenshot("65-review-replies.png")
        self.sign_in_as("secretariat@lcc.local", self.server.admin_password, "the secretariat")
        self.advance("moderation", "Moderation")

    # r8. moderation: the lead sets the final mark of what it did not mark (a changed mark needs a
    #     reason); the secretariat sets the rest
    def review_moderation(self) -> None:
        b = self.b
        self.sign_in_as(self.peer_email, self.reviewer_password, "the lead reviewer")
        b.get("/account")
        check("final marks to set" in self.review_task(), f"the lead's account shows {self.review_task()!r}")
        b.get(self.review_path)
        b.click_and_wait(b.link("Moderation", b.one("nav.tabs")))
        check(b.path() == self.review_path + "/moderation", f"the Moderation tab led to {b.d.current_url}")
        fb1 = self.criterion_section("FB1")
        check(
            "cannot be its first reviewer" in fb1.text and not fb1.find_elements(By.TAG_NAME, "form"),
            f"the lead is offered the final mark of FB1, which it marked first: {fb1.text!r}",
        )
        form = self.criterion_form("final", "AC1")
        b.choose(b.field("level", form), "2")
        b.submit(form)
        check(
            b.has(".error-summary")
            and "Give the reason when the final mark differs from the first mark." in b.text(".error-summary"),
            f"a changed final mark without a reason was not refused clearly: {b.main_text()[:300]!r}",
        )
        b.get(self.review_path + "/moderation")
        finals = {row[0].split(" ")[0]: row[4] for row in self.marks_table()}
        check(finals.get("AC1") == "—", f"a refused final mark was still saved: AC1 shows {finals.get('AC1')!r}")
        form = self.criterion_form("final", "AC1")
        b.choose(b.field("level", form), "2")
        b.type_into(b.field("reason", form), "The energy-efficiency programme is quantified in the annex.")
        b.submit(form)
        for criterion, _, _ in self.expert_marks:
            form = self.criterion_form("final", criterion)
            b.submit(form)  # the final mark starts from the first mark: the same needs no reason
        finals = {row[0].split(" ")[0]: row[4] for row in self.marks_table()}
        check(
            finals.get("AC1", "").startswith("2") and all(finals.get(c) == "1" for c, _, _ in self.expert_marks),
            f"after the lead's moderation the final marks are {finals}",
        )
        b.screenshot("66-review-moderation-lead.png")

        self.sign_in_as("secretariat@lcc.local", self.server.admin_password, "the secretariat")
        b.get(self.review_path + "/moderation")
        form = self.criterion_form("final", "FB1")
        b.choose(b.field("level", form), "3")
        b.type_into(b.field("reason", form), "The city's reply shows the 2019 inventory in the plan's annex.")
        b.submit(form)
        form = self.criterion_form("final", "TG1")
        check(
            Select(b.field("level", form)).first_selected_option.get_attribute("value") == "3",
            "the final-mark form of TG1 does not start from the first mark",
        )
        b.submit(form)  # the same as the first mark: no reason needed
        rows = {row[0].split(" ")[0]: row for row in self.marks_table()}
        for criterion, final in (("FB1", "3"), ("TG1", "3"), ("AC1", "2")):
            check(
                rows.get(criterion, [""] * 5)[4].startswith(final),
                f"{criterion}'s final mark shows {rows.get(criterion)}, expected {final}",
            )
        check("2019 inventory in the plan's annex" in rows["FB1"][4], f"FB1's final mark has no reason: {rows['FB1']}")

    # r9. the secretariat publishes the report
    def review_publish(self) -> None:
        b = self.b
        b.get(self.review_path + "/setup")
        b.screenshot("67-review-publish.png")
        b.submit(b.one('form[action$="/publish"]'))
        check(b.path() == self.review_path, f"publishing led to {b.d.current_url}")
        check(self.state() == "Published", f"after publishing, the state badge says {self.state()!r}")
        check(b.has("section.report"), "the published review shows no report")
        composite = b.text("section.report")
        check(
            re.search(r"Overall score: \d+\.\d", composite) is not None,
            f"the report shows no overall score: {composite[:400]!r}",
        )

    # r10. the report: scores for everyone; first mark, reply and final mark side by side for the
    #      review's participants only, never the private note
    def review_report(self) -> None:
        b = self.b
        self.sign_in_as(self.contact_email, self.member_password, "the Suwon member")
        b.get(self.review_path)
        headers, rows = self.report_table()
        check("First mark" in headers, f"the participant's report has no first-mark column: {headers}")
        fb1 = rows.get("FB1", [])
        check(
            len(fb1) == 6 and fb1[2] == "2 / 4" and fb1[3].startswith("Disagree") and fb1[4].startswith("3 / 4"),
            f"FB1 in the report reads {fb1}, expected first 2 / 4, Disagree, final 3 / 4",
        )
        check(re.fullmatch(r"\d+\.\d", fb1[5]) is not None, f"FB1's score is {fb1[5]!r}")
        check("2019 inventory in the plan's annex" in fb1[4], f"FB1's final mark has no reason in the report: {fb1}")
        check(rows.get("TG1", ["", "", ""])[3].startswith("Agree"), f"TG1 in the report reads {rows.get('TG1')}")
        report = b.text("section.report")
        for text in ("Publish the inventory time series", "Add quantified actions for buildings"):
            check(text in report, f"the report does not list the recommendation {text!r}")
        check(self.peer_name in report, "the peer who chose to be named is not named in the report")
        check(self.expert_name not in report, "the expert who chose not to be named is named in the report")
        b.screenshot("68-review-report-city.png")

        b.submit(b.one("form.signout"))
        b.get(self.review_path)
        headers, rows = self.report_table()
        check("First mark" not in headers, f"a visitor sees the first marks: {headers}")
        text = b.main_text()
        check("Please send us the 2019 inventory" not in text, "a visitor sees the reviewer's private note")
        check(rows.get("FB1", ["", ""])[-2].startswith("3 / 4"), f"a visitor's report reads FB1 as {rows.get('FB1')}")
        b.screenshot("69-review-report-public.png")
        self.print_layout("69-review-report-public.pdf")
        b.get("/reviews")
        check(self.review_title in b.main_text(), "the published review is not in the public list")

    # r11. follow-up: the city answers a recommendation and reports dated progress, for everyone to see
    def review_follow_up(self) -> None:
        b = self.b
        self.sign_in_as(self.contact_email, self.member_password, "the Suwon member")
        b.get(self.review_path)
        item = self.follow_up_item("Publish the inventory time series")
        item.find_element(By.CSS_SELECTOR, "details summary").click()
        form = b.one('form[action$="/follow-up"]', item)
        b.choose(b.field("response", form), "partly")
        b.submit(form)
        check(
            b.has(".error-summary") and "Give the reason" in b.text(".error-summary"),
            f"a partly accepted answer without a reason was not refused clearly: {b.main_text()[:300]!r}",
        )
        b.get(self.review_path)
        check("no answer yet" in self.follow_up_item("Publish the inventory time series").text, "a refused answer was saved")

        item = self.follow_up_item("Publish the inventory time series")
        item.find_element(By.CSS_SELECTOR, "details summary").click()
        form = b.one('form[action$="/follow-up"]', item)
        b.choose(b.field("response", form), "partly")
        b.type_into(b.field("reason", form), "The 2019 inventory lacks notation keys; 2022 onwards will have them.")
        b.submit(form)
        check(b.path() == self.review_path, f"answering the recommendation led to {b.d.current_url}")
        item = self.follow_up_item("Publish the inventory time series")
        item.find_element(By.CSS_SELECTOR, "details summary").click()
        form = b.one('form[action$="/progress"]', item)
        b.type_into(b.field("date", form), self.yesterday)
        b.type_into(b.field("note", form), "The 2022 inventory is published with notation keys.")
        b.submit(form)
        check(b.path() == self.review_path, f"adding the progress led to {b.d.current_url}")

        b.submit(b.one("form.signout"))
        b.get(self.review_path)
        text = self.follow_up_item("Publish the inventory time series").text
        check(
            "partly accepted — The 2019 inventory lacks notation keys" in text,
            f"a visitor does not see the city's answer: {text!r}",
        )
        check(
            f"{self.yesterday}: The 2022 inventory is published with notation keys." in text,
            f"a visitor does not see the dated progress: {text!r}",
        )
        check(
            "no answer yet" in self.follow_up_item("Add quantified actions").text,
            "the other recommendation shows an answer",
        )
        b.screenshot("70-review-follow-up.png")

    # helpers
    def inventory_version(self) -> str:
        """The version shown in the inventory page's facts: a change of lines or of state adds one."""
        facts = self.b.one("dl.inventory-facts")
        for term in facts.find_elements(By.TAG_NAME, "dt"):
            if term.text.strip() == "Version":
                return term.find_element(By.XPATH, "following-sibling::dd[1]").text.strip()
        raise CheckFailed("the inventory page shows no Version")
    # accessibility: axe-core on the pages people use most, as a visitor and as the secretariat
    def accessibility(self) -> None:
        b = self.b
        with urllib.request.urlopen(self.server.base + "/api/v1/reviews", timeout=10) as response:
            reviews = json.load(response)["reviews"]
        illustrative = next(r["id"] for r in reviews if r["illustrative"])
        review = f"/reviews/{illustrative}"
        visitor_pages = [
            "/", "/cities", "/cities/guiyang", "/cities/guiyang/inventories/2021", "/cities/seoul/targets",
            "/cities/guiyang/forecast", "/cities/guiyang/peers", "/benchmarks", "/registry", "/frameworks/lcc-index",
            "/knowledge", "/search?q=%E4%BD%8E%E7%A2%B3", "/reviews", review, "/membership/apply", "/login",
            "/cities/seoul?lang=ja", "/reviews?lang=zh", f"{review}?lang=ko",
        ]
        secretariat_pages = [
            "/account", "/secretariat", "/reviews", review, f"{review}/setup", f"{review}/marking", f"{review}/reply",
            f"{review}/moderation", f"/cities/{self.member_city}/reviews/new", self.review_path, self.inventory_path,
        ]
        found: list[str] = []
        b.get("/")
        if b.has("form.signout"):
            b.submit(b.one("form.signout"))
        for path in visitor_pages:
            b.get(path)
            found += [f"visitor {path}: {line}" for line in b.axe_violations()]
        self.sign_in_as("secretariat@lcc.local", self.server.admin_password, "the secretariat")
        for path in secretariat_pages:
            b.get(path)
            found += [f"secretariat {path}: {line}" for line in b.axe_violations()]
        print(f"   axe-core ({', '.join(AXE_TAGS)}): {len(visitor_pages) + len(secretariat_pages)} pages", flush=True)
        check(not found, "accessibility rules broken:\n  " + "\n  ".join(found))

    # helpers of the peer review
    def sign_in_as(self, email: str, password: str, who: str) -> None:
        """Signs whoever is signed in out, then `email` in: the people of a review share one browser."""
        b = self.b
        b.get("/")
        if b.has("form.signout"):
            b.submit(b.one("form.signout"))
        self.sign_in(email, password)
        check(b.has("form.signout"), f"{who} could not sign in ({b.d.current_url})")

    def local_url(self, href: str) -> str:
        """A link the app wrote with its configured public URL, pointed at this check's server."""
        check(href != "", "the link has no href")
        parts = urllib.parse.urlsplit(href)
        return self.server.base + parts.path + (("?" + parts.query) if parts.query else "")

    def table_row_with(self, text: str) -> WebElement:
        for row in self.b.all("main table tbody tr"):
            if text in row.text:
                return row
        raise CheckFailed(f"no table row on {self.b.path()} contains {text!r}")

    def fill_review_request(self, document: Path) -> None:
        b = self.b
        form = b.one("form[enctype='multipart/form-data']")
        b.choose(b.field("kind", form), "plan-review")
        b.type_into(b.field("title", form), self.review_title)
        b.type_into(b.field("summary", form), "Suwon's plan to 2030: buildings, transport and waste.")
        b.type_into(b.field("scope", form), "GPC BASIC; the 2030 target and the electric-bus programme")
        for sector in ("I", "II"):
            b.set_checkbox(b.one(f'input[name="sectors"][value="{sector}"]', form), True)
        targets = [
            box
            for box in form.find_elements(By.CSS_SELECTOR, 'input[name="targets"]')
            if "2030" in b.one(f'label[for="{box.get_attribute("id")}"]', form).text
        ]
        check(bool(targets), "the request form offers none of Suwon's 2030 targets")
        b.set_checkbox(targets[0], True)
        self.target_id = targets[0].get_attribute("value")
        actions = [
            box
            for box in form.find_elements(By.CSS_SELECTOR, 'input[name="actions"]')
            if "Electric buses" in b.one(f'label[for="{box.get_attribute("id")}"]', form).text
        ]
        check(bool(actions), "the request form does not offer the member's action 'Electric buses'")
        b.set_checkbox(actions[0], True)
        self.action_id = actions[0].get_attribute("value")
        b.one("input#f-documents-1", form).send_keys(str(document))

    def state(self) -> str:
        """The review's state, the first badge of the page's heading."""
        return self.b.text("main .badge").strip()

    def review_task(self) -> str:
        """The account page's line about this review, empty when none waits."""
        for item in self.b.all(".reminders li"):
            if item.find_elements(By.CSS_SELECTOR, f'a[href="{self.review_path}"]'):
                return item.text
        return ""

    def advance(self, stage: str, badge: str) -> None:
        """The secretariat moves the review to its next stage from the set-up page."""
        b = self.b
        b.get(self.review_path + "/setup")
        form = b.one('form[action$="/advance"]')
        b.choose(b.field("to", form), stage)
        b.submit(form)
        check(b.path() == self.review_path, f"moving the review to {stage} led to {b.d.current_url}")
        check(self.state() == badge, f"after moving the review to {stage}, the state badge says {self.state()!r}")

    def section_text(self, heading: str) -> str:
        for section in self.b.all("main section"):
            titles = section.find_elements(By.TAG_NAME, "h2")
            if titles and titles[0].text.strip() == heading:
                return section.text
        raise CheckFailed(f"no section {heading!r} on {self.b.path()}")

    def criterion_section(self, criterion: str) -> WebElement:
        for section in self.b.all("section.criterion"):
            if section.find_element(By.CSS_SELECTOR, "h2, h3").text.startswith(criterion + " "):
                return section
        raise CheckFailed(f"no section of criterion {criterion} on {self.b.path()}")

    def criterion_form(self, action: str, criterion: str) -> WebElement:
        """One criterion's form on a stage page: the forms differ by their action and hidden criterion."""
        for form in self.b.all(f'form[action$="/{action}"]'):
            if form.find_elements(By.CSS_SELECTOR, f'input[type="hidden"][name="criterion"][value="{criterion}"]'):
                return form
        raise CheckFailed(f"no {action} form for {criterion} on {self.b.path()}")

    def mark(self, criterion: str, level: str, evidence: str, comment: str, private_note: str = "") -> None:
        b = self.b
        form = self.criterion_form("marks", criterion)
        b.choose(b.field("level", form), level)
        b.type_into(b.field("evidence", form), evidence)
        b.type_into(b.field("public_comment", form), comment)
        if private_note:
            b.type_into(b.field("private_note", form), private_note)
        b.submit(form)
        check(b.path() == self.review_path + "/marking", f"saving the mark of {criterion} led to {b.d.current_url}")
        text = self.criterion_section(criterion).text
        check(f"First mark: {level}" in text and comment in text, f"{criterion} does not show the saved mark: {text!r}")

    def recommend(self, criterion: str, text: str, priority: str, gpc_ref: str) -> None:
        b = self.b
        form = b.one('form[action$="/recommendations"]')
        b.fill(form, {"criterion": criterion, "text": text, "priority": priority, "gpc_ref": gpc_ref})
        b.submit(form)
        check(b.path() == self.review_path + "/marking", f"adding the recommendation led to {b.d.current_url}")
        listed = b.one('form[action$="/recommendations"]').find_element(By.XPATH, "./preceding-sibling::ol").text
        check(text in listed, f"the recommendation {text!r} is not listed: {listed!r}")

    def marks_table(self) -> list[list[str]]:
        """The marks side by side (criterion, self-assessment, first mark, reply, final mark)."""
        section = self.b.one("main").find_element(By.XPATH, ".//section[h2[normalize-space()='Marks']]")
        return [
            [cell.text.strip() for cell in row.find_elements(By.TAG_NAME, "td")]
            for row in section.find_elements(By.CSS_SELECTOR, "tbody tr")
        ]

    def report_table(self) -> tuple[list[str], dict[str, list[str]]]:
        table = self.b.one("section.report table")
        headers = [th.text.strip() for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
        rows = {}
        for row in table.find_elements(By.CSS_SELECTOR, "tbody tr:not(.group)"):
            cells = [cell.text.strip() for cell in row.find_elements(By.TAG_NAME, "td")]
            if cells:
                rows[cells[0].split(" ")[0]] = cells
        return headers, rows

    def print_layout(self, pdf_name: str) -> None:
        """What a browser's "save as PDF" gives: the page under print media has no menus, forms or
        buttons and still shows the report; the PDF is kept beside the screenshots to look at."""
        b = self.b
        b.d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        try:
            shown = b.d.execute_script(
                "return ['header', 'nav', 'footer', 'form', '.button'].filter(s =>"
                " [...document.querySelectorAll(s)].some(e => getComputedStyle(e).display !== 'none'));"
            )
            check(not shown, f"the print layout of {b.path()} still shows {shown}")
            check(b.one("section.report").is_displayed(), f"the print layout of {b.path()} hides the report")
        finally:
            b.d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        pdf = base64.b64decode(b.d.print_page())
        (SCREENSHOTS / pdf_name).write_bytes(pdf)
        pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
        check(pdf.startswith(b"%PDF-") and 1 <= pages <= 15, f"printing {b.path()} gave {len(pdf)} bytes, {pages} pages")
        print(f"   printed {b.path()}: {pages} pages, {len(pdf) // 1024} kB ({pdf_name})", flush=True)

    def follow_up_item(self, text: str) -> WebElement:
        for item in self.b.all("ol.follow-up > li"):
            if text in item.text:
                return item
        raise CheckFailed(f"no recommendation {text!r} in the follow-up on {self.b.path()}")

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
