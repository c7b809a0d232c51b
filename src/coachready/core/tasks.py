"""Background tasks shared by every app."""

from __future__ import annotations

from django_tasks import task


@task()
def send_email_task(
    to: list[str], subject: str, text: str, html: str, reply_to: list[str], attachments: list[list[str]]
) -> int:
    # Task arguments must be JSON: attachment bytes travel as latin-1 text,
    # which maps every byte to one character and back.
    from coachready.core.mail import build_message

    message = build_message(
        to, subject, text, html, reply_to=reply_to,
        attachments=[(name, content.encode("latin-1"), mimetype) for name, content, mimetype in attachments],
    )
    return message.send()
