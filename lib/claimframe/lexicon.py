"""Every word list claimframe reads text with, defined once, as data.

The extractors (``claimframe.extract``) build their patterns from these lists and hold no words
of their own, so adding a unit, a hedge or a reporting verb is a one-line change here (plus a
test). data/README.md's "Word lists" section is generated from this module
(``python -m claimframe.lexicon``) and a test checks that it is current.

Lists are tuples or dicts of plain strings; case is as written in news text (capitalised words
are matched case-sensitively by the modules that need them so).
"""
from __future__ import annotations

# --- numbers ----------------------------------------------------------------------------------

#: Number words below twenty.
SMALL_NUMBERS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
#: Tens as words.
TENS: dict[str, int] = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                        "eighty": 80, "ninety": 90}
#: Scale words after digits ("1.5 million", "2.5bn", "38k"); "m" is a scale only after a
#: currency ("£2m"), elsewhere metres, and "k" only written straight after the digits.
SCALES: dict[str, int] = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
                          "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "m": 1_000_000, "k": 1_000}
#: Words that multiply inside a spelled number ("two dozen", "four hundred", "a million").
MAGNITUDE_WORDS: dict[str, int] = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000,
                                   "billion": 1_000_000_000}
#: Ordinals that make a rank ("second-largest").
ORDINALS: dict[str, int] = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                            "eighth": 8, "ninth": 9, "tenth": 10}
#: Superlatives after an ordinal that make a rank ("third-busiest"); "most X" and "least X" too.
RANK_SUPERLATIVES = ("largest", "biggest", "highest", "lowest", "smallest", "busiest", "oldest", "richest",
                     "poorest", "deadliest", "longest", "tallest", "best", "worst")
