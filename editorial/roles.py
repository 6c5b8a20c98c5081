"""The editorial roles: each group's permissions, kept in code and installed by migrations.

Editors (communications) prepare pages, notes and FAQs in both languages; transparency officers
prepare the Transparencia Activa tables and the regulations; reviewers approve (the review
workflow publishes what they approve, and they publish the officers' months and versions);
translators prepare English pages; administrators may do everything.

Page permissions are granted on a language's home or on a section's index page. Sections created
later (a new language's home, a new Transparencia index) get their grants when they are created.
Nobody but administrators holds "publish" below the tree's root: pages go live through the review
workflow (see workflow.py), so an editor's change cannot skip a reviewer.
"""

from dataclasses import dataclass, field

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db.models.signals import post_migrate, post_save
from django.dispatch import receiver

EDITORS = "Editores"
OFFICERS = "Oficiales de transparencia"
REVIEWERS = "Revisores"
TRANSLATORS = "Traductores"
ADMINISTRATORS = "Administradores"

# Wagtail's own first migration makes these two groups; they become ours, members included.
WAGTAIL_DEFAULT_GROUPS = {"Editors": EDITORS, "Moderators": REVIEWERS}

PREPARE = ("add", "change", "lock", "unlock")  # everything short of publishing
ALL_PAGE_ACTIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")

IMAGES_AND_DOCUMENTS = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)
CHOOSE_IMAGES_AND_DOCUMENTS = ("wagtailimages.choose_image", "wagtaildocs.choose_document")


@dataclass(frozen=True)
class Role:
    permissions: tuple = ()
    collection_permissions: tuple = ()  # on the root collection, so on every collection
    # {(page type, language code or None for the tree's root): page actions}
    pages: dict = field(default_factory=dict)
    everything: bool = False


ROLES = {
    EDITORS: Role(
        permissions=(
            "wagtailadmin.access_admin",
            "wagtail_localize.submit_translation",
            "notes.add_team",
            "notes.change_team",
            "notes.view_team",
            "faq.view_answerfeedback",
            "search.view_searchquerystat",
            "wagtailsearchpromotions.add_searchpromotion",
            "wagtailsearchpromotions.change_searchpromotion",
            "wagtailsearchpromotions.delete_searchpromotion",
            "wagtailsearchpromotions.view_searchpromotion",
        ),
        collection_permissions=IMAGES_AND_DOCUMENTS,
        pages={("portal.HomePage", "es"): PREPARE, ("portal.HomePage", "en"): PREPARE},
    ),
    OFFICERS: Role(
        permissions=(
            "wagtailadmin.access_admin",
            "wagtail_localize.submit_translation",
            "transparency.add_dataset",
            "transparency.change_dataset",
            "transparency.view_dataset",
            "transparency.add_datasetschema",
            "transparency.change_datasetschema",
            "transparency.view_datasetschema",
            "transparency.change_transparencysettings",
            "transparency.view_transparencysettings",
            "regulations.add_regulation",
            "regulations.change_regulation",
            "regulations.view_regulation",
            "regulations.add_version",
            "regulations.change_version",
            "regulations.delete_version",
            "regulations.view_version",
        ),
        collection_permissions=IMAGES_AND_DOCUMENTS,
        pages={
            (page_type, language): PREPARE
            for page_type in ("transparency.TransparencyIndexPage", "regulations.RegulationIndexPage")
            for language in ("es", "en")
        },
    ),
    REVIEWERS: Role(
        permissions=(
            "wagtailadmin.access_admin",
            "transparency.view_dataset",
            "transparency.publish_snapshot",
            "regulations.view_regulation",
            "regulations.view_version",
            "regulations.publish_version",
            "faq.view_answerfeedback",
            "search.view_searchquerystat",
        ),
        collection_permissions=CHOOSE_IMAGES_AND_DOCUMENTS,
        # Reviewers approve in the workflow; "publish" also lets them withdraw a live page.
        pages={("wagtailcore.Page", None): ("publish",)},
    ),
    TRANSLATORS: Role(
        permissions=("wagtailadmin.access_admin", "wagtail_localize.submit_translation"),
        collection_permissions=CHOOSE_IMAGES_AND_DOCUMENTS,
        pages={
            (page_type, "en"): PREPARE
            for page_type in ("portal.HomePage", "transparency.TransparencyIndexPage", "regulations.RegulationIndexPage")
        },
    ),
    ADMINISTRATORS: Role(everything=True, pages={("wagtailcore.Page", None): ALL_PAGE_ACTIONS}),
}


