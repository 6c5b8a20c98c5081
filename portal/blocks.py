"""StreamField blocks shared by the portal's page types."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class CalloutBlock(blocks.StructBlock):
    """A highlighted box for deadlines, warnings or contact details."""

    title = blocks.CharBlock(label=_("Title"), required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "warning"
        label = _("Call-out")
        template = "portal/blocks/callout.html"


class DocumentLinkBlock(blocks.StructBlock):
    """A downloadable document with a human label (the file name is rarely one)."""

    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(label=_("Link text"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Downloadable document")
        template = "portal/blocks/document_link.html"


SOCIAL_NETWORKS = [
    ("x", "X (Twitter)"),
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("youtube", "YouTube"),
    ("linkedin", "LinkedIn"),
    ("mastodon", "Mastodon"),
    ("other", _("Other")),
]


class SocialLinkValue(blocks.StructValue):
    def display_label(self):
        """The editor's text, else the network's name (never its internal key)."""
        return self.get("label") or dict(SOCIAL_NETWORKS).get(self.get("network"), "")


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(label=_("Network"), choices=SOCIAL_NETWORKS)
    url = blocks.URLBlock(label=_("Address (URL)"))
    label = blocks.CharBlock(
        label=_("Text shown"), required=False, help_text=_("Defaults to the network's name.")
    )

    class Meta:
        icon = "link"
        label = _("Social link")
        value_class = SocialLinkValue


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), form_classname="title", template="portal/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(label=_("Paragraph"))
    quote = blocks.BlockQuoteBlock(label=_("Quote"))
    image = ImageBlock(label=_("Image"))
    embed = EmbedBlock(
        label=_("Embedded media"),
        help_text=_("Address of a video or post (YouTube, Vimeo…); readers without it get a link."),
        template="portal/blocks/embed.html",
    )
    table = TableBlock(label=_("Table"), template="portal/blocks/table.html")
    callout = CalloutBlock()
    document = DocumentLinkBlock()
