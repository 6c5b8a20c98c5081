"""The review workflow every page goes through: an editor submits, a reviewer approves or asks
for changes (with comments), and approval publishes, at the scheduled time if one was set."""

from django.apps import apps as global_apps

from .roles import REVIEWERS

WORKFLOW_NAME = "Revisión editorial"
TASK_NAME = "Aprobación de un revisor"
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"  # made by Wagtail's migrations, replaced by ours


def install_review_workflow(apps=global_apps):
    """Assign the review workflow to the tree's root, so to every page of every language."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Workflow = apps.get_model("wagtailcore.Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    Task = apps.get_model("wagtailcore.Task")

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first() or GroupApprovalTask.objects.create(
        name=TASK_NAME, content_type=task_type, active=True
    )
    task.groups.set(Group.objects.filter(name=REVIEWERS))
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for root in Page.objects.filter(depth=1):
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})

    replaced = Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW)
    Task.objects.filter(workflow_tasks__workflow__in=replaced).update(active=False)
    replaced.filter(workflow_pages__isnull=True).update(active=False)
