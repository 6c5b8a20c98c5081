"""What the portal's admin reports share."""

from django.utils import translation


class ExportInEditorsLanguage:
    """The CSV in the editor's language: it is written as it streams, after the view has returned
    and the admin has put the site's default language back."""

    def stream_csv(self, queryset):
        rows, language = super().stream_csv(queryset), translation.get_language()

        def in_editors_language():
            with translation.override(language):
                yield from rows

        return in_editors_language()
