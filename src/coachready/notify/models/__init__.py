from coachready.notify.models.outbox import OutboundEmail
from coachready.notify.models.preferences import NotificationPreference
from coachready.notify.models.reminders import DigestRun, ReminderRun, SentReminder

__all__ = ["DigestRun", "NotificationPreference", "OutboundEmail", "ReminderRun", "SentReminder"]
