"""A region's own reminder days, stored in `Region.policy_overrides` in the
shape the engine merges over the profile:
`{"requirements": {"background_check": {"reminder_days": [90, 30, 7, 0]}}}`."""

from __future__ import annotations

import copy
from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from coachready.org.audit import log_action
from coachready.org.models import Region


def profile_defaults(region: Region) -> dict[str, tuple[int, ...]]:
    """Reminder days of the region's profile, before its own overrides."""
    from coachready.rules import load_policy

    base = load_policy(region.policy_name)
    return {code: base.reminder_days(code) for code in base.requirements}


class ScheduleError(ValueError):
    pass


@transaction.atomic
def set_reminder_days(region: Region, days: dict[str, tuple[int, ...]], *, user: Any = None) -> dict[str, list]:
    """Save the region's reminder days per requirement code; a value equal to
    the profile's default removes the override. Returns the changes made
    ({code: [old, new]}), audited as `notify.schedule.changed`."""
    from coachready.rules import PolicyError, load_policy

    region = Region.objects.select_for_update().get(pk=region.pk)
    defaults = profile_defaults(region)
    current = region.policy()
    overrides = copy.deepcopy(region.policy_overrides or {})
    requirements = overrides.setdefault("requirements", {})
    changed: dict[str, list] = {}
    for code, new in days.items():
        old = current.reminder_days(code)
        if tuple(new) == tuple(old):
            continue
        changed[code] = [list(old), list(new)]
        entry = requirements.setdefault(code, {})
        if tuple(new) == defaults[code]:
            entry.pop("reminder_days", None)
            if not entry:
                requirements.pop(code)
        else:
            entry["reminder_days"] = list(new)
    if not requirements:
        overrides.pop("requirements")
    if not changed:
        return {}
    try:
        load_policy(region.policy_name, overrides or None)
    except PolicyError as exc:
        raise ScheduleError(gettext("The region's rules would not load: %(error)s") % {"error": exc}) from exc
    region.policy_overrides = overrides
    region.save(update_fields=["policy_overrides"])
    log_action(
        "notify.schedule.changed", user=user, obj=region, region=region,
        summary="Reminder days changed: " + "; ".join(
            f"{code} {', '.join(map(str, new))}" for code, (_old, new) in changed.items()
        ),
        data=changed,
    )
    return changed
