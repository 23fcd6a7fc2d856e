"""Many job seekers are on phones with little data: the job list, with everything it makes the
browser fetch, stays within 25 KB over the wire, compressed as the proxy compresses it
(deploy/nginx.conf: gzip level 6 for a browser without brotli, brotli otherwise)."""

import gzip
import re
from io import StringIO

import brotli
import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

BUDGET = 25 * 1024
# What a page makes the browser fetch: stylesheets, icons, scripts, images (not the links to
# feeds or other languages, which only a click fetches).
ASSET = re.compile(
    r'<(?:link rel="(?:stylesheet|icon|preload)"|script\b|img\b)[^>]*?\b(?:href|src)="(/[^"]+)"'
)


def gzipped(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=6))


def brotlied(body: bytes) -> int:
    return len(brotli.compress(body, quality=5))


def on_the_wire(response, compressed_size) -> int:
    headers = "".join(f"{name}: {value}\r\n" for name, value in response.items())
    return len(headers) + compressed_size(b"".join(response))


@pytest.fixture
def demo_jobs():
    call_command("load_demo", force=True, stdout=StringIO())


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_job_list_with_its_assets_stays_within_25_kb(client, demo_jobs, lang):
    page = client.get(f"/{lang}/jobs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('job-card"') == 20, "a full page of results"
    assets = sorted(set(ASSET.findall(html)))
    assert any(url.endswith(".css") for url in assets)
    responses = {f"/{lang}/jobs/": page} | {url: client.get(url) for url in assets}
    assert all(response.status_code == 200 for response in responses.values())

    for compressed_size in (gzipped, brotlied):
        sizes = {url: on_the_wire(response, compressed_size) for url, response in responses.items()}
        assert sum(sizes.values()) <= BUDGET, (compressed_size.__name__, sizes)
