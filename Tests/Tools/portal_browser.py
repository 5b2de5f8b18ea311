#!/usr/bin/env python3
"""The portal in a real browser: headless Chromium (Debian's chromium + chromium-driver) through
selenium, against the site and its tiles served by a web server on a loopback port.

Usage: portal_browser.py --url URL --site DIR --tiles DIR --reports DIR --out DIR [--only NAME]

--site/--tiles are the directories the server serves (at / and /tlog/): the tampering cases
change a file there and restore it. --reports holds `<quarter>.json` from `jhf report --format
json`. Screenshots go to --out. Prints one line per check; exit 1 if any failed.
"""
import argparse
import base64
import hashlib
import json
import shutil
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

args = argparse.ArgumentParser()
for name in ("url", "site", "tiles", "reports", "out"):
    args.add_argument("--" + name, required=True)
args.add_argument("--only")
A = args.parse_args()
SITE, TILES, OUT = Path(A.site), Path(A.tiles), Path(A.out)
OUT.mkdir(parents=True, exist_ok=True)
STRINGS = json.loads((SITE / "strings.json").read_text(encoding="utf-8"))
REPORTS = {p.stem: json.loads(p.read_text()) for p in sorted(Path(A.reports).glob("*.json"))}
ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(A.url))
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)


def browser(width=1200):
    o = Options()
    o.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},900",
              "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"):
        o.add_argument(a)
    o.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    d = webdriver.Chrome(service=Service(driver), options=o)
    d.set_script_timeout(30)
    if width < 500:
        # Chromium's windows are at least 500 px wide: a phone's width is emulated instead.
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    return d


def wait(d, script, seconds=20):
    end = time.time() + seconds
    while time.time() < end:
        v = d.execute_script(script)
        if v:
            return v
        time.sleep(0.02)
    return None


def open_page(d, route, badge="badge"):
    # A full load every time (a change of the fragment alone would reuse the document).
    d.get("about:blank")
    d.get(f"{A.url}/#/{route}")
    wait(d, "return document.body && document.body.dataset.ready")
    return wait(d, f"const b = document.getElementById('{badge}'); return b && b.dataset.state")


def text_of(d, selector):
    return d.execute_script(f"const e = document.querySelector('{selector}'); return e ? e.innerText : ''")


def prefix(lang, key):
    return STRINGS[lang][key].split("{")[0].strip()


def requests_and_errors(d):
    """Every URL the page asked for, and console errors (severe)."""
    urls = []
    for entry in d.get_log("performance"):
        m = json.loads(entry["message"])["message"]
        if m.get("method") == "Network.requestWillBeSent":
            urls.append(m["params"]["request"]["url"])
    errors = [e for e in d.get_log("browser") if e.get("level") == "SEVERE"]
    return urls, errors


def foreign_strings(d, lang):
    """Texts of the other language (from strings.json, where the two differ) found on the page."""
    other = "en" if lang == "es" else "es"
    texts = d.execute_script("""
        const out = [];
        const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walk.nextNode()) { const t = walk.currentNode.textContent.trim(); if (t) out.push(t); }
        for (const el of document.querySelectorAll('[aria-label],[title],[alt],[placeholder]'))
          for (const a of ['aria-label', 'title', 'alt', 'placeholder']) if (el.getAttribute(a)) out.push(el.getAttribute(a));
        for (const t of document.querySelectorAll('svg title')) out.push(t.textContent.trim());
        out.push(document.title);
        return out;""")
    found = []
    own = set(STRINGS[lang].values())
    for key, value in STRINGS[other].items():
        if value == STRINGS[lang].get(key) or value in own or key in ("switch_to", "lang_name", "switch_label"):
            continue
        if "{" in value:
            head = value.split("{")[0].strip()
            if len(head) >= 8 and any(head in t for t in texts) and not any(head in o for o in own):
                found.append(value)
        elif any(t == value for t in texts):
            found.append(value)
    return found


def overflow(d):
    return d.execute_script("""
        const bad = [];
        const inside = (el) => el.closest('.table-wrap, svg, pre');
        if (document.documentElement.scrollWidth > innerWidth + 1) bad.push('page is ' + document.documentElement.scrollWidth + 'px wide');
        for (const el of document.body.querySelectorAll('*')) {
          if (inside(el)) continue;
          const r = el.getBoundingClientRect();
          if (r.width > 0 && r.right > innerWidth + 1) bad.push(el.tagName + '.' + el.className + ' ends at ' + Math.round(r.right));
          const s = getComputedStyle(el);
          if (el.clientWidth > 0 && s.overflowX === 'visible' && el.scrollWidth > el.clientWidth + 1)
            bad.push(el.tagName + '.' + el.className + ' text overflows (' + el.scrollWidth + ' > ' + el.clientWidth + ')');
        }
        return bad.slice(0, 10);""")


