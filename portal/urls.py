from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from apps.accounts.language import switch_language
from apps.core import views as core_views

# The admin has no login of its own: it sends people through allauth (rate limits, MFA).
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("readyz", core_views.readyz, name="readyz"),
    path("favicon.ico", core_views.favicon),
    path("i18n/setlang/", switch_language, name="set_language"),
    # Open data: the legal help directory as HSDS 3.0 (no language prefix: `lang` chooses).
    path("api/hsds/", include("apps.legal.api_urls")),
    *i18n_patterns(
        path("", include("apps.core.urls")),
        # Camino's own account pages first: allauth's include below takes the rest.
        path("accounts/", include("apps.accounts.urls")),
        path("accounts/", include("allauth.urls")),
        path("organizations/", include("apps.organizations.urls")),
        path("jobs/", include("apps.jobs.urls")),
        path("events/", include("apps.events.urls")),
        path("mentoring/", include("apps.mentorship.urls")),
        path("legal/", include("apps.legal.urls")),
        path("careers/", include("apps.certifications.urls")),
        path("notifications/", include("apps.notifications.urls")),
        path("curation/", include("apps.curation.urls")),
        path("admin/", admin.site.urls),
    ),
]
