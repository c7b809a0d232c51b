"""`{{ code|division_label }}` and `{{ team|team_label }}`: the one way a
template names a division or a team."""

from django import template

from coachready.teams.labels import division_label, team_label

register = template.Library()
register.filter("division_label", division_label)
register.filter("team_label", team_label)
