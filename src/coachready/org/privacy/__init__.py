"""Privacy requests: everything held about one person, exported or erased.

`find_subject` decides who a request is about (by email address or AYSO
volunteer id); `export_subject` gathers what is held about them into one
JSON-ready document; `erase_subject` removes it in one transaction. The
`coachready privacy` command and the person's page both call these.
"""

from coachready.org.privacy.erase import erase_subject
from coachready.org.privacy.export import export_subject
from coachready.org.privacy.subject import PrivacyError, Subject, find_subject, subject_for_person

__all__ = ["PrivacyError", "Subject", "erase_subject", "export_subject", "find_subject", "subject_for_person"]
