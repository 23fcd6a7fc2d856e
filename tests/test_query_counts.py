"""Every list and detail page runs an exact, known number of SQL queries, the same with few
rows as with many (the shared assert_query_count fixture in tests/conftest.py). A change in
a count here is a decision: a page that grows with its rows is a bug."""

import pytest
from django.utils import timezone

from apps.core.services import audit_record
from apps.events.models import Registration
from apps.events.registrations import calendar_feed_of, registration_create
from apps.jobs.models import JobReport, SavedJob, SavedSearch
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.events.factories import EventFactory, EventQuestionFactory
from tests.jobs.factories import JobFactory
from tests.organizations.factories import MembershipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

SEARCH = "q=ayudante&authorization=open&type=full_time&workplace=onsite&min_pay=10"
NEAR = "zip=60623&radius=25&sort=nearest"
EVENT_SEARCH = "q=taller&kind=workshop&no_id=on&free=on&language=es&when=month&seats=on"

# (who is signed in, page, SQL queries). {job} is a published job of the member's
# organization, {draft} a draft of it and {org} that organization.
PAGES = [
    ("anonymous", "/es/", 0),
    ("seeker", "/es/", 2),
    ("anonymous", "/es/privacy/", 0),
    # the page and its capped count in one query (apps.core.search.entries_page), the jobs
    ("anonymous", "/es/jobs/", 2),
    ("anonymous", f"/es/jobs/?{SEARCH}", 2),
    # nearest first: the page and its count in one query (apps.core.search.entries_page)
    ("anonymous", f"/es/jobs/?{NEAR}&page=2", 2),
    ("seeker", f"/es/jobs/?{SEARCH}&sort=pay", 4),
    ("anonymous", "/es/jobs/work-authorization/", 0),
    ("anonymous", f"/es/jobs/feed/?{SEARCH}", 2),
    ("anonymous", "/es/jobs/{job}/", 1),
    ("member", "/es/jobs/{job}/", 4),
    ("member", "/es/jobs/mine/", 4),
    ("member", "/es/jobs/{job}/manage/", 7),
    ("curator", "/es/jobs/{job}/manage/", 8),
    ("member", "/es/jobs/new/", 5),
    ("member", "/es/jobs/{draft}/edit/", 5),
    ("member", "/es/jobs/{job}/renew/", 9),
    ("curator", "/es/jobs/review/", 8),
    ("curator", "/es/review/", 16),  # each queue: its oldest and its count (trainings too)
    ("member", "/es/accounts/my-data/", 45),  # one query per kind of data with rows
    ("curator", "/es/jobs/reports/", 6),
    ("member", "/es/jobs/saved/", 4),
    ("member", "/es/jobs/searches/", 3),
    ("anonymous", "/es/organizations/{org}/", 5),  # with a section per app (jobs, events...)
    ("member", "/es/organizations/mine/", 3),
    ("member", "/es/organizations/register/", 2),
    ("member", "/es/notifications/preferences/", 3),
    ("anonymous", "/es/events/", 2),
    ("anonymous", f"/es/events/?{EVENT_SEARCH}", 2),
    ("anonymous", f"/es/events/?{NEAR}&page=2", 2),
    ("seeker", f"/es/events/?{EVENT_SEARCH}&where=in_person", 4),
    ("anonymous", "/es/events/{event}/", 1),
    ("seeker", "/es/events/{event}/", 5),  # with the registration form and its questions
    ("anonymous", "/es/events/{event}/calendar.ics", 1),
    ("member", "/es/events/{event}/manage/", 6),
    ("curator", "/es/events/{event}/manage/", 7),
    ("member", "/es/events/new/", 5),
    ("member", "/es/events/mine/", 4),
    ("anonymous", f"/es/events/feed/?{EVENT_SEARCH}", 2),
    ("member", "/es/events/{event_draft}/edit/", 6),
    ("member", "/es/events/{event}/move/", 3),
    ("curator", "/es/review/events/", 6),
    # registering: {event} has people registered, waiting and checked in; the seeker is
    # registered for many events
    ("seeker", "/es/events/{event}/register/", 4),
    ("seeker", "/es/events/registered/", 5),
    ("anonymous", "/es/events/calendar/{feed}.ics", 2),
    ("member", "/es/events/{event}/registrations/", 7),
    ("member", "/es/events/{event}/registrations.csv", 5),
    ("member", "/es/events/{event}/message/", 3),
    ("member", "/es/events/{event}/check-in/", 5),
    ("curator", "/es/events/{event}/check-in/?q=a", 7),
]


@pytest.mark.parametrize(("who", "url", "expected"), PAGES)
def test_page_runs_a_fixed_number_of_queries(client, assert_query_count, who, url, expected):
    membership = MembershipFactory()
    member, organization = membership.user, membership.organization
    seeker, curator = UserFactory(), CuratorFactory()
    job = JobFactory(organization=organization)
    draft = JobFactory(organization=organization, status="draft")
    event = EventFactory(organization=organization, capacity=30, seats_left=12)
    event_draft = EventFactory(organization=organization, status="draft")
    people = {"anonymous": None, "seeker": seeker, "member": member, "curator": curator}

    def grow(count: int) -> None:
        """`count` more of everything the pages show: published jobs (saved, reported and
        handled), jobs waiting for review, saved searches, organizations of the member and
        entries in the job's history."""
        saved = SavedSearch.objects.count()
        for published in JobFactory.create_batch(count, organization=organization):
            SavedJob.objects.create(user=member, job=published)
            JobReport.objects.create(job=published, reporter=seeker, reason="scam")
            JobReport.objects.create(
                job=published, reason="other", resolved_by=curator, resolved_at=timezone.now()
            )
        JobFactory.create_batch(count, organization=organization, status="pending")
        for number in range(count):
            SavedSearch.objects.create(  # a person saves the same filters once
                user=member, name=f"Búsqueda {number}", query=f"{SEARCH}&radius={saved + number}"
            )
            MembershipFactory(user=member, organization=OrganizationFactory())
            audit_record(actor=curator, subject=job, action="publish", note=f"{number}")
            audit_record(actor=curator, subject=event, action="publish", note=f"{number}")
            EventQuestionFactory(event=event)
            EventQuestionFactory(event=event_draft)
        EventFactory.create_batch(count, organization=organization)
        EventFactory.create_batch(count, organization=organization, status="pending")
        for registered in EventFactory.create_batch(count, organization=organization):
            registration_create(user=seeker, event=registered)
        for number, person in enumerate(UserFactory.create_batch(count, display_name="Ana")):
            registration = registration_create(user=person, event=event, answers={"1": "Sí"})
            if number % 2 and registration.status == "registered":
                Registration.objects.filter(pk=registration.pk).update(status="attended")

    if people[who]:
        client.force_login(people[who])
    assert_query_count(
        url.format(
            job=job.pk,
            draft=draft.pk,
            org=organization.slug,
            event=event.pk,
            event_draft=event_draft.pk,
            feed=calendar_feed_of(seeker).token,
        ),
        expected,
        grow,
    )


def test_the_feed_honours_the_search_filters(client):
    JobFactory(title_en="Open cook", title_es="", work_authorization="open")
    JobFactory(title_en="EAD cook", title_es="", work_authorization="ead")
    JobFactory(title_en="Open driver", title_es="", work_authorization="open")

    feed = client.get("/en/jobs/feed/?q=cook&authorization=open")

    assert feed["Content-Type"].startswith("application/atom+xml")
    body = feed.content.decode()
    assert "Open cook · Open to all" in body
    assert "EAD cook" not in body and "Open driver" not in body
