"""No page may load anything from another host: no CDNs, fonts, scripts or trackers."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

# Attributes that make the browser fetch something (or send something somewhere).
FETCHING_ATTRIBUTES = {"src", "href", "action", "srcset", "poster", "data", "formaction"}

PUBLIC_PAGES = [
    "/{lang}/",
    "/{lang}/privacy/",
    "/{lang}/accounts/login/",
    "/{lang}/accounts/signup/",
    "/{lang}/accounts/password/reset/",
    "/{lang}/accounts/login/code/",
    "/{lang}/no-such-page/",
]
SIGNED_IN_PAGES = [
    "/{lang}/accounts/email/",
    "/{lang}/accounts/password/change/",
    "/{lang}/accounts/2fa/",
]


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in FETCHING_ATTRIBUTES and value:
                for url in value.split(",") if name == "srcset" else [value]:
                    self.urls.append((tag, name, url.strip().split(" ")[0]))


def third_party_urls(html: str) -> list[str]:
    collector = LinkCollector()
    collector.feed(html)
    external = [url for _tag, _attr, url in collector.urls if urlsplit(url).netloc]
    external += re.findall(r"url\(\s*['\"]?(?:https?:)?//[^)'\"]+", html)
    external += re.findall(r"@import\s+['\"]?(?:https?:)?//", html)
    return external


def test_the_checker_finds_third_party_references():
    html = (
        '<link href="https://fonts.example.com/a.css">'
        '<script src="//cdn.example.com/x.js"></script>'
        '<img srcset="/a.png 1x, https://t.example.com/p.gif 2x"><a href="/es/">ok</a>'
    )
    assert third_party_urls(html) == [
        "https://fonts.example.com/a.css",
        "//cdn.example.com/x.js",
        "https://t.example.com/p.gif",
    ]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_public_pages_reference_no_other_host(client, lang):
    for page in PUBLIC_PAGES:
        response = client.get(page.format(lang=lang))
        assert response.status_code in (200, 404), page
        assert third_party_urls(response.content.decode()) == [], page


@pytest.mark.parametrize("lang", ["es", "en"])
def test_signed_in_pages_reference_no_other_host(client, lang):
    client.force_login(UserFactory())
    for page in SIGNED_IN_PAGES:
        response = client.get(page.format(lang=lang))
        assert response.status_code == 200, page
        assert third_party_urls(response.content.decode()) == [], page


def test_static_files_reference_no_other_host():
    for path in Path(settings.BASE_DIR, "static").rglob("*"):
        if path.suffix in {".css", ".js", ".svg", ".html"}:
            text = path.read_text(encoding="utf-8")
            # SVG's xmlns is a name, not something fetched.
            text = text.replace('xmlns="http://www.w3.org/2000/svg"', "")
            assert not re.search(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text), path


def test_every_response_forbids_other_origins(client):
    response = client.get("/es/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "http" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
