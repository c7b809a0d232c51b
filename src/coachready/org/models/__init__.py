from coachready.org.models.audit import AuditEntry
from coachready.org.models.people import Person, User
from coachready.org.models.roles import Role, RoleAssignment
from coachready.org.models.tree import Area, Region, Section

__all__ = ["Area", "AuditEntry", "Person", "Region", "Role", "RoleAssignment", "Section", "User"]
