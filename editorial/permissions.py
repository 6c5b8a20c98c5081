"""Page permissions that stop at sections with their own editors.

Wagtail's page permissions flow down the tree. Editors are granted each language's home, so
without this they would also reach the transparency and regulation sections below it, which
are the transparency officers' (granted on those sections' own pages).
"""

from wagtail.models import PagePermissionTester

SECTION_DEPTH = 3  # root (1) → a language's home (2) → a section such as Transparencia (3)


class SectionPermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        if hasattr(self, "permissions") and getattr(page.specific_class, "has_own_editors", False):
            self.permissions = {
                grant.permission.codename.rsplit("_", maxsplit=1)[0]
                for grant in self.permission_policy.get_cached_permissions_for_user(user)
                if page.path.startswith(grant.page.path) and reaches_into_section(grant.page)
            }


def reaches_into_section(granted_page):
    """Grants on the tree's root (administrators) or within the section itself; not on a home."""
    return granted_page.depth == 1 or granted_page.depth >= SECTION_DEPTH
