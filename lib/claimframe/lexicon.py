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
                          "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "m": 1_000_000, "k": 1_000,
                          "mln": 1_000_000, "bln": 1_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000,
                          "B": 1_000_000_000, "T": 1_000_000_000_000}
#: After "1.2m" these words make the "m" a million, not metres ("1.2m people"): counted nouns.
MILLION_M_BEFORE = ("people", "residents", "viewers", "voters", "users", "customers", "jobs", "homes", "households",
                    "children", "visitors", "tourists", "subscribers", "members", "refugees", "migrants", "workers",
                    "copies", "barrels", "tonnes", "tons", "shares", "passengers", "patients", "students",
                    "followers", "doses", "vaccines", "cases", "deaths", "votes", "signatures", "acres",
                    "hectares", "euros", "dollars", "pounds", "units", "vehicles", "cars", "trees", "animals")
#: Words that multiply inside a spelled number ("two dozen", "four hundred", "a million").
MAGNITUDE_WORDS: dict[str, int] = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000,
                                   "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
#: Fraction words and their value: "half a million", "two thirds", "five and a quarter".
FRACTION_WORDS: dict[str, float] = {"half": 1 / 2, "halves": 1 / 2, "third": 1 / 3, "thirds": 1 / 3,
                                    "quarter": 1 / 4, "quarters": 1 / 4, "fourth": 1 / 4, "fourths": 1 / 4,
                                    "fifth": 1 / 5, "fifths": 1 / 5, "sixth": 1 / 6, "sixths": 1 / 6,
                                    "eighth": 1 / 8, "eighths": 1 / 8, "tenth": 1 / 10, "tenths": 1 / 10}
#: Fractions written as one character ("½").
VULGAR_FRACTIONS: dict[str, float] = {"½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5,
                                      "⅖": 2 / 5, "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8,
                                      "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8}
#: Words before a number that make it negative ("minus five percent").
NEGATIVE_WORDS = ("minus", "negative")
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
                 "in excess of", "a minimum of", "at a minimum", "above", "exceeding", "exceeds", "exceeded",
                 "exceed", "greater than", "larger than", "bigger than", "higher than", "surpassing", "surpass",
                 "greater than or equal to", "more than or equal to", "at least or equal to", "upward of",
                 "well over", "well above", "north of", "higher or equal than", "bigger or equal than",
                 "larger or equal than", "greater or equal than", ">", ">=", "≥"),
    "at_most": ("up to", "fewer than", "less than", "as many as", "as much as", "no more than", "under",
                "at most", "a maximum of", "not more than", "below", "lower than", "smaller than", "within",
                "just shy of", "shy of", "short of", "less than or equal to", "smaller or equal than",
                "well under", "well below", "less or equal than", "lower or equal than", "south of", "<", "<=",
                "≤"),
}
#: Hedges after a number ("40 or more"), by the hedge they set.
TRAILING_HEDGES: dict[str, str] = {"or more": "at_least", "or so": "approx", "or fewer": "at_most",
                                   "or less": "at_most", "and more": "at_least", "or greater": "at_least",
                                   "or higher": "at_least", "or above": "at_least", "and above": "at_least",
                                   "or over": "at_least", "and up": "at_least", "or lower": "at_most",
                                   "or below": "at_most", "or under": "at_most", "and under": "at_most",
                                   "and below": "at_most", "plus": "at_least"}
#: Words joining two numbers into a range ("20 through 100"), besides "to", "and" and dashes.
RANGE_WORDS = ("to", "through", "thru", "~")
#: Verbs of movement: "shares rose 6 pence to 388 pence" is a change and a level, not a range, when
#: the unit follows each number ("sales rose 5 to 10 percent" stays a range).
CHANGE_VERBS = ("rose", "rise", "rises", "risen", "fell", "fall", "falls", "fallen", "gained", "gains", "lost",
                "climbed", "climbs", "dropped", "drops", "slipped", "slips", "jumped", "jumps", "declined",
                "declines", "increased", "increases", "decreased", "decreases", "advanced", "advances", "eased",
                "eases", "slid", "slides", "tumbled", "tumbles", "surged", "surges", "soared", "soars", "plunged",
                "plunges", "edged up", "edged down", "up", "down")
#: Modal verbs before "one day" that make it "some day", no duration ("Islam will one day be ...").
SOMEDAY_MODALS = ("will", "would", "could", "might", "may", "can", "should", "must", "shall", "'ll")
#: A "#" before an amount with one of these scale words is a pound sign: 7-bit British text
#: (ISO 646-GB) puts "#" where "£" was typed ("#89.7 million ($141.9 million)").
HASH_POUND_SCALES = ("million", "billion")

