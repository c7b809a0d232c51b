"""The volunteers file's Language column: the ways people write a language,
read to a code of settings.LANGUAGES (en, es, zh-hant, zh-hans).

Chinese is two written languages here: Traditional and Simplified
characters. A spoken variety says which one its reader most likely reads:
Cantonese speakers (Hong Kong, Guangdong, the region's older families) read
Traditional; Mandarin speakers are mostly from mainland China, who read
Simplified (a Taiwanese family that writes "Mandarin" can still be corrected
on the person's page, and the volunteer can choose on /my/). "Chinese" alone
does not say which characters, so it is refused with a message asking for
one rather than guessed.
"""

from __future__ import annotations

import re
import unicodedata

from django.utils.translation import gettext

from coachready.imports.values import CellError, clean_text

_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("en", "en-us", "en-gb", "eng", "english", "inglés", "ingles", "英文", "英語", "英语"),
    "es": ("es", "es-mx", "es-us", "es-419", "spa", "spanish", "español", "espanol", "castellano",
           "西班牙文", "西班牙語", "西班牙语"),
    "zh-hant": ("zh-hant", "zh-tw", "zh-hk", "zh-mo", "chinese (traditional)", "traditional chinese",
                "chinese traditional", "chino tradicional", "chino (tradicional)", "繁體中文", "繁体中文",
                "中文（繁體）", "中文(繁體)", "繁體", "繁体", "正體中文", "cantonese", "cantonés", "cantones",
                "廣東話", "广东话", "粵語", "粤语"),
    "zh-hans": ("zh-hans", "zh-cn", "zh-sg", "chinese (simplified)", "simplified chinese", "chinese simplified",
                "chino simplificado", "chino (simplificado)", "简体中文", "簡體中文", "中文（简体）", "中文(简体)",
                "简体", "簡體", "mandarin", "mandarín", "mandarin chinese", "普通话", "普通話", "國語", "国语"),
}
# Words that name Chinese without saying which characters.
_AMBIGUOUS = ("zh", "chinese", "chino", "中文", "華語", "华语", "汉语", "漢語")


def language_key(text: str) -> str:
    """Case, width, accents kept, but spaces, brackets, dashes and
    underscores ignored: "Chinese (Traditional)" = "chinese-traditional",
    "ZH_Hant" = "zh-hant", "中文（繁體）" = "中文(繁體)"."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s()\[\]\-_,/.:;]", "", folded)


_BY_KEY = {language_key(word): code for code, words in _WORDS.items() for word in words}
_AMBIGUOUS_KEYS = {language_key(word) for word in _AMBIGUOUS}


def parse_language(value: object) -> str:
    """A language code from a cell; "" for an empty cell; CellError for a
    value that names no language the product speaks, or Chinese without
    saying which characters."""
    text = clean_text(value, max_chars=40)
    if not text:
        return ""
    key = language_key(text)
    code = _BY_KEY.get(key)
    if code is not None:
        return code
    if key in _AMBIGUOUS_KEYS:
        raise CellError(gettext(
            "“%(value)s” does not say which characters: write Chinese (Traditional) or Chinese (Simplified)"
        ) % {"value": text})
    raise CellError(gettext(
        "“%(value)s” is not a language CoachReady speaks; use English, Spanish, Chinese (Traditional) "
        "or Chinese (Simplified), or the codes en, es, zh-hant, zh-hans"
    ) % {"value": text})
