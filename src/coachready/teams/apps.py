from django.apps import AppConfig


class TeamsConfig(AppConfig):
    name = "coachready.teams"
    label = "teams"

    def region_links(self, request, region):
        from django.urls import reverse

        from coachready.core.navigation import Link

        return [Link("Teams", reverse("teams:seasons", args=[region.number]),
                     "Seasons, teams and coach assignments.", order=23)]

    def digest_sections(self, region, as_of):
        from django.urls import reverse

        from coachready.core.addresses import absolute_url
        from coachready.core.hooks import DigestSection
        from coachready.teams.services import current_season, team_readiness

        season = current_season(region, as_of)
        if season is None:
            return []
        not_ready = [t for t in team_readiness(season, as_of) if t["coaches"] and not t["ready"]]
        if not not_ready:
            return []
        lines = []
        for entry in not_ready[:15]:
            team = entry["team"]
            names = ", ".join(r.name for r in entry["not_ready"]) or "no active head coach"
            lines.append(f"{team.division} {team.name}: {names}")
        if len(not_ready) > 15:
            lines.append(f"… and {len(not_ready) - 15} more.")
        url = absolute_url(reverse("teams:season", args=[region.number, season.pk]), region=region)
        return [DigestSection(f"Teams whose coaches are not ready ({season})", lines, url, order=23)]