#: Units: (spellings, (kind, canonical unit, factor to the canonical unit, unit as stated)).
#: Longer spellings win ("miles an hour" is a speed, "square miles" an area, not miles).
UNITS: tuple[tuple[tuple[str, ...], tuple[str, str, float, str]], ...] = (
    (("kilometers", "kilometres", "kilometer", "kilometre", "km", "kms"), ("distance", "km", 1.0, "km")),
    (("miles", "mile", "mi"), ("distance", "km", 1.609344, "mi")),
    (("meters", "metres", "meter", "metre", "m"), ("distance", "km", 0.001, "m")),
    (("feet", "foot", "ft"), ("distance", "km", 0.0003048, "ft")),
    (("yards", "yard"), ("distance", "km", 0.0009144, "yd")),
    (("nautical miles",), ("distance", "km", 1.852, "nmi")),
    (("inches", "inch"), ("distance", "km", 0.0000254, "in")),
    (("centimeters", "centimetres", "centimeter", "centimetre", "cm"), ("distance", "km", 0.00001, "cm")),
    (("millimeters", "millimetres", "millimeter", "millimetre", "mm"), ("distance", "km", 0.000001, "mm")),
    (("square kilometers", "square kilometres", "square kilometer", "square kilometre", "square km", "sq km",
      "sq. km", "km2", "km²"),
     ("measure", "km2", 1.0, "km2")),
    (("square miles", "square mile", "sq mi"), ("measure", "km2", 2.589988110336, "mi2")),
    (("square meters", "square metres", "square meter", "square metre", "sq m", "m2", "m²"),
     ("measure", "km2", 0.000001, "m2")),
    (("square feet", "square foot", "sq ft"), ("measure", "km2", 0.00000009290304, "ft2")),
    (("hectares", "hectare"), ("measure", "km2", 0.01, "ha")),
    (("acres", "acre"), ("measure", "km2", 0.0040468564224, "acre")),
    (("kilograms", "kilogrammes", "kilogram", "kilogramme", "kilos", "kilo", "kg", "kgs"),
     ("measure", "kg", 1.0, "kg")),
    (("grams", "grammes", "gram", "gramme"), ("measure", "kg", 0.001, "g")),
    (("milligrams", "milligrammes", "milligram", "mg"), ("measure", "kg", 0.000001, "mg")),
    (("pounds", "pound", "lbs", "lb"), ("measure", "kg", 0.45359237, "lb")),
    (("ounces", "ounce", "oz"), ("measure", "kg", 0.028349523125, "oz")),
    (("tonnes", "tonne", "metric tons", "metric ton", "metric tonnes", "t"), ("measure", "kg", 1000.0, "t")),
    (("tons", "ton", "short tons"), ("measure", "kg", 907.18474, "ton")),
    (("liters", "litres", "liter", "litre"), ("measure", "L", 1.0, "L")),
    (("milliliters", "millilitres", "milliliter", "millilitre", "ml"), ("measure", "L", 0.001, "mL")),
    (("centiliters", "centilitres", "centiliter", "centilitre", "cl"), ("measure", "L", 0.01, "cL")),
    (("gallons", "gallon"), ("measure", "L", 3.785411784, "gal")),
    (("barrels", "barrel", "bbl"), ("measure", "L", 158.987294928, "bbl")),
    (("cubic meters", "cubic metres", "cubic meter", "cubic metre"), ("measure", "L", 1000.0, "m3")),
    (("cubic feet", "cubic foot"), ("measure", "L", 28.316846592, "ft3")),
    (("cubic kilometers", "cubic kilometres", "cubic km"), ("measure", "L", 1e12, "km3")),
    (("kilometers per hour", "kilometres per hour", "kilometers an hour", "kilometres an hour", "km/h", "kph",
      "kmh", "kmph", "km/hr"), ("measure", "km/h", 1.0, "km/h")),
    (("miles per hour", "miles an hour", "mph"), ("measure", "km/h", 1.609344, "mph")),
    (("knots",), ("measure", "km/h", 1.852, "kn")),
    (("degrees Celsius", "degrees celsius", "degrees centigrade", "degrees C", "°C"),
     ("measure", "degC", 1.0, "degC")),
    (("degrees Fahrenheit", "degrees fahrenheit", "degrees F", "°F"), ("measure", "degC", 5 / 9, "degF")),
    (("seconds", "second"), ("duration", "day", 1 / 86400, "s")),
    (("minutes", "minute"), ("duration", "day", 1 / 1440, "min")),
    (("hours", "hour", "hrs"), ("duration", "day", 1 / 24, "h")),
    (("days", "day"), ("duration", "day", 1.0, "day")),
    (("weeks", "week"), ("duration", "day", 7.0, "week")),
    (("months", "month"), ("duration", "day", 30.436875, "month")),
    (("years", "year"), ("duration", "day", 365.2425, "year")),
    (("percent", "per cent", "%", "pct", "percentage", "percents"), ("percent", "percent", 1.0, "percent")),
    (("percentage points",), ("percent", "percentage points", 1.0, "percentage points")),
    (("dollars", "dollar", "U.S. dollars", "US dollars", "U.S. dollar", "US dollar", "American dollars", "$", "dlrs"),
     ("money", "USD", 1.0, "USD")),
    (("cents", "cent"), ("money", "USD", 0.01, "cent")),
    (("dimes", "dime"), ("money", "USD", 0.1, "dime")),
    (("nickels", "nickel"), ("money", "USD", 0.05, "nickel")),
    (("euros", "euro", "€"), ("money", "EUR", 1.0, "EUR")),
    (("pounds sterling", "sterling"), ("money", "GBP", 1.0, "GBP")),
    (("pence", "pennies", "penny"), ("money", "GBP", 0.01, "penny")),
    (("yen",), ("money", "JPY", 1.0, "JPY")),
    (("yuan", "Chinese yuan", "renminbi", "rmb", "元"), ("money", "CNY", 1.0, "CNY")),
    (("Canadian dollars", "Canadian dollar"), ("money", "CAD", 1.0, "CAD")),
    (("Australian dollars", "Australian dollar"), ("money", "AUD", 1.0, "AUD")),
    (("Hong Kong dollars", "Hong Kong dollar"), ("money", "HKD", 1.0, "HKD")),
    (("New Zealand dollars", "New Zealand dollar"), ("money", "NZD", 1.0, "NZD")),
    (("Swiss francs", "Swiss franc"), ("money", "CHF", 1.0, "CHF")),
    (("francs", "French francs"), ("money", "FRF", 1.0, "FRF")),
    (("marks", "Deutsche marks", "deutsche marks", "German marks"), ("money", "DEM", 1.0, "DEM")),
    (("guilders", "Dutch guilders"), ("money", "NLG", 1.0, "NLG")),
    (("pesetas",), ("money", "ESP", 1.0, "ESP")),
    (("lire", "lira", "Italian lire"), ("money", "ITL", 1.0, "ITL")),
    (("Turkish lira",), ("money", "TRY", 1.0, "TRY")),
    (("markkaa", "markka", "Finnish markkaa", "Finnish markka"), ("money", "FIM", 1.0, "FIM")),
    (("Pakistani rupees",), ("money", "PKR", 1.0, "PKR")),
    (("rupees", "Indian rupees"), ("money", "INR", 1.0, "INR")),
    (("Swedish kronor", "kronor"), ("money", "SEK", 1.0, "SEK")),
    (("Danish kroner",), ("money", "DKK", 1.0, "DKK")),
    (("Norwegian kroner",), ("money", "NOK", 1.0, "NOK")),
    (("zlotys", "zloty", "zlotych"), ("money", "PLN", 1.0, "PLN")),
    (("forints", "forint"), ("money", "HUF", 1.0, "HUF")),
    (("baht",), ("money", "THB", 1.0, "THB")),
    (("ringgit",), ("money", "MYR", 1.0, "MYR")),
    (("naira",), ("money", "NGN", 1.0, "NGN")),
    (("rupiah",), ("money", "IDR", 1.0, "IDR")),
    (("hryvnias", "hryvnia"), ("money", "UAH", 1.0, "UAH")),
    (("South African rand",), ("money", "ZAR", 1.0, "ZAR")),
    (("Brazilian reais", "reais"), ("money", "BRL", 1.0, "BRL")),
    (("Egyptian pounds",), ("money", "EGP", 1.0, "EGP")),
    (("Kenyan shillings",), ("money", "KES", 1.0, "KES")),
    (("Saudi riyals", "riyals"), ("money", "SAR", 1.0, "SAR")),
    (("pesos", "Mexican pesos"), ("money", "MXN", 1.0, "MXN")),
    (("rubles", "roubles", "₽"), ("money", "RUB", 1.0, "RUB")),
    (("shekels", "₪"), ("money", "ILS", 1.0, "ILS")),
    (("₡",), ("money", "CRC", 1.0, "CRC")),
    (("₾",), ("money", "GEL", 1.0, "GEL")),
    (("₭",), ("money", "LAK", 1.0, "LAK")),
    (("₩",), ("money", "KRW", 1.0, "KRW")),
)
#: Canonical value = (stated value + offset) x factor for units whose zero differs ("°F").
UNIT_OFFSETS: dict[str, float] = {"degF": -32.0}
#: Units written straight after the digits ("500m", "40%", "12km"): short symbols only. Each
#: is a spelling in UNITS (a test checks).
ATTACHED_UNITS = ("km", "kms", "km2", "km²", "m", "mi", "kg", "kgs", "ft", "%", "cm", "mm", "m2", "m²", "lb", "lbs",
                  "oz", "mg", "ml", "mph", "kph", "kmph", "km/h", "km/hr", "°C", "°F", "bbl", "€", "元", "t",
                  "₡", "₾", "₭", "₩", "₽", "₪")
