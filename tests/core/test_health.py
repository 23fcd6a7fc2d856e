"""/healthz says the web process lives, with no I/O; /readyz says whether PostgreSQL and Redis
answer, over one reused connection, and answers within a second when Redis is down or hung."""

import pytest
import redis

from apps.core import views
from tests.core.test_resilience import SECOND, free_port, hung_server, within
from tests.worker import RedisServer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _own_clients(monkeypatch):
    """Each test builds its own clients (a port may be used again by a later test)."""
    monkeypatch.setattr(views, "_broker_clients", {}, raising=False)


@pytest.fixture
def broker_at(settings):
    def use(url: str) -> None:
        settings.REDIS_URL = settings.CELERY_BROKER_URL = url

    return use


@pytest.fixture
def own_redis():
    server = RedisServer(port=free_port()).start()
    yield server
    server.stop()


def test_healthz_answers_without_touching_the_database_or_redis(
    client, broker_at, django_assert_num_queries
):
    with hung_server() as url:
        broker_at(url)
        with within(0.2), django_assert_num_queries(0):
            response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_readyz_reports_the_database(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"]["database"] == "ok"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.redis
def test_readyz_reports_a_live_broker(client, broker_at, own_redis):
    broker_at(own_redis.url)
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "broker": "ok"}}


@pytest.mark.redis
def test_readyz_reuses_one_connection_to_redis(client, broker_at, own_redis):
    broker_at(own_redis.url)
    asker = redis.Redis.from_url(own_redis.url)
    before = asker.info("stats")["total_connections_received"]

    for _ in range(5):
        assert client.get("/readyz").status_code == 200

    assert asker.info("stats")["total_connections_received"] == before + 1


@pytest.mark.redis
def test_readyz_names_a_stopped_redis_fast(client, broker_at, own_redis):
    broker_at(own_redis.url)
    assert client.get("/readyz").status_code == 200
    own_redis.stop()

    with within(SECOND):
        response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json() == {
        "status": "error",
        "checks": {"database": "ok", "broker": "error: ConnectionError"},
    }


def test_readyz_names_a_hung_redis_within_a_second(client, broker_at):
    with hung_server() as url:
        broker_at(url)
        with within(SECOND):
            response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"]["broker"] == "error: TimeoutError"
    assert response.json()["checks"]["database"] == "ok"


def test_readyz_names_a_redis_nobody_listens_on(client, broker_at):
    broker_at(f"redis://127.0.0.1:{free_port()}/0")
    with within(SECOND):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["broker"] == "error: ConnectionError"
