"""The appendix "Hoe is dit gemaakt" of every report: method in plain Dutch, said once.

Sections show results; how they were made is told here, in words a reader without a
statistics course can follow: which data, which comparison, what a method assumes and what
it cannot show, and how privacy is protected. Only what the report itself uses is explained:
a paragraph per result its sections need (:data:`UITLEG`, keyed by the names of
:mod:`rapporten.resultaten`), one on stories when it shows any. Provenance (fingerprint,
versions) stays in the colophon.
"""

from __future__ import annotations

from impact.opmaak import N_
from rapporten.gemeenschappelijk import Context
from rapporten.model import Sectie, Tekst, Verhalen

TITEL = N_("Hoe is dit gemaakt")

GEGEVENS = N_(
    "De cijfers komen uit de registratie van de organisaties: wie welke hulp kreeg (trajecten "
    "per interventie) en hoe het de cliënten ging volgens de Zelfredzaamheid-Matrix. Die "
    "matrix scoort per levensgebied, zoals financiën, huisvesting en sociaal netwerk, van 1 "
    "(acute problematiek) tot 5 (volledig zelfredzaam). Een professional vult hem in bij de "
    "start van de hulp en daarna ongeveer elk half jaar."
)
ZELF = N_(
    "Een deel van de cliënten vulde ook zelf een vragenlijst in: Positieve Gezondheid (zes "
    "dimensies, elk van 0 tot 10) of de Zelfredzaamheid-Matrix over zichzelf. Die scores "
    "staan apart van die van de professionals en worden er nooit mee opgeteld."
)
PERIODE = N_("De metingen in dit rapport lopen van {van} tot en met {tot}.")
SELECTIE = N_("Dit rapport gaat alleen over: {selectie}.")

# one paragraph per result a section can need; a new result in rapporten.resultaten gets its
# paragraph here (a test checks that every result has one)
UITLEG: dict[str, str] = {
    "paren": N_(
        "Verandering is per cliënt het verschil tussen de eerste en de laatste meting, als die "
        "minstens drie maanden uit elkaar liggen. Dat beschrijft wat er gebeurde, maar bewijst "
        "niet dat de hulp het veroorzaakte: ook tijd, toeval en het vanzelf herstellen van een "
        "slechte periode spelen mee."
    ),
    "verandering": N_(
        "De grootte van een verandering wordt ook uitgedrukt als effectgrootte: de gemiddelde "
        "verandering gedeeld door hoe sterk de scores bij de start uiteenlopen. Rond 0,2 heet "
        "dat klein, rond 0,5 middelgroot en vanaf 0,8 groot. De marge eromheen laat zien hoe "
        "zeker dat getal is."
    ),
    "rci": N_(
        "Een verandering telt als betrouwbaar als ze groter is dan meetfouten alleen kunnen "
        "verklaren, met 95% zekerheid. Zo telt een cliënt die één punt schommelt niet als "
        "vooruitgang. Hersteld heet een cliënt die betrouwbaar vooruitging en begon onder de "
        "grens van voldoende zelfredzaamheid, en daarboven eindigde."
    ),
    "keerpunten": N_(
        "Een keerpunt is een moment waarop de score van een cliënt op een levensgebied van de "
        "ene meting op de volgende betrouwbaar omhoog of omlaag gaat."
    ),
    "groei": N_(
        "Het verloop in de tijd komt uit een groeimodel: één model voor alle metingen van alle "
        "cliënten samen, waarin elke cliënt een eigen beginniveau en een eigen tempo heeft. Zo "
        "tellen ook cliënten mee die niet elke meting hadden. De vergelijkingsgroep (cliënten "
        "zonder deze interventie) is niet door loting samengesteld: een verschil in groei is "
        "een waarneming, geen bewezen effect."
    ),
    "meetmomenten": N_(
        "Voor het verloop in de tijd zijn de metingen ingedeeld in meetmomenten: bij de start, "
        "na 6 maanden, na 12 maanden, enzovoort. Heeft een cliënt rond één moment meer dan één "
        "meting, dan telt de laatste, zodat niemand twee keer meetelt."
    ),
    "standpunten": N_(
        "Of een verhaal over een thema vooruitgang, terugval of iets gemengds vertelt, is uit het "
        "verhaal zelf gelezen. Waar mensen de verhalen hebben gecodeerd, telt hun codering. "
        "Andere verhalen zijn gelezen met vaste taalregels, die op woorden en zinsbouw letten. "
        "Zulke regels vergissen zich soms; lees daarom de fragmenten bij elk thema zelf na."
    ),
    "did": N_(
        "Het verschil met de vergelijkingsgroep is berekend als verschil in verandering: hoeveel "
        "de interventiegroep meer vooruitging dan de vergelijkingsgroep over dezelfde tijd. Dat "
        "klopt alleen als beide groepen zonder de hulp even snel waren veranderd; dat kan niet "
        "worden gecontroleerd."
    ),
    "duurzaamheid": N_(
        "Of vooruitgang blijft, is gemeten bij cliënten die na het einde van hun traject nog "
        "een meting hadden: hoeveel van hun verbetering er per jaar na het einde verloren gaat. "
        "Wie na de hulp niet meer gemeten is, ontbreekt in dat beeld."
    ),
    "uitval": N_(
        "Niet iedereen is tot het einde gemeten. Er is nagegaan of cliënten die afhaakten bij "
        "de start anders scoorden dan cliënten die bleven. Blijven vooral cliënten met een "
        "goed verloop in beeld, dan is het beeld te rooskleurig."
    ),
    "per_instrument": N_(
        "Per meetinstrument en per invuller (professional of cliënt zelf) staan de uitkomsten "
        "apart, elk op de eigen schaal, met de eigen richting (bij sommige instrumenten is "
        "lager beter) en de eigen betrouwbaarheid. Waar een instrument geen bekende "
        "betrouwbaarheid heeft, staat erbij welke waarde is aangenomen."
    ),
    "zelfbeoordeling": N_(
        "Waar een cliënt zichzelf scoorde en een professional hetzelfde levensgebied binnen 30 "
        "dagen, zijn de twee scores naast elkaar gelegd: het gemiddelde verschil en hoe goed ze "
        "overeenkomen (gewogen kappa: 1 is volledige overeenstemming, 0 niet meer dan toeval). "
        "Een verschil is geen fout van een van beiden, maar stof voor het gesprek."
    ),
    "programma": N_(
        "De kosten en baten van het programma zijn geschat over alle cliënten van de "
        "interventie samen. Uit de metingen komen: hoeveel cliënten bereikt zijn, welk deel ook "
        "zonder de hulp was vooruitgegaan (afgeleid uit de vergelijkingsgroep) en welk deel van "
        "de vooruitgang binnen een jaar na het einde weer verdwijnt. De prijzen en het deel dat "
        "aan de hulp zelf is toe te schrijven komen uit het programmabestand. De band om de "
        "uitkomst laat zien wat er gebeurt als alle onzekere getallen tegelijk binnen hun marge "
        "variëren."
    ),
    "vroegsignalering": N_(
        "Vroegsignalering: woningcorporaties, energie- en waterbedrijven en zorgverzekeraars "
        "melden een betalingsachterstand. Per melding is bijgehouden of er contact kwam, of de "
        "hulp werd aanvaard en of de achterstand werd opgelost; de stappen heten zoals in de "
        "Monitor Vroegsignalering van Divosa. Wat er daarna met de score voor financiën "
        "gebeurde is een beschrijving: wie hulp aanvaardt, verschilt ook op andere punten van "
        "wie dat niet doet."
    ),
    "kostenbaten": N_(
        "Kosten en baten zijn per casus geschat, zoals de Effectencalculator dat doet: wat er "
        "met de hulp gebeurde en wat er zonder hulp waarschijnlijk was gebeurd, elk geprijsd "
        "met een prijslijst van maatschappelijke kosten. Het verschil is een onderbouwde "
        "schatting per casus, geen gemeten opbrengst; de verdeling laat zien wie betaalt en "
        "wie er baat bij heeft."
    ),
}

