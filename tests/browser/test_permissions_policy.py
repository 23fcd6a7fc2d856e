"""Chromium itself applies Camino's Permissions-Policy: a page cannot use the camera, the
microphone or the location, and can still go full screen."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("path", ["/es/", "/en/jobs/"])
def test_the_browser_refuses_camera_microphone_and_location(page, path):
    page.goto(path)
    allowed = page.evaluate(
        "['camera', 'microphone', 'geolocation', 'payment', 'usb', 'fullscreen']"
        ".filter(feature => document.featurePolicy.allowsFeature(feature))"
    )
    assert allowed == ["fullscreen"]
    location = page.evaluate(
        """new Promise(done => navigator.geolocation.getCurrentPosition(
            () => done("given"),
            error => done(error.code === error.PERMISSION_DENIED ? "denied" : "other"),
        ))"""
    )
    assert location == "denied"