#: Pound is a currency as well as a weight: "pounds" is money after a scale word ("361 million
#: pounds") or before these words, a weight elsewhere ("more than 1,300 pounds (600 kgs)").
POUND_MONEY_AFTER = ("sterling", "a share", "per share", "a year", "a week", "a month", "in ", "of debt")
#: Currency signs and codes before a number, and the ISO code each means.
CURRENCIES: dict[str, str] = {"$": "USD", "US$": "USD", "USD": "USD", "£": "GBP", "€": "EUR", "EUR": "EUR",
                              "GBP": "GBP", "U.S.$": "USD", "dlrs": "USD", "Mex$": "MXN", "C$": "CAD", "CA$": "CAD",
                              "CAD": "CAD", "A$": "AUD", "AU$": "AUD",
                              "AUD": "AUD", "HK$": "HKD", "HKD": "HKD", "NZ$": "NZD", "NZD": "NZD", "S$": "SGD",
                              "SGD": "SGD", "MX$": "MXN", "MXN": "MXN", "R$": "BRL", "¥": "JPY", "JPY": "JPY",
                              "CNY": "CNY", "RMB": "CNY", "CHF": "CHF", "INR": "INR", "₹": "INR", "Rs": "INR",
                              "₩": "KRW", "₽": "RUB", "₪": "ILS", "USD$": "USD", "CAD$": "CAD", "AUD$": "AUD",
                              "NZD$": "NZD", "MXN$": "MXN"}
#: Currency codes written after the number ("500 USD", "50 million EUR"): the codes above.
CURRENCY_CODES_AFTER = ("USD", "EUR", "GBP", "CAD", "AUD", "HKD", "NZD", "SGD", "MXN", "JPY", "CNY", "RMB", "CHF",
                        "INR")
#: Words before a number that make it part of a name or an identifier ("Route 66", "No. 5").
IDENTIFIER_WORDS = ("version", "v", "no.", "number", "route", "highway", "room", "flight", "page", "chapter",
                    "section", "article", "model", "code", "line", "bus", "platform", "gate", "exit", "unit",
                    "ward", "district", "precinct", "size", "level", "grade", "class", "tier")

#: Street words after a number and a name: "285 Toure Drive" is an address, not a count.
STREET_WORDS = ("Street", "St", "Avenue", "Ave", "Road", "Rd", "Drive", "Dr", "Boulevard", "Blvd", "Lane", "Ln",
                "Way", "Place", "Pl", "Court", "Ct", "Terrace", "Parkway", "Pkwy", "Highway", "Hwy", "Square",
                "Crescent", "Close", "Circle", "Trail", "Row", "Plaza")
