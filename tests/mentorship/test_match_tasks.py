"""The periodic work of matches, run by a real Celery worker: requests without an answer
expire and the seeker hears once; quiet matches are asked once per quiet spell. Both are in
beat's schedule."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.mentorship import services
from apps.mentorship.models import Match
from apps.mentorship.tasks import expire_match_requests, prompt_quiet_matches
from apps.notifications.models import Delivery
from portal.celery import app
from tests.accounts.factories import UserFactory
from tests.mentorship.helpers import listed_mentor

pytestmark = pytest.mark.redis


def test_beat_runs_the_match_tasks():
    tasks = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert {expire_match_requests.name, prompt_quiet_matches.name} <= tasks


def test_a_real_worker_expires_an_unanswered_request_and_tells_the_seeker_once(celery_worker):
    from tests.worker import wait_for

    mentor = listed_mentor()
    seeker = UserFactory(preferred_language="es", email="espera@example.org")
    match = services.match_request(user=seeker, mentor=mentor, goal="Ayuda")
    quiet = services.match_accept(
        user=mentor.user,
        match=services.match_request(user=UserFactory(email="callado@example.org"),
                                     mentor=mentor, goal="Oficio"),
    )  # fmt: skip
    Match.objects.filter(pk=match.pk).update(requested_at=timezone.now() - timedelta(days=15))
    Match.objects.filter(pk=quiet.pk).update(last_activity_at=timezone.now() - timedelta(days=61))

    expire_match_requests.delay()
    expire_match_requests.delay()  # the next tick, before the first is done
    prompt_quiet_matches.delay()

    wait_for(lambda: Match.objects.get(pk=match.pk).status == "expired", what="the expiry")
    wait_for(
        lambda: (
            Delivery.objects.filter(key__startswith="match-expired", status="sent").count() == 1
            and Delivery.objects.filter(key__startswith="match-quiet", status="sent").count() == 2
        ),
        what="the emails",
    )
    text = "".join(path.read_text() for path in celery_worker.email_dir.glob("*.log"))
    assert text.count("To: espera@example.org") == 1
    assert text.count("To: callado@example.org") == 2  # the match started; then the prompt