#: Vague magnitudes and the range each stands for (low, high): "hundreds" is 200-999, never 100.
VAGUE_MAGNITUDES: dict[str, tuple[int, int]] = {
    "dozens": (24, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "millions": (2_000_000, 9_999_999), "billions": (2_000_000_000, 9_999_999_999),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "tens of millions": (20_000_000, 99_999_999), "hundreds of millions": (200_000_000, 999_999_999),
}
#: Vague multipliers of a magnitude word ("several hundred" is 300-900).
VAGUE_MULTIPLIERS: dict[str, tuple[int, int]] = {"several": (3, 9), "a few": (2, 5), "a couple of": (2, 3)}

#: Hedge phrases before a number, by the hedge they set.
HEDGES: dict[str, tuple[str, ...]] = {
    "approx": ("some", "about", "around", "roughly", "nearly", "almost", "approximately", "an estimated",
               "estimated", "close to", "closer to", "circa", "more or less", "just under", "just over",
               "an approximate"),
    "at_least": ("at least", "more than", "over", "upwards of", "no fewer than", "no less than",
                 "in excess of", "a minimum of", "at a minimum"),
    "at_most": ("up to", "fewer than", "less than", "as many as", "as much as", "no more than", "under",
                "at most", "a maximum of", "not more than"),
}
#: Hedges after a number ("40 or more"), by the hedge they set.
TRAILING_HEDGES: dict[str, str] = {"or more": "at_least", "or so": "approx", "or fewer": "at_most",
                                   "or less": "at_most"}

#: Units: (spellings, (kind, canonical unit, factor to the canonical unit, unit as stated)).
UNITS: tuple[tuple[tuple[str, ...], tuple[str, str, float, str]], ...] = (
    (("kilometers", "kilometres", "kilometer", "kilometre", "km", "kms"), ("distance", "km", 1.0, "km")),
    (("miles", "mile", "mi"), ("distance", "km", 1.609344, "mi")),
    (("meters", "metres", "meter", "metre", "m"), ("distance", "km", 0.001, "m")),
    (("feet", "foot", "ft"), ("distance", "km", 0.0003048, "ft")),
    (("yards", "yard"), ("distance", "km", 0.0009144, "yd")),
    (("nautical miles",), ("distance", "km", 1.852, "nmi")),
    (("square kilometers", "square kilometres", "sq km", "km2", "km²"), ("measure", "km2", 1.0, "km2")),
    (("square miles", "sq mi"), ("measure", "km2", 2.589988110336, "mi2")),
    (("hectares", "hectare"), ("measure", "km2", 0.01, "ha")),
    (("acres", "acre"), ("measure", "km2", 0.0040468564224, "acre")),
    (("kilograms", "kilogrammes", "kilos", "kg"), ("measure", "kg", 1.0, "kg")),
    (("tons", "tonnes", "metric tons"), ("measure", "kg", 1000.0, "t")),
    (("liters", "litres", "liter", "litre"), ("measure", "L", 1.0, "L")),
    (("gallons",), ("measure", "L", 3.785411784, "gal")),
    (("seconds", "second"), ("duration", "day", 1 / 86400, "s")),
    (("minutes", "minute"), ("duration", "day", 1 / 1440, "min")),
    (("hours", "hour", "hrs"), ("duration", "day", 1 / 24, "h")),
    (("days", "day"), ("duration", "day", 1.0, "day")),
    (("weeks", "week"), ("duration", "day", 7.0, "week")),
    (("months", "month"), ("duration", "day", 30.436875, "month")),
    (("years", "year"), ("duration", "day", 365.2425, "year")),
    (("percent", "per cent", "%", "pct"), ("percent", "percent", 1.0, "percent")),
    (("percentage points",), ("percent", "percentage points", 1.0, "percentage points")),
    (("dollars",), ("money", "USD", 1.0, "USD")),
)
#: Units written straight after the digits ("500m", "40%", "12km"): short symbols only. Each
#: is a spelling in UNITS (a test checks).
ATTACHED_UNITS = ("km", "kms", "km2", "km²", "m", "mi", "kg", "ft", "%")
#: Currency signs and codes before a number, and the ISO code each means.
CURRENCIES: dict[str, str] = {"$": "USD", "US$": "USD", "USD": "USD", "£": "GBP", "€": "EUR", "EUR": "EUR",
                              "GBP": "GBP"}
#: Words before a number that make it part of a name or an identifier ("Route 66", "No. 5").
IDENTIFIER_WORDS = ("version", "v", "no.", "number", "route", "highway", "room", "flight", "page", "chapter",
                    "section", "article", "model", "code", "line", "bus", "platform", "gate", "exit", "unit",
                    "ward", "district", "precinct", "size", "level", "grade", "class", "tier")

# --- dates ------------------------------------------------------------------------------------

#: Month names (not calendar.month_name: that one follows the locale).
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
#: Month abbreviations as news writes them ("Sept." and "Sep.").
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
#: Months that are also ordinary words or names ("May", "March", "August").
WORD_MONTHS = ("May", "March", "August")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_ABBREVIATIONS = ("Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun")

# --- sentences, sources, people ---------------------------------------------------------------

#: Abbreviations after which a full stop does not end a sentence (lower case, no final stop).
ABBREVIATIONS = tuple("""u.s u.k u.n e.u a.m p.m mr mrs ms dr st mt ft jr sr gen col lt maj capt sgt cpl pvt adm
    cmdr brig sen rep gov pres prof rev no vs etc inc corp co ltd dept est approx fig e.g i.e
    jan feb mar apr jun jul aug sep sept oct nov dec""".split())
#: Verbs that report what a source says ("X said", "according to" is a pattern of its own).
REPORTING_VERBS = (
    "said", "says", "told", "tells", "added", "adds", "notes", "noted", "reports", "reported", "writes", "wrote",
    "declared", "revealed", "explained", "estimated", "estimate", "estimates", "acknowledged", "acknowledges",
    "conceded", "emphasized", "emphasised", "argued", "warned", "claimed", "stated", "announced", "confirmed",
    "denied", "insisted", "recalled", "stressed", "say", "believe",
)
#: Verbs that show the name before them is a person speaking, not a place: the reporting verbs
#: and a few that report no claim ("asked", "replied").
SPEECH_VERBS = (*REPORTING_VERBS, "asked", "replied")
#: Abbreviations inside a speaker's name or title ("Lt. Col. Smith Jr."), without their stop.
NAME_ABBREVIATIONS = ("Gen", "Col", "Lt", "Maj", "Capt", "Sgt", "Cpl", "Pvt", "Adm", "Brig", "Cmdr", "Sen",
                      "Rep", "Gov", "Mr", "Mrs", "Ms", "Dr", "Prof", "Rev", "St", "Jr", "Sr")
#: Abbreviated titles that make the name after them a person ("Maj. Gen. Gary Volesky"); the
#: compound ones first.
TITLE_ABBREVIATIONS = ("Maj. Gen.", "Lt. Gen.", "Brig. Gen.", "Lt. Col.", "Gen.", "Col.", "Maj.", "Capt.",
                       "Sgt.", "Cpl.", "Adm.", "Sen.", "Rep.", "Gov.", "Dr.", "Mr.", "Mrs.", "Ms.", "Prof.")
#: Titles written out before a name ("Prime Minister Haider al-Abadi", "Sheriff Ana Ruiz").
TITLES = ("President", "Prime Minister", "Secretary", "Minister", "Mayor", "Chief", "Officer", "Colonel",
          "General", "Major", "Captain", "Sergeant", "Admiral", "Senator", "Governor", "Inspector", "Sheriff",
          "Judge", "Commissioner", "Director", "Spokesman", "Spokeswoman", "Spokesperson", "Chairman",
          "Chairwoman", "Ambassador", "Superintendent", "Commander", "Councilman", "Councilwoman", "Councillor",
          "Manager", "Administrator", "Treasurer", "Chancellor")
#: More words that stand before a person's name and so never name a place ("King", "Sheikh").
HONORIFICS = ("Miss", "Sheikh", "Sheik", "Sayyid", "Vice", "Lieutenant", "Representative", "Congressman",
              "Congresswoman", "King", "Queen", "Prince", "Princess", "Emir", "Ayatollah", "Imam", "Grand",
              "Pope", "Justice", "Professor", "Premier", "Sultan", "Speaker")
#: One name per title, so "Col. Dorrian" and "Colonel Dorrian" are the same source.
TITLE_CANONICAL: dict[str, str] = {
    "col": "colonel", "colonel": "colonel", "gen": "general", "general": "general", "maj": "major",
    "major": "major", "capt": "captain", "captain": "captain", "sgt": "sergeant", "sergeant": "sergeant",
    "adm": "admiral", "admiral": "admiral", "sen": "senator", "senator": "senator", "gov": "governor",
    "governor": "governor", "mayor": "mayor", "sheriff": "sheriff", "judge": "judge", "chief": "chief",
    "president": "president", "minister": "minister", "secretary": "secretary", "inspector": "inspector",
    "commissioner": "commissioner", "dr": "doctor", "prof": "professor",
}
#: Pronouns that stand for the last named speaker.
PRONOUNS = ("he", "she", "they", "him", "her")
#: Words that are never a speaker though they stand where one would ("which said", "it said").
NOT_SPEAKERS = ("which", "who", "that", "it", "this", "there", "what", "we", "i", "you", "us", "have", "has",
                "had", "is", "are", "was", "were", "and", "but")
#: Words that open a sentence and so are capitalised without being a name ("Experts estimated").
COMMON_LEADS = tuple("""the a an some many several most other two three four five experts officials analysts
    residents witnesses sources researchers observers critics diplomats lawmakers activists doctors police
    authorities investigators scientists economists officers soldiers""".split())
#: Particles between the parts of a person's name ("Haider al-Abadi", "Ursula von der Leyen").
NAME_PARTICLES = ("al", "el", "bin", "ibn", "abu", "de", "van", "von", "da", "di", "du", "le", "la")

# --- places -----------------------------------------------------------------------------------

#: Capitalised function words that open sentences; never a place on their own.
FUNCTION_WORDS = tuple("""A An And As At After Also Although Among Amid Any Around Asked According
    Before Both But By Citing Despite During Each Echoing Even Every For From Further However If In
    Into Its It Last Later Like Meanwhile Many More Most Near Nevertheless Next No Nor Not Now Of On
    Once One Only Or Other Our Outside Over Since So Some Soon Still Such That The Their Then There
    These They This Those Though Through To Under Until Upon We What When Where Whether Which While
    Who Why With Within Without Yet You He She His Her I My Your Them Us""".split())
#: Demonyms and group names: they say where someone is from, not a place mentioned.
DEMONYMS = tuple("""American Americans Iraqi Iraqis Syrian Syrians Iranian Iranians Kurd Kurds
    Kurdish Turkish Turk Turks Arab Arabs Arabic Saudi Saudis Shiite Shiites Shia Shias Sunni Sunnis
    Muslim Muslims Christian Christians Yazidi Yazidis Jewish Jews Israeli Israelis Palestinian
    Palestinians Lebanese Jordanian Jordanians Kuwaiti Kuwaitis Russian Russians British French
    German Germans Chinese Islamic Islamist Islamists Persian Assyrian Assyrians Turkmen Sunni-led
    Shiite-led Western Eastern Northern Southern Central Coalition Allied Peshmerga""".split())
#: Words that end organisations' names ("Los Angeles Times", "Badr Organization", "Nineveh Police"):
#: a capitalised run ending in one is an organisation, not a place.
ORGANISATION_WORDS = tuple("""Times Post News Journal Herald Tribune Guardian Telegraph Press Agency Reuters
    Organization Organisation Division Brigade Brigades Battalion Regiment Army Navy Forces Force
    Corps Units Unit Party Council Committee Ministry Department Pentagon Congress Parliament Senate
    Assembly House Government University College Institute Foundation International Group Company Inc
    Corp Bank Airlines Airways Club Association Union Movement Front Mobilization Mobilisation State
    Watch Network Service Services Command Office Court Commission Administration Authority
    Caliphate Hezbollah Daesh Taliban Qaeda Airborne Guard Guards Hospital Clinic School Trust
    Coalition Police Cabinet Kremlin Nations""".split())
#: English words and surnames that are also names of towns: a place only right after a place
#: cue ("in Reading", not "Reading the report" or "Jackson said").
PLACE_NAME_WORDS = tuple("""Of March May August Reading Nice Split Mobile Sale Hope Orange Independence
    Van Batman Hit Bath Deal Wells Best Mercedes Bay Victory Liberty Union Progress Concord
    Commerce Temple Marathon Aurora Surprise Paradise Opportunity Florence Eagle Phoenix Buffalo
    Gary Young Baker Price Page Early Late Mission Monroe Warren Cleveland Clinton Jackson Lincoln
    Hamilton Franklin Madison Jefferson Washington Kennedy Carter Obama Trump Bush Biden""".split())
#: Prepositions before a place ("in Mosul", "near Bashiqa").
PLACE_CUES = ("in", "at", "near", "outside", "of", "from", "into", "toward", "towards")
#: Arabic articles and Romance particles hyphened to a place name ("ad-Dawr", "as-Salam").
PLACE_PARTICLES = ("al", "el", "ad", "ar", "as", "ash", "at", "az", "ez", "es", "ed", "en", "ul", "de", "del",
                   "da", "di", "du", "la", "le", "bin", "ibn", "abu")
#: Particles written apart inside a place name ("Abu Ghraib", "Rio de Janeiro").
PLACE_JOINERS = ("al", "el", "de", "del", "da", "di", "du", "la", "le", "bin", "ibn")
#: Other names of countries that the country list lacks, and the ISO code each means.
COUNTRY_ALIASES: dict[str, str] = {
    "U.S.": "US", "U.S.A.": "US", "US": "US", "USA": "US", "United States of America": "US",
    "America": "US", "U.K.": "GB", "UK": "GB", "Britain": "GB", "Great Britain": "GB",
    "UAE": "AE", "U.A.E.": "AE", "Holland": "NL",
    "DRC": "CD", "DR Congo": "CD", "D.R. Congo": "CD", "Democratic Republic of Congo": "CD",
    "Congo-Kinshasa": "CD", "Congo-Brazzaville": "CG", "Côte d'Ivoire": "CI", "Cote d'Ivoire": "CI",
    "Burma": "MM", "Czech Republic": "CZ", "Netherlands": "NL", "East Timor": "TL", "Timor-Leste": "TL",
    "Swaziland": "SZ", "Macedonia": "MK", "Vatican City": "VA", "Palestine": "PS", "Republic of Ireland": "IE",
    "Republic of Korea": "KR", "Cape Verde": "CV", "The Gambia": "GM", "Viet Nam": "VN",
}
#: Regions, continents' parts and seas that news names as places: never resolved to a town of
#: the same name ("the Middle East", not a town called Middle East). No single point stands for
#: them, so they are mentions of kind region without a position; continents come with GeoNames'
#: point from data/gazetteer-world.csv.
REGIONS = ("Middle East", "Near East", "Far East", "Mideast", "Horn of Africa", "Sub-Saharan Africa",
           "West Africa", "East Africa", "North Africa", "Southern Africa", "Central Africa",
           "Western Europe", "Eastern Europe", "Central Europe", "Northern Europe", "Southern Europe",
           "Balkans", "Scandinavia", "Baltics", "Caucasus", "Central Asia", "South Asia", "Southeast Asia",
           "East Asia", "Asia-Pacific", "Latin America", "Central America", "Caribbean", "Americas",
           "Pacific", "Atlantic", "Mediterranean", "Arctic", "Gulf", "Persian Gulf", "Sahel", "Levant",
           "Midwest", "Deep South", "New England", "Pacific Northwest", "Great Plains", "Great Lakes",
           "Gulf Coast", "East Coast", "West Coast", "Midlands", "Highlands", "Outback",
           "Indian Ocean", "Pacific Ocean", "Atlantic Ocean", "Red Sea", "Black Sea", "Caspian Sea",
           "South China Sea", "North Sea", "Baltic Sea")
#: States and provinces as news abbreviates them (AP style, Canadian and Australian usage), each
#: to the name data/gazetteer-world.csv gives it; postal codes ("TX") count only after "City, ".
STATE_ABBREVIATIONS: dict[str, str] = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Kans.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana",
    "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota",
    "Miss.": "Mississippi", "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada",
    "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York",
    "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon",
    "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington",
    "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wisc.": "Wisconsin", "Wyo.": "Wyoming",
    "B.C.": "British Columbia", "NSW": "New South Wales", "Que.": "Quebec", "Ont.": "Ontario",
    "Alta.": "Alberta", "Man.": "Manitoba", "Sask.": "Saskatchewan",
}
#: Demonyms of the world: they say where someone or something is from; never a place mention.
WORLD_DEMONYMS = tuple("""Afghan Afghans Albanian Algerian Angolan Argentine Argentinian Armenian
    Australian Australians Austrian Azerbaijani Bangladeshi Belgian Bolivian Bosnian Brazilian
    Brazilians Bulgarian Burmese Cambodian Cameroonian Canadian Canadians Chilean Colombian Congolese
    Croatian Cuban Cubans Czech Danish Dutch Ecuadorian Egyptian Egyptians Emirati English Eritrean
    Estonian Ethiopian Ethiopians European Europeans Filipino Filipinos Finnish Georgian Ghanaian
    Greek Greeks Guatemalan Haitian Haitians Honduran Hungarian Indian Indians Indonesian Irish
    Italian Italians Jamaican Japanese Kazakh Kenyan Kenyans Korean Koreans Latvian Liberian Libyan
    Libyans Lithuanian Malaysian Malian Mexican Mexicans Moroccan Mozambican Nepalese Nicaraguan
    Nigerian Nigerians Norwegian Pakistani Pakistanis Peruvian Polish Portuguese Romanian Rwandan
    Salvadoran Scottish Scots Senegalese Serbian Singaporean Slovak Somali Somalis Spanish
    Sudanese Swedish Swiss Taiwanese Tanzanian Thai Tunisian Ugandan Ukrainian Ukrainians
    Uzbek Venezuelan Vietnamese Welsh Yemeni Yemenis Zambian Zimbabwean African Africans Asian Asians
    Latino Latina Hispanic Texan Texans Californian Californians Floridian Canadien""".split())