#: Words after "a.m." style times: a number before them is a time of day, not a claim.
TIME_OF_DAY_AFTER = ("a.m.", "p.m.", "am", "pm", "a.m", "p.m", "o'clock", "o’clock", "GMT", "EST", "EDT", "PST",
                     "PDT", "CST", "CDT", "UTC", "hrs local")
#: Hyphenated words after a number that make an adjective, not a claim ("five-star hotel",
#: "two-time champion", "three-judge panel" stays a count only with a plural).
NOT_QUANTITY_COMPOUNDS = ("star", "time", "times", "point", "way", "fold", "some", "dimensional", "D",
                          "party", "seater", "speed", "storey", "story")
#: After "30-year": a product or rate named by its term, not a duration claim.
TERM_PRODUCTS = ("Treasury", "Treasuries", "bond", "bonds", "note", "notes", "bill", "bills", "mortgage",
                 "mortgages", "yield", "yields", "loan", "loans", "fixed", "gilt", "gilts", "T-bond", "paper",
                 "debt", "securities", "issue")
#: Spelled numbers before these words name a ranking or a group, not a claim ("Ten Most Wanted").
NAME_AFTER_NUMBER = ("Most", "Commandments", "Nations", "Tribes", "Pillars", "Wonders", "Musketeers",
                     "Stooges", "Dwarfs", "Kingdoms")

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
#: Words before a date without a year (in the same sentence) that put it in the future:
#: "will", "is to", "set to", "scheduled", "payable", "expire", "due". "by", "until" and "till"
#: count only straight before the date ("by Jan. 14") and only with no past-tense verb before it.
DATE_FUTURE_CUES = ("will", "'ll", "shall", "won't", "is to", "are to", "set to", "scheduled", "slated",
                    "due", "expected to", "expects to", "plans to", "plan to", "planned to", "planning to",
                    "payable", "expire", "expires", "expiring", "upcoming", "is going to", "are going to",
                    "intends to", "hopes to", "deadline", "to be", "effective", "expect", "is expected",
                    "are expected", "extended to", "extended until", "postponed to", "postponed until",
                    "delayed until", "deferred until", "rescheduled for", "coming", "would")
DATE_FUTURE_PREPOSITIONS = ("by", "until", "till")
#: Seasons (lower case in running text; "Summer Olympics" is a name).
SEASONS = ("spring", "summer", "fall", "autumn", "winter")
#: Named holidays with a fixed date (month, day) or the nth weekday of a month
#: (month, weekday 0=Monday, n; n=-1 is the last).
HOLIDAYS: dict[str, tuple[int, ...]] = {
    "New Year's Day": (1, 1), "New Year's Eve": (12, 31), "Valentine's Day": (2, 14),
    "Independence Day": (7, 4), "Fourth of July": (7, 4), "July Fourth": (7, 4), "Halloween": (10, 31),
    "Veterans Day": (11, 11), "Christmas Eve": (12, 24), "Christmas Day": (12, 25), "Christmas": (12, 25),
    "Boxing Day": (12, 26), "Martin Luther King Day": (1, 0, 3), "Presidents Day": (2, 0, 3),
    "Presidents' Day": (2, 0, 3), "Memorial Day": (5, 0, -1), "Labor Day": (9, 0, 1),
    "Columbus Day": (10, 0, 2), "Thanksgiving Day": (11, 3, 4), "Thanksgiving": (11, 3, 4),
}
#: Words before a date expression that make it recurring, not one date ("each July", "every Monday").
DATE_RECURRING_WORDS = ("each", "every")
#: Nouns after "today's" that make it the present in general, not the day ("today's youth").
DATE_GENERIC_NOUNS = ("youth", "young", "kids", "children", "teenagers", "teens", "society", "world",
                      "generation", "standards", "parents", "families", "students", "culture", "economy",
                      "technology", "environment", "music", "politics", "politicians", "media", "people",
                      "adults", "women", "men", "girls", "boys", "workers", "consumers", "investors", "voters",
                      "readers", "viewers", "shoppers", "employers", "athletes", "players", "doctors")

# --- sentences, sources, people ---------------------------------------------------------------

#: Abbreviations after which a full stop does not end a sentence (lower case, no final stop).
ABBREVIATIONS = tuple("""u.s u.k u.n e.u a.m p.m mr mrs ms dr st mt ft jr sr gen col lt maj capt sgt cpl pvt adm
    cmdr brig sen rep gov pres prof rev no vs etc inc corp co ltd dept est approx fig e.g i.e cie cos bros pty
    jan feb mar apr jun jul aug sep sept oct nov dec""".split())
#: Verbs that report what a source says ("X said", "according to" is a pattern of its own).
REPORTING_VERBS = (
    "said", "says", "told", "tells", "added", "adds", "notes", "noted", "reports", "reported", "writes", "wrote",
    "declared", "revealed", "explained", "estimated", "estimate", "estimates", "acknowledged", "acknowledges",
    "conceded", "emphasized", "emphasised", "argued", "warned", "claimed", "stated", "announced", "confirmed",
    "denied", "insisted", "recalled", "stressed", "say", "believe",
    "showed", "shows", "show", "predicted", "predicts", "forecast", "forecasts", "projected", "calculated",
    "reckons", "warns", "warn", "cautioned", "expects",
)
#: The reporting verbs that are past-tense verbs only ("said", "reported"; not "estimates" or
#: "reports", nouns too): a frame's verb before a date, and never the last word of a speaker.
PAST_REPORTING_VERBS = tuple(v for v in REPORTING_VERBS if v.endswith("ed") or v in ("said", "told", "wrote"))
#: Words that open a clause whose subject is the pronoun after them: "Mr Comey made headlines when he
#: announced" is his.
SUBORDINATORS = ("when", "after", "before", "as", "while", "because", "since", "until", "if", "and", "but", "so",
                 "then", "though", "although")
