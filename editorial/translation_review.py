"""Translations go through the same review as everything else.

wagtail-localize's editor only offers "Publish", which needs the publish permission that
translators do not hold. Here a translator (or an editor) turns the translated strings into a
draft of the English page and submits it to the review workflow; a reviewer's approval
publishes it. Syncing a changed Spanish page may publish its translations only for users
who could publish them anyway.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail import hooks
from wagtail.admin import messages
from wagtail.models import WorkflowState
from wagtail_localize.models import Translation
from wagtail_localize.views.update_translations import UpdateTranslationsView


def submit_translation_for_review(translation, user):
    """Save the translated strings as a draft of the target page and start (or resume) its review."""
    translation.save_target(user=user, publish=False)
    page = translation.get_target_instance()
    state = page.current_workflow_state
    if state is None:
        page.get_workflow().start(page, user)
    elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    return page


class SubmitTranslationForReviewView(View):
    def post(self, request, translation_id):
        translation = get_object_or_404(Translation.objects.select_related("target_locale"), pk=translation_id)
        page = translation.get_target_instance()
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        if page.get_workflow() is None:
            messages.error(request, _("No review workflow applies to this page: ask an administrator."))
        else:
            submit_translation_for_review(translation, request.user)
            messages.success(
                request,
                _("The translation of “%(title)s” is saved as a draft and submitted for review.")
                % {"title": page.get_admin_display_title()},
            )
        return redirect("wagtailadmin_pages:edit", page.pk)


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    """Sync the translations of a changed source; only those who may publish them all can publish at once."""

    def get_form(self):
        form = super().get_form()
        if not self.user_can_publish_translations():
            publish = form.fields["publish_translations"]
            publish.disabled = True
            publish.help_text = gettext_lazy(
                "Translations are published by a reviewer: after syncing, translate the new text and "
                "submit the translation for review."
            )
        return form

    def user_can_publish_translations(self):
        translations = self.object.translations.filter(enabled=True).select_related("target_locale")
        return all(
            target.permissions_for_user(self.request.user).can_publish()
            for target in (translation.get_target_instance() for translation in translations)
            if hasattr(target, "permissions_for_user")
        )


@hooks.register("register_admin_urls")
def translation_review_urls():
    """Registered before wagtail-localize's own hooks, so its sync URL reaches the reviewed view."""
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            ReviewedUpdateTranslationsView.as_view(),
        ),
        path(
            "translations/<int:translation_id>/submit-for-review/",
            SubmitTranslationForReviewView.as_view(),
            name="editorial_submit_translation_for_review",
        ),
    ]
