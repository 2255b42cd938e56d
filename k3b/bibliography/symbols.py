"""The tables behind ``latex.py``: what each LaTeX command becomes.

Symbols come from latexcodec's table (a pybtex dependency, 146 commands such as ``\\ss``,
``\\alpha``, ``\\textendash``), completed by logos and the commands that real .bib files
use (TUGboat's, biblatex's, Zotero's and JabRef's exports).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Accent commands and their combining marks: \"u → ü, \c{c} → ç, \v{s} → š.
ACCENTS = {
    '"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304",
    ".": "\u0307", "c": "\u0327", "v": "\u030c", "u": "\u0306", "H": "\u030b", "k": "\u0328",
    "r": "\u030a", "d": "\u0323", "b": "\u0331", "t": "\u0361", "textcommabelow": "\u0326",
    "textogonekcentered": "\u0328",
}
MATH_ACCENTS = {
    "hat": "\u0302", "widehat": "\u0302", "bar": "\u0304", "overline": "\u0305", "tilde": "\u0303",
    "widetilde": "\u0303", "dot": "\u0307", "ddot": "\u0308", "acute": "\u0301", "grave": "\u0300",
    "check": "\u030c", "breve": "\u0306", "vec": "\u20d7", "mathring": "\u030a",
}

# Logos and names that are words: they must never disappear from a title.
LOGOS = {
    "TeX": "TeX", "LaTeX": "LaTeX", "LaTeXe": "LaTeX2ε", "BibTeX": "BibTeX", "BibLaTeX": "BibLaTeX",
    "biblatex": "biblatex", "AmS": "AMS", "AMS": "AMS", "AmSTeX": "AMS-TeX", "AMSTeX": "AMS-TeX",
    "AmSLaTeX": "AMS-LaTeX", "AMSLaTeX": "AMS-LaTeX", "LAMSTeX": "LAMS-TeX", "XeTeX": "XeTeX",
    "XeLaTeX": "XeLaTeX", "LuaTeX": "LuaTeX", "LuaLaTeX": "LuaLaTeX", "pdfTeX": "pdfTeX",
    "pdfLaTeX": "pdfLaTeX", "eTeX": "ε-TeX", "ConTeXt": "ConTeXt", "MF": "METAFONT",
    "METAFONT": "METAFONT", "MP": "MetaPost", "METAPOST": "MetaPost", "MetaPost": "MetaPost",
    "PiCTeX": "PiCTeX", "PiC": "PiC", "SliTeX": "SliTeX", "TeXXeT": "TeX-XeT", "TUB": "TUGboat",
    "TUG": "TUG", "AllTeX": "(La)TeX", "LaTeXTeX": "(La)TeX", "PS": "PostScript",
    "Postscript": "PostScript", "ExTeX": "ExTeX", "NTS": "NTS", "CTAN": "CTAN", "OMEGA": "Omega",
    "BibTeXe": "BibTeX", "slBibTeX": "BibTeX", "JBibTeX": "JBibTeX", "MakeIndex": "MakeIndex",
    "SGML": "SGML", "XML": "XML", "HTML": "HTML", "DVI": "DVI", "dvi": "dvi", "PDF": "PDF",
    "TeXbook": "The TeXbook", "MFbook": "The METAFONTbook", "ttfamilyTeX": "TeX",
}

# Symbols latexcodec leaves out, or gives another character than German text wants.
EXTRA_SYMBOLS = {
    "textquotedblleft": "“", "textquotedblright": "”", "textquoteleft": "‘", "textquoteright": "’",
    "quotedblbase": "„", "quotesinglbase": "‚", "glqq": "„", "grqq": "“", "glq": "‚", "grq": "‘",
    "flqq": "«", "frqq": "»", "flq": "‹", "frq": "›", "guilsinglleft": "‹", "guilsinglright": "›",
    "dq": '"', "textquotedbl": '"', "textquotesingle": "'", "textbar": "|", "textless": "<",
    "textgreater": ">", "textasciicircum": "^", "textunderscore": "_", "textbraceleft": "{",
    "textbraceright": "}", "textdollar": "$", "textpercent": "%", "textampersand": "&",
    "textexclamdown": "¡", "textquestiondown": "¿", "texttimes": "×", "textdiv": "÷",
    "textmu": "µ", "mu": "μ", "textminus": "−", "textperthousand": "‰", "texteuro": "€",
    "euro": "€", "EUR": "€", "textcent": "¢", "textsection": "§", "textparagraph": "¶",
    "textellipsis": "…", "dots": "…", "ldots": "…", "cdots": "⋯", "textasciimacron": "¯",
    "textasciiacute": "´", "textasciidieresis": "¨", "textasciibreve": "˘", "textasciicaron": "ˇ",
    "textonehalf": "½", "textonequarter": "¼", "textthreequarters": "¾", "textnumero": "№",
    "textordfeminine": "ª", "textordmasculine": "º", "textdagger": "†", "textdaggerdbl": "‡",
    "textbackslash": "\\", "bs": "\\", "slash": "/", "textslash": "/", "textfractionsolidus": "⁄",
    "Dash": "\u2014", "dash": "\u2013", "textemdash": "\u2014", "textendash": "\u2013",
    "textvisiblespace": "␣", "hyphen": "-", "textHyphen": "-", "nbhyphen": "-", "textregistered": "®",
    "texttrademark": "™", "textcopyright": "©",
    "textcelsius": "℃", "textohm": "Ω", "ohm": "Ω", "textdegree": "°", "degree": "°",
    "textpm": "±", "textlnot": "¬", "textperiodcentered": "·", "textbullet": "•",
    "textleftarrow": "←", "textrightarrow": "→", "textuparrow": "↑", "textdownarrow": "↓",
    "IJ": "Ĳ", "ij": "ĳ", "NG": "Ŋ", "ng": "ŋ", "j": "ȷ", "SS": "SS", "varepsilon": "ε",
    "vartheta": "ϑ", "varpi": "ϖ", "varrho": "ϱ", "varsigma": "ς", "le": "≤", "ge": "≥",
    "ne": "≠", "to": "→", "gets": "←", "mid": "∣", "lnot": "¬", "land": "∧", "lor": "∨",
    "langle": "⟨", "rangle": "⟩", "lbrace": "{", "rbrace": "}", "lbrack": "[", "rbrack": "]",
    "vert": "|", "Vert": "‖", "prime": "′", "circ": "∘", "bullet": "•", "star": "⋆",
    "equiv": "≡", "simeq": "≃", "cong": "≅", "propto": "∝", "ll": "≪", "gg": "≫",
    "hookrightarrow": "↪", "hookleftarrow": "↩", "Longrightarrow": "⟹", "Longleftarrow": "⟸",
    "longleftarrow": "⟵", "longleftrightarrow": "⟷", "implies": "⟹", "iff": "⟺", "nearrow": "↗",
    "searrow": "↘", "leadsto": "⇝", "vdots": "⋮", "ddots": "⋱", "sharp": "♯",
    "flat": "♭", "natural": "♮", "clubsuit": "♣", "diamondsuit": "♢", "heartsuit": "♡",
    "spadesuit": "♠", "angle": "∠", "leftrightarrow": "↔", "Leftrightarrow": "⇔",
    "mapsto": "↦", "uparrow": "↑",
    "downarrow": "↓", "longrightarrow": "⟶", "hbar": "ℏ", "Re": "ℜ", "Im": "ℑ", "aleph": "ℵ",
    "wp": "℘", "perp": "⊥", "parallel": "∥", "setminus": "∖", "oplus": "⊕", "otimes": "⊗",
    "sqcup": "⊔", "sqcap": "⊓", "vdash": "⊢", "models": "⊨", "top": "⊤", "bot": "⊥",
    "triangle": "△", "Box": "□", "Diamond": "◇", "checkmark": "✓", "dagger": "†", "ddagger": "‡",
    "S": "§", "P": "¶", "copyright": "©", "pounds": "£", "textsterling": "£",
}
LOGOS_LOWER = {"tex": "TeX", "latex": "LaTeX", "bibtex": "BibTeX"}

# Commands that take one argument and change how it looks.
WRAPPERS = {
    "emph": "em", "textit": "em", "textsl": "em", "mkbibemph": "em", "mkbibitalic": "em",
    "textem": "em", "textbf": "strong", "mkbibbold": "strong", "texttt": "code", "code": "code",
    "textsubscript": "sub", "textsuperscript": "sup", "mkbibsuperscript": "sup",
    "textrm": "text", "textsf": "text", "textup": "text", "textnormal": "text", "textmd": "text",
    "textsc": "text", "textlf": "text", "mbox": "text", "hbox": "text", "fbox": "text",
    "text": "text", "mathrm": "text", "mathit": "text", "mathbf": "text", "mathsf": "text",
    "mathtt": "text", "mathcal": "text", "mathbb": "text", "mathfrak": "text", "mathscr": "text",
    "boldsymbol": "text", "bm": "text", "operatorname": "text", "underline": "text", "uline": "text",
    "sout": "text", "acro": "text", "acronym": "text", "ac": "text", "textsmaller": "text",
    "textlarger": "text", "smc": "text", "NoCaseChange": "text",
    "nocase": "text", "bibstring": "text", "ensuremath": "math", "uppercase": "upper",
    "MakeUppercase": "upper", "MakeTextUppercase": "upper", "lowercase": "lower",
    "MakeLowercase": "lower", "MakeTextLowercase": "lower", "enquote": "quote",
    "mkbibquote": "quote", "foreignquote": "quote", "textquote": "quote", "enquote*": "quote*",
    "mkbibparens": "parens", "mkbibbrackets": "brackets", "url": "url", "nolinkurl": "url",
    "doi": "url", "path": "verb", "verb": "verb", "href": "second", "texorpdfstring": "second",
    "textcolor": "second", "colorbox": "second", "raisebox": "second", "scalebox": "second",
    "foreignlanguage": "language", "textlang": "language", "discretionary": "third",
    "resizebox": "third", "frac": "frac", "dfrac": "frac", "tfrac": "frac", "sqrt": "sqrt",
    "mkbibordinal": "ordinal", "nth": "ordinal", "char": "char", "kern": "dimension",
    "hskip": "dimension", "vskip": "dimension", "raise": "dimension", "lower": "dimension",
    "mkern": "dimension", "mskip": "dimension", "hspace": "space-argument",
}
# Declarations that change the rest of their group ({\em x}); "" means no visible change.
DECLARATIONS = {
    "em": "em", "it": "em", "itshape": "em", "sl": "em", "slshape": "em", "bf": "strong",
    "bfseries": "strong", "tt": "code", "ttfamily": "code", "rm": "", "rmfamily": "", "sf": "",
    "sffamily": "", "sc": "", "scshape": "", "upshape": "", "normalfont": "", "mdseries": "",
    "tiny": "", "scriptsize": "", "footnotesize": "", "small": "", "normalsize": "", "large": "",
    "Large": "", "LARGE": "", "huge": "", "Huge": "", "ssf": "", "smaller": "", "larger": "",
    "boldmath": "", "unboldmath": "", "selectlanguage": "",
}
SPACES = {
    "quad": " ", "qquad": " ", "enspace": " ", "enskip": " ", "space": " ", "thinspace": "\u202f",
    "nobreakspace": "\u00a0", "nobreak": "", "par": " ", "newline": " ", "linebreak": " ",
    "break": " ", "hfill": " ", "hfil": " ", "medskip": " ", "smallskip": " ", "bigskip": " ",
    "negthinspace": "", "allowbreak": "", "quad*": " ",
}
IGNORED = frozenset({
    "relax", "protect", "null", "xspace", "ignorespaces", "unskip", "noindent", "leavevmode",
    "makeatletter", "makeatother", "displaystyle", "textstyle", "scriptstyle", "left", "right",
    "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "middle",
    "limits", "nolimits", "strut", "mathstrut", "else", "fi", "ifmmode", "vfill", "clearpage",
    "newpage", "centering", "raggedright", "hyphenpenalty", "sloppy", "noexpand",
    "nolinebreak", "item",
})
# Commands whose arguments are not text (\noopsort only orders an entry; \label, \index …).
DROP_ARGUMENT = {
    "noopsort": 1, "vphantom": 1, "phantom": 1, "label": 1, "index": 1, "vspace": 1,
    "hyphenation": 1, "begin": 1, "end": 1, "cite": 1, "citep": 1, "citet": 1, "parencite": 1,
    "textcite": 1, "autocite": 1, "footnote": 1, "footcite": 1, "ref": 1, "pageref": 1,
    "eqref": 1, "usepackage": 1, "input": 1, "include": 1, "color": 1, "pdfbookmark": 2,
    "addcontentsline": 3, "setlength": 2, "sortname": 1, "printfirst": 1, "switchargs": 2,
    "singleletter": 1, "SortNoop": 1, "noop": 1, "nocite": 1, "newblock": 0, "bibnamedelima": 0,
    "bibnamedelimb": 0, "bibnamedelimc": 0, "bibnamedelimd": 0, "bibnamedelimi": 0,
    "iffalse": 0, "cyrchar": 0, "bibcyr": 0, "IeC": 0, "hphantom": 1, "ignore": 1,
}
# Operators and functions in math, as words: $\log n$ → "log n".
MATH_WORDS = dict.fromkeys((
    "log", "ln", "lg", "exp", "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos",
    "arctan", "sinh", "cosh", "tanh", "min", "max", "sup", "inf", "lim", "liminf", "limsup",
    "det", "dim", "ker", "deg", "gcd", "Pr", "arg", "mod", "bmod", "pmod",
), "")
MATH_WORDS.update({"colon": ":", "cdot": "·", "times": "×", "ast": "∗", "pm": "±", "mp": "∓"})

SUBSCRIPTS = dict(zip("0123456789+-−=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ", strict=True))
SUPERSCRIPTS = dict(zip("0123456789+-−=()inTo∘*", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁱⁿᵀᵒ°*", strict=True))
SUPERSCRIPTS.update({"\u2218": "°", "′": "′", "a": "ᵃ", "b": "ᵇ", "c": "ᶜ", "d": "ᵈ", "e": "ᵉ",
                     "h": "ʰ", "k": "ᵏ", "m": "ᵐ", "p": "ᵖ", "r": "ʳ", "s": "ˢ", "t": "ᵗ",
                     "x": "ˣ", "y": "ʸ", "z": "ᶻ"})

# Babel language names to BCP 47 tags, for \foreignlanguage and langid.
LANGUAGE_TAGS = {
    "english": "en", "american": "en", "british": "en", "usenglish": "en", "ukenglish": "en",
    "canadian": "en", "australian": "en", "newzealand": "en", "en": "en", "en-us": "en",
    "en-gb": "en", "german": "de", "ngerman": "de", "deutsch": "de", "austrian": "de",
    "naustrian": "de", "swissgerman": "de", "nswissgerman": "de", "de": "de", "de-de": "de",
    "de-at": "de", "de-ch": "de", "french": "fr", "francais": "fr", "français": "fr", "fr": "fr",
    "italian": "it", "it": "it", "spanish": "es", "es": "es", "portuguese": "pt", "brazil": "pt",
    "brazilian": "pt", "pt": "pt", "dutch": "nl", "nl": "nl", "danish": "da", "da": "da",
    "swedish": "sv", "sv": "sv", "norwegian": "no", "norsk": "no", "nynorsk": "nn", "no": "no",
    "finnish": "fi", "fi": "fi", "polish": "pl", "pl": "pl", "czech": "cs", "cs": "cs",
    "russian": "ru", "ru": "ru", "ukrainian": "uk", "uk": "uk", "greek": "el", "el": "el",
    "turkish": "tr", "tr": "tr", "hungarian": "hu", "magyar": "hu", "hu": "hu", "latin": "la",
    "la": "la", "japanese": "ja", "ja": "ja", "chinese": "zh", "zh": "zh", "arabic": "ar",
    "ar": "ar", "hebrew": "he", "he": "he", "catalan": "ca", "ca": "ca", "croatian": "hr",
    "serbian": "sr", "slovak": "sk", "slovene": "sl", "slovenian": "sl", "estonian": "et",
    "latvian": "lv", "lithuanian": "lt", "romanian": "ro", "bulgarian": "bg", "icelandic": "is",
    "irish": "ga", "welsh": "cy", "korean": "ko", "persian": "fa", "farsi": "fa", "hindi": "hi",
    "lowersorbian": "dsb", "uppersorbian": "hsb",
}


@lru_cache(maxsize=1)
def symbol_table() -> dict[str, str]:
    """Every argument-free command that becomes a character or a word."""
    from latexcodec.codec import load_unicode_latex_table

    table: dict[str, str] = {}
    for translation in load_unicode_latex_table():
        if translation.decode and re.fullmatch(r"\\[A-Za-z]+", translation.latex):
            table.setdefault(translation.latex[1:], translation.unicode)
    table.update(EXTRA_SYMBOLS)
    table.update(LOGOS)
    table.update(LOGOS_LOWER)
    table["quad"] = " "
    return table