def accessibility(d):
    """Problems a screen reader or keyboard user, or a reader with low vision, would meet."""
    return d.execute_script("""
        const bad = [];
        const lum = (c) => {
          const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
          const [r, g, b, a = 1] = m[1].split(',').map(Number);
          if (a === 0) return null;
          const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
          return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
        };
        const background = (el) => {
          for (let e = el; e; e = e.parentElement) { const l = lum(getComputedStyle(e).backgroundColor); if (l !== null) return l; }
          return 1;
        };
        for (const el of document.querySelectorAll('body *')) {
          if (el.closest('svg')) continue;
          const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
          if (!own || !el.getClientRects().length) continue;
          const s = getComputedStyle(el);
          const fg = lum(s.color), bg = background(el);
          const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
          const large = parseFloat(s.fontSize) >= 24 || (parseFloat(s.fontSize) >= 18.66 && Number(s.fontWeight) >= 700);
          if (ratio < (large ? 3 : 4.5)) bad.push('contrast ' + ratio.toFixed(2) + ': ' + el.tagName + ' ' + el.textContent.trim().slice(0, 30));
        }
        for (const el of document.querySelectorAll('input, select, textarea')) {
          if (!(el.id && document.querySelector('label[for="' + el.id + '"]')) && !el.getAttribute('aria-label')) bad.push('unlabelled ' + el.name);
        }
        for (const svg of document.querySelectorAll('svg.chart')) {
          const id = svg.getAttribute('aria-labelledby');
          if (svg.getAttribute('role') !== 'img' || !id || !document.getElementById(id)?.textContent.trim()) bad.push('chart without a label');
        }
        for (const th of document.querySelectorAll('th')) if (!th.getAttribute('scope') && !th.closest('tfoot')) bad.push('th without scope');
        if (document.querySelectorAll('h1').length !== 1) bad.push(document.querySelectorAll('h1').length + ' h1');
        if (!document.querySelector('main') || !document.querySelector('nav[aria-label]')) bad.push('landmarks');
        return bad.slice(0, 10);""")


def scenario(name):
    return A.only is None or A.only == name


# 1. Verified, both languages, the switch, foreign strings, requests, console, screenshots.
if scenario("pages"):
    d = browser()
    try:
        for lang in ("es", "en"):
            for page in ("overview", "places", "programs", "payments", "contracts", "changes", "downloads", "entry?seq=0"):
                state = open_page(d, f"{lang}/{page}")
                check(state == "verified", f"{lang}/{page}: badge verified (got {state})")
                if page.startswith("entry"):
                    check(wait(d, "const b = document.getElementById('entry-badge'); return b && b.dataset.state") == "verified", f"{lang}/{page}: entry verified")
                found = foreign_strings(d, lang)
                check(not found, f"{lang}/{page}: no {('English' if lang == 'es' else 'Spanish')} string ({found[:3]})")
                check(d.execute_script("return document.documentElement.lang") == lang, f"{lang}/{page}: <html lang={lang}>")
                bad = accessibility(d)
                check(not bad, f"{lang}/{page}: labels, landmarks and WCAG AA contrast ({bad})")
        # The keyboard: the first Tab reaches the skip link, which moves to the content; Tab
        # then walks the navigation, and Enter follows a link.
        from selenium.webdriver.common.keys import Keys
        open_page(d, "es/overview")
        d.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        check(d.execute_script("return document.activeElement.className") == "skip", "Tab reaches the skip link first")
        d.switch_to.active_element.send_keys(Keys.ENTER)
        check(d.execute_script("return document.activeElement.id") == "main", "the skip link moves the focus to the content")
        open_page(d, "es/overview")
        body = d.find_element(By.TAG_NAME, "body")
        for _ in range(4):
            d.switch_to.active_element.send_keys(Keys.TAB) if d.execute_script("return document.activeElement !== document.body") else body.send_keys(Keys.TAB)
        target = d.execute_script("return document.activeElement.getAttribute('href')")
        d.switch_to.active_element.send_keys(Keys.ENTER)
        wait(d, "return document.body.dataset.ready && location.hash !== '#/es/overview'")
        check(target and target.startswith("#/es/") and d.execute_script("return location.hash") == target, f"Tab and Enter follow a navigation link ({target})")
        # The language switch keeps the place (page and filters).
        open_page(d, "es/payments?program=water")
        d.find_element(By.CSS_SELECTOR, "a.lang").click()
        wait(d, "return location.hash.startsWith('#/en/')")
        wait(d, "return document.body.dataset.ready === 'payments'")
        check(d.execute_script("return location.hash") == "#/en/payments?program=water", "switch keeps the page and its filters: " + d.execute_script("return location.hash"))
        check(not foreign_strings(d, "en"), "after the switch: no Spanish string")
        urls, errors = requests_and_errors(d)
        # data: URLs are the browser's own (the date picker's icon): nothing leaves the machine.
        off = [u for u in urls if not u.startswith(ORIGIN + "/") and not u.startswith("data:")]
        check(urls and not off, f"{len(urls)} requests, none off the site's origin ({off[:3]})")
        check(not errors, f"no console error ({errors[:3]})")
    finally:
        d.quit()
    for lang in ("es", "en"):
        for width in (1200, 360):
            d = browser(width)
            try:
                open_page(d, f"{lang}/overview")
                time.sleep(0.2)
                d.save_screenshot(str(OUT / f"overview-{lang}-{width}.png"))
                if width == 360:
                    for page in ("overview", "places", "programs", "payments", "contracts", "changes", "downloads", "entry?seq=3"):
                        open_page(d, f"{lang}/{page}")
                        wait(d, "const b = document.getElementById('entry-badge'); return !b || b.dataset.state")
                        check(d.execute_script("return innerWidth") == width, f"{lang}/{page}: the page is {width} px wide")
                        bad = overflow(d)
                        check(not bad, f"{lang}/{page} at 360 px: no text overflows its box ({bad})")
            finally:
                d.quit()

