"""StreamField blocks editors compose standard pages from."""

from __future__ import annotations

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class CallToActionBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=80)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.CharBlock(required=False, max_length=300, help_text="Used when no page is chosen.")

    class Meta:
        icon = "link"
        template = "site/blocks/call_to_action.html"


class PartnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120)
    url = blocks.URLBlock(required=False)
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "group"
        template = "site/blocks/partner.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    label = blocks.CharBlock(required=False, max_length=120, help_text="Defaults to the document's title.")

    class Meta:
        icon = "doc-full"
        template = "site/blocks/document_link.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(form_classname="title", max_length=120, template="site/blocks/heading.html")
    paragraph = blocks.RichTextBlock()
    image = ImageChooserBlock(template="site/blocks/image.html")
    document = DocumentLinkBlock()
    call_to_action = CallToActionBlock()
    partner = PartnerBlock()
