"""After sign-up: link the account to a volunteer record. Thin: the rules
live in coachready.org.signup."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from coachready.org.forms import ClaimForm, NewVolunteerForm
from coachready.org.signup import ClaimRefused, claim_by_volunteer_id, link_by_verified_email, start_volunteer_record


def _verified_emails(user) -> list[str]:  # noqa: ANN001
    from allauth.account.models import EmailAddress

    return list(EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True))


@login_required
def volunteer_record(request):
    """Claim an existing record (by volunteer id and birth date) or start a
    new one. An account already linked goes straight to its checklist."""
    from coachready.core.client_address import client_address
    from coachready.site.regions import region_for_request

    user = request.user
    if user.person_or_none is None:
        # An email verified before this page was first seen may match now.
        for email in _verified_emails(user):
            if link_by_verified_email(user, email) is not None:
                break
        user.refresh_from_db()
    if user.person_or_none is not None:
        return redirect("core:home")

    region = region_for_request(request)
    claim_form = ClaimForm(prefix="claim")
    new_form = NewVolunteerForm(prefix="new", initial={
        "region": region, "first_name": user.first_name, "last_name": user.last_name,
    })
    if request.method == "POST":
        try:
            if "claim" in request.POST:
                claim_form = ClaimForm(request.POST, prefix="claim")
                if claim_form.is_valid():
                    person = claim_by_volunteer_id(
                        user, claim_form.cleaned_data["volunteer_id"], claim_form.cleaned_data["birth_date"],
                        ip=client_address(request),
                    )
                    messages.success(request, _("Your account is now linked to %(name)s's volunteer record.")
                                     % {"name": person.display_name})
                    return redirect("core:home")
            else:
                new_form = NewVolunteerForm(request.POST, prefix="new")
                if new_form.is_valid():
                    person = start_volunteer_record(user, ip=client_address(request), **new_form.cleaned_data)
                    messages.success(request, _("Your volunteer record in %(region)s is started. The region's "
                                                "coach administrator will follow up.")
                                     % {"region": person.home_region.display_name})
                    return redirect("core:home")
        except ClaimRefused as refused:
            form = claim_form if "claim" in request.POST else new_form
            form.add_error(None, refused.message)
    return render(request, "org/volunteer_record.html", {
        "claim_form": claim_form, "new_form": new_form, "email": user.email,
    })
