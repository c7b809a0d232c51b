"""The page types of a region's public website.

Editable words live in the page; rules never do. The requirement list, the
heading rules and the School Yard weeks are rendered from the region's
policy and curriculum on every request, so a policy change shows at once
and nobody retypes "every 3 years".
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        region_site = self.region_site()
        region = region_site.region if region_site is not None else None
        if region is not None:
            # The header and footer speak for the region whose site this
            # is, not for the signed-in volunteer's home region.
            request._coachready_region = region
        home = self.get_site().root_page.specific if self.get_site() else None
        context.update(region=region, home=home if isinstance(home, HomePage) else None)
        return context


def _page_link() -> models.ForeignKey:
    return models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )


class HomePage(RegionPage):
    hero_heading = models.CharField(max_length=160)
    hero_text = models.TextField(blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    mission = RichTextField(blank=True)
    become_coach_page = _page_link()
    # The coach job description, linked from the recruiting box and the
    # Become a coach page.
    job_description_page = _page_link()
    training_page = _page_link()
    contact_page = _page_link()
    recruiting_open = models.BooleanField(
        default=True, help_text="Show the recruiting box with the volunteer interest form."
    )
    recruiting_heading = models.CharField(max_length=120, default="We are now recruiting volunteer coaches")
    recruiting_text = RichTextField(blank=True)
    body = StreamField(BodyBlock(), blank=True)
    privacy_page = _page_link()
    terms_page = _page_link()
    children_privacy_page = _page_link()
    licence_page = _page_link()

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("hero_heading"), FieldPanel("hero_text"), FieldPanel("hero_image")], "Hero"),
        FieldPanel("mission"),
        MultiFieldPanel(
            [FieldPanel("become_coach_page"), FieldPanel("job_description_page"), FieldPanel("training_page"),
             FieldPanel("contact_page")],
            "Calls to action",
        ),
        MultiFieldPanel(
            [FieldPanel("recruiting_open"), FieldPanel("recruiting_heading"), FieldPanel("recruiting_text")],
            "Recruiting",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("terms_page"), FieldPanel("licence_page"),
             FieldPanel("children_privacy_page")],
            "Footer links",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("hero_heading"), index.SearchField("mission"), index.SearchField("body"),
    ]

    class Meta:
        verbose_name = "home page"


class StandardPage(RegionPage):
    intro = models.TextField(blank=True, help_text="One or two sentences shown under the title.")
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = "standard page"


class LivePage(RegionPage):
    """Editable words before and after a part rendered from the rules."""

    intro = RichTextField(blank=True)
    outro = RichTextField(blank=True)

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
    show_steps = models.BooleanField(default=True, help_text="List the steps to become a coach.")
    show_crosscert = models.BooleanField(default=True, help_text="Explain cross-certification.")

    content_panels = LivePage.content_panels + [FieldPanel("show_steps"), FieldPanel("show_crosscert")]

    class Meta:
        verbose_name = "coach requirements page"

    def get_context(self, request, *args, **kwargs):
        from coachready.site.live import requirements_view

        context = super().get_context(request, *args, **kwargs)
        context["rules"] = requirements_view(self.policy())
        return context


class HeadingRulesPage(LivePage):
    class Meta:
        verbose_name = "heading rules page"

    def get_context(self, request, *args, **kwargs):
        from coachready.site.live import heading_view

        context = super().get_context(request, *args, **kwargs)
        context["rules"] = heading_view(self.policy())
        return context


class SchoolYardPage(LivePage):
    class Meta:
        verbose_name = "School Yard page"

    def get_context(self, request, *args, **kwargs):
        from coachready.site.live import schoolyard_weeks

        context = super().get_context(request, *args, **kwargs)
        context["weeks"] = schoolyard_weeks()
        return context


class TrainingCalendarPage(LivePage):
    class Meta:
        verbose_name = "training calendar page"

    def get_context(self, request, *args, **kwargs):
        from coachready.site.calendar import upcoming_events

        context = super().get_context(request, *args, **kwargs)
        region_site = self.region_site()
        context["events"] = (
            upcoming_events(region_site.region, timezone.localdate()) if region_site is not None else []
        )
        return context


class ContactPage(RegionPage):
    intro = RichTextField(blank=True)
    thanks = models.CharField(
        max_length=300,
        default="Thank you. Your message has reached the region; we will answer by email.",
        help_text="Shown after a message is sent.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("thanks")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = "contact page"

    def serve(self, request, *args, **kwargs):
        from coachready.site.views.contact import serve_contact_page

        return serve_contact_page(self, request)
