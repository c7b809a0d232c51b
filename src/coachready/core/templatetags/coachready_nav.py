from django import template

from coachready.core import hooks

register = template.Library()


@register.simple_tag(takes_context=True)
def region_links(context, region):
    """The administration pages other apps offer for `region`."""
    return hooks.region_links(context["request"], region)
