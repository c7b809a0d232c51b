from django import template

from coachready.core.navigation import collect_region

register = template.Library()


@register.simple_tag(takes_context=True)
def region_links(context, region):
    """The administration pages other apps offer for `region`."""
    return collect_region(context["request"], region)
