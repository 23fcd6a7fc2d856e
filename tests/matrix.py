"""The one check of a permission matrix row (tests/test_permissions.py and the apps' own
matrices): as `role`, `method` on `url` answers `expected`, where "login" is a redirect to
sign in. The row's placeholders are filled from `objects`."""

import pytest


def check_row(client, world, method, url, data, role, expected) -> None:
    people, objects = world
    if people[role]:
        client.force_login(people[role])
    if data:
        data = {key: value.format(**objects) for key, value in data.items()}
    response = getattr(client, method)(url.format(**objects), data)
    if expected == "login":
        assert response.status_code == 302
        assert response["Location"].startswith("/es/accounts/login/")
    else:
        assert response.status_code == expected
        if expected == 302:
            assert not response["Location"].startswith("/es/accounts/login/")


def matrix_cases(rows, roles) -> list:
    """A matrix's rows (method, url, data, an expectation per role) as one pytest case per
    role, named by method, URL and role."""
    return [
        pytest.param(method, url, data, role, expected, id=f"{method} {url} {role}")
        for method, url, data, expectations in rows
        for role, expected in zip(roles, expectations, strict=True)
    ]
