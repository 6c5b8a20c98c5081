"""Who may see and change regulation versions before the public does."""


def can_edit_versions(user):
    """Editors who may import and change drafts (and so preview them on the public site)."""
    return user.is_active and user.has_perm("regulations.change_version")


def can_publish_versions(user):
    return user.is_active and user.has_perm("regulations.publish_version")


def can_add_versions(user):
    return user.is_active and user.has_perm("regulations.add_version")


def can_delete_versions(user):
    return user.is_active and user.has_perm("regulations.delete_version")