#: Time units that "a"/"an" after a hedge makes one of ("within a year"), and whose plurals after a
#: hyphened pair make it no tally ("children 12-3 months old"); each is a UNITS spelling (a test checks).
ONE_UNIT_WORDS = ("year", "month", "week", "day", "hour", "minute")
#: Words after which a would-be reporting verb is a noun ("It made the estimates", "the show") or
#: a passive ("patients are still told to call"): a speaker phrase never ends with one (an
#: auxiliary not even one word before its end).
NOT_BEFORE_VERBS = ("the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "these", "those",
                    "this", "of", "to", "for", "with", "by", "from", "whose", "than", "as", "amid", "amidst",
                    "despite", "after", "following", "among", "in", "on", "at", "over", "under", "against",
                    "without", "within", "during", "through")
#: Participles after which "by X" says who made a document, not who speaks: "a memorandum
#: distributed by RJR's owner" is the memorandum's.
DOCUMENT_PARTICIPLES = ("written", "compiled", "published", "released", "issued", "conducted", "prepared",
                        "commissioned", "distributed", "circulated", "sent", "obtained", "seen", "reviewed")
#: Objects after which "claimed" is no speech: "claimed the lives of 2,000 people", "claimed 40 lives",
#: "claimed responsibility".
CLAIMED_OBJECTS = ("lives", "life", "victory", "responsibility", "credit", "title", "seat", "seats")
#: Modal and auxiliary verbs: a phrase after "said" that holds one is a clause ("said it would
#: extend its bid"), not a speaker ("said John Smith").
CLAUSE_VERBS = ("would", "will", "could", "can", "should", "may", "might", "must", "had", "has", "have",
                "was", "were", "is", "are", "did", "does", "do")
AUXILIARIES = ("is", "are", "was", "were", "be", "been", "being", "get", "gets", "got")
#: Adjuncts that may follow a reporting verb at the end of a clause ("..., officials said in a news
#: release", "..., the ministry said Friday"): they are part of the frame, not of what is reported.
FRAME_ADJUNCTS = ("on", "in", "at", "to", "during", "after", "before", "last", "this", "late", "early",
                  "earlier", "later", "yesterday", "today", "tonight", "through", "via", "from", "when", "while")
#: Adverbs that close a speaker phrase without belonging to it ("Columbia officials also said",
#: "Pentagon sources meanwhile said"); adverbs in -ly are dropped anyway.
SPEAKER_ADVERBS = ("also", "meanwhile", "too", "then", "now", "still", "further", "however", "later",
                   "earlier", "today", "yesterday", "again", "separately", "first")
#: Reporting verbs that also mean something else: "added" reports only when no amount follows
#: ("Columbia added $227 million to reserves" is no quotation).
AMOUNT_VERBS = ("added", "adds")
#: Whom a source "told" at the end of a frame ("..., a senior official told reporters").
TOLD_OBJECTS = ("reporters", "journalists", "lawmakers", "parliament", "congress", "viewers", "listeners",
                "analysts", "investors", "shareholders", "delegates", "supporters", "students")
#: Words that open a speaker phrase without belonging to it ("as X reports", "but sources said").
SPEAKER_CONJUNCTIONS = ("as", "and", "but", "while", "so", "yet", "although", "though", "because")
#: What "Citing X, ..." cites when X is no source ("Citing an example, Sgt. Glenn said ...").
NOT_CITED = ("example", "examples", "reason", "reasons", "concern", "concerns", "need", "needs", "lack",
             "case", "cases", "danger", "dangers", "risk", "risks", "threat", "threats", "problem", "problems",
             "difficulties", "rise", "increase", "decline", "drop", "shortage", "shortages", "fear", "fears")
#: Nouns that name an organisation when written "the <noun>": "the company said" is the company
#: the article last quoted (or named with that word: "the agency" is "Iraqi News Agency").
ORGANISATION_HEADS = ("company", "concern", "firm", "corporation", "agency", "ministry", "department",
                      "bank", "group", "government", "newspaper", "paper", "utility", "thrift", "maker",
                      "producer", "retailer", "insurer", "carrier", "airline", "publisher", "network", "bureau",
                      "office", "commission", "council", "committee", "union", "institute", "association",
                      "organization", "organisation", "board", "court", "survey", "study", "report", "unit",
                      "subsidiary", "partnership", "trust", "fund", "exchange", "operator", "developer",
                      "daily", "weekly", "magazine", "radio", "television", "broadcaster", "station")
#: Of those, publications, whose name may stand before the lower-case noun: "the Maariv newspaper".
PUBLICATION_HEADS = ("newspaper", "paper", "daily", "weekly", "magazine", "agency", "network", "radio",
                     "television", "broadcaster", "station")
#: Of those, the nouns for a company: with no name written with the noun, "the company said" is the
#: company the article last quoted, else the first it names ("Cilcorp Inc.").
COMPANY_HEADS = ("company", "concern", "firm", "corporation", "utility", "thrift", "maker", "producer",
                 "retailer", "insurer", "carrier", "airline", "publisher", "developer", "operator", "subsidiary",
                 "bank", "group")
#: Endings of a company's name ("Cilcorp Inc.", "Reed International PLC").
CORPORATE_SUFFIXES = ("Inc", "Corp", "Co", "Cos", "Ltd", "PLC", "Plc", "AG", "SA", "NV", "AB", "LP", "Group",
                      "Holdings", "Bancorp", "Industries", "International", "Associates", "Partners", "S.A", "N.V",
                      "A.G", "S.p.A", "GmbH", "LLC")
