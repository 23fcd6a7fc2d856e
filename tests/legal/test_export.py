"""The HSDS data package, /api/hsds/datapackage.zip: a CSV file per HSDS table and a
datapackage.json, of the listed directory only, streamed as it is written."""

import csv
import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from apps.core.models import PublicationStatus
from apps.legal import hsds
from tests.legal.factories import LocationFactory, PhoneFactory, ProviderFactory, ScheduleFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def package(client, query: str = "") -> zipfile.ZipFile:
    response = client.get(f"/api/hsds/datapackage.zip?{query}")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/zip"
    assert response["Access-Control-Allow-Origin"] == "*"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def rows(archive: zipfile.ZipFile, table: str) -> list[dict]:
    return list(csv.DictReader(io.TextIOWrapper(archive.open(f"{table}.csv"), "utf-8")))


def test_the_package_holds_the_listed_directory_only(client):
    listed = ProviderFactory(organization__name="Listed", services=["asylum", "tps"],
                             languages=["es", "mam"])  # fmt: skip
    ScheduleFactory(location=listed.locations.get(), weekday=5)
    PhoneFactory(provider=listed, number="3125550100")
    LocationFactory(provider=listed, name="Second place")
    ProviderFactory(organization__name="Draft", status=PublicationStatus.DRAFT)
    ProviderFactory(organization__name="Expired", verified_at=timezone.now() - timedelta(days=400),
                    expires_on=timezone.localdate() - timedelta(days=1))  # fmt: skip
    ProviderFactory(organization__name="Revision", organization=listed.organization,
                    revision_of=listed, services=["vawa"])  # fmt: skip
    archive = package(client, "lang=en")
    descriptor = json.loads(archive.read("datapackage.json"))
    tables = [resource["name"] for resource in descriptor["resources"]]
    assert {"organization", "service", "location", "service_at_location", "phone", "schedule",
            "language", "cost_option", "address"} <= set(tables)  # fmt: skip
    assert sorted(archive.namelist()) == sorted(["datapackage.json", *(f"{t}.csv" for t in tables)])
    for resource in descriptor["resources"]:  # every file has the columns it declares
        header = next(csv.reader(io.TextIOWrapper(archive.open(resource["path"]), "utf-8")))
        assert header == [field["name"] for field in resource["schema"]["fields"]]
    assert [row["name"] for row in rows(archive, "organization")] == ["Listed"]
    services = rows(archive, "service")
    assert [row["name"] for row in services] == ["Asylum", "TPS (Temporary Protected Status)"]
    assert services[0]["id"] == hsds.service_id(listed.services.get(code="asylum"))
    assert len(rows(archive, "service_at_location")) == 4  # 2 services at 2 places
    assert [row["code"] for row in rows(archive, "language")] == ["es", "mam", "es", "mam"]
    assert [row["byday"] for row in rows(archive, "schedule")] == ["FR"]
    assert [row["number"] for row in rows(archive, "phone")] == ["(312) 555-0100"]
    for table in tables:  # ids are unique in each table
        ids = [row["id"] for row in rows(archive, table)]
        assert len(ids) == len(set(ids)), table


def test_the_command_writes_the_same_package(tmp_path, client):
    ProviderFactory(organization__name="Listed")
    call_command("export_hsds", str(tmp_path / "package.zip"), language="es")
    written = zipfile.ZipFile(tmp_path / "package.zip")
    assert rows(written, "service") == rows(package(client), "service")
