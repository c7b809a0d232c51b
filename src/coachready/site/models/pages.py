"""The page types of a region's public website.

Editable words live in the page; rules never do. The requirement list, the
heading rules and the School Yard weeks are rendered from the region's
policy and curriculum on every request, so a policy change shows at once
and nobody retypes "every 3 years".
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from coachready.site.blocks import BodyBlock
from coachready.site.models.regionsite import region_site_for_site


class RegionPage(Page):
    """A page of some region's site: knows its region and its home page."""

    class Meta:
        abstract = True

    def region_site(self):
        cache = self.__dict__.setdefault("_region_site", {})
        if "value" not in cache:
            cache["value"] = region_site_for_site(self.get_site())
        return cache["value"]

    def home_page(self):
        """The home page of this page's language: the top of its own tree
        (each language's pages hang under that language's home page)."""
        cache = self.__dict__.setdefault("_home_page", {})
        if "value" not in cache:
            top = Page.objects.ancestor_of(self, inclusive=True).filter(depth=2).specific().first()
            cache["value"] = top if isinstance(top, HomePage) else None
        return cache["value"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        region_site = self.region_site()
        region = region_site.region if region_site is not None else None
        if region is not None:
            # The header and footer speak for the region whose site this
            # is, not for the signed-in volunteer's home region.
            request._coachready_region = region
        context.update(region=region, home=self.home_page())
        return context


def _page_link(verbose_name) -> models.ForeignKey:  # noqa: ANN001 - a lazy translation
    return models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=verbose_name,
        help_text=_("Pick the page in this page's language; a page in another language is shown in the "
                    "visitor's language when it has that translation."),
    )


class HomePage(RegionPage):
    hero_heading = models.CharField(_("hero heading"), max_length=160)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("hero image"),
    )
    mission = RichTextField(_("mission"), blank=True)
    become_coach_page = _page_link(_("become a coach page"))
    # The coach job description, linked from the recruiting box and the
    # Become a coach page.
    job_description_page = _page_link(_("coach job description page"))
    training_page = _page_link(_("training page"))
    contact_page = _page_link(_("contact page"))
    recruiting_open = models.BooleanField(
        _("recruiting open"), default=True, help_text=_("Show the recruiting box with the volunteer interest form."),
    )
    recruiting_heading = models.CharField(
        _("recruiting heading"), max_length=120, default=_("We are now recruiting volunteer coaches"),
    )
    recruiting_text = RichTextField(_("recruiting text"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    privacy_page = _page_link(_("privacy statement page"))
    terms_page = _page_link(_("terms of use page"))
    children_privacy_page = _page_link(_("children's privacy policy page"))
    licence_page = _page_link(_("license agreement page"))

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("hero_heading"), FieldPanel("hero_text"), FieldPanel("hero_image")], _("Hero")),
        FieldPanel("mission"),
        MultiFieldPanel(
            [FieldPanel("become_coach_page"), FieldPanel("job_description_page"), FieldPanel("training_page"),
             FieldPanel("contact_page")],
            _("Calls to action"),
        ),
        MultiFieldPanel(
            [FieldPanel("recruiting_open"), FieldPanel("recruiting_heading"), FieldPanel("recruiting_text")],
            _("Recruiting"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("terms_page"), FieldPanel("licence_page"),
             FieldPanel("children_privacy_page")],
            _("Footer links"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("hero_heading"), index.SearchField("mission"), index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class StandardPage(RegionPage):
    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences shown under the title."))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class LivePage(RegionPage):
    """Editable words before and after a part rendered from the rules."""

    intro = RichTextField(_("introduction"), blank=True, help_text=_("Shown before the part made from the rules."))
    outro = RichTextField(_("closing words"), blank=True, help_text=_("Shown after the part made from the rules."))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("outro")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("outro")]

    class Meta:
        abstract = True

    def policy(self):
        region_site = self.region_site()
        if region_site is None:
            from coachready.rules import load_policy

            return load_policy()
        return region_site.region.policy()


class CoachRequirementsPage(LivePage):
    show_steps = models.BooleanField(
        _("show the steps"), default=True, help_text=_("List the steps to become a coach."),
    )
    show_crosscert = models.BooleanField(
        _("show cross-certification"), default=True, help_text=_("Explain cross-certification."),
    )

    content_panels = LivePage.content_panels + [FieldPanel("show_steps"), FieldPanel("show_crosscert")]

    class Meta:
        verbose_name = _("coach requirements page")
        verbose_name_plural = _("coach requirements pages")

    def get_context(self, request, *args, **kwargs):
        from coachready.site.live import requirements_view

        context = super().get_context(request, *args, **kwargs)
        context["rules"] = requirements_view(self.policy())
        return context


class HeadingRulesPage(LivePage):
    class Meta:
        verbose_name = _("heading rules page")
        verbose_name_plural = _("heading rules pages")

    def get_context(self, request, *args, **kwargs):
        from coachready.site.live import heading_view

        context = super().get_context(request, *args, **kwargs)
        context["rules"] = heading_view(self.policy())
        return context


class SchoolYardPage(LivePage):
    class Meta:
        verbose_name = _("School Yard page")
        verbose_name_plural = _("School Yard pages")

    def get_context(self, request, *args, **kwargs):
        from coachready.site.live import schoolyard_weeks

        context = super().get_context(request, *args, **kwargs)
        context["weeks"] = schoolyard_weeks()
        return context


class TrainingCalendarPage(LivePage):
    class Meta:
        verbose_name = _("training calendar page")
        verbose_name_plural = _("training calendar pages")

    def get_context(self, request, *args, **kwargs):
        from coachready.site.calendar import upcoming_events

        context = super().get_context(request, *args, **kwargs)
        region_site = self.region_site()
        context["events"] = (
            upcoming_events(region_site.region, timezone.localdate()) if region_site is not None else []
        )
        return context


class ContactPage(RegionPage):
    intro = RichTextField(_("introduction"), blank=True)
    thanks = models.CharField(
        _("thanks"),
        max_length=300,
        default=_("Thank you. Your message has reached the region; we will answer by email."),
        help_text=_("Shown after a message is sent."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("thanks")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

    def serve(self, request, *args, **kwargs):
        from coachready.site.views.contact import serve_contact_page

        return serve_contact_page(self, request)
