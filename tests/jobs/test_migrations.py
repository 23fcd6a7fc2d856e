import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

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
