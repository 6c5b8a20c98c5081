"""Who may see and change regulation versions before the public does.

Officers prepare versions (`change_version`, with `add_version` to import and `delete_version` to
delete drafts); reviewers publish and withdraw them (`publish_version`). Both must read the drafts:
in the admin and, before publishing, on the public site as they will read.
"""

SEE_VERSIONS = ("regulations.view_version", "regulations.change_version", "regulations.publish_version")


def can_see_versions(user):
    """Whoever may read versions, drafts included: the versions screens and a draft's preview on the site."""
    return user.is_active and any(user.has_perm(permission) for permission in SEE_VERSIONS)


def can_edit_versions(user):
    """Officers who may change drafts' texts and versions' details."""
    return user.is_active and user.has_perm("regulations.change_version")


def can_publish_versions(user):
    return user.is_active and user.has_perm("regulations.publish_version")


def can_add_versions(user):
    return user.is_active and user.has_perm("regulations.add_version")


def can_delete_versions(user):
    return user.is_active and user.has_perm("regulations.delete_version")
