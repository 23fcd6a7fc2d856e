"""Checking again (apps.core.verification), through a type that only declares itself:
tests.testapp's Leaflet (a model and one CheckedType in its AppConfig.ready)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from apps.core.models import AuditEntry
from apps.core.verification import checked_types, overdue
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.testapp.models import Leaflet

pytestmark = pytest.mark.django_db


def leaflet(title, *, days_ago=None, listed=True):
    checked = timezone.now() - timedelta(days=days_ago) if days_ago is not None else None
    return Leaflet.objects.create(title=title, checked_at=checked, listed=listed)


def test_overdue_items_come_never_checked_first_then_oldest_check_first():
    leaflet("Fresh", days_ago=10)
    old, older = leaflet("Old", days_ago=200), leaflet("Older", days_ago=400)
    never = leaflet("Never")
    leaflet("Unlisted", days_ago=900, listed=False)  # not kept checked

    assert list(overdue(checked_types["leaflets"])) == [never, older, old]


def test_the_period_is_read_when_asked(settings):
    leaflet("Checked 100 days ago", days_ago=100)
    assert not overdue(checked_types["leaflets"]).exists()

    settings.TESTAPP_LEAFLET_DAYS = 90
    assert overdue(checked_types["leaflets"]).count() == 1


def test_staff_confirm_an_item_is_still_correct_and_it_leaves_the_queue(client):
    curator = CuratorFactory(display_name="Rosa")
    item = leaflet("Horario de la clínica", days_ago=300)
    client.force_login(curator)

    page = client.get("/en/review/stale/").content.decode()
    assert "Horario de la clínica" in page and "Leaflets (1)" in page

    response = client.post(f"/en/review/stale/leaflets/{item.pk}/", {"note": "Called them"})

    assert response.status_code == 302 and response["Location"] == "/en/review/stale/leaflets/"
    item.refresh_from_db()
    assert item.checked_by == curator
    assert timezone.now() - item.checked_at < timedelta(minutes=1)
    entry = AuditEntry.objects.get(object_id=item.pk, action="still_correct")
    assert entry.actor == curator and entry.note == "Called them"
    followed = client.get(response["Location"]).content.decode()
    assert "Marked as checked today" in followed
    assert "Everything has been checked within its period." in followed


def test_the_stale_queue_speaks_spanish(client):
    leaflet("Folleto", days_ago=300)
    client.force_login(CuratorFactory())

    page = client.get("/es/review/stale/").content.decode()

    assert "Para revisar de nuevo" in page and "Sigue siendo correcto" in page
    assert "Nunca" not in page  # it was checked once


def test_only_staff_see_the_queue_and_confirm(client):
    item = leaflet("Folleto", days_ago=300)
    assert client.get("/es/review/stale/")["Location"].startswith("/es/accounts/login/")
    client.force_login(UserFactory())

    assert client.get("/es/review/stale/").status_code == 403
    assert client.post(f"/es/review/stale/leaflets/{item.pk}/").status_code == 403
    item.refresh_from_db()
    assert item.checked_by is None


def test_unknown_kinds_and_items_are_not_found(client):
    hidden = leaflet("Unlisted", days_ago=300, listed=False)
    client.force_login(CuratorFactory())

    assert client.get("/es/review/stale/nothing/").status_code == 404
    assert client.post("/es/review/stale/nothing/1/").status_code == 404
    assert client.post("/es/review/stale/leaflets/999999/").status_code == 404
    assert client.post(f"/es/review/stale/leaflets/{hidden.pk}/").status_code == 404
    assert client.get(f"/es/review/stale/leaflets/{hidden.pk}/").status_code == 405


@pytest.mark.parametrize("size", [2, 30])
def test_the_stale_pages_cost_the_same_whatever_their_size(client, django_assert_num_queries, size):
    checker = CuratorFactory()
    client.force_login(checker)
    for number in range(size):
        item = leaflet(f"Leaflet {number}", days_ago=300 + number)
        Leaflet.objects.filter(pk=item.pk).update(checked_by=checker)

    # session, user and the staff member's MFA, then per type its rows (with who checked
    # them) and its count
    with django_assert_num_queries(6):
        assert client.get("/es/review/stale/").status_code == 200
    with django_assert_num_queries(6):
        assert client.get("/es/review/stale/leaflets/?page=2").status_code == 200


def test_the_staff_summary_counts_what_to_check_again(django_capture_on_commit_callbacks):
    from apps.notifications.summary import staff_summaries_queue

    CuratorFactory(preferred_language="es")
    leaflet("Folleto", days_ago=300)
    leaflet("Otro", days_ago=None)

    with django_capture_on_commit_callbacks(execute=True):
        staff_summaries_queue(now=timezone.now())

    (message,) = mail.outbox
    assert "Para revisar de nuevo" in message.body
    assert "* Leaflets: 2" in message.body
    assert "/es/review/stale/" in message.body