# 2. A payment and a contract, opened from their lists, verified after the click.
if scenario("entries"):
    d = browser()
    try:
        for lang in ("es", "en"):
            for page, selector in (("payments", "table a[data-seq]"), ("contracts", "table a")):
                open_page(d, f"{lang}/{page}")
                links = d.find_elements(By.CSS_SELECTOR, selector)
                if page == "contracts" and not links and not json.loads((SITE / "data/site/contracts.json").read_text()):
                    continue  # a ledger without contracts
                link = links[0]
                label = link.text
                link.click()
                state = wait(d, "const b = document.getElementById('entry-badge'); return b && b.dataset.state")
                ms = d.execute_script("return document.getElementById('entry-badge').dataset.ms")
                check(state == "verified", f"{lang}: {page} {label} verified after the click ({ms} ms)")
                body = text_of(d, "main")
                check(prefix(lang, "entry_ok_approvals") in text_of(d, "#entry-badge"), f"{lang}: {label}: both approvals named")
                check(label in body, f"{lang}: {label}: the verified entry is shown")
    finally:
        d.quit()

# 3. Search and filters return exactly the rows the quarterly reports say.
if scenario("filters"):
    d = browser()
    try:
        def listed(route):
            open_page(d, route)
            count = int(d.execute_script("return document.getElementById('result-count').dataset.count"))
            ids = d.execute_script("return [...document.querySelectorAll('table a[data-seq]')].map(a => a.textContent)")
            return count, ids
        for q, r in REPORTS.items():
            by_muni = {}
            for t in r["totals_by_municipality"]:
                by_muni[t["municipality"]] = by_muni.get(t["municipality"], 0) + t["disbursements"]
            for code, n in by_muni.items():
                count, _ = listed(f"es/payments?municipality={code}&quarter={q}")
                check(count == n, f"{q} municipality {code}: {count} payments listed, report says {n}")
            by_program = {}
            for t in r["totals_by_program"]:
                by_program[t["program"]] = by_program.get(t["program"], 0) + t["disbursements"]
            for program, n in by_program.items():
                count, _ = listed(f"en/payments?program={program}&quarter={q}")
                check(count == n, f"{q} programme {program}: {count} payments listed, report says {n}")
            thresholds = {t["currency"]: t["amount"] for t in r["disclosure"]["thresholds"]}
            usd = thresholds.get("USD")
            disclosed = sorted(x["id"] for x in r["disclosure"]["disbursements"] if x["currency"] == "USD")
            # The minimum is in each row's major unit; of the rows listed, the USD ones must be the report's.
            listed(f"es/payments?quarter={q}&min={usd / 100:.2f}")
            rows = d.execute_script("return [...document.querySelectorAll('tbody tr')].map(tr => [tr.cells[0].innerText, tr.cells[2].innerText])")
            usd_listed = sorted(i for i, amount in rows if "USD" in amount)
            check(usd_listed == disclosed, f"{q}: USD payments ≥ threshold {usd_listed} = report's disclosure list {disclosed}")
        count, _ = listed("es/payments?payee=zzz-nadie")
        check(count == 0 and STRINGS["es"]["pay_none"] in text_of(d, "#result-count"), "a search that matches nothing says so")
    finally:
        d.quit()

