"""The Atom feed carries what partners wrote as text: a feed reader shows markup in a
description, it does not render it."""

from xml.etree import ElementTree

import pytest

from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_markup_in_a_description_arrives_as_text(client):
    JobFactory(title_en="Cook <i>now</i>", description_en='<b>Urgent</b> & <a href="x">apply</a>')

    feed = ElementTree.fromstring(client.get("/en/jobs/feed/").content)  # noqa: S314 (ours)

    [entry] = feed.findall(f"{ATOM}entry")
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "text"
    assert summary.text == '<b>Urgent</b> & <a href="x">apply</a>'
    title = entry.find(f"{ATOM}title")
    assert title.get("type", "text") == "text"
    assert title.text.startswith("Cook <i>now</i>")
