"""The public forms: the contact page (a Wagtail page) and /volunteer/."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from coachready.core.client_address import client_address
from coachready.site.forms import ContactForm, InterestForm
from coachready.site.regions import region_for_request
from coachready.site.services.inbox import receive_contact_message, receive_interest


def serve_contact_page(page, request):  # noqa: ANN001 - ContactPage
    """GET shows the form; POST stores the message, or shows what to fix."""
    context = page.get_context(request)
    region = context["region"]
    if request.method == "POST" and region is not None:
        form = ContactForm(request.POST, region=region, ip=client_address(request))
        if form.is_valid():
            data = form.cleaned_data
            receive_contact_message(
                region, name=data["name"], email=data["email"], topic=data["topic"],
                message=data["message"], ip=client_address(request),
            )
            messages.success(request, page.thanks)
            # A path, not page.url: with several region sites that is the full
            # configured address, which may not be the one the visitor used.
            return redirect(request.path)
    else:
        form = ContactForm(region=region)
    context["form"] = form
    return TemplateResponse(request, page.get_template(request), context)


def volunteer(request):
    """"We are now recruiting volunteer coaches": the interest form."""
    region = region_for_request(request)
    if region is None:
        raise Http404(_("This site has no region yet."))
    request._coachready_region = region
    if request.method == "POST":
        form = InterestForm(request.POST, region=region, ip=client_address(request))
        if form.is_valid():
            data = form.cleaned_data
            receive_interest(
                region, first_name=data["first_name"], last_name=data["last_name"], email=data["email"],
                phone=data["phone"], division=data["division"], message=data["message"], ip=client_address(request),
            )
            messages.success(
                request,
                _("Thank you! The Regional Coach Administrator will be in touch by email about the next steps."),
            )
            return redirect("site:volunteer")
    else:
        form = InterestForm(region=region)
    return render(request, "site/volunteer.html", {"form": form, "region": region})