#: Nouns for what a maker estimates ("analysts' expectations of $130 million", "the 235,000
#: forecast by economists"): the number belongs to the maker.
ESTIMATE_NOUNS = ("expectation", "expectations", "forecast", "forecasts", "estimate", "estimates", "projection",
                  "projections", "prediction", "predictions", "tally", "count", "calculation", "calculations")
#: Participles that give a number to whoever is named after "by" ("forecast by economists").
ESTIMATE_PARTICIPLES = ("forecast", "estimated", "predicted", "expected", "projected", "reported", "cited",
                        "calculated", "counted", "compiled", "tallied")
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
          "Manager", "Administrator", "Treasurer", "Chancellor", "Correspondent", "Prosecutor", "Analyst",
          "Economist")
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
#: Pronouns that stand for a speaker named before: "he" and "she" for the person the paragraph
#: is about (its last person speaking, else the first person it names, else the previous
#: paragraph's), "they" for the last speaker.
PRONOUNS = ("he", "she", "they", "him", "her")
#: Pronouns for one person, not a group or an organisation.
PERSON_PRONOUNS = ("he", "she", "him", "her")
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
#: Demonyms that say which country (or state, or continent) a text refers to ("Russian officials",
#: "the Kenyan government", "Saudis"), each to the place's name as data/gazetteer-world.csv or the
#: country aliases give it. They become place mentions flagged ``demonym`` (see
#: claimframe.extract.places). The plural adds an "s" ("Iraqis", "Kenyans") unless the word ends in
#: -ese, -sh, -ch or -ss ("Chinese", "British", "Dutch", "Swiss"); other nouns for people are
#: listed as they are ("Briton", "Frenchmen", "Turks"). Religious, ethnic and group names
#: (Kurdish, Arab, Shiite, Latino) name no one place and are left out.
DEMONYM_PLACES: dict[str, str] = {
    "Afghan": "Afghanistan", "Albanian": "Albania", "Algerian": "Algeria", "American": "United States",
    "Angolan": "Angola", "Argentine": "Argentina", "Argentinian": "Argentina", "Armenian": "Armenia",
    "Australian": "Australia", "Austrian": "Austria", "Azerbaijani": "Azerbaijan", "Bahraini": "Bahrain",
    "Bangladeshi": "Bangladesh", "Belarusian": "Belarus", "Belgian": "Belgium", "Bolivian": "Bolivia",
    "Bosnian": "Bosnia and Herzegovina", "Brazilian": "Brazil", "British": "United Kingdom",
    "Briton": "United Kingdom", "Bulgarian": "Bulgaria", "Burmese": "Myanmar", "Burundian": "Burundi",
    "Cambodian": "Cambodia", "Cameroonian": "Cameroon", "Canadian": "Canada", "Chadian": "Chad",
    "Chilean": "Chile", "Chinese": "China", "Colombian": "Colombia", "Congolese": "Democratic Republic of the Congo",
    "Croatian": "Croatia", "Cuban": "Cuba", "Cypriot": "Cyprus", "Czech": "Czechia", "Danish": "Denmark",
    "Dane": "Denmark", "Dutch": "Netherlands", "Dutchman": "Netherlands",
    "Ecuadorian": "Ecuador", "Egyptian": "Egypt", "Emirati": "United Arab Emirates", "English": "England",
    "Englishman": "England", "Eritrean": "Eritrea", "Estonian": "Estonia", "Ethiopian": "Ethiopia",
    "Fijian": "Fiji", "Filipino": "Philippines", "Finnish": "Finland", "French": "France",
    "Frenchman": "France", "Frenchmen": "France", "Georgian": "Georgia", "German": "Germany",
    "Ghanaian": "Ghana", "Greek": "Greece", "Guatemalan": "Guatemala", "Guinean": "Guinea",
    "Haitian": "Haiti", "Honduran": "Honduras", "Hungarian": "Hungary", "Icelandic": "Iceland",
    "Indian": "India", "Indonesian": "Indonesia", "Iranian": "Iran", "Iraqi": "Iraq", "Irish": "Ireland",
    "Israeli": "Israel", "Italian": "Italy", "Ivorian": "Ivory Coast", "Jamaican": "Jamaica",
    "Japanese": "Japan", "Jordanian": "Jordan", "Kazakh": "Kazakhstan", "Kenyan": "Kenya",
    "Kuwaiti": "Kuwait", "Kyrgyz": "Kyrgyzstan", "Latvian": "Latvia", "Lebanese": "Lebanon",
    "Liberian": "Liberia", "Libyan": "Libya", "Lithuanian": "Lithuania", "Malagasy": "Madagascar",
    "Malawian": "Malawi", "Malaysian": "Malaysia", "Malian": "Mali", "Maltese": "Malta",
    "Mauritanian": "Mauritania", "Mexican": "Mexico", "Moldovan": "Moldova", "Mongolian": "Mongolia",
    "Moroccan": "Morocco", "Mozambican": "Mozambique", "Namibian": "Namibia", "Nepalese": "Nepal",
    "Nepali": "Nepal", "Nicaraguan": "Nicaragua", "Nigerian": "Nigeria", "Nigerien": "Niger",
    "Norwegian": "Norway", "Omani": "Oman", "Pakistani": "Pakistan", "Palestinian": "Palestinian Territory",
    "Panamanian": "Panama", "Paraguayan": "Paraguay", "Peruvian": "Peru", "Polish": "Poland",
    "Portuguese": "Portugal", "Qatari": "Qatar", "Romanian": "Romania", "Russian": "Russia",
    "Rwandan": "Rwanda", "Salvadoran": "El Salvador", "Saudi": "Saudi Arabia", "Scottish": "Scotland",
    "Scot": "Scotland", "Senegalese": "Senegal", "Serbian": "Serbia", "Serb": "Serbia",
    "Singaporean": "Singapore", "Slovak": "Slovakia", "Slovenian": "Slovenia", "Somali": "Somalia",
    "Spanish": "Spain", "Spaniard": "Spain", "Sudanese": "Sudan", "Swedish": "Sweden", "Swede": "Sweden",
    "Swiss": "Switzerland", "Syrian": "Syria", "Taiwanese": "Taiwan", "Tajik": "Tajikistan",
    "Tanzanian": "Tanzania", "Thai": "Thailand", "Tunisian": "Tunisia", "Turkish": "Turkey", "Turk": "Turkey",
    "Ugandan": "Uganda", "Ukrainian": "Ukraine", "Uruguayan": "Uruguay",
    "Uzbek": "Uzbekistan", "Venezuelan": "Venezuela", "Vietnamese": "Vietnam", "Welsh": "Wales",
    "Yemeni": "Yemen", "Zambian": "Zambia", "Zimbabwean": "Zimbabwe",
    "South African": "South Africa", "North Korean": "North Korea", "South Korean": "South Korea",
    "New Zealander": "New Zealand", "Sri Lankan": "Sri Lanka",
    "Saudi Arabian": "Saudi Arabia", "Sierra Leonean": "Sierra Leone", "South Sudanese": "South Sudan",
    "Puerto Rican": "Puerto Rico", "Costa Rican": "Costa Rica", "Hong Konger": "Hong Kong",
    "Texan": "Texas", "Californian": "California", "Floridian": "Florida",
    "European": "Europe", "African": "Africa", "Asian": "Asia",
    "Latin American": "Latin America", "Middle Eastern": "Middle East", "Southeast Asian": "Southeast Asia",
}
#: Phrases where a demonym names no place: foods, breeds, languages' set phrases, ethnic
#: compounds ("African American"), diseases and games.
DEMONYM_NOT_PLACE = ("French fries", "French toast", "French horn", "French kiss", "Swiss cheese",
                     "Turkish delight", "Danish pastry", "Dutch oven", "German shepherd", "Russian roulette",
                     "Chinese checkers", "Indian summer", "Irish coffee", "English muffin", "Mexican wave",
                     "Spanish flu", "Arabic numerals", "Chinese whispers", "Brazil nut", "Dutch courage",
                     "Scotch egg", "Welsh rarebit", "Persian cat", "Siamese twins", "English Channel",
                     "French bulldog")
