from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FieldConfig(AppConfig):
    """The field kit: an installable page that checks Coach Passes, rules on
    heading restarts, logs practices and shows this week's School Yard
    session with no connection, once opened online."""

    name = "coachready.field"
    label = "field"
    verbose_name = _("Field kit")

    def nav_links(self, request):
        from django.urls import reverse

        from coachready.core.navigation import Link

        # Everyone may use the kit; the menu offers it to the signed-in
        # volunteers who take it to the field (the pass page and the
        # restart tool link it for everyone else).
        if request.user.is_authenticated:
            return [Link(_("Field kit"), reverse("field:kit"), order=12)]
        return []

    def home_links(self, request):
        from django.urls import reverse

        from coachready.core.navigation import Link

        if not request.user.is_authenticated:
            return []
        return [Link(_("Field kit"), reverse("field:kit"),
                     _("Check Coach Passes, rule on a heading restart and log a practice at the field, "
                       "even with no signal."), order=14)]
