"""The audit log in words: a label for every action code, and the reason an
entry's data carries. The codes stay in the database, the API and the
command line; pages show these words."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "certs.email.sent": _("Email sent to volunteers"),
    "certs.record.created": _("Record added"),
    "certs.record.rejected": _("Record rejected"),
    "certs.record.verified": _("Record verified"),
    "crosscert.application.submitted": _("Cross-certification applied for"),
    "crosscert.application.recommended": _("Cross-certification recommended"),
    "crosscert.application.approved": _("Cross-certification approved"),
    "crosscert.application.returned": _("Cross-certification returned for changes"),
    "crosscert.application.rejected": _("Cross-certification rejected"),
    "heading.player.added": _("Player added to a heading log"),
    "heading.player.retired": _("Player retired from a heading log"),
    "heading.practice.corrected": _("Practice corrected"),
    "heading.practice.logged": _("Practice logged"),
    "imports.batch.cancelled": _("Import cancelled"),
    "imports.batch.committed": _("Import committed"),
    "imports.batch.decided": _("Import rows decided"),
    "imports.batch.uploaded": _("Import uploaded"),
    "notify.digest.sent": _("Digest sent"),
    "notify.mail.retried": _("Email sent again"),
    "notify.preference.changed": _("Email preferences changed"),
    "notify.reminders.sent": _("Reminders sent"),
    "notify.schedule.changed": _("Reminder schedule changed"),
    "org.person.claim_refused": _("Volunteer record claim refused"),
    "org.person.created_at_signup": _("Volunteer record started at sign-up"),
    "org.person.language_changed": _("Language changed"),
    "org.person.linked": _("Volunteer record linked to an account"),
    "org.person.updated": _("Volunteer details changed"),
    "org.privacy.erased": _("Personal data erased"),
    "org.privacy.exported": _("Personal data exported"),
    "org.region.retention_changed": _("Retention period changed"),
    "org.role.assigned": _("Role given"),
    "org.role.ended": _("Role ended"),
    "schoolyard.plan.created": _("School Yard plan made"),
    "schoolyard.plan.repeat_dropped": _("School Yard plan: repeated week dropped"),
    "schoolyard.plan.updated": _("School Yard plan changed"),
    "schoolyard.plan.week_repeated": _("School Yard plan: week repeated"),
    "schoolyard.session.marked": _("School Yard session marked"),
    "site.contact.handled": _("Website message handled"),
    "site.contact.received": _("Website message received"),
    "site.editors.synced": _("Website editors updated"),
    "site.interest.handled": _("Coach interest handled"),
    "site.interest.received": _("Coach interest received"),
    "site.retention.applied": _("Old website messages deleted"),
    "site.site.address_changed": _("Website address changed"),
    "site.site.created": _("Website created"),
    "site.site.pages_added": _("Website pages added"),
    "teams.assignment.created": _("Coach assigned to a team"),
    "teams.assignment.ended": _("Coach assignment ended"),
    "teams.assignment.overridden": _("Coach assigned with an override"),
    "teams.season.created": _("Season created"),
    "teams.team.created": _("Team created"),
    "training.attendance.corrected": _("Attendance corrected"),
    "training.attendance.marked": _("Attendance marked"),
    "training.enrollment.cancelled": _("Enrolment cancelled"),
    "training.enrollment.created": _("Enrolled"),
    "training.enrollment.promoted": _("Moved from the waiting list"),
    "training.event.cancelled": _("Course cancelled"),
    "training.event.completed": _("Course completed"),
    "training.event.created": _("Course created"),
    "training.event.published": _("Course published"),
    "training.event.updated": _("Course changed"),
    "training.feed.created": _("Calendar feed created"),
    "training.feed.replaced": _("Calendar feed replaced"),
    "training.grant.withdrawn": _("Course certificate withdrawn"),
    "training.reminder.sent": _("Course reminder sent"),
    "training.session.added": _("Course session added"),
    "training.session.changed": _("Course session changed"),
}

# Codes with a variable last part ("imports.export.volunteers").
PREFIX_LABELS = {
    "imports.export.": _("Export downloaded"),
}


def action_label(code: str) -> str:
    """The words for an action code; an unknown code is shown as it is
    rather than guessed at."""
    if code in ACTION_LABELS:
        return str(ACTION_LABELS[code])
    for prefix, label in PREFIX_LABELS.items():
        if code.startswith(prefix):
            return str(label)
    return code


def entry_reason(data: object) -> str:
    """The reason an entry's data records (a rejection, an override, a
    cancellation), or ""."""
    if isinstance(data, dict):
        reason = data.get("reason")
        if isinstance(reason, str):
            return reason.strip()
    return ""
