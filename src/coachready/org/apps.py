from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "coachready.org"
    label = "org"
    # What nav_links reads: the cached menus are renewed when it changes.
    nav_links_read = ("org.RoleAssignment",)

    def ready(self):
        from allauth.account.signals import email_confirmed
        from allauth.mfa.signals import authenticator_added, authenticator_removed
        from django.db.backends.signals import connection_created

        from coachready.org.middleware import count_setup_as_second_factor, forget_check
        from coachready.org.names import register_sqlite_collation

        # SQLite has no ICU: names sort there by their folded form (org/names.py).
        connection_created.connect(register_sqlite_collation, dispatch_uid="coachready.org.sqlite_name_collation")

        # Removing a second factor must be noticed at once, not after the
        # remembered check runs out.
        authenticator_removed.connect(
            lambda sender, request=None, **kwargs: request is not None and forget_check(request),
            weak=False,
            dispatch_uid="coachready.org.forget_mfa_check",
        )
        # Setting up an authenticator app proves the device with a code:
        # that session has passed the second factor and is not asked again.
        authenticator_added.connect(
            count_setup_as_second_factor, weak=False, dispatch_uid="coachready.org.count_mfa_setup",
        )
        # A proven email is what links a new account to the region's
        # existing volunteer record (see org/signup.py).
        email_confirmed.connect(_link_on_email_confirmed, dispatch_uid="coachready.org.link_on_email_confirmed")

    def nav_links(self, request):
        from django.urls import reverse

        from coachready.core.navigation import Link
        from coachready.org.access import is_admin

        if is_admin(request.user):
            return [Link(_("Region admin"), reverse("org:regions"), order=50)]
        return []

    def home_links(self, request):
        from django.urls import reverse

        from coachready.core.navigation import Link
        from coachready.org.access import regions_for

        links = []
        for region in regions_for(request.user)[:5]:
            links.append(
                Link(
                    _("Administer Region %(number)s") % {"number": region.number},
                    reverse("org:region", args=[region.number]),
                    _("Volunteers, roles and the audit log of the region."),
                    order=50,
                )
            )
        person = request.user.person_or_none if request.user.is_authenticated else None
        if person is not None:
            links.append(Link(_("My details"), reverse("org:person", args=[person.pk]),
                              _("Your contact details and roles."), order=90))
        elif request.user.is_authenticated:
            links.append(Link(_("Your volunteer record"), reverse("org:volunteer_record"),
                              _("Claim your existing volunteer record or start a new one."), order=1))
        if request.user.is_authenticated:
            links.append(Link(_("Language"), reverse("org:my_language"),
                              _("The language of your pages and emails."), order=95))
        return links


def _link_on_email_confirmed(sender, request=None, email_address=None, **kwargs):  # noqa: ANN001
    from coachready.org.signup import link_by_verified_email

    if email_address is not None and email_address.user_id is not None:
        link_by_verified_email(email_address.user, email_address.email)
