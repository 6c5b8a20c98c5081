"""Admin forms of the transparency pages: checks that need the parent page, which a new page
only knows through the form (it has no place in the tree until it is saved)."""

from django.utils.translation import gettext_lazy as _

from portal.forms import PortalPageForm


class CategoryPageForm(PortalPageForm):
    def clean(self):
        cleaned_data = super().clean()
        letter = cleaned_data.get("letter")
        siblings = type(self.instance).objects.child_of(self.parent_page).filter(letter=letter)
        if letter and siblings.exclude(pk=self.instance.pk).exists():
            self.add_error("letter", _("This letter already has a page here."))
        return cleaned_data


class DatasetPageForm(PortalPageForm):
    def clean(self):
        cleaned_data = super().clean()
        dataset = cleaned_data.get("dataset")
        letter = getattr(self.parent_page.specific, "letter", None)
        if dataset and letter and dataset.category != letter:
            self.add_error(
                "dataset", _("This dataset belongs to letter %(letter)s) of art. 7.") % {"letter": dataset.category}
            )
        return cleaned_data
