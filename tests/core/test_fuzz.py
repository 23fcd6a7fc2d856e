"""No input makes a page fail: every URL pattern of Camino, as anonymous, seeker, partner and
curator, gets random query parameters and random values in the fields of the forms that post
to it (random text, huge numbers, ids that are not ids, NUL bytes, very long values, and the
form's own choices), and answers below 500. The forms are found by reading every page, so a
new page or form is fuzzed without being listed here. A few examples per pattern keep it fast."""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apps.jobs.models import JobReport, SavedJob, SavedSearch
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.jobs.factories import JobFactory
from tests.organizations.factories import MembershipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "seeker", "partner", "curator"]
# Examples per pattern: more for Camino's own pages than for allauth's and the admin's.
EXAMPLES = {"admin/": 2, "accounts/": 3, "": 8}

BAD_VALUES = st.one_of(
    st.text(max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["abc", "", "-1", "0", "1.5", "1e400", "NaN", "-inf", "9" * 40, "\x00",
                     "1\x00", "%00", "../../etc/passwd", "<script>alert(1)</script>",
                     "' OR 1=1 --", "2026-02-30", "http://evil.example/", "//evil.example"]),
    st.integers(min_value=1_000, max_value=60_000).map(lambda size: "x" * size),
)  # fmt: skip


def url_patterns(resolver=None, prefix=""):
    """(route, name) of every URL pattern, regex or path, with its prefix."""
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            yield from url_patterns(entry, prefix + str(entry.pattern))
        else:
            yield prefix + str(entry.pattern), entry.name


ARGUMENT = re.compile(r"<(?:(\w+):)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def path_for(route: str, values: dict) -> str:
    """The path of a route with each argument replaced by a value for its name."""
    path = ARGUMENT.sub(lambda m: str(values.get(m[2] or m[3], values["other"])), route)
    return "/" + path.replace("^", "").replace("$", "").replace("\\", "")


class Forms(HTMLParser):
    """The forms of a page: method, where they post, their fields and the values offered."""

    def __init__(self, page: str):
        super().__init__()
        self.page, self.forms, self.select = page, [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            action = urlsplit(urljoin(self.page, attrs.get("action") or self.page)).path
            self.forms.append((attrs.get("method", "get").lower(), action, {}))
        elif self.forms and tag in ("input", "select", "textarea", "button") and attrs.get("name"):
            offered = self.forms[-1][2].setdefault(attrs["name"], set())
            if attrs.get("value"):
                offered.add(attrs["value"])
            self.select = offered if tag == "select" else None
        elif tag == "option" and self.select is not None and attrs.get("value"):
            self.select.add(attrs["value"])


@pytest.fixture
def world():
    partner = MembershipFactory()
    organization = partner.organization
    seeker = UserFactory()
    jobs = [JobFactory(organization=organization, created_by=partner.user, status=status)
            for status in ("published", "draft", "pending", "expired")]  # fmt: skip
    JobReport.objects.create(job=jobs[0], reason="scam", details="Pide dinero.")
    saved = SavedJob.objects.create(user=seeker, job=jobs[0])
    SavedSearch.objects.create(user=seeker, name="Cocina", query="q=cocinero")
    pending = OrganizationFactory(status="pending")
    partner.user.memberships.create(organization=pending)
    people = {"anonymous": None, "seeker": seeker, "partner": partner.user,
              "curator": CuratorFactory()}  # fmt: skip
    # What each kind of path argument may be: real objects first (the unfuzzed page).
    arguments = {
        "pk": [jobs[0].pk, *(job.pk for job in jobs[1:]), saved.pk],
        "object_id": [str(jobs[0].pk), str(organization.pk)],
        "slug": [organization.slug, pending.slug],
        "app_label": ["jobs", "organizations", "accounts"],
        "content_type_id": ["1"],
        "token": ["not-a-token"],
        "key": ["abc"],
        "uidb36": ["1"],
        "other": ["1"],  # an argument of another name (a new pattern's, say)
    }
    return people, arguments


def client_as(people: dict, role: str) -> Client:
    client = Client(raise_request_exception=True)
    if people[role]:
        client.force_login(people[role])
    return client


def crawl(people, routes) -> tuple[set, dict]:
    """Every page as every role: the names of GET parameters its forms use, and the fields
    of the forms that post to each path, with the values offered."""
    get_names, posted = {"page", "next"}, {}
    for role in ROLES:
        client = client_as(people, role)
        for path in routes.values():
            if "/admin/" in path and role != "curator":
                continue  # a redirect to sign in
            response = client.get(path)
            if "html" not in response.get("Content-Type", ""):
                continue
            parser = Forms(path)
            parser.feed(response.content.decode())
            for method, action, fields in parser.forms:
                if method == "get":
                    get_names |= set(fields)
                else:
                    for name, offered in fields.items():
                        posted.setdefault(action, {}).setdefault(name, set()).update(offered)
    return get_names, posted


def values_for(offered) -> st.SearchStrategy:
    value = st.one_of(st.sampled_from(sorted(offered)), BAD_VALUES) if offered else BAD_VALUES
    return st.one_of(value, st.lists(value, min_size=2, max_size=3))


def test_no_input_makes_a_page_fail(world):
    people, arguments = world
    patterns = sorted(set(url_patterns()), key=lambda pattern: "admin/" in pattern[0])
    first = {name: values[0] for name, values in arguments.items()}
    routes = {route: path_for(route, first) for route, _name in patterns}
    get_names, posted = crawl(people, routes)
    clients = {role: client_as(people, role) for role in ROLES}

    def fuzzer(route):
        examples = next(count for part, count in EXAMPLES.items() if part in route)

        @settings(max_examples=examples, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))  # fmt: skip
        @given(data=st.data())
        def fuzz(data):
            role = data.draw(st.sampled_from(ROLES), label="role")
            values = {name: data.draw(st.one_of(st.sampled_from(choices), BAD_VALUES.map(
                lambda value: re.sub(r"[/?#%\x00-\x20]", "", value)[:200] or "0")))
                for name, choices in arguments.items()}  # fmt: skip
            path = path_for(route, values)
            fields = posted.get(routes[route], {})
            client = clients[role]
            # A GET with the query parameters of the site's search forms, then, where forms
            # post to this page, a POST of their fields; each with a few random names too.
            for method, names in [("get", get_names), ("post", fields)][: 2 if fields else 1]:
                chosen = data.draw(st.lists(st.sampled_from(sorted(names)), unique=True))
                extra = data.draw(st.lists(st.text(min_size=1, max_size=8), max_size=2))
                params = {name: data.draw(values_for(fields.get(name) if method == "post"
                                                     else None), label=name)
                          for name in [*chosen, *extra]}  # fmt: skip
                if people[role]:
                    client.force_login(people[role])  # a fuzzed sign-out may have ended it
                response = getattr(client, method)(path, params)
                assert response.status_code < 500, (role, method, path, params)

        return fuzz

    for route, _name in patterns:
        fuzzer(route)()
