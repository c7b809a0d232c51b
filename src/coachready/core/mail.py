"""Email with a text and an HTML part, sent through the task queue.

`send_templated` renders `<template>.txt` and `<template>.html` with the
region's name and contact in the context, so every message a volunteer gets
says who it is from and how to reach them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from coachready.core.tasks import send_email_task


def render_email(template: str, context: dict[str, Any]) -> tuple[str, str]:
    ctx = {"site_url": settings.SITE_URL, **context}
    return render_to_string(f"{template}.txt", ctx), render_to_string(f"{template}.html", ctx)


def build_message(
    to: Sequence[str], subject: str, text: str, html: str, *, reply_to: Sequence[str] = (),
    attachments: Sequence[tuple[str, bytes, str]] = (),
) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=list(to), reply_to=list(reply_to)
    )
    message.attach_alternative(html, "text/html")
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    return message


def send_templated(
    to: Sequence[str],
    subject: str,
    template: str,
    context: dict[str, Any],
    *,
    region=None,  # noqa: ANN001 - org.Region
    attachments: Sequence[tuple[str, bytes, str]] = (),
) -> None:
    """Queue one email. `region` puts its name and contact in the footer and
    its address in Reply-To."""
    if not to:
        return
    text, html = render_email(template, {"region": region, **context})
    reply_to = [region.email] if region is not None and region.email else []
    send_email_task.enqueue(
        to=list(to),
        subject=subject,
        text=text,
        html=html,
        reply_to=reply_to,
        attachments=[(n, c.decode("latin-1") if isinstance(c, bytes) else c, m) for n, c, m in attachments],
    )
