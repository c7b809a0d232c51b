"""Who edits a region's website: a Wagtail group per region ("Region 60
editors") with page permissions on that region's root page only and
image/document permissions on that region's collection only, its members
kept in step with role assignments.

The Regional Commissioner, the Regional Coach Administrator and the Child
and Volunteer Protection Advocate of a region edit its site. Membership is
synced when a role assignment is saved or deleted, and by the daily
`sync-site-editors` command, which also catches roles that start or end by
date.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from coachready.org.audit import log_action
from coachready.org.models import Region, Role, RoleAssignment, User
from coachready.site.models import RegionSite

EDITOR_ROLES = frozenset({Role.REGIONAL_COMMISSIONER, Role.REGIONAL_COACH_ADMINISTRATOR, Role.SAFETY_ADVOCATE})
# Editors add, edit, publish and lock pages; deleting a page with its
# children stays with the site's superusers (nothing is hard-deleted casually).
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
MEDIA_PERMISSIONS = (
    ("wagtailimages", "image", ("add_image", "change_image", "choose_image")),
    ("wagtaildocs", "document", ("add_document", "change_document", "choose_document")),
)


def group_name(region: Region) -> str:
    return f"Region {region.number} editors"


def ensure_editor_group(region_site: RegionSite) -> Group:
    """The region's editor group with exactly its permissions (idempotent)."""
    region = region_site.region
    group = region_site.editors
    if group is None:
        group, _ = Group.objects.get_or_create(name=group_name(region))
        region_site.editors = group
    if region_site.collection is None:
        # Wagtail's migrations make the collection root; a flushed or
        # partially restored database may lack it, so put it back.
        root = Collection.get_first_root_node() or Collection.add_root(name="Root")
        existing = root.get_children().filter(name=f"Region {region.number}").first()
        region_site.collection = existing or root.add_child(name=f"Region {region.number}")
    region_site.save(update_fields=["editors", "collection"])

    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    # Editors write their site in every language: they translate pages
    # (Wagtail's simple translation) and edit each language's tree.
    group.permissions.add(
        Permission.objects.get(content_type__app_label="simple_translation", codename="submit_translation")
    )
    page_content_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    homes = list(region_site.site.root_page.get_translations(inclusive=True))
    for codename in PAGE_PERMISSIONS:
        permission = Permission.objects.get(content_type=page_content_type, codename=codename)
        for home in homes:
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
    for app_label, model, codenames in MEDIA_PERMISSIONS:
        for codename in codenames:
            permission = Permission.objects.get(content_type__app_label=app_label, content_type__model=model,
                                                codename=codename)
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=region_site.collection, permission=permission
            )
    return group


def editors_of(region: Region) -> set[int]:
    """Ids of the accounts that should edit `region`'s site today."""
    return set(
        RoleAssignment.objects.active_on(timezone.localdate())
        .filter(region=region, role__in=EDITOR_ROLES, person__user__isnull=False, person__user__is_active=True)
        .values_list("person__user_id", flat=True)
    )


@transaction.atomic
def sync_region_editors(region: Region) -> tuple[int, int]:
    """Make the region's editor group hold exactly its editors; (added, removed)."""
    region_site = RegionSite.objects.select_related("site__root_page", "editors", "collection", "region").filter(
        region=region
    ).first()
    if region_site is None:
        return 0, 0
    group = ensure_editor_group(region_site)
    wanted = editors_of(region)
    current = set(group.user_set.values_list("id", flat=True))
    added, removed = wanted - current, current - wanted
    if added:
        group.user_set.add(*User.objects.filter(id__in=added))
    if removed:
        group.user_set.remove(*User.objects.filter(id__in=removed))
    if added or removed:
        log_action(
            "site.editors.synced", region=region, obj=group,
            summary=f"{group.name}: {len(added)} added, {len(removed)} removed",
            data={"added": sorted(added), "removed": sorted(removed)},
        )
    return len(added), len(removed)


def sync_all_site_editors() -> dict[int, tuple[int, int]]:
    """Sync every region that has a website; {region number: (added, removed)}."""
    return {
        rs.region.number: sync_region_editors(rs.region)
        for rs in RegionSite.objects.select_related("region").order_by("region__number")
    }


def on_role_change(sender, instance: RoleAssignment, **kwargs) -> None:  # noqa: ANN001
    """Signal receiver: a role assignment of an editor role changed."""
    # Synced inside the role change's own transaction: the group and the
    # role assignments can never disagree after a commit.
    if instance.role in EDITOR_ROLES and instance.region_id:
        region = Region.objects.filter(pk=instance.region_id).first()
        if region is not None:
            sync_region_editors(region)
