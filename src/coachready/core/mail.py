"""Email with a text and an HTML part, sent through the outbox and the task queue.

`send_templated` renders `<template>.txt` and `<template>.html` with the
region's name and contact in the context, so every message a volunteer gets
says who it is from and how to reach them. The message is stored as an
outbox row (coachready.notify) and a task sends it; a failed send is retried
with back-off from that row.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import engines
from django.template.loader import render_to_string
from django.utils import translation

from coachready.core.addresses import base_url
from coachready.core.tasks import deliver_email_task


def render_email(template: str, context: dict[str, Any], *, subject: str = "") -> tuple[str, str]:
    """The text and HTML parts of `template`. Links lead to the address of
    the region it speaks for; the text part comes from the engine that does
    not HTML-escape; the subject is the HTML part's title."""
    ctx = {"site_url": base_url(context.get("region")), "email_subject": subject, **context}
    text = engines["email_text"].get_template(f"{template}.txt").render(ctx)
    return text, render_to_string(f"{template}.html", ctx)


def build_message(
    to: Sequence[str], subject: str, text: str, html: str, *, reply_to: Sequence[str] = (),
    attachments: Sequence[tuple[str, bytes, str]] = (),
) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=list(to), reply_to=list(reply_to)
    )
    if html:
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
    kind: str = "mandatory",
    person=None,  # noqa: ANN001 - org.Person, the recipient when known
) -> None:
    """Queue one email. `region` puts its name and contact in the footer and
    its address in Reply-To, and lets its administrators see a failed send.

    `kind="optional"` marks mail a volunteer may choose to get weekly or not
    at all (their notification preference); everything else is mandatory.
    """
    if not to:
        return
    # In the recipient's own language when they have chosen one; callers
    # build the subject inside the same translation.override.
    chosen = getattr(person, "language", "") or ""
    with translation.override(chosen) if chosen else contextlib.nullcontext():
        subject = str(subject)
        text, html = render_email(template, {"region": region, **context}, subject=subject)
    reply_to = [region.email] if region is not None and region.email else []
    queue_and_send(
        list(to), subject, text, html, reply_to=reply_to, attachments=attachments, template=template,
        kind=kind, region=region, person_id=getattr(person, "pk", None),
    )


def queue_and_send(to: Sequence[str], subject: str, text: str, html: str, **fields: Any):  # noqa: ANN201
    """Store one rendered email in the outbox and hand it to the task worker;
    returns the outbox row. Every email the product sends passes here."""
    from coachready.notify.outbox import queue_email

    email = queue_email(list(to), subject, text, html, **fields)
    if email.status == email.Status.QUEUED:
        deliver_email_task.enqueue(email.pk)
    return email
