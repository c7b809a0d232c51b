"""A person's own language (/my/language/): saved on their volunteer record
(or on the account until it has one), audited, and remembered in the
language cookie so the next page is already in it."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from coachready.core.language import remember
from coachready.org import services
from coachready.org.forms import LanguageForm, current_language


@login_required
def my_language(request):
    person = request.user.person_or_none
    chosen = (person.language if person is not None else request.user.language) or current_language()
    form = LanguageForm(request.POST if request.method == "POST" else None, initial={"language": chosen})
    if request.method == "POST" and form.is_valid():
        language = form.cleaned_data["language"]
        services.set_language(person, language, user=request.user)
        with translation.override(language):
            messages.success(request, _("Pages and emails will be in %(language)s.")
                             % {"language": dict(settings.LANGUAGES)[language]})
        response = redirect("org:my_language")
        remember(response, language)
        return response
    return render(request, "org/my_language.html", {"form": form}, status=400 if form.is_bound else 200)