VERHALEN = N_(
    "De verhalen zijn geschreven door cliënten, professionals en wijkbewoners. Alleen verhalen "
    "waarvoor toestemming is gegeven om ze geanonimiseerd te publiceren staan erin. Namen, "
    "adressen, leeftijden, datums en andere herkenbare gegevens zijn vervangen door verzonnen "
    "of algemene gegevens voordat de verhalen werden opgeslagen. Verhalen zijn gekozen als "
    "voorbeeld van wat achter de cijfers zit, niet als steekproef."
)
PRIVACY = N_(
    "Privacy: aantallen kleiner dan {d} worden niet getoond (er staat '< {d}'), en gemiddelden "
    "alleen over minstens {m} cliënten. Omdat een verborgen aantal soms uit totalen terug te "
    "rekenen is, worden zo nodig ook andere aantallen verborgen, over het hele rapport samen. "
    "Geen cliënt is bij naam of adres in dit rapport te vinden."
)

PRIVACY_AFGEROND = N_(
    "Privacy: kleine aantallen worden niet weggelaten; alle aantallen zijn afgerond op vijftallen, "
    "zoals het CBS dat doet, en percentages zijn uit die afgeronde aantallen berekend. Gemiddelden "
    "en percentages staan er alleen over minstens {m} cliënten. Waar een klein aantal toch uit de "
    "afgeronde getallen samen terug te rekenen is, staat er '×'. Geen cliënt is bij naam of adres "
    "in dit rapport te vinden."
)


def sectie(ctx: Context, nodig: tuple[str, ...], secties: list[Sectie]) -> Sectie:
    """The appendix for a report whose sections need ``nodig`` and are ``secties``."""
    t = ctx.t
    alineas = [t(GEGEVENS)]
    metingen = ctx.gegevens.metingen
    if "bron" in metingen.columns and (metingen["bron"] == "client").any():
        alineas.append(t(ZELF))
    if len(metingen) and "datum" in metingen.columns:
        datums = metingen["datum"].dropna()
        if len(datums):
            alineas.append(t(PERIODE, van=ctx.opmaak.datum(datums.min()), tot=ctx.opmaak.datum(datums.max())))
    selectie = ctx.gegevens.filters.beschrijving(ctx.opmaak)
    if selectie:
        alineas.append(t(SELECTIE, selectie="; ".join(f"{k} {v}" for k, v in selectie.items())))
    alineas += [t(UITLEG[naam]) for naam in nodig if naam in UITLEG]
    if _toont_verhalen(secties):
        alineas.append(t(VERHALEN))
    if ctx.drempels.afronden:
        alineas.append(t(PRIVACY_AFGEROND, m=ctx.drempels.min_noemer))
    else:
        alineas.append(t(PRIVACY, d=ctx.drempels.drempel, m=ctx.drempels.min_noemer))
    return Sectie(t(TITEL), [Tekst(alineas)])


def _toont_verhalen(secties: list[Sectie]) -> bool:
    return any(isinstance(blok, Verhalen) and blok.verhalen for s in secties for blok in s.alle_blokken())
