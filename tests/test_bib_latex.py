"""LaTeX in BibTeX values: real-world values and the exact text (and HTML) they must become.

Sources of the values: TUGboat's bibliography (Nelson Beebe, in pybtex's sdist), biblatex's
``biblatex-examples.bib``, Better BibTeX's and JabRef's test fixtures, and K3B's own
literature list; the rest are the cases issue 12 names.
"""

from __future__ import annotations

import pytest

from k3b.bibliography.latex import convert, to_text

NBSP, NNBSP = "\u00a0", "\u202f"

# (value as in the .bib, text it must become)
REAL_WORLD = [
    # TUGboat: logos stay words, quotes become German typographic quotes
    (r"{{\AmSTeX\Dash``A very friendly product}''}", "AMS-TeX—„A very friendly product“"),
    (r"{``Poor man's'' {\TeX}}", "„Poor man’s“ TeX"),
    (r"{``Small'' \TeX\ implementations}", "„Small“ TeX implementations"),
    (r"{Comment on ``\TeX\ does windows''}", "Comment on „TeX does windows“"),
    (r"{6th Meeting of the ``\TeX-Interessenten'' in Germany}", "6th Meeting of the „TeX-Interessenten“ in "
        "Germany"),
    (r"{7 bits good, 8 bits bad {\sl or\/} ``The eight-bit approach''}",
     "7 bits good, 8 bits bad or „The eight-bit approach“"),
    (r"{Comments on ``Filenames for Fonts'' ({\TUB} 11\#4)}", "Comments on „Filenames for Fonts“ (TUGboat "
        "11#4)"),
    (r"{{\LaTeX} 2.09 $\hookrightarrow$ {\LaTeX}3}", "LaTeX 2.09 ↪ LaTeX3"),
    (r"{Publishing \& \TeX}", "Publishing & TeX"),
    (r"International Standards and \TeX", "International Standards and TeX"),
    (r"{Don't just {\tt\char`\\let} {\TeX} hang}", "Don’t just \\let TeX hang"),
    (r"{\BibTeX} 1.0", "BibTeX 1.0"),
    (r"{The {\METAFONT}book}", "The METAFONTbook"),
    (r"{\MF} and {\MP} in {\LaTeXe}", "METAFONT and MetaPost in LaTeX2ε"),
    # biblatex-examples.bib
    (r"The {\TeX book}", "The TeXbook"),
    (r"{{\TeX}: The Program}", "TeX: The Program"),
    (r"Revue d'Histoire Eccl{\'e}siastique", "Revue d’Histoire Ecclésiastique"),
    (r"Computation of methodology\hyphen independent ionic solvation",
     "Computation of methodology-independent ionic solvation"),
    (r'\mkbibquote{Intention} und \mkbibquote{Intentionalit{\"a}t}', "„Intention“ und „Intentionalität“"),
    (r'{\"U}ber die M{\"o}glichkeit der Conjunktion', "Über die Möglichkeit der Conjunktion"),
    (r"Computers \& Typesetting", "Computers & Typesetting"),
    (r"saturated {Pd-N}-heterocyclic carbenes in {Mizoroki-Heck} reactions",
     "saturated Pd-N-heterocyclic carbenes in Mizoroki-Heck reactions"),
    (r"core diameters from 1.5 to 5.2~nm", f"core diameters from 1.5 to 5.2{NBSP}nm"),
    (r"Some remarks on {'t~Hooft's} {S}-matrix", f"Some remarks on ’t{NBSP}Hooft’s S-matrix"),
    (r"Angew.~Chem. Int.~Ed.", f"Angew.{NBSP}Chem. Int.{NBSP}Ed."),
    (r"Bron{\'\i}s{\l}aw Malinowski", "Bronísław Malinowski"),
    (r'Aks{\i}n, {\"O}zge', "Aksın, Özge"),
    (r"Ko{\l}{\l}{\k{a}}taj", "Kołłątaj"),
    (r'{\AA}ngstr{\"o}m', "Ångström"),
    # Better BibTeX exports
    (r"Reading {{HLA Hart}}'s: {{{\mkbibemph{The Concept}}}}{\mkbibemph{ of }}{{{\mkbibemph{Law}}}}",
     "Reading HLA Hart’s: The Concept of Law"),
    (r"bugreports\_{{ApostropheOnParticle}}", "bugreports_ApostropheOnParticle"),
    (r"{{(Liquid+liquid) Equilibrium of \{water+phenol\}}}", "(Liquid+liquid) Equilibrium of {water+phenol}"),
    # K3B's literature list and the cases issue 12 names
    (r"The `Social Gap' in Wind Farm Siting Decisions", "The ‚Social Gap‘ in Wind Farm Siting Decisions"),
    (r"H$_2$O und CO$_2$ im Vergleich", "H₂O und CO₂ im Vergleich"),
    (r"Bestimmtheitsma{\ss} $R^2$ der Regression", "Bestimmtheitsmaß R² der Regression"),
    (r"z.\,B. in der Altmark", f"z.{NNBSP}B. in der Altmark"),
    (r"Ein\-wohner\-befragung", "Einwohnerbefragung"),
    (r"Auf\/lage", "Auflage"),
    (r"$10^{-3}$ Sekunden", "10⁻³ Sekunden"),
    (r"\enquote{Nicht vor meiner Haustür}", "„Nicht vor meiner Haustür“"),
    (r"\enquote{Zitat mit \enquote{innen}}", "„Zitat mit ‚innen‘“"),
    (r"Kosten von 5\,\$ pro Kopf", f"Kosten von 5{NNBSP}$ pro Kopf"),
    (r"\emph{Kursiv} und \textbf{fett}", "Kursiv und fett"),
    (r"Mehr unter \url{https://example.org/a--b_c}", "Mehr unter https://example.org/a--b_c"),
    (r"\href{https://example.org}{Projektseite} des Netzwerks", "Projektseite des Netzwerks"),
    (r'{\"a}{\"o}{\"u}{\ss} {\"A}{\"O}{\"U}', "äöüß ÄÖÜ"),
    (r"\v{S}koda und {\v{C}}esk{\'y}", "Škoda und Český"),
    (r"$\alpha$-Strahlung und $\beta$-Zerfall", "α-Strahlung und β-Zerfall"),
    (r"1950--2018---ein Rückblick", "1950–2018—ein Rückblick"),
    (r"Mo{\c{c}}ambique", "Moçambique"),
    (r"$\geq$ 50 Prozent", "≥ 50 Prozent"),
    (r"{$$}Leere Formel", "Leere Formel"),
    (r"CO\textsubscript{2}-Bilanz", "CO₂-Bilanz"),
    (r"{UN} und {{Landesamt f{\"u}r Umwelt}}", "UN und Landesamt für Umwelt"),
    (r"\noopsort{a}Zeta", "Zeta"),
    ("a  \n b", "a b"),
]


