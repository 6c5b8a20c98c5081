"""A link from an answer to one article of a regulation, as in force on the day it is read."""

import re

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from regulations.models import LABEL_PATTERN, Provision


class RegulationArticleValue(blocks.StructValue):
    @cached_property
    def provision(self):
        """The article as in the regulation's latest published version that has it (for its name)."""
        page = self.get("regulation")
        if page is None:
            return None
        return (
            Provision.objects.filter(
                version__regulation_id=page.specific.regulation_id,
                version__published_at__isnull=False,
                label=self.get("article"),
            )
            .order_by("-version__effective_from")
            .first()
        )

    def url(self):
        """The article's undated address, which redirects to the version in force today."""
        page = self.get("regulation")
        return f"{page.localized.url}{self.get('article')}/" if page else ""


class RegulationArticleBlock(blocks.StructBlock):
    regulation = blocks.PageChooserBlock(page_type="regulations.RegulationPage", label=_("Regulation"))
    article = blocks.CharBlock(
        label=_("Article"),
        max_length=60,
        help_text=_("The article's label as in its address, e.g. art-12, art-12-bis or art-1-transitorio."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Regulation article")
        value_class = RegulationArticleValue

    def clean(self, value):
        value = super().clean(value)
        label = value.get("article", "").strip().lower()
        value["article"] = label
        if not re.fullmatch(LABEL_PATTERN, label):
            error = _("Write the label as in the article's address, e.g. art-12.")
        elif value.provision is None:
            error = _("No published version of this regulation has %(label)s.") % {"label": label}
        else:
            return value
        raise StructBlockValidationError(block_errors={"article": ValidationError(error)})
