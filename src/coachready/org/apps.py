from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "coachready.org"
    label = "org"
    # What nav_links reads: the cached menus are renewed when it changes.
    nav_links_read = ("org.RoleAssignment",)

    def ready(self):
        from allauth.mfa.signals import authenticator_removed

        from coachready.org.middleware import forget_check

        # Removing a second factor must be noticed at once, not after the
        # remembered check runs out.
        authenticator_removed.connect(
            lambda sender, request=None, **kwargs: request is not None and forget_check(request),
            weak=False,
            dispatch_uid="coachready.org.forget_mfa_check",
        )

    def nav_links(self, request):
        from django.urls import reverse

        from coachready.core.navigation import Link
        from coachready.org.access import is_admin

        if is_admin(request.user):
            return [Link("Region admin", reverse("org:regions"), order=50)]
        return []

    def home_links(self, request):
        from django.urls import reverse

        from coachready.core.navigation import Link
        from coachready.org.access import regions_for

        links = []
        for region in regions_for(request.user)[:5]:
            links.append(
                Link(
                    f"Administer Region {region.number}",
                    reverse("org:region", args=[region.number]),
                    "Volunteers, roles and the audit log of the region.",
                    order=50,
                )
            )
        person = request.user.person_or_none if request.user.is_authenticated else None
        if person is not None:
            links.append(Link("My details", reverse("org:person", args=[person.pk]),
                              "Your contact details and roles.", order=90))
        return links
