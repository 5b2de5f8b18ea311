#!/usr/bin/env python3
"""Times the portal in headless Chromium (for BENCHMARKS.md; not a test).

Usage: portal_perf.py --url URL [--rounds N] [--last SEQ]

For each round, in a fresh browser (empty cache):
- overview: from navigation start until the page is rendered and the checkpoint (with the
  key history) is verified — the later of the `jhf-rendered` and `jhf-checkpoint-checked`
  performance marks;
- payment: on the payments page, from the click on the first payment until its entry badge
  says verified (inclusion proof from the tiles, both approvals);
- last entry: the entry page of seq --last, from the hash change until verified;
and the bytes of tiles fetched for the payment. Prints medians.
"""
import argparse
import json
import shutil
import statistics
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

a = argparse.ArgumentParser()
a.add_argument("--url", required=True)
a.add_argument("--rounds", type=int, default=5)
a.add_argument("--last", type=int)
A = a.parse_args()


def browser():
    o = Options()
    o.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for x in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,900"):
        o.add_argument(x)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=o)


def wait(d, script, seconds=60):
    end = time.time() + seconds
    while time.time() < end:
        v = d.execute_script(script)
        if v:
            return v
        time.sleep(0.005)
    raise TimeoutError(script)


overview, payment, last, tiles, last_tiles = [], [], [], [], []
for _ in range(A.rounds):
    d = browser()
    try:
        d.get(A.url + "/#/es/overview")
        wait(d, "return performance.getEntriesByName('jhf-rendered').length && performance.getEntriesByName('jhf-checkpoint-checked').length")
        state = d.execute_script("return document.getElementById('badge').dataset.state")
        assert state == "verified", state
        overview.append(d.execute_script("return Math.max(...['jhf-rendered','jhf-checkpoint-checked'].map(n => performance.getEntriesByName(n)[0].startTime))"))
        d.get(A.url + "/#/es/payments")
        wait(d, "return document.body.dataset.ready === 'payments' && document.querySelector('table a[data-seq]')")
        before = d.execute_script("return performance.getEntriesByType('resource').length")
        d.execute_script("window.__t0 = performance.now(); document.querySelector('table a[data-seq]').click()")
        wait(d, "const b = document.getElementById('entry-badge'); return b && b.dataset.state")
        assert d.execute_script("return document.getElementById('entry-badge').dataset.state") == "verified"
        payment.append(d.execute_script("return performance.now() - window.__t0"))
        tiles.append(d.execute_script(f"return performance.getEntriesByType('resource').slice({before}).filter(e => e.name.includes('/tlog/')).map(e => e.name.split('/tlog/')[1] + ' ' + e.transferSize)"))
        if A.last is not None:
            before = d.execute_script("return performance.getEntriesByType('resource').length")
            d.execute_script(f"window.__t0 = performance.now(); location.hash = '#/es/entry?seq={A.last}'")
            wait(d, f"const b = document.getElementById('entry-badge'); return b && b.dataset.state && document.querySelector('h1').textContent.endsWith(' {A.last}')")
            assert d.execute_script("return document.getElementById('entry-badge').dataset.state") == "verified"
            last.append(d.execute_script("return performance.now() - window.__t0"))
            last_tiles.append(d.execute_script(f"return performance.getEntriesByType('resource').slice({before}).filter(e => e.name.includes('/tlog/')).map(e => e.name.split('/tlog/')[1] + ' ' + e.transferSize)"))
    finally:
        d.quit()

print(json.dumps({
    "overview_interactive_ms": statistics.median(overview), "overview_all": [round(x) for x in overview],
    "payment_verified_after_click_ms": statistics.median(payment), "payment_all": [round(x) for x in payment],
    "last_entry_verified_ms": statistics.median(last) if last else None,
    "tiles_fetched_for_payment": tiles[0],
    "tiles_fetched_for_last_entry": last_tiles[0] if last_tiles else None,
}, indent=1))
