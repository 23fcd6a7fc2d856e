"""Lighthouse's mobile performance and accessibility scores of the home page and the job list.

Serves the demo data (a fresh SQLite database in a temporary folder) with gunicorn, the
production settings and WhiteNoise, started as bench/jobs_search.py starts it, then runs
Lighthouse against Debian's Chromium, which it does not download:

    npm install --global --prefix /tmp/lighthouse lighthouse
    LIGHTHOUSE=/tmp/lighthouse/bin/lighthouse .venv/bin/python -m bench.lighthouse

(`--global`: a plain `npm install --prefix` into a folder with no package.json fails with
ENOENT on npm 11.)

Pages are measured as Lighthouse measures by default: a mid-range phone on a slow 4G link
(simulated throttling). Each page is measured --runs times and the median printed, since a
busy machine costs a point now and then. gunicorn alone sends HTML uncompressed; behind the
proxy of docker-compose it is compressed too, so these scores are the lower of the two."""

import argparse
import contextlib
import json
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.jobs_search import ROOT, environment, start_gunicorn

PAGES = ["/es/", "/es/jobs/", "/en/", "/en/jobs/"]
CATEGORIES = ["performance", "accessibility"]
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(stack: contextlib.ExitStack, folder: Path, port: int) -> subprocess.Popen:
    """The demo data, served by the job search bench's gunicorn (production settings); the
    stack stops it."""
    database_url = f"sqlite:///{folder / 'camino.sqlite3'}"
    demo = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "DATABASE_URL": database_url}  # fmt: skip
    for command in (["migrate", "--noinput", "-v0"], ["load_demo", "--force"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=demo, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
    # The pages measured need no Redis: with none the cache fails open, so every request is
    # served in full (the uncached case).
    env = environment(database_url, free_port(), secrets.token_urlsafe(40), cache="hit")
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT,
                   env=env, check=True)  # fmt: skip
    return start_gunicorn(stack, port, workers=2, env=env)


def scores(lighthouse: str, url: str, attempts: int = 3) -> dict[str, int]:
    """The page's scores. Lighthouse sometimes fails to record a page load in headless
    Chromium on a busy machine (NO_NAVSTART): such a run is tried again, twice."""
    run = subprocess.run(
        [lighthouse, url, "--quiet", "--output=json", "--output-path=stdout",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
        env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
        capture_output=True, text=True,
    )  # fmt: skip
    if run.returncode and attempts > 1:
        return scores(lighthouse, url, attempts - 1)
    if run.returncode:
        raise SystemExit(f"Lighthouse failed on {url}:\n{run.stderr[-2000:]}")
    categories = json.loads(run.stdout)["categories"]
    return {name: round(categories[name]["score"] * 100) for name in CATEGORIES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="per page; the median is printed")
    runs = parser.parse_args().runs
    lighthouse = os.environ.get("LIGHTHOUSE") or shutil.which("lighthouse")
    if not lighthouse:
        raise SystemExit("Lighthouse not found: npm install it and set LIGHTHOUSE (see above)")
    port = free_port()
    with tempfile.TemporaryDirectory() as folder, contextlib.ExitStack() as stack:
        serve(stack, Path(folder), port)
        print(f"median of {runs} runs, load average {os.getloadavg()[0]:.1f}")
        print(f"{'page':<12}" + "".join(f"{name:>15}" for name in CATEGORIES))
        for page in PAGES:
            url = f"http://127.0.0.1:{port}{page}"
            results = [scores(lighthouse, url) for _ in range(runs)]
            medians = [statistics.median(r[name] for r in results) for name in CATEGORIES]
            print(f"{page:<12}" + "".join(f"{median:>15g}" for median in medians))


if __name__ == "__main__":
    main()
