"""The rules engine's Wordings in the reader's language (issue 17).

`render.render(wording)` is the one way a page, an email or a message turns
an engine explanation into words; `policy_texts` is the one place policy
titles and texts inside those sentences come from.
"""