#: Capitalised words GeoNames has a populated place for but that news uses for something else
#: (a group, a deity, a company, an institution, a disease): never a place on their own.
PLACE_STOP_WORDS = tuple("""Hamas God Allah Google Apple Amazon Police Health Agriculture Education
    Interior Defence Defense Justice Treasury Labor Labour Commerce Energy Ebola Salmonella Polio
    Zika Tamiflu Children Women Men Church Nursing Animal Animals Hospital University Airport
    Internet Twitter Facebook Reuters Congress Parliament Capitol Christmas Easter Ramadan Bible
    Quran Koran Jesus Mary Prophet Pope Crown Royal Republic Democrats Republicans Tories
    Liberal Liberals Conservative Conservatives Green Greens Court Supreme Federal National State
    City Town County Province Region District Village Island Islands Valley River Lake Mountain""".split())
#: Words that end an organisation named after its place ("Dublin City Council", "Nairobi Police"):
#: the place before them is a mention.
PLACE_ORGANISATION_WORDS = ("City Council", "County Council", "Council", "Government", "Police",
                            "Airport", "Port Authority", "Health Board", "Fire Department", "Department",
                            "Ministry", "Centers", "Center", "Centre", "Agency", "Embassy", "Food")
#: The 16 points of the compass, clockwise from north (each 22.5 degrees on from the last).
COMPASS_POINTS = ("north", "north-northeast", "northeast", "east-northeast", "east", "east-southeast",
                  "southeast", "south-southeast", "south", "south-southwest", "southwest", "west-southwest",
                  "west", "west-northwest", "northwest", "north-northwest")


