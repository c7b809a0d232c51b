"""Background delivery of inbox emails."""

from __future__ import annotations

from django_tasks import task


@task()
def deliver_inbox_item(kind: str, pk: int) -> bool:
    from coachready.site.services.delivery import KINDS, deliver

    item = KINDS[kind].objects.select_related("region").filter(pk=pk).first()
    if item is None or item.delivered:
        return True
    return deliver(item)
