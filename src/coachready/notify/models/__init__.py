from coachready.notify.models.outbox import OutboundEmail
from coachready.notify.models.preferences import NotificationPreference
from coachready.notify.models.reminders import DigestRun, SentReminder

__all__ = ["DigestRun", "NotificationPreference", "OutboundEmail", "SentReminder"]
