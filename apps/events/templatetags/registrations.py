from django import template

from apps.events.models import Event, Registration, RegistrationStatus
from apps.events.registration_forms import RegistrationForm
from apps.events.registrations import registration_refusal

register = template.Library()


@register.inclusion_tag("events/includes/registration_box.html", takes_context=True)
def registration_box(context, event: Event) -> dict:
    """On an event's page: the person's registration (their seat and the join link, their
    place in line, a seat offered to them), or the button and the organizer's questions to
    register; for anonymous visitors, a link to sign in."""
    user = context["user"]
    box = {"event": event, "user": user, "csrf_token": context.get("csrf_token"),
           "request": context.get("request")}  # fmt: skip
    if not user.is_authenticated:
        box["refusal"] = registration_refusal(event)
        return box
    registration = Registration.objects.filter(event=event, user=user).first()
    if registration is not None and registration.is_active:
        if registration.status == RegistrationStatus.WAITING:
            box["place"] = Registration.objects.filter(
                event=event, status=RegistrationStatus.WAITING,
                position__lte=registration.position,
            ).count()  # fmt: skip
        box["registration"] = registration
        return box
    box["refusal"] = registration_refusal(event)
    if not box["refusal"]:
        box["form"] = RegistrationForm(questions=list(event.questions.all()))
    return box