def install_roles(apps=global_apps):
    """Create the groups and give each exactly its role's permissions. Safe to run again."""
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore.Collection")

    for old_name, name in WAGTAIL_DEFAULT_GROUPS.items():
        if not Group.objects.filter(name=name).exists():
            Group.objects.filter(name=old_name).update(name=name)

    root_collection = Collection.objects.filter(depth=1).first()
    for name, role in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        if role.everything:
            group.permissions.set(Permission.objects.all())
        else:
            group.permissions.set(_permissions(Permission, role.permissions))
        GroupCollectionPermission.objects.filter(group=group).delete()
        if root_collection:
            collection_permissions = Permission.objects.all() if role.everything else _permissions(
                Permission, role.collection_permissions
            )
            GroupCollectionPermission.objects.bulk_create(
                GroupCollectionPermission(group=group, collection=root_collection, permission=permission)
                for permission in collection_permissions.filter(
                    content_type__app_label__in=("wagtailimages", "wagtaildocs")
                )
            )
        GroupPagePermission.objects.filter(group=group).delete()
        for (page_type, language), actions in role.pages.items():
            for page in _pages_of_type(apps, page_type, language):
                _grant(apps, group, page, actions)


def grant_section_permissions(page, apps=global_apps):
    """Give a newly created home or section index page the grants the roles hold on its kind."""
    Group = apps.get_model("auth.Group")
    page_type = page._meta.label
    language = page.locale.language_code
    for name, role in ROLES.items():
        actions = role.pages.get((page_type, language))
        group = actions and Group.objects.filter(name=name).first()
        if group:
            _grant(apps, group, page, actions)


@receiver(post_migrate)
def administrators_get_new_permissions(sender, apps=global_apps, **kwargs):
    """Permissions of apps added after the roles were installed go to administrators too."""
    create_permissions(sender, apps=apps, verbosity=0)  # auth's own receiver may not have run yet
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    administrators = Group.objects.filter(name=ADMINISTRATORS).first()
    if administrators:
        administrators.permissions.add(*Permission.objects.exclude(group=administrators))


SECTION_PAGE_TYPES = {page_type for role in ROLES.values() for page_type, language in role.pages if language}


@receiver(post_save)
def grant_on_new_section(sender, instance, created, raw=False, **kwargs):
    if created and not raw and sender._meta.label in SECTION_PAGE_TYPES:
        grant_section_permissions(instance)



def _permissions(Permission, labels):
    wanted = {tuple(label.split(".")) for label in labels}
    permissions = [
        permission.pk
        for permission in Permission.objects.select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in wanted
    ]
    missing = len(wanted) - len(permissions)
    if missing:
        raise LookupError(f"{missing} of these permissions do not exist: {sorted(labels)}")
    return Permission.objects.filter(pk__in=permissions)


def _pages_of_type(apps, page_type, language):
    Page = apps.get_model("wagtailcore.Page")
    ContentType = apps.get_model("contenttypes.ContentType")
    app_label, model = page_type.lower().split(".")
    if language is None:
        return Page.objects.filter(depth=1)
    content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
    return Page.objects.filter(content_type=content_type, locale__language_code=language)


def _grant(apps, group, page, actions):
    Permission = apps.get_model("auth.Permission")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    for action in actions:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")
        GroupPagePermission.objects.get_or_create(group=group, page_id=page.pk, permission=permission)
