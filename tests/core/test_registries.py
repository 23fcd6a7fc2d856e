"""Apps plug into the shared pieces by registering; core and notifications list no app."""

from contextlib import contextmanager

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from apps.core.registry import HomeEntry, NavigationEntry, Registry, home_entries, navigation
from apps.notifications.models import EmailPreferences
from apps.notifications.registry import (
    EmailTopic,
    SummaryPart,
    email_topics,
    summary_sections,
)
from apps.notifications.services import preferences_update, topics_wanted
from tests.accounts.factories import CuratorFactory, UserFactory

pytestmark = pytest.mark.django_db


@contextmanager
def registered(registry: Registry, key: str, entry):
    """An entry registered for the length of a test, as an app's ready() would."""
    registry.register(key, entry)
    try:
        yield entry
    finally:
        registry.unregister(key)


def test_a_key_registered_twice_with_different_entries_is_a_mistake():
    registry = Registry("test")
    registry.register("a", 1)
    registry.register("a", 1)  # ready() running again changes nothing
    with pytest.raises(ImproperlyConfigured):
        registry.register("a", 2)


def test_home_and_navigation_promise_only_what_is_installed(client):
    page = client.get("/es/").content.decode()
    parts = ("jobs", "events", "mentoring", "legal", "careers/credentials")
    assert all(f'href="/es/{part}/"' in page for part in parts)
    assert "Aprendizajes" not in page

    later_app = NavigationEntry("Aprendizajes", "core:privacy")
    card = HomeEntry("Aprendizajes", "Programas pagados", "core:privacy", "Ver programas")
    with (
        registered(navigation, "apprenticeships", later_app),
        registered(home_entries, "apprenticeships", card),
    ):
        page = client.get("/es/").content.decode()
    assert page.count("Aprendizajes") == 2 and "Programas pagados" in page


def test_a_new_topic_needs_no_new_column_and_appears_on_the_preferences_page(client):
    user = UserFactory(preferred_language="en")
    client.force_login(user)
    topic = EmailTopic("Reminders of my mentoring sessions", default=True)
    with registered(email_topics, "session_reminders", topic):
        page = client.get("/en/notifications/preferences/").content.decode()
        assert "Reminders of my mentoring sessions" in page
        # Left unticked: turned off, stored beside the other topics.
        client.post(
            "/en/notifications/preferences/",
            {"job_alerts": "on", "preferred_language": "en", "time_zone": "America/Chicago"},
        )
        preferences = EmailPreferences.objects.get(user=user)
        assert preferences.choices["session_reminders"] is False
        assert preferences.wants("job_alerts") is True
    assert not user.email_preferences.wants("listing_notices")


def test_topics_default_until_a_person_chooses():
    undecided, declined, subscribed = UserFactory(), UserFactory(), UserFactory()
    preferences_update(user_id=declined.pk, job_alerts=False)
    preferences_update(user_id=subscribed.pk, weekly_digest=True)
    wanted = topics_wanted([undecided.pk, declined.pk, subscribed.pk])

    assert wanted(undecided.pk, "job_alerts") and not wanted(declined.pk, "job_alerts")
    assert wanted(subscribed.pk, "job_alerts")  # a choice about one topic leaves the others
    assert wanted(subscribed.pk, "weekly_digest") and not wanted(undecided.pk, "weekly_digest")
    with pytest.raises(ValueError):
        preferences_update(user_id=undecided.pk, no_such_topic=True)


def test_the_staff_summary_gathers_every_registered_section(django_capture_on_commit_callbacks):
    from django.core import mail

    from apps.notifications.summary import staff_summaries_queue

    curator = CuratorFactory(preferred_language="en")

    class Apprenticeships:  # a hypothetical app's section (events has a real one)
        def collect(self):
            return SummaryPart("testapp/email/summary_events.txt", {"count": 2}, waiting=2)

    with (
        registered(summary_sections, "apprenticeships", Apprenticeships),
        django_capture_on_commit_callbacks(execute=True),
    ):
        staff_summaries_queue(now=timezone.now())

    (message,) = mail.outbox
    assert message.to == [curator.email]
    assert message.subject == "Camino today: 2 waiting for review, 0 open reports"
    assert "2 events waiting for review" in message.body