#: Last words of a name a demonym opens that is a company, society or board rather than the
#: country's ("British Airways", "American Psychological Association", "American Board"): no place.
DEMONYM_NAME_ENDS = ("Airlines", "Airways", "Express", "Association", "Board", "Society", "Academy",
                     "College", "University", "Institute", "Press", "Idol", "League", "Club", "Centre",
                     "Center", "Foundation", "Company", "Corporation", "Inc", "Red Cross")
#: A language read out as such after these words ("said in Russian", "speaks Spanish"): no place.
LANGUAGE_CUES = ("in", "speak", "speaks", "spoke", "speaking", "spoken", "into", "translated", "learn",
                 "learning", "fluent", "teach", "teaches", "teaching", "taught")
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

def alternation(words) -> str:
    """The words as a regex alternation in the list's order ("a|b|c", each escaped), for the
    modules that match a word list: the first word that matches wins, so order longer first
    where one word begins another."""
    import re

    return "|".join(re.escape(w) for w in words)


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

Generated from `lib/claimframe/lexicon.py` by `python -m claimframe.lexicon --write`; a test fails
when this section and the module disagree. Change the module, then regenerate.

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
- Currency codes after a number ("500 USD"): {_words(CURRENCY_CODES_AFTER)}. "pounds" is money after a
  scale word ("361 million pounds") or before {_words(POUND_MONEY_AFTER)}, a weight elsewhere.
- "m" after digits is a million before: {_words(MILLION_M_BEFORE)} ("1.2m people"); metres elsewhere.
- Offsets (canonical = (stated + offset) × factor): {", ".join(f"`{k}` {v:g}" for k, v in UNIT_OFFSETS.items())}.
- Fractions: {", ".join(f"`{w}` {v:.4g}" for w, v in FRACTION_WORDS.items())}; as one character:
  {_words(VULGAR_FRACTIONS)}. A fraction with no whole part is a share (kind percent, `unit_stated`
  `fraction`: "two thirds of voters" 66.67). Negative: {_words(NEGATIVE_WORDS)}, "-", "−".