@pytest.mark.parametrize(("latex", "text"), REAL_WORLD)
def test_real_world_values(latex, text):
    assert to_text(latex) == text


def test_the_table_is_large_enough():
    assert len(REAL_WORLD) >= 40


@pytest.mark.parametrize(("latex", "html"), [
    (r"\emph{Kursiv} und \textbf{fett}", "<em>Kursiv</em> und <strong>fett</strong>"),
    (r"{\em betont} normal", "<em>betont</em> normal"),
    (r"{\it alt} und \textit{neu}", "<em>alt</em> und <em>neu</em>"),
    (r"Reading {{{\mkbibemph{The Concept}}}}{\mkbibemph{ of }}{{{\mkbibemph{Law}}}}",
     "Reading <em>The Concept of Law</em>"),
    (r"\texttt{pdf\_x}", "<code>pdf_x</code>"),
    (r"1\textsuperscript{st} place", "1<sup>st</sup> place"),
    (r"$x_{bc}$", "x<sub>bc</sub>"),
    (r"<script>alert(1)</script> \& Co", "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"),
    (r"\href{javascript:alert(1)}{Klick}", "Klick"),
    (r"\foreignlanguage{english}{Wind Farm}", '<span lang="en">Wind Farm</span>'),
])
def test_markup_keeps_its_meaning_in_html(latex, html):
    assert convert(latex)[0] == html


@pytest.mark.parametrize(("latex", "german", "text"), [
    ('"`Energiewende"\' im Dorf', False, "„Energiewende“ im Dorf"),
    ('"`Energiewende"\' im Dorf', True, "„Energiewende“ im Dorf"),
    ('Stra"se und "Ubergang', True, "Straße und Übergang"),
    ('He said "hello" to me', False, "He said „hello“ to me"),
])
def test_babel_shorthands_only_for_german_entries(latex, german, text):
    assert convert(latex, german=german)[1] == text


def test_unknown_commands_keep_their_text_and_are_reported():
    seen: list[str] = []
    assert convert(r"Ein \foo{Argument} und ein \VAX{} und \bar", seen.append)[1] == \
        "Ein Argument und ein VAX und bar"
    assert seen == ["foo", "VAX", "bar"]
    # Cached values still report (convert remembers what it saw, not whether it told).
    again: list[str] = []
    convert(r"Ein \foo{Argument} und ein \VAX{} und \bar", again.append)
    assert again == seen


@pytest.mark.parametrize("value", [r"\emph{x", r"{{{a}", r"}}}b", r"$x^", r"\'", r"\verb|abc", r"\char",
                                   "\\", "$$", r"\href{u}", r"\frac{1}", "{" * 200 + "x"])
def test_broken_latex_never_raises(value):
    html, text = convert(value)
    assert "\\" not in text.replace("\\\\", "") or value == "\\"
    assert "<" not in html.replace("<em>", "").replace("</em>", "").replace("<code>", "").replace("</code>",
                                                                                                  "") \
        .replace("<sup>", "").replace("</sup>", "")
