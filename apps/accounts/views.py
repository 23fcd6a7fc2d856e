from allauth.account.decorators import reauthentication_required
from allauth.account.forms import ReauthenticateForm
from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from apps.accounts.http import AuthenticatedHttpRequest
from apps.accounts.services import account_delete, personal_data_export
from apps.core.review import Table


def readable(value):
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    return "" if value is None else value


@method_decorator([login_required, never_cache], name="dispatch")
class PersonalDataView(TemplateView):
    """Everything Camino holds about the person, as a page in their language."""

    template_name = "accounts/personal_data.html"
    request: AuthenticatedHttpRequest

    def get_context_data(self, **kwargs):
        sections = []
        for entry, rows in personal_data_export(user=self.request.user):
            # On a phone each row reads as lines under its columns' names, instead of making
            # the page wider than the screen; on a wider screen a wide table scrolls alone.
            table = Table(
                caption=entry.title, headers=tuple(label for _key, label in entry.columns),
                row_template="accounts/includes/data_row.html", empty=_("Nothing."), stack=True,
            )  # fmt: skip
            cells = [[(label, readable(row[key])) for key, label in entry.columns] for row in rows]
            sections.append({"title": entry.title, "table": table, "rows": cells})
        return super().get_context_data(sections=sections, **kwargs)


@method_decorator([login_required, never_cache], name="dispatch")
class PersonalDataDownloadView(View):
    """The same, as a JSON file: keys stay the same in every language, values are in the
    language of the page it was asked from."""

    def get(self, request):
        data = {entry.name: rows for entry, rows in personal_data_export(user=request.user)}
        response = JsonResponse(
            {"exported_at": timezone.now(), "language": get_language(), **data},
            json_dumps_params={"indent": 2, "ensure_ascii": False},
        )
        day = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="camino-my-data-{day}.json"'
        return response


def without_password(request) -> bool:
    return not request.user.has_usable_password()


@method_decorator(login_required, name="dispatch")
# People who sign in by emailed code have no password to type: they confirm through allauth's
# reauthentication (a code), after which this request is replayed.
@method_decorator(
    reauthentication_required(allow_get=True, enabled=without_password), name="dispatch"
)
class AccountDeleteView(FormView):
    request: AuthenticatedHttpRequest
    template_name = "accounts/account_delete.html"

    def get_form_class(self):
        return forms.Form if without_password(self.request) else ReauthenticateForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if not without_password(self.request):
            kwargs["user"] = self.request.user
        return kwargs

    def form_valid(self, form):
        account_delete(user=self.request.user)
        logout(self.request)
        messages.success(self.request, _("Your account and your personal data are deleted."))
        return redirect("core:home")
