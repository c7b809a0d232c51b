from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "coachready.imports"
    label = "imports"

    def region_links(self, request, region):
        from django.urls import reverse

        from coachready.core.navigation import Link

        return [
            Link("Import", reverse("imports:upload", args=[region.number]),
                 "Bring volunteers and certification history in from a spreadsheet.", order=70),
            Link("Export", reverse("imports:export", args=[region.number]),
                 "Download volunteers and records as CSV or Excel.", order=71),
        ]

    def home_links(self, request):
        from django.urls import reverse

        from coachready.core.navigation import Link
        from coachready.org.access import scope_for

        scope = scope_for(request.user)
        # A regional administrator reaches exports from the region's pages;
        # someone over several regions gets one place for all of them.
        if scope.national or scope.section_ids or scope.area_ids:
            return [Link("Export your regions", reverse("imports:export_all"),
                         "Volunteers and certification records of every region you administer.", order=60)]
        return []
