from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class ImportsConfig(AppConfig):
    name = "coachready.imports"
    label = "imports"
    verbose_name = gettext_lazy("Imports and exports")

    def region_links(self, request, region):
        from django.urls import reverse
        from django.utils.translation import gettext as _

        from coachready.core.navigation import Link

        return [
            Link(_("Import"), reverse("imports:upload", args=[region.number]),
                 _("Bring volunteers and certification history in from a spreadsheet."), order=70),
            Link(_("Export"), reverse("imports:export", args=[region.number]),
                 _("Download volunteers and records as CSV or Excel."), order=71),
        ]

    def home_links(self, request):
        from django.urls import reverse
        from django.utils.translation import gettext as _

        from coachready.core.navigation import Link
        from coachready.org.access import scope_for

        scope = scope_for(request.user)
        # A regional administrator reaches exports from the region's pages;
        # someone over several regions gets one place for all of them.
        if scope.national or scope.section_ids or scope.area_ids:
            return [Link(_("Export your regions"), reverse("imports:export_all"),
                         _("Volunteers and certification records of every region you administer."), order=60)]
        return []
