"""Background tasks shared by every app.

Email goes through the outbox (coachready.notify): a task carries only the
row's id, so the message itself is stored before anything is attempted and a
failed send is retried from the row, never lost with the task.
"""

from __future__ import annotations

from django_tasks import task


@task()
def deliver_email_task(email_id: int) -> int:
    """Send one outbox row if it is still due; returns how many went out."""
    from coachready.notify.outbox import deliver

    return deliver(email_id).sent


@task()
def send_queued_mail_task() -> int:
    """Send every due outbox row (after a bulk run queued many at once)."""
    from coachready.notify.outbox import send_due

    return send_due().sent