# 4. Tampering: each case must show the failure, in both languages.
def tamper_case(name, change, expect_key, page="overview", badge="badge"):
    if not scenario("tamper"):
        return
    saved = {}
    try:
        change(saved)
        for lang in ("es", "en"):
            d = browser()
            try:
                state = open_page(d, f"{lang}/{page}", badge)
                text = text_of(d, f"#{badge}")
                want = prefix(lang, "f_" + expect_key)
                check(state == "failed" and want in text, f"{name} ({lang}): shown as a failure: {want!r} in {text[:200]!r}")
                check(prefix(lang, "badge_fail_title" if badge == "badge" else "entry_fail_title") in text, f"{name} ({lang}): titled as a failure")
                # A failed key history is never described as checked.
                overall = text_of(d, "#badge")
                claim = STRINGS[lang]["badge_history"].split("{n}")[1].split(",")[1][:20]
                if d.execute_script("return document.getElementById('badge').dataset.state") == "failed" and prefix(lang, "f_history_inclusion") in overall:
                    check(claim not in overall, f"{name} ({lang}): the failed key history is not called checked")
                d.save_screenshot(str(OUT / f"tampered-{name}-{lang}.png"))
            finally:
                d.quit()
    finally:
        for path, data in saved.items():
            path.write_bytes(data)


def checkpoint_lines():
    note = (TILES / "checkpoint").read_bytes()
    text, sigs = note.split(b"\n\n", 1)
    return text + b"\n", sigs.decode().splitlines()


def partial(kind):
    """The first tile of `kind` as the current checkpoint (under 256 entries) reads it."""
    size = int(checkpoint_lines()[0].split(b"\n")[1])
    return TILES / "tile" / kind / "000.p" / str(size)


def tamper_bundle(saved):
    """Entry 2 (a payment) with another amount: same length, still canonical JSON."""
    path = partial("entries")
    data = path.read_bytes()
    saved[path] = data
    entries, i = [], 0
    while i < len(data):
        n = int.from_bytes(data[i:i + 2], "big")
        entries.append(data[i + 2:i + 2 + n])
        i += 2 + n
    e = entries[2]
    j = e.index(b'"amount":') + 9
    entries[2] = e[:j] + (b"9" if e[j:j + 1] != b"9" else b"8") + e[j + 1:]
    path.write_bytes(b"".join(len(x).to_bytes(2, "big") + x for x in entries))


def tamper_hash(saved):
    path = partial("0")
    data = bytearray(path.read_bytes())
    saved[path] = bytes(data)
    data[3 * 32] ^= 1  # leaf 3's hash: a sibling on the way from entry 2 to the root
    path.write_bytes(bytes(data))


def unknown_key(saved):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives import serialization
    path = TILES / "checkpoint"
    saved[path] = path.read_bytes()
    text, lines = checkpoint_lines()
    key = Ed25519PrivateKey.generate()
    pub = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    name = lines[0].split(" ")[1]  # the same name as the log key, another key
    key_id = hashlib.sha256(name.encode() + b"\n\x01" + pub).digest()[:4]
    line = "\u2014 " + name + " " + base64.b64encode(key_id + key.sign(text)).decode()
    path.write_bytes(text + b"\n" + (line + "\n").encode() + "".join(l + "\n" for l in lines[1:]).encode())


def drop_cosignature(saved):
    path = TILES / "checkpoint"
    saved[path] = path.read_bytes()
    text, lines = checkpoint_lines()
    kept = [l for l in lines if "gao" not in l]
    path.write_bytes(text + b"\n" + "".join(l + "\n" for l in kept).encode())


tamper_case("entry-bundle", tamper_bundle, "inclusion", page="entry?seq=2", badge="entry-badge")
tamper_case("hash-tile", tamper_hash, "inclusion", page="entry?seq=2", badge="entry-badge")
tamper_case("unknown-key", unknown_key, "log_unsigned")
tamper_case("missing-cosignature", drop_cosignature, "policy")

print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
