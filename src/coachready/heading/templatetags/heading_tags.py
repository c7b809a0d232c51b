from django import template

from coachready.heading.education import division_label

register = template.Library()


def team_label(team) -> str:  # noqa: ANN001 - teams.Team
    """"14U Black Stars" whether or not the team's name already starts with
    its division (regions name teams both ways)."""
    name = team.name.strip()
    if name.lower().startswith(team.division.lower()):
        name = name[len(team.division):].strip(" -:")
    return f"{division_label(team.division)} {name}".strip()


register.filter("team_label", team_label)