# --- the documentation ------------------------------------------------------------------------

def _words(items) -> str:
    return ", ".join(f"`{w}`" for w in items)


def markdown() -> str:
    """data/README.md's "Word lists" section, made from the lists above."""
    units = "\n".join(f"| {_words(spellings)} | {kind} | {canonical} | {factor:.12g} | {stated} |"
                      for spellings, (kind, canonical, factor, stated) in UNITS)
    vague = ", ".join(f"{w} {lo:,}–{hi:,}" for w, (lo, hi) in VAGUE_MAGNITUDES.items())
    multipliers = ", ".join(f"{w} ×{lo}–{hi}" for w, (lo, hi) in VAGUE_MULTIPLIERS.items())
    hedges = "\n".join(f"| `{h}` | {_words(ws)} |" for h, ws in HEDGES.items())
    trailing = ", ".join(f"`{w}` ({h})" for w, h in TRAILING_HEDGES.items())
    currencies = ", ".join(f"`{sign}` {code}" for sign, code in CURRENCIES.items())
    scales = ", ".join(f"`{w}` {v:,}" for w, v in SCALES.items())
    return f"""## Word lists

Generated from `lib/claimframe/lexicon.py` by `python -m claimframe.lexicon`; a test fails when
this section and the module disagree. Change the module, then regenerate.

### Units (value × factor = canonical value)
| spellings | kind | canonical unit | factor | `unit_stated` |
|---|---|---|---|---|
{units}

Written straight after digits ("12km", "40%"): {_words(ATTACHED_UNITS)}.

### Scales, vague magnitudes, currencies
- Scale words: {scales} ("m" is a million only after a currency, "£2m"; "k" only attached, "38k").
- Vague magnitudes (low–high): {vague}.
- Vague multipliers of dozen/hundred/thousand/million/billion: {multipliers}.
- Currencies: {currencies}.
- Words that make the number after them a name: {_words(IDENTIFIER_WORDS)}.

### Hedges
| hedge | phrases before the number |
|---|---|
{hedges}

After the number: {trailing}.

### Sources and people
- Reporting verbs: {_words(REPORTING_VERBS)}.
- Other speech verbs (a person, but no claim): {_words(SPEECH_VERBS[len(REPORTING_VERBS):])}.
- Titles: {_words(TITLES)}; abbreviated: {_words(TITLE_ABBREVIATIONS)}; other honorifics: {_words(HONORIFICS)}.
- Abbreviations inside names: {_words(NAME_ABBREVIATIONS)}; after which no sentence ends: {_words(ABBREVIATIONS)}.
- Pronouns that follow the last speaker: {_words(PRONOUNS)}.

### Places
- Organisation words (a name ending in one is no place): {_words(ORGANISATION_WORDS)}.
- Demonyms (never a place mention): {_words(DEMONYMS)}.
- Words that are places only after a place cue ({_words(PLACE_CUES)}): {_words(PLACE_NAME_WORDS)}.
- Country aliases: {", ".join(f"`{k}` {v}" for k, v in COUNTRY_ALIASES.items())}.
- Regions (mentions of kind region, never a town of that name): {_words(REGIONS)}.
- State and province abbreviations: {", ".join(f"`{k}` {v}" for k, v in STATE_ABBREVIATIONS.items())}.
- Demonyms of the world (never a place mention): {_words(WORLD_DEMONYMS)}.
- Never a place on their own: {_words(PLACE_STOP_WORDS)}.
- Organisations named after their place (the place counts): {_words(PLACE_ORGANISATION_WORDS)}.
"""


if __name__ == "__main__":
    print(markdown(), end="")
