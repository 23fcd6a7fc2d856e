"""The reverse proxy of docker-compose (deploy/nginx.conf), run with the real nginx in front of
a real gunicorn with the production settings and the static files collectstatic wrote, as
the Docker image does: HTML comes back compressed, /static/ is served by nginx from the
precompressed files with long caching, and gunicorn sees the visitor's address and https."""

import getpass
import gzip
import http.client
import json
import os
import re
import shutil
import signal
import ssl
import subprocess
import sys
from pathlib import Path

import brotli
import pytest
from django.conf import settings

from tests.conftest import REQUIRE_SERVICES
from tests.core.test_resilience import free_port
from tests.worker import wait_for

ROOT = Path(settings.BASE_DIR)
NGINX_CONF = ROOT / "deploy" / "nginx.conf"
FORGED = "198.51.100.7"


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """The environment of the image: production settings, collected static files."""
    tmp = tmp_path_factory.mktemp("proxy")
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": "proxy-test-only",
        "ALLOWED_HOSTS": "localhost",
        # Tables are not needed by the pages fetched here; Redis is not needed at all.
        "DATABASE_URL": f"sqlite:///{tmp / 'empty.sqlite3'}",
        "REDIS_URL": f"redis://127.0.0.1:{free_port()}/0",
        "STATIC_ROOT": str(tmp / "static"),
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT, env=environment, check=True,
    )  # fmt: skip
    return tmp, environment


def start(command: list[str], port: int, **options) -> subprocess.Popen:
    process = subprocess.Popen(command, cwd=ROOT, start_new_session=True, **options)

    def listening():
        if process.poll() is not None:
            raise AssertionError(f"{command[0]} exited with {process.returncode}")
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=0.2).connect()
        except OSError:
            return False
        return True

    wait_for(listening, timeout=30, what=f"{command[0]} on port {port}")
    return process


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


def proxy_config(tmp: Path, upstream: int, http_port: int, https_port: int) -> Path:
    """deploy/nginx.conf with this machine's ports and paths in place of the image's."""
    text = NGINX_CONF.read_text()
    for old, new in [
        ("user www-data;", f"user {getpass.getuser()};"),
        ("/run/nginx.pid", str(tmp / "nginx.pid")),
        ("server web:8000;", f"server 127.0.0.1:{upstream};"),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        ("/etc/camino/tls/", f"{tmp}/"),
        ("/srv/camino/static/", f"{tmp / 'static'}/"),
    ]:
        assert old in text, f"deploy/nginx.conf no longer has {old!r}"
        text = text.replace(old, new)
    path = tmp / "nginx.conf"
    path.write_text(text)
    return path


@pytest.fixture(scope="module")
def proxy(production):
    if shutil.which("nginx") is None:
        reason = (
            "needs nginx: apt-get install nginx-light libnginx-mod-http-brotli-filter "
            "libnginx-mod-http-brotli-static (.ci/run does)"
        )
        (pytest.fail if REQUIRE_SERVICES else pytest.skip)(reason)
    tmp, environment = production
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=localhost", "-keyout", tmp / "privkey.pem", "-out", tmp / "fullchain.pem"],
        check=True, capture_output=True,
    )  # fmt: skip
    upstream, http_port, https_port = free_port(), free_port(), free_port()
    access_log = tmp / "access.log"
    gunicorn = start(
        [sys.executable, "-m", "gunicorn", "portal.wsgi", "--config", "gunicorn.conf.py",
         "--bind", f"127.0.0.1:{upstream}", "--workers", "1", "--access-logfile", access_log,
         "--control-socket", tmp / "gunicorn.ctl",
         "--access-logformat", "%(h)s %({x-forwarded-for}i)s %({x-forwarded-proto}i)s %(U)s"],
        upstream, env=environment,
    )  # fmt: skip
    config = proxy_config(tmp, upstream, http_port, https_port)
    nginx = start(["nginx", "-c", config, "-e", "stderr", "-g", "daemon off;"], https_port)
    try:
        yield {"http": http_port, "https": https_port, "static": tmp / "static", "log": access_log}
    finally:
        stop(nginx)
        stop(gunicorn)