- Not claims: numbers before {_words(TIME_OF_DAY_AFTER)} (times of day); before a hyphen and
  {_words(NOT_QUANTITY_COMPOUNDS)} ("five-star"); "N-year" before {_words(TERM_PRODUCTS)} ("30-year
  Treasury bond"); capitalised number words before {_words(NAME_AFTER_NUMBER)} or any capitalised
  word ("Ten Most Wanted"); a number and capitalised words before {_words(STREET_WORDS)}
  (street addresses); phone numbers.

### Hedges
| hedge | phrases before the number |
|---|---|
{hedges}

After the number: {trailing}. Range words besides dashes and "and": {_words(RANGE_WORDS)}; not a
range after a verb of movement when the unit follows each number ("rose 6 pence to 388 pence"):
{_words(CHANGE_VERBS)}. Not a claim: "one day" after {_words(SOMEDAY_MODALS)} ("will one day be").
"#" before an amount and {_words(HASH_POUND_SCALES)} is "£" (7-bit British text: "#89.7 million").

### Sources and people
- Reporting verbs: {_words(REPORTING_VERBS)}.
- Other speech verbs (a person, but no claim): {_words(SPEECH_VERBS[len(REPORTING_VERBS):])}.
- Titles: {_words(TITLES)}; abbreviated: {_words(TITLE_ABBREVIATIONS)}; other honorifics: {_words(HONORIFICS)}.
- Abbreviations inside names: {_words(NAME_ABBREVIATIONS)}; after which no sentence ends: {_words(ABBREVIATIONS)}.
- Pronouns for a speaker named before: {_words(PRONOUNS)}; for one person (the paragraph's): {_words(PERSON_PRONOUNS)}.
- Organisation nouns ("the agency said" is the "... Agency" named last): {_words(ORGANISATION_HEADS)};
  publications ("the Maariv newspaper"): {_words(PUBLICATION_HEADS)};
  company nouns ("the company said" is the company last quoted): {_words(COMPANY_HEADS)};
  company name endings: {_words(CORPORATE_SUFFIXES)}.
- Estimates belong to their makers ("analysts' {ESTIMATE_NOUNS[1]} of N", "N forecast by X"): {_words(ESTIMATE_NOUNS)};
  {_words(ESTIMATE_PARTICIPLES)}.
- Frame adjuncts after a reporting verb: {_words(FRAME_ADJUNCTS)}.
- Clause openers before a pronoun that speaks ("... when he announced"): {_words(SUBORDINATORS)}.
- A document's source, not its maker's, before "by" ("a memorandum distributed by ..."): {_words(DOCUMENT_PARTICIPLES)}.
- "claimed" is no speech before: {_words(CLAIMED_OBJECTS)}; a phrase after "said" holding one of these is
  what is said: {_words(CLAUSE_VERBS)}.
- Never just before a reporting verb: {_words(NOT_BEFORE_VERBS)}; nor one of these or a word after
  one (a passive): {_words(AUXILIARIES)}.
- Not part of a speaker: {_words(SPEAKER_CONJUNCTIONS)}, {_words(SPEAKER_ADVERBS)}; cited, but no source:
  {_words(NOT_CITED)}.
- Reporting only when no amount follows: {_words(AMOUNT_VERBS)}; told to, in a closing frame: {_words(TOLD_OBJECTS)}.

### Places
- Organisation words (a name ending in one is no place): {_words(ORGANISATION_WORDS)}.
- Demonyms (never a place mention): {_words(DEMONYMS)}.
- Words that are places only after a place cue ({_words(PLACE_CUES)}): {_words(PLACE_NAME_WORDS)}.
- Country aliases: {", ".join(f"`{k}` {v}" for k, v in COUNTRY_ALIASES.items())}.
- Regions (mentions of kind region, never a town of that name): {_words(REGIONS)}.
- State and province abbreviations: {", ".join(f"`{k}` {v}" for k, v in STATE_ABBREVIATIONS.items())}.
- Demonyms of the world (never a place mention): {_words(WORLD_DEMONYMS)}.
- Demonyms that refer to a place (mentions flagged `demonym`; plurals add "s" except after -ese, -sh, -ch,
  -ss): {", ".join(f"`{k}` {v}" for k, v in DEMONYM_PLACES.items())}. Not a place in: {_words(DEMONYM_NOT_PLACE)};
  nor opening a name that ends in: {_words(DEMONYM_NAME_ENDS)}; nor a language alone after: {_words(LANGUAGE_CUES)}.
- Never a place on their own: {_words(PLACE_STOP_WORDS)}.
- Organisations named after their place (the place counts): {_words(PLACE_ORGANISATION_WORDS)}.

### Dates
- Cues that put a date without a year in the future: {_words(DATE_FUTURE_CUES)}; straight before
  the date only: {_words(DATE_FUTURE_PREPOSITIONS)}.
- Seasons: {_words(SEASONS)}. Holidays: {_words(HOLIDAYS)}.
- Recurring, not a date: {_words(DATE_RECURRING_WORDS)}; "today's" before {_words(DATE_GENERIC_NOUNS)} is
  the present in general.
"""


BEGIN_MARK, END_MARK = "<!-- word lists: begin -->\n", "<!-- word lists: end -->"


def write_readme(path) -> bool:
    """Put :func:`markdown` between the word-list marks of ``path`` (data/README.md); True when
    the file changed. The rest of the file is kept byte for byte, and the new file replaces the
    old in one step, so an interrupted run leaves the old one whole."""
    import os
    import tempfile
    from pathlib import Path

    path = Path(path)
    old = path.read_bytes().decode("utf-8")  # as it is: no newline translation
    begin, end = old.find(BEGIN_MARK), old.find(END_MARK)
    if begin < 0 or end < begin:
        raise ValueError(f"{path}: no {BEGIN_MARK.strip()} ... {END_MARK} section to write the word lists into")
    new = old[:begin + len(BEGIN_MARK)] + markdown() + old[end:]
    if new == old:
        return False
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(new)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
    return True


def main(argv=None) -> int:
    """``python -m claimframe.lexicon`` prints the word-list section; ``--write [README]`` puts it
    into data/README.md (or README) between its marks."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m claimframe.lexicon", description=main.__doc__)
    parser.add_argument("--write", nargs="?", const="data/README.md", metavar="README",
                        help="write the section into this file (default data/README.md) instead of printing it")
    args = parser.parse_args(argv)
    if args.write is None:
        print(markdown(), end="")
        return 0
    try:
        changed = write_readme(args.write)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{args.write}: word lists {'rewritten' if changed else 'already up to date'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
