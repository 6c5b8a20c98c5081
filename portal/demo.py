"""What every section's demo builder shares: pages created once, published, and their English translations."""

from wagtail.models import Locale


class DemoPages:
    """Creates each demo page only if its slug is free, so running the demo again changes nothing.

    The English page is built directly as a translation (same translation_key, under the
    English parent) rather than through wagtail-localize's sync, which the demo does not need.
    """

    def __init__(self, home_en=None):
        self.english = home_en.locale if home_en else Locale.objects.get(language_code="en")
        self.created = 0

    def publish(self, page):
        page.save_revision().publish()
        self.created += 1
        return page

    def major_change(self, page, note):
        """Publish the page again as a major change with this note, once, so it has a change history."""
        if not page.change_notes.exists():
            page = page.specific_class.objects.get(pk=page.pk)  # as published, with its publication dates
            page.major_change, page.change_note = True, note
            self.publish(page)
        return page

    def child(self, parent, page_class, slug, **fields):
        existing = parent.get_children().filter(slug=slug).first()
        if existing:
            return existing.specific
        page = page_class(slug=slug, **fields)
        parent.add_child(instance=page)
        return self.publish(page)

    def translation(self, source, **fields):
        existing = source.get_translation_or_none(self.english)
        if existing:
            return existing.specific
        parent = source.get_parent()
        if not parent.is_root():  # a home's translation is another root child
            parent = parent.get_translation(self.english)
        page = source.specific_class(
            **fields, locale=self.english, translation_key=source.translation_key, show_in_menus=source.show_in_menus
        )
        parent.add_child(instance=page)
        return self.publish(page)
