"""StreamField blocks editors compose standard pages from."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class CallToActionBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=80, label=_("Button text"))
    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    url = blocks.CharBlock(required=False, max_length=300, label=_("Address"),
                           help_text=_("Used when no page is chosen."))

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "site/blocks/call_to_action.html"


class PartnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120, label=pgettext_lazy("of an organisation", "Name"))
    url = blocks.URLBlock(required=False, label=_("Website"))
    description = blocks.TextBlock(required=False, label=_("Description"))

    class Meta:
        icon = "group"
        label = _("Partner")
        template = "site/blocks/partner.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(required=False, max_length=120, label=_("Link text"),
                             help_text=_("Defaults to the document's title."))

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "site/blocks/document_link.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(form_classname="title", max_length=120, label=_("Heading"),
                               template="site/blocks/heading.html")
    paragraph = blocks.RichTextBlock(label=_("Paragraph"))
    image = ImageChooserBlock(label=_("Image"), template="site/blocks/image.html")
    document = DocumentLinkBlock()
    call_to_action = CallToActionBlock()
    partner = PartnerBlock()
