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
# What a stylesheet makes the browser fetch in turn (icons, fonts).
CSS_ASSET = re.compile(r"""url\(["']?(/[^"')]+)""")


def gzipped(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=6))


def brotlied(body: bytes) -> int:
    return len(brotli.compress(body, quality=5))


def fetched(client, url: str) -> tuple[int, bytes, bytes]:
    """The response's status, and its headers and body as they would go out, uncompressed."""
    response = client.get(url)
    headers = "".join(f"{name}: {value}\r\n" for name, value in response.items())
    return response.status_code, headers.encode(), b"".join(response)  # streamed files too


@pytest.fixture
def demo_jobs():
    call_command("load_demo", force=True, stdout=StringIO())


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_job_list_with_its_assets_stays_within_25_kb(client, demo_jobs, lang):
    page = f"/{lang}/jobs/"
    responses = {page: fetched(client, page)}
    html = responses[page][2].decode()
    assert html.count('job-card"') == 20, "a full page of results"
    assets = sorted(set(ASSET.findall(html)))
    assert any(url.endswith(".css") for url in assets)
    responses |= {url: fetched(client, url) for url in assets}
    for stylesheet in [url for url in assets if url.endswith(".css")]:
        css = responses[stylesheet][2].decode()
        responses |= {url: fetched(client, url) for url in CSS_ASSET.findall(css)}
    assert {url: status for url, (status, _, _) in responses.items() if status != 200} == {}

    for size in (gzipped, brotlied):
        sizes = {url: len(head) + size(body) for url, (_, head, body) in responses.items()}
        assert sum(sizes.values()) <= BUDGET, (size.__name__, sizes)
