from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView, TemplateView

from apps.accounts.http import AuthenticatedHttpRequest
from apps.accounts.models import User
from apps.accounts.services import user_set_language, user_set_time_zone
from apps.notifications.forms import PreferencesForm
from apps.notifications.models import EmailPreferences
from apps.notifications.registry import email_topics
from apps.notifications.services import preferences_update
from apps.notifications.unsubscribe import read_token


class PreferencesView(LoginRequiredMixin, FormView):
    request: AuthenticatedHttpRequest

    template_name = "notifications/preferences.html"
    form_class = PreferencesForm

    def get_form_kwargs(self):
        user = self.request.user
        return {
            **super().get_form_kwargs(),
            "preferences": EmailPreferences.objects.filter(user=user).first()
            or EmailPreferences(user=user),
            "initial": {
                "preferred_language": user.preferred_language,
                "time_zone": user.time_zone,
            },
            "is_staff": user.is_staff,
        }

    def form_valid(self, form):
        user = self.request.user
        preferences_update(user_id=user.pk, **form.choices())
        user_set_language(user=user, language=form.cleaned_data["preferred_language"])
        user_set_time_zone(user=user, time_zone=form.cleaned_data["time_zone"])
        messages.success(self.request, _("Your email preferences are saved."))
        return HttpResponseRedirect(reverse("notifications:preferences"))


@method_decorator(csrf_exempt, name="dispatch")  # the signed token is the authorization
class UnsubscribeView(TemplateView):
    """GET asks for a click (link checkers in mail systems open links); POST, from that
    button or from a mail program's one-click unsubscribe (RFC 8058), does it. Doing it
    twice is the same as once. The page never shows the address: the link may have been
    forwarded."""

    template_name = "notifications/unsubscribe.html"

    def dispatch(self, request, token, *args, **kwargs):
        found = read_token(token)
        user_id, topic = found or (None, "")
        person = None
        if user_id is not None and topic in email_topics:
            person = User.objects.filter(pk=user_id, is_active=True).first()
        if person is None:
            # Expired, damaged or forged: say so, and where to choose emails instead.
            return self.render_to_response({"invalid": True}, status=404)
        self.person, self.topic = person, topic
        return super().dispatch(request, token, *args, **kwargs)

    def post(self, request, token):
        preferences_update(user_id=self.person.pk, **{self.topic: False})
        return self.render_to_response(self.get_context_data(done=True))

    def get_context_data(self, **kwargs):
        return super().get_context_data(topic=email_topics[self.topic], **kwargs)
