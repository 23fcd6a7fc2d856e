from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils.timezone import now

BEFORE = [("jobs", "0004_drop_expiry_notice_for")]
AFTER = [("jobs", "0005_taken_down")]


def migrate(jobs_target):
    """Every app at its latest migration, but jobs at this one; the models as they were."""
    executor = MigrationExecutor(connection)
    others = [node for node in executor.loader.graph.leaf_nodes() if node[0] != "jobs"]
    executor.migrate(others + jobs_target)
    return MigrationExecutor(connection).loader.project_state(others + jobs_target).apps


@pytest.fixture
def latest_afterwards():
    """Every app back at its latest migration after the test: the tests after it (and a real
    worker's) use the tables as the models have them now."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("latest_afterwards")
def test_jobs_staff_expired_by_hand_become_taken_down_and_expiries_by_date_stay():
    old = migrate(BEFORE)
    try:
        user = old.get_model("accounts", "User").objects.create(email="rosa@example.org")
        organization = old.get_model("organizations", "Organization").objects.create(
            name="Cocina", slug="cocina"
        )
        Job = old.get_model("jobs", "Job")
        AuditEntry = old.get_model("core", "AuditEntry")
        content_type = old.get_model("contenttypes", "ContentType").objects.get_or_create(
            app_label="jobs", model="job"
        )[0]
        fields = {"organization": organization, "category": "food", "status": "expired"}
        by_staff, by_date, republished = (Job.objects.create(**fields) for _ in range(3))
        for job, actor in [(by_staff, user), (by_date, None), (republished, user)]:
            AuditEntry.objects.create(
                content_type=content_type, object_id=job.pk, action="expire", actor=actor
            )
        # Expired by staff once, then expired by date after being published again.
        AuditEntry.objects.create(content_type=content_type, object_id=republished.pk,
                                  action="publish", actor=user)  # fmt: skip
        AuditEntry.objects.create(content_type=content_type, object_id=republished.pk,
                                  action="expire", actor=None)  # fmt: skip
    finally:
        new = migrate(AFTER)

    statuses = dict(new.get_model("jobs", "Job").objects.values_list("pk", "status"))
    assert statuses == {by_staff.pk: "taken_down", by_date.pk: "expired", republished.pk: "expired"}


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("latest_afterwards")
def test_search_entries_written_before_the_longitude_band_get_theirs():
    old = migrate([("jobs", "0015_search_indexes_for_counts")])
    try:
        organization = old.get_model("organizations", "Organization").objects.create(
            name="Cocina", slug="cocina"
        )
        Job = old.get_model("jobs", "Job")
        entry = {"published_at": "2026-12-01T12:00Z", "expires_on": "2027-01-01",
                 "search_title": "", "search_body": "", "category": "food",
                 "employment_type": "full_time", "work_authorization": "open",
                 "work_language": "spanish", "workplace": "onsite"}  # fmt: skip
        places = {  # Chicago, a mile west of a whole degree, and nowhere
            Job.objects.create(organization=organization, category="food").pk: (41.85, -87.72),
            Job.objects.create(organization=organization, category="food").pk: (41.76, -88.02),
            Job.objects.create(organization=organization, category="food").pk: (None, None),
        }
        for pk, (latitude, longitude) in places.items():
            old.get_model("jobs", "JobSearchEntry").objects.create(
                job_id=pk, latitude=latitude, longitude=longitude, **entry
            )
    finally:
        new = migrate([("jobs", "0016_place_by_longitude_band")])

    bands = dict(
        new.get_model("jobs", "JobSearchEntry").objects.values_list("pk", "longitude_band")
    )
    assert bands == dict(zip(places, [-88, -89, None], strict=True))
    if connection.vendor == "postgresql":  # ANALYZE counts the entries at the commonest places
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT stxkind::text, stxstattarget FROM pg_statistic_ext WHERE stxname = %s",
                ["jobs_jobsearchentry_place"],
            )
            assert cursor.fetchall() == [("{m}", 1000)]


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("latest_afterwards")
def test_a_persons_searches_with_the_same_filters_become_one_the_first_saved():
    """Before the unique constraint, saving a search twice kept it twice (each alert came
    twice), and filters repeated in a URL were kept in the order typed."""
    old = migrate([("jobs", "0019_place_index_newest_key")])
    try:
        User = old.get_model("accounts", "User")
        ana, luis = (User.objects.create(email=f"{name}@example.org") for name in ("ana", "luis"))
        SavedSearch = old.get_model("jobs", "SavedSearch")
        created = {}
        for days, user, name, query in [
            (9, ana, "Cook Houston", "q=cook&zip=77036"),
            (5, ana, "Cook Houston again", "q=cook&zip=77036"),
            (8, ana, "EAD", "authorization=open&authorization=ead"),
            (7, ana, "EAD again", "authorization=ead&authorization=open"),
            (6, ana, "Driver", "q=driver"),
            (4, luis, "Cook", "q=cook&zip=77036"),
        ]:
            search = SavedSearch.objects.create(
                user=user, name=name, query=query, created_at=now() - timedelta(days=days)
            )
            created[name] = search.pk
    finally:
        new = migrate([("jobs", "0020_saved_search_unique")])

    kept = new.get_model("jobs", "SavedSearch").objects.order_by("pk")
    assert list(kept.values_list("pk", "query")) == [
        (created["Cook Houston"], "q=cook&zip=77036"),
        (created["EAD"], "authorization=ead&authorization=open"),
        (created["Driver"], "q=driver"),
        (created["Cook"], "q=cook&zip=77036"),
    ]
