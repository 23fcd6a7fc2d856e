"""The one queue: each app's items come for the right reason and leave when handled, the
filters, the order (reports first, then the oldest) and a fixed number of queries."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from apps.core.curation import Reason, curation_reasons
from apps.core.services import publication_transition
from apps.core.verification import checked_confirm, checked_types
from apps.curation.items import item_ref
from apps.curation.queue_selectors import PAGE_SIZE, QueueFilters, queue_page
from apps.curation.queue_services import claim_take
from apps.jobs.models import JobReport
from apps.jobs.services import job_report_resolve
from apps.mentorship.models import Match, MatchReport
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.certifications.factories import StateRuleFactory, TrainingFactory
from tests.events.factories import EventFactory
from tests.jobs.factories import JobFactory
from tests.legal.factories import ProviderFactory
from tests.mentorship.factories import ApplicationFactory, MentorFactory
from tests.organizations.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def ago(**delta):
    return timezone.now() - timedelta(**delta)


def pending(factory, days=1, **fields):
    return factory(status="pending", published_at=None, submitted_at=ago(days=days), **fields)


def reasons_of(user, **filters) -> list[tuple[str, str]]:
    rows, _next = queue_page(QueueFilters(**filters), user=user)
    return [(row.ref, row.entry.reason) for row in rows]


@pytest.fixture
def curator():
    return CuratorFactory()


def test_every_app_registers_its_reasons():
    keys = set(curation_reasons.keys())
    assert {
        "jobs.job:waiting", "jobs.job:reported", "jobs.job:untranslated", "jobs.job:expiring",
        "events.event:waiting", "certifications.training:waiting",
        "certifications.training:expiring", "legal.provider:waiting", "legal.provider:reported",
        "legal.provider:stale", "certifications.staterule:stale",
        "mentorship.mentorprofile:waiting", "mentorship.matchreport:reported",
    } <= keys  # fmt: skip
    # events are listed until they happen: nobody renews them, so none is "expiring"
    assert "events.event:expiring" not in keys


def test_items_waiting_for_review_come_and_leave_once_published(curator):
    items = [
        pending(JobFactory), pending(EventFactory), pending(TrainingFactory),
        pending(ProviderFactory), pending(ApplicationFactory),
    ]  # fmt: skip
    waiting = {item_ref(item) for item in items}
    assert {ref for ref, reason in reasons_of(curator) if reason == Reason.WAITING} == waiting
    publication_transition(actor=curator, item=items[0], action="publish")
    assert (item_ref(items[0]), Reason.WAITING) not in reasons_of(curator)


def test_reported_jobs_and_conduct_reports_come_first_and_leave_when_handled(curator):
    old = pending(JobFactory, days=30)
    job = JobFactory()
    report = JobReport.objects.create(job=job, reason="scam", created_at=ago(hours=1))
    JobReport.objects.create(job=job, reason="other", created_at=ago(hours=2))
    match = Match.objects.create(mentor=MentorFactory(), mentee=UserFactory(), status="active")
    conduct = MatchReport.objects.create(match=match, reporter_side="mentee", reason="money")

    with translation.override("en"):
        rows, _next = queue_page(QueueFilters(), user=curator)
        assert [row.ref for row in rows[:3]] == [item_ref(job), item_ref(conduct), item_ref(old)]
        assert rows[0].note == "2 open reports"

    job_report_resolve(actor=curator, report=report)
    JobReport.objects.filter(job=job).update(resolved_at=timezone.now())
    MatchReport.objects.filter(pk=conduct.pk).update(resolved_at=timezone.now())
    assert reasons_of(curator, reason=Reason.REPORTED) == []


def test_a_reported_item_is_one_row_dated_by_its_oldest_open_report(curator):
    organization = OrganizationFactory()
    job = JobFactory(organization=organization)
    JobReport.objects.create(
        job=job, reason="scam", created_at=ago(days=9), resolved_at=ago(days=8)
    )
    JobReport.objects.create(job=job, reason="scam", created_at=ago(days=3))
    JobReport.objects.create(job=job, reason="other", created_at=ago(days=1))
    elsewhere = JobFactory()
    JobReport.objects.create(job=elsewhere, reason="scam", created_at=ago(days=5))

    with translation.override("en"):
        rows, _next = queue_page(QueueFilters(reason=Reason.REPORTED), user=curator)
        assert [str(row.note) for row in rows] == ["1 open report", "2 open reports"]
    assert [row.ref for row in rows] == [item_ref(elsewhere), item_ref(job)]
    assert (
        rows[1].since == JobReport.objects.get(job=job, reason="scam", resolved_at=None).created_at
    )
    # the filters reach reported items through their reports
    assert reasons_of(curator, reason="reported", organization=organization) == [
        (item_ref(job), Reason.REPORTED)
    ]
    assert reasons_of(curator, reason="reported", older_than=4) == [
        (item_ref(elsewhere), Reason.REPORTED)
    ]
    claim_take(actor=curator, item=job)
    assert reasons_of(curator, reason="reported", claimant="me") == [
        (item_ref(job), Reason.REPORTED)
    ]
    assert reasons_of(curator, reason="reported", claimant="nobody") == [
        (item_ref(elsewhere), Reason.REPORTED)
    ]


def test_stale_items_come_and_leave_once_checked(curator):
    rule = StateRuleFactory(checked_at=ago(days=800))
    provider = ProviderFactory(verified_at=ago(days=300))
    stale = reasons_of(curator, reason=Reason.STALE)
    assert {item_ref(rule), item_ref(provider)} <= {ref for ref, _reason in stale}
    checked_confirm(actor=curator, kind=checked_types["certifications-rules"], item=rule)
    assert item_ref(rule) not in {ref for ref, _reason in reasons_of(curator, reason="stale")}


def test_published_items_missing_a_language_and_listings_ending_soon(curator):
    gap = JobFactory(description_es="")
    whole = JobFactory(expires_on=timezone.localdate() + timedelta(days=30))
    ending = JobFactory(expires_on=timezone.localdate() + timedelta(days=2))
    mentor = MentorFactory(helps_with_en="")
    rows = reasons_of(curator)
    assert (item_ref(gap), Reason.UNTRANSLATED) in rows
    assert (item_ref(mentor), Reason.UNTRANSLATED) in rows
    assert (item_ref(ending), Reason.EXPIRING) in rows
    assert not [ref for ref, _reason in rows if ref == item_ref(whole)]
    with translation.override("en"):
        queue, _next = queue_page(QueueFilters(reason=Reason.UNTRANSLATED), user=curator)
        assert {str(row.note) for row in queue} == {"Missing: Spanish", "Missing: English"}


def test_filters_by_kind_age_organization_and_claimant(curator):
    colleague = CuratorFactory()
    organization = OrganizationFactory()
    mine = pending(JobFactory, days=10, organization=organization)
    theirs = pending(JobFactory, days=1)
    event = pending(EventFactory, days=20, organization=organization)
    claim_take(actor=curator, item=mine)
    claim_take(actor=colleague, item=theirs)

    def refs(**filters):
        return [ref for ref, _reason in reasons_of(curator, **filters)]

    assert refs(kind="events.event") == [item_ref(event)]
    assert refs(older_than=5) == [item_ref(event), item_ref(mine)]
    assert refs(organization=organization) == [item_ref(event), item_ref(mine)]
    assert refs(claimant="me") == [item_ref(mine)]
    assert refs(claimant=str(colleague.pk)) == [item_ref(theirs)]
    assert refs(claimant="nobody") == [item_ref(event)]


def test_the_organization_filter_takes_a_name_or_a_rows_link(client, curator):
    casa = OrganizationFactory(name="Casa Latina")
    OrganizationFactory(name="Casa del Pueblo")
    cocina = OrganizationFactory(name="Cocina Unida")
    theirs = pending(JobFactory, organization=cocina)
    other = pending(JobFactory, organization=casa)
    client.force_login(curator)

    def page(query):
        return client.get(f"/en/curation/?{query}").content.decode()

    typed = page("organization=cocina")
    assert item_ref(theirs) in typed and item_ref(other) not in typed
    # a row's link names the organization by number; the box then shows its name
    linked = page(f"organization={casa.pk}")
    assert item_ref(other) in linked and item_ref(theirs) not in linked
    assert 'name="organization" value="Casa Latina"' in linked
    # a name several share is said with the names, the typed text and the rest kept
    several = page("organization=casa&kind=jobs.job")
    said = several.split("Several organizations match “casa” (")[1].split("): type more")[0]
    assert sorted(said.split(", ")) == ["Casa Latina", "Casa del Pueblo"]
    assert 'value="casa"' in several
    assert item_ref(theirs) in several and item_ref(other) in several
    with translation.override("es"):
        nothing = client.get("/es/curation/?organization=Nadie").content.decode()
    assert "Ninguna organización se llama «Nadie» ni lo lleva en su nombre." in nothing
    # a box to type in, not a list of every organization
    assert '<input type="text" name="organization"' in typed
    assert '<select name="organization"' not in typed


def test_pages_are_bounded_and_ordered(curator):
    for days in range(PAGE_SIZE + 5):
        pending(JobFactory, days=days + 1)
    first, has_next = queue_page(QueueFilters(), user=curator)
    second, after = queue_page(QueueFilters(), user=curator, page=2)
    assert (len(first), has_next, len(second), after) == (PAGE_SIZE, True, 5, False)
    ages = [row.since for row in first + second]
    assert ages == sorted(ages)


def test_the_page_shows_rows_with_checkboxes_and_filters_from_the_url(client, curator):
    job = pending(JobFactory)
    client.force_login(curator)
    page = client.get("/en/curation/?kind=jobs.job&older_than=nope").content.decode()
    assert f'<input type="checkbox" name="item" value="{item_ref(job)}"' in page
    assert "Enter a whole number." in page  # the bad filter is said; the others still apply
    assert 'formaction="/en/curation/claims/take/"' in page


def test_the_queue_answers_in_a_fixed_number_of_queries(client, curator, assert_query_count):
    organization = OrganizationFactory()

    def grow(count):
        # Every kind the same age, older by number: the page holds every kind at each size.
        for number in range(count):
            days = 1000 - number
            job = pending(JobFactory, days=days, organization=organization)
            claim_take(actor=curator, item=job)
            JobReport.objects.create(job=JobFactory(organization=organization), reason="scam")
            JobFactory(description_es="", expires_on=timezone.localdate())
            pending(EventFactory, days=days, organization=organization)
            pending(ApplicationFactory, days=days)
            StateRuleFactory(checked_at=ago(days=days))

    client.force_login(curator)
    # the reasons' keys, merged (1); the page's items, one per kind on it (4: jobs, events,
    # mentor applications, state rules); their claims; the colleagues; the rest is the
    # signed-in curator's (session, user, groups, lead?)
    assert_query_count("/es/curation/", 12, grow)


def test_an_app_may_declare_its_reasons_again():
    from django.apps import apps

    for label in ("jobs", "events", "mentorship", "certifications"):
        apps.get_app_config(label).ready()  # as when ready() runs twice: no error