def get(proxy, path: str, encoding: str = "br, gzip", **headers) -> http.client.HTTPResponse:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    connection = http.client.HTTPSConnection("127.0.0.1", proxy["https"], context=context)
    connection.request(
        "GET", path, headers={"Host": "localhost", "Accept-Encoding": encoding, **headers}
    )
    response = connection.getresponse()
    response.body = response.read()
    return response


def hashed(proxy, name: str) -> str:
    manifest = json.loads((proxy["static"] / "staticfiles.json").read_text())
    return manifest["paths"][name]


@pytest.mark.parametrize(
    ("accepts", "encoding", "decompress"),
    [("br, gzip", "br", brotli.decompress), ("gzip", "gzip", gzip.decompress)],
)
def test_html_comes_back_compressed(proxy, accepts, encoding, decompress):
    response = get(proxy, "/es/", encoding=accepts)

    assert response.status == 200, response.body[:500]
    assert response.getheader("Content-Encoding") == encoding
    html = decompress(response.body).decode()
    assert "Encuentre trabajo que puede aceptar" in html
    assert len(response.body) < len(html) / 2


def test_a_hashed_static_file_is_precompressed_and_cached_for_a_year(proxy):
    name = hashed(proxy, "css/camino.css")

    response = get(proxy, f"/static/{name}")

    assert response.status == 200
    assert response.getheader("Content-Encoding") == "br"
    # The very bytes collectstatic wrote: nginx compressed nothing itself.
    assert response.body == (proxy["static"] / f"{name}.br").read_bytes()
    assert response.getheader("Cache-Control") == "public, max-age=31536000, immutable"
    assert "Accept-Encoding" in response.getheader("Vary")
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    # And nginx served it: gunicorn never saw the request.
    assert "/static/" not in proxy["log"].read_text()


def test_a_client_without_brotli_gets_the_precompressed_gzip(proxy):
    name = hashed(proxy, "css/camino.css")
    response = get(proxy, f"/static/{name}", encoding="gzip")
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.body == (proxy["static"] / f"{name}.gz").read_bytes()


def test_an_unhashed_static_name_is_cached_only_briefly(proxy):
    response = get(proxy, "/static/css/camino.css")
    assert response.status == 200
    assert response.getheader("Cache-Control") == "public, max-age=300"


def test_gunicorn_sees_the_visitors_address_and_https_never_a_forged_address(proxy):
    response = get(proxy, "/es/privacy/", **{"X-Forwarded-For": FORGED})

    assert response.status == 200  # no redirect to https: Django knows it is https
    # gunicorn writes the line once the response is sent: it may come a moment later.
    seen = "127.0.0.1 127.0.0.1 https /es/privacy/"
    wait_for(lambda: seen in proxy["log"].read_text().splitlines(), 5, "the access log")
    assert FORGED not in proxy["log"].read_text()


def test_plain_http_goes_to_https(proxy):
    connection = http.client.HTTPConnection("127.0.0.1", proxy["http"])
    connection.request("GET", "/es/jobs/", headers={"Host": "localhost"})
    response = connection.getresponse()
    assert response.status == 301
    assert response.getheader("Location") == "https://localhost/es/jobs/"


def test_docker_compose_publishes_only_the_proxy():
    """Anyone who reached gunicorn directly could write X-Forwarded-For themselves."""
    compose = (ROOT / "docker-compose.yml").read_text()
    services = compose.split("\nservices:\n")[1].split("\nvolumes:\n")[0]
    published = re.findall(r"\n  (\w+):\n(?:(?!\n  \w).)*?\n    ports:", services, re.S)
    assert published == ["proxy"]
    assert "TRUSTED_PROXY_COUNT: ${TRUSTED_PROXY_COUNT:-1}" in compose
