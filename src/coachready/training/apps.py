from django.apps import AppConfig
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class TrainingConfig(AppConfig):
    name = "coachready.training"
    label = "training"
    verbose_name = gettext_lazy("Training")

    def nav_links(self, request):
        from django.urls import reverse

        from coachready.core.navigation import Link

        return [Link(_("Training"), reverse("training:calendar"), order=30)]

    def home_links(self, request):
        from django.urls import reverse

        from coachready.core.navigation import Link
        from coachready.training.access import managed_regions

        links = [Link(_("Training calendar"), reverse("training:calendar"),
                      _("Courses and coach clinics near you, with enrolment."), order=30)]
        if request.user.person_or_none is not None:
            links.append(Link(_("My training"), reverse("training:my"),
                              _("Your enrolments, waiting lists and calendar link."), order=31))
        for region in managed_regions(request.user)[:5]:
            links.append(Link(_("Training events of Region %(number)s") % {"number": region.number},
                              reverse("training:manage_list", args=[region.number]),
                              _("Schedule events, rosters and attendance."), order=55))
        return links

    def region_links(self, request, region):
        from django.urls import reverse

        from coachready.core.navigation import Link
        from coachready.training.access import can_manage

        if can_manage(request.user, region):
            return [Link(_("Training events"), reverse("training:manage_list", args=[region.number]), order=40)]
        return []

    def course_offers(self, region, course, after):
        from coachready.training.offers import course_offers

        return course_offers(region, course, after)

    def digest_sections(self, region, as_of):
        from coachready.training.offers import digest_sections

        return digest_sections(region, as_of)
