"""Who says what: sentences, quotations and the sources the article attributes them to.

The rules are the ones data/README.md lists under "Attribution". They are pattern rules over
reporting verbs ("said", "told", "notes", "according to", "has learned"), quotation marks and
names; they know nothing about any one article. Names are made canonical so one source gets
one name: "Dorrian" and "the colonel" become "Col. John Dorrian", "the Times" becomes whatever
meta.toml's ``[source_aliases]`` says.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimframe import lexicon
from claimframe.extract.segment import quote_spans, sentence_spans
from claimframe.schema import SENTENCES, from_records

if TYPE_CHECKING:
    import pandas as pd

    from claimframe.document import Document

_ABBR = rf"(?:{'|'.join(lexicon.NAME_ABBREVIATIONS)})\.|(?:[A-Z]\.){{2,}}|[A-Z][a-z]{{0,3}}\.(?=\s+\w|,)"
_TOKEN = rf"(?:{_ABBR}|[\w’'&-]+)"  # & for "AT&T", "Procter & Gamble"
_SP = rf"(?P<sp>{_TOKEN}(?:\s+{_TOKEN}){{0,6}}?)"
_VERBS = "|".join(lexicon.REPORTING_VERBS)  # in the lexicon's order: the regex tries them in turn
# Between a speaker and the verb: "has said", "had predicted", "also said", "has also noted".
_AUX = rf"(?:(?:has|have|had)\s+)?(?:(?:{'|'.join(lexicon.SPEAKER_ADVERBS)}|[a-z]+ly)\s+)?"  # "has publicly said"
# Where a speaker phrase may begin: sentence start, after a comma, a closing quote (curly, straight
# or the '' of wire copy), a colon, or a wire dateline ("BAGHDAD (Reuters) - ").
_LEAD = r"(?:^|(?<=,)\s+|(?<=[”\"])\s*|(?<='')\s*|(?<=:)\s+|(?<=\s[-—–])\s+)"
# What may follow the verb at the end of a frame: "said Friday", "said in a news release".
_WHEN = "|".join([*lexicon.FRAME_ADJUNCTS, *lexicon.WEEKDAYS, *lexicon.MONTHS])
_TAIL = rf"(?:\s+(?:(?:{_WHEN})\b|(?:{'|'.join(lexicon.MONTH_ABBREVIATIONS)})\.)[^,;“”\"]{{0,60}}?)?"
# "..., a senior official told The Associated Press", "... told reporters on Friday"
_TOLD = (rf"(?:\s+(?:(?:the\s+)?[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){{0,4}}"
         rf"|(?:[a-z]+\s+){{0,2}}(?:{'|'.join(lexicon.TOLD_OBJECTS)})(?:\s+(?:here|there))?)"
         rf"(?=\s*[.!;]?\s*$|\s+(?:{_WHEN})\b))?")
_TAIL = _TOLD + _TAIL

# Patterns in priority order; each finds a speaker phrase `sp` and says what it covers.
_LEARNED_FROM = re.compile(rf"\blearned\s+from\s+{_SP}\s+that\b")
_CITING = re.compile(r"^(?:[“\"]?)Citing\s+(?P<sp>[^,]{2,80}?),")
# "according to a poll of 1,200 voters, ...": the source may hold a number, whose comma ends nothing
_SP_WITH_NUMBERS = rf"(?P<sp>(?:\d{{1,3}}(?:,\d{{3}})+|{_TOKEN})(?:\s+(?:\d{{1,3}}(?:,\d{{3}})+|{_TOKEN})){{0,6}}?)"
_ACCORDING = re.compile(rf"\b[Aa]ccording\s+to\s+{_SP_WITH_NUMBERS}(?=\s*(?:[.;:!?]|,(?!\d)|$))")
_HAS_LEARNED = re.compile(rf",\s*{_SP}\s+(?:has|have)\s+learned\s*[.!]?\s*$")
# "..., the U.N. refugee agency UNHCR said on Monday." covers what comes before the comma.
_TRAILING = re.compile(rf",\s*{_SP}\s+{_AUX}(?:{_VERBS}){_TAIL}\s*[.!]?\s*$")
# "..., Lipper says; ...": the same frame closing a clause; "If holders wait, he added, they can
# expect ...": a frame set off by commas inside the sentence covers all of it.
_CLAUSE_END = re.compile(r";")
_PARENTHETICAL = re.compile(rf",\s*{_SP}\s+{_AUX}(?:{_VERBS}){_TAIL},\s")
# "That according to the Lundberg survey.": the previous sentence's source.
_THAT_ACCORDING = re.compile(
    rf"^(?:That|This)(?:’s|'s|\s+is|\s+was)?,?\s+according\s+to\s+{_SP}(?:\s*|\s+(?:of|in|at|on|from|for)\s[^.;]*)[.!]?\s*$")
# A company's name opening the sentence, with its town and an aside before the verb:
# "RMS International Inc., Hasbrouk Heights, N.J., facing a cash-flow squeeze, said ...".
_CORPORATE = lexicon.alternation(lexicon.CORPORATE_SUFFIXES)
_COMPANY_LEAD = re.compile(
    rf"^(?P<sp>(?:[A-Z][\w.&’'-]*\s+){{0,5}}(?:{_CORPORATE})\.?)(?:,\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){{0,3}}){{0,2}}"
    rf"(?:,\s+[a-z][^,;“”\"]{{0,120}})?,\s+{_AUX}(?:{_VERBS})\b")
_CORPORATE_SET = frozenset(lexicon.CORPORATE_SUFFIXES)
_COMPANY_END = re.compile(rf"\s(?:{_CORPORATE})\.$")
_TRAILING_NAME = re.compile(r"(?:[A-Z][\w.&’'-]*\s+)+[A-Z][\w.&’'-]*$")
_COMPANY_NAME = re.compile(rf"\b(?:[A-Z][\w.&’'-]*\s+){{0,5}}(?:{_CORPORATE})\b\.?")
# Estimates belong to their makers: "analysts' expectations of #130 million to #135 million"
# (_POSSESSED_ESTIMATE below), "the 235,000 forecast by economists".
_ESTIMATE_BY = re.compile(
    rf"(?P<q>[\w$#£€%.,-]+(?:\s+(?:million|billion|thousand|hundred|percent))?)\s+"
    rf"(?:{'|'.join(lexicon.ESTIMATE_PARTICIPLES)})\s+by\s+(?P<sp>(?:the\s+)?[\w.&’'-]+(?:\s+[A-Z][\w.&’'-]*){{0,4}})")
# (Alternatives that each open with a plain character let the search skip ahead to them.)
_INVERTED = re.compile(
    rf"(?:,|,[”\"]|\.[”\"]|![”\"]|\?[”\"]|,\s*''|\.\s*''|!\s*''|\?\s*'')\s*(?:{_VERBS})\s+{_SP}\s*(?=[,.;!?]|$)")
_APPOSITIVE = re.compile(
    rf"{_LEAD}{_SP},\s+(?:a|an|the|[a-z]|[A-Z][\w.&-]*(?:’s|'s)\s)(?:[^,;“”\"]|,(?=\d{{3}})){{0,160}},(?:'')?\s+"
    rf"{_AUX}(?P<verb>{_VERBS})\b"
)
# The same at the sentence's start, with commas inside the appositive: "Doctor James Burdick, the
# Professor of Transplant Surgery at Johns Hopkins in Baltimore, Maryland, and former President of
# UNOS, said ..."
_LONG_APPOSITIVE = re.compile(
    rf"(?P<sp>[^,;“”\"]{{1,40}}),\s+(?:a|an|the|[a-z]|[A-Z][\w.&-]*(?:’s|'s)\s)[^;“”\"]{{0,200}}?,\s+{_AUX}(?P<verb>{_VERBS})\b")
_PREPOSED = re.compile(rf"{_LEAD}{_SP}\s+{_AUX}(?P<verb>{_VERBS})\b")
_THAT = re.compile(r"that\b(?<!\wthat)")  # "that" as a word, its \b before checked after it: cheaper
# Each pattern above needs its word: a sentence without "learned" needs no _LEARNED_FROM, one
# without a reporting verb no _TRAILING, and so on. Plain substring tests tell cheaply (and may
# find a word inside another word: the pattern itself then decides).
_CUES = (*_VERBS.split("|"), "learned", "Citing", "ccording")
_CUE_WORDS = tuple(w for w in _CUES if not any(v != w and v in w for v in _CUES))  # "say" finds "says" too
_NOT_VERBS = frozenset({"learned", "Citing", "ccording"})
# _APPOSITIVE and _PREPOSED open with _LEAD, so they can only match at the sentence start or just
# after one of these characters: they are tried there alone (see _matches_at).
_LEAD_MARK = re.compile(r"[,”\":\-—–]|''")
# How every _APPOSITIVE match ends: a quick scan (it opens with a comma) says whether to try it.
_APPOSITIVE_END = re.compile(rf",(?:'')?\s+{_AUX}(?:{_VERBS})\b")
_NESTED = re.compile(rf"\s*{_SP}\s+(?:{_VERBS})\b")

_TITLE_CORE = "(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in lexicon.TITLE_ABBREVIATIONS)
_TITLE_CORE += "|" + "|".join(t.replace(" ", r"\s+") for t in lexicon.TITLES) + ")"
# Capitalised words that qualify a title ("Deputy Minister", "Public Works Director"), but not
# words that merely open the sentence ("Citing Minister ...").
_TITLE = (
    r"(?:(?!(?:The|A|An|Citing|According|Said|Told|But|And|However|When|After|Before|Asked|Echoing)\b)"
    r"(?![A-Z][a-z]*(?:an|ese|ish|i)\s)"  # nationality adjectives: "American Maj. Gen. ...", "Iraqi Prime Minister"
    rf"[A-Z][a-z]+\s+){{0,3}}{_TITLE_CORE}"
)
_NAME = r"[A-Z][a-z’'-]+(?:[A-Z][a-z’'-]+)?(?:-[A-Z][a-z]+)?"  # "McNealy", "Al-Abadi"
_PERSON = re.compile(rf"\b(?P<title>{_TITLE})\s+(?P<names>(?:(?:[A-Z]\.)+\s*|{_NAME}\s+){{0,2}}{_NAME})")
# "Rosa Delgado, a Cal Fire battalion chief who ...": a name, then its role as an appositive.
# "Another analyst, John C. Maxwell Jr. of Wheat, First Securities": the role before the name.
_ROLE_BEFORE = re.compile(
    rf"\b(?:[Aa]nother|[Aa]n?|[Tt]he|[Oo]ne)\s+(?:[a-z][\w-]*\s+){{0,3}}(?P<role>[a-z]+),\s+"
    rf"(?P<names>{_NAME}\s+(?:[A-Z]\.\s+)?{_NAME}(?:\s+Jr\.)?)(?=[\s,])")
_ROLE_AFTER = re.compile(
    rf"\b(?P<names>{_NAME}(?:\s+{_NAME}){{1,2}}),\s+(?:a|an|the)\s+(?P<role>[A-Za-z][\w.’' -]{{1,60}}?)"
    r"(?=\s+(?:who|at|for|in|of|with)\b|[,.;])"
)
# Where find_people tries _PERSON and _ROLE_AFTER: both open with a capital; a _PERSON title
# ends in a title word (_TITLE_CORE, every one of which opens with a plain letter, so the regex
# engine can skip to candidates) and a _ROLE_AFTER name runs up to ", a|an|the ".
_CAPITAL = re.compile(r"[A-Z]")
_COMMA_CAPITAL = re.compile(r",\s+[A-Z]")
_ROLE_LEAD = re.compile(r"\b(?:[Aa]nother|[Aa]n?|[Tt]he|[Oo]ne)\s+(?:[a-z][\w-]*\s+){0,3}[a-z]+$")
_TITLE_WORD = re.compile(_TITLE_CORE)
_APPOSITION = re.compile(r",\s+(?:a|an|the)\s")
_PLAIN_NAME = re.compile(rf"^(?!(?:The|A|An)\s)(?:{_NAME}\s+){{1,2}}{_NAME}$")  # not "The Soviet Union"
_TITLE_WORDS = lexicon.TITLE_CANONICAL
_PRONOUNS = frozenset(lexicon.PRONOUNS)
_NOT_SPEAKERS = frozenset(lexicon.NOT_SPEAKERS)
_PERSON_PRONOUNS = frozenset(lexicon.PERSON_PRONOUNS)
_NOT_BEFORE_VERBS = frozenset(lexicon.NOT_BEFORE_VERBS)
_AUXILIARIES = frozenset(lexicon.AUXILIARIES)
_CONJUNCTION = re.compile(rf"^(?:{'|'.join(lexicon.SPEAKER_CONJUNCTIONS)})\s+", re.IGNORECASE)
_CONJUNCTIONS = frozenset(lexicon.SPEAKER_CONJUNCTIONS)
# a body's name: capitalised words and the small words between them ("First of America", "AT&T
# Corp.", "Ratners and Weisfield's"), not a description ("U.S. commanders")
_BODY_NAME = re.compile(r"[A-Z][\w.&’'-]*(?:\s+(?:of|and|for|the|de|&|[A-Z][\w.&’'-]*))*")
# a word as _proper_lead reads it, anywhere and after a lower-case word or a comma inside a sentence
_TOKEN_RUN = re.compile(r"[\w'’-]+")
_TOKEN_INSIDE = re.compile(r"(?<=[a-z,;:]\s)[\w'’-]+")
_CLAUSE_VERBS = frozenset(lexicon.CLAUSE_VERBS)
_REPORTING = frozenset(lexicon.REPORTING_VERBS)
# the forms that are verbs only: "said", "reported" (not "estimates", "reports", nouns too)
_PAST_REPORTING = frozenset(lexicon.PAST_REPORTING_VERBS)
# "claimed the lives of 2,000 people", "claimed 40 lives", "claimed responsibility": no speech
_CLAIMED_OBJECT = re.compile(rf"\s+(?:\S+\s+){{0,2}}?(?:{'|'.join(lexicon.CLAIMED_OBJECTS)})\b")
_NOT_CITED = frozenset(lexicon.NOT_CITED)
_ORGANISATION_HEADS = frozenset(lexicon.ORGANISATION_HEADS)
_COMPANY_HEADS = frozenset(lexicon.COMPANY_HEADS)
_PUBLICATION_HEADS = frozenset(lexicon.PUBLICATION_HEADS)
_HONORIFIC_ONLY = frozenset(("Mr", "Mrs", "Ms", "Miss", "Dr"))  # titles that say no more than a first name
_BY_CUES = re.compile(rf"(?:{'|'.join(lexicon.ESTIMATE_PARTICIPLES)}) by ")
_ESTIMATE_CUES = re.compile("|".join(sorted({n[:6] for n in lexicon.ESTIMATE_NOUNS})))  # "expect", "foreca", ...
_POSSESSED_ESTIMATE = re.compile(
    rf"(?:’s|'s|’|')\s+(?:[a-z]+\s+)?(?:{'|'.join(lexicon.ESTIMATE_NOUNS)})\s+(?:of|for|at)\s+"
    r"(?P<q>[^,;]{1,45}?)(?=[,;]\s|\.\s|\.?$|\s+(?:but|and|in|on|from|with)\b)")
_OWNER = re.compile(r"(?:[A-Z][\w.&-]*\s+){0,3}[A-Za-z][\w.&-]*$")

# Capitalised only because they open a sentence: "Experts estimated ...", "The official said ...".
_COMMON_LEADS = frozenset(lexicon.COMMON_LEADS)
# "the Pentagon categorically", "Columbia officials also"; not "Reilly"
_ADVERB = re.compile(rf"\s+(?:[a-z]+ly|{'|'.join(lexicon.SPEAKER_ADVERBS)})$")
_PLACE_AFTER = re.compile(r"(?<=[a-z])\s+in\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}$")  # "sources in Washington"
# "Steve Milunovich at First Boston", "Jonathan S. Gelles of Wertheim Schroder"
_AFFILIATION = re.compile(r"\s+(?:at|of)\s+[A-Z][\w.&’'-]*(?:\s+[A-Z&][\w.&’'-]*){0,4}$")
_AMOUNT_VERBS = frozenset(lexicon.AMOUNT_VERBS)
# After an -s verb, a preposition or a stop makes it a noun: "cost estimates for the plant".
_NOUN_AFTER = re.compile(r"\s*(?:[,.;:)]|(?:for|of|on|from|at|by|to|in|with|and|or|but|were|are|have)\b)")
# A reporting date right after the verb: "said today", "said on Tuesday", "said last week".
_WHEN_AFTER = re.compile(
    rf"\s+(?:on\s+)?(?:today|yesterday|tonight|{'|'.join(lexicon.WEEKDAYS)}|(?:last|this|earlier|late|early)\s+"
    r"(?:week|month|year|night|weekend|morning|afternoon|evening))\b(?![’'])")
# A report named with who wrote it: "The new study written by Mark Potach" is the study.
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w.&’'-]*\s+){1,4}$")  # the capitalised words before a noun
_SENTENCE_BREAK = re.compile(r"(?<=[a-z]{3})\.\s+")
_RELATIVE = frozenset(("whose", "which", "who", "whom", "that", "where", "when", "while"))
_NOT_ONE_WORD_SPEAKERS = frozenset((*lexicon.FUNCTION_WORDS, *lexicon.WEEKDAYS, *lexicon.MONTHS, "Yesterday",
                                    "Today", "Tonight", "Meanwhile", "Separately", "Earlier", "Later"))
_WRITTEN_BY = re.compile(rf"\s+(?:{'|'.join(lexicon.DOCUMENT_PARTICIPLES)})\s+by\s.*$")
_SPEAKER_ADVERBS = frozenset(lexicon.SPEAKER_ADVERBS)
_ORGANISATION_WORDS = frozenset(lexicon.ORGANISATION_WORDS)
_DIGIT = re.compile(r"\d")
_AMOUNT_AFTER = re.compile(r"\s+(?:[\d$£€#]|(?:another|some|more|nearly|about|roughly|almost|over|up|to)\b)")
# Speech, not reporting: the first or second person, a spoken filler ("uh", "um"), a word broken
# off ("equal to r- the right").
_SPOKEN = re.compile(r"\b(?:I|I'm|I’m|[Ww]e|[Oo]ur|[Mm]y|us|[Yy]ou|uh|um|er)\b|\b[a-z]+- (?=[a-z])")
_SPACES = re.compile(r"\s+")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_LOWER_START = re.compile(r"[a-z]")
_ARTICLE_START = re.compile(r"(?:the|a|an)\s")
_UP_TO_ARTICLE = re.compile(r"^.*?\s(?=(?:the|a|an)\s)")
_DEFINITE_START = re.compile(r"(?:the|this|that)\s", re.IGNORECASE)
_PROPER_ADJECTIVE = re.compile(r"(?:an|ese|ish|i)$")  # American, Chinese, British, Iraqi


@dataclass(frozen=True)
class Person:
    full: str
    surname: str
    title: str | None
    start: int = 0


@dataclass(slots=True)
class SentenceAttribution:
    """A sentence with its quotations and whom its parts are attributed to."""

    sentence_id: int
    paragraph_id: int
    start: int
    end: int
    role: str
    quotes: list[tuple[int, int]]
    block_source: str | None = None
    speaker: str | None = None
    covers: list[tuple[int, int]] = field(default_factory=list)
    nested: list[tuple[int, int, str]] = field(default_factory=list)
    paragraph_speaker: str | None = None
    # (start, end, source) of stretches outside quotations with a source of their own: an
    # estimate's maker ("analysts' expectations of ..."), a clause closed by "..., X says;".
    frames: list[tuple[int, int, str]] = field(default_factory=list)
    quote_speaker: str | None = None  # the speaker of the quotation just before, for one that names none


def find_people(text: str) -> list[Person]:
    """Named people with their titles, in order of mention: a title before the name ("Col. John
    Dorrian", "Maj. Gen. Gary Volesky") or a role after it ("Rosa Delgado, a Cal Fire battalion
    chief"), so that "the colonel" and "the battalion chief" can be resolved to them."""
    people = []
    title_words = []  # every offset where a title word begins, overlapping ones ("Lt. Col.") included
    m = _TITLE_WORD.search(text)
    while m:
        title_words.append(m.start())
        m = _TITLE_WORD.search(text, m.start() + 1)
    for m in _matches_at(_PERSON, text, _capitals_before(text, title_words)):
        names = _SPACES.sub(" ", m.group("names")).strip()
        if _names_a_body(names):
            continue  # "General Motors Corp.", "General Assembly": a title word opens a body's name
        title = _SPACES.sub(" ", m.group("title"))
        people.append(Person(f"{title} {names}", names.split()[-1], title, m.start()))
    appositions = [m.start() for m in _APPOSITION.finditer(text)]
    for m in _matches_at(_ROLE_AFTER, text, _capitals_before(text, appositions)):
        names = _SPACES.sub(" ", m.group("names")).strip()
        people.append(Person(names, names.split()[-1], _SPACES.sub(" ", m.group("role")), m.start()))
    leads = []  # where a "another analyst, John ..." can start: looked for back from each ", <Capital>"
    for comma in _COMMA_CAPITAL.finditer(text):
        lead = _ROLE_LEAD.search(text, max(0, comma.start() - 60), comma.start())
        if lead:
            leads.append(lead.start())
    for m in _matches_at(_ROLE_BEFORE, text, leads):
        names = _SPACES.sub(" ", m.group("names")).strip()
        surname = names.split()[-1] if not names.endswith("Jr.") else names.split()[-2]
        people.append(Person(names, surname, m.group("role"), m.start("names")))
    return sorted(people, key=lambda p: p.start)


def _names_a_body(names: str) -> bool:
    """Whether a name after a title word ends as a company's or an organisation's does
    ("Motors Corp.", "Assembly"): then the title word is the start of that body's name."""
    last = names.split()[-1].rstrip(".")
    return last in _CORPORATE_SET or last in _ORGANISATION_WORDS


def _capitals_before(text: str, ends: list[int]) -> list[int]:
    """The offsets of the capitals from the third whitespace-separated run before each of ``ends``
    (in order) up to that end: where a title of up to three words before a title word, or two or
    three names before a comma, can begin. Each stretch of text is looked at once."""
    found: list[int] = []
    done = 0  # capitals before here are in `found` as far as they are wanted
    for end in ends:
        start = _run_start_back(text, end, 3, floor=done)
        found.extend(m.start() for m in _CAPITAL.finditer(text, start, end + 1))
        done = max(done, end + 1)
    return found


class SourceNames:
    """Turns the phrases an article uses for a source into one canonical name.

    Lookups go through indexes built once (by surname, by title, by "a ... <word>" mention), so
    each costs about the same however long the article.
    """

    def __init__(self, text: str, meta: dict):
        self.text = text
        self.people = find_people(text)
        self.aliases: dict[str, str] = {}
        for canonical, names in (meta.get("source_aliases") or {}).items():
            for name in [canonical, *names]:
                self.aliases[self._key(name)] = canonical
        outlet = meta.get("outlet")
        if outlet:
            self.aliases.setdefault(self._key(outlet), outlet)
        self.untitled: list[Person] = []
        self._fullest: dict[str, str] = {}  # surname -> its longest full name (the first one on a tie)
        for p in self.people:
            self._index_surname(p)
        self._titles: list[str] | None = None  # each person's _title_key, worked out when first needed
        self._titled: dict[str, list[int]] = {}  # title -> indexes of the people whose title ends with it
        self._mentions: dict[str, _LastMatch] = {}  # word -> its "a/an ... <word>" mentions
        self.spoken: list[tuple[int, str]] = []  # (offset, canonical name) of every speaker resolved
        self._persons = {p.full for p in self.people}
        self._tokens: frozenset[str] | None = None  # made by _proper_lead when first needed
        self._inside: frozenset[str] = frozenset()
        self._titled_names = frozenset(self._persons)  # people named with a title or a role
        self.paragraph = (0, 0)  # the paragraph being read (set by sentence_attributions), and the one before it
        self.previous_paragraph = (0, 0)

    @staticmethod
    def _key(name: str) -> str:
        name = name.strip()
        article = _LEADING_ARTICLE.match(name)
        return (name[article.end():] if article else name).casefold()

    def _index_surname(self, person: Person) -> None:
        fullest = self._fullest.get(person.surname)
        if fullest is None or len(person.full) > len(fullest):
            self._fullest[person.surname] = person.full

    def _person_by_surname(self, surname: str) -> str | None:
        """The fullest name known with this surname ("Col. John Dorrian" for "Dorrian")."""
        return self._fullest.get(surname)

    def _last_titled(self, title: str, at: int) -> Person | None:
        """The last person named before offset ``at`` whose title ends with ``title``."""
        if self._titles is None:
            self._titles = [_title_key(p.title) for p in self.people]
            self._starts = [p.start for p in self.people]  # in order: find_people sorts by start
        titled = self._titled.get(title)
        if titled is None:
            titled = self._titled[title] = [i for i, t in enumerate(self._titles) if t.endswith(title)]
        before = bisect_left(self._starts, at)  # self.people[:before] start before `at`
        i = bisect_left(titled, before)
        return self.people[titled[i - 1]] if i else None

    def _earlier_mention(self, word: str, at: int) -> str | None:
        """The last "a/an ... <word>" before offset ``at``: "a U.S. defense official"."""
        if self.text.find(word, 0, at) < 0:
            return None  # the word itself is not there before `at`
        mentions = self._mentions.get(word)
        if mentions is None:
            # "a" or "an" as a word: the \b before it is written as the lookbehind after the "a",
            # so that the search can skip from one "a" to the next.
            pattern = re.compile(rf"[aA](?<!\w[aA])n?\s+(?:[\w.’'-]+\s+){{0,3}}{re.escape(word)}\b")
            mentions = self._mentions[word] = _LastMatch(pattern, self.text)
        m = mentions.before(at)
        return m.group(0) if m else None

    def canonical(self, phrase: str, at: int, previous: str | None = None) -> str | None:
        """The canonical name for a speaker phrase found at offset ``at``; None if it is no speaker."""
        name = self._canonical(phrase, at, previous)
        if name:
            self.spoken.append((at, name))
        return name

    def is_person(self, name: str) -> bool:
        return name in self._persons or name == self._fullest.get(name.split()[-1])

    def _person_for_pronoun(self, at: int, previous: str | None) -> str | None:
        """"he" or "she" at ``at``: the paragraph's last person speaking, else the first person it
        names, else the previous paragraph's (its last speaker if a person, else the first person
        it names), else the last person speaking anywhere, else the last person named; not a
        group or a body that spoke last."""
        pstart = self.paragraph[0]
        qstart, qend = self.previous_paragraph
        persons = [(a, n) for a, n in self.spoken if a < at and self.is_person(n)]
        here = [n for a, n in persons if a >= pstart]
        if here:
            return here[-1]
        named = [p for p in self.people if pstart <= p.start < at]
        if named:
            return self._person_by_surname(named[0].surname) or named[0].full
        before = [n for a, n in persons if qstart <= a < qend]
        if before:
            return before[-1]
        named = [p for p in (*self.people, *self.untitled) if qstart <= p.start < qend]
        if named:
            first = min(named, key=lambda p: p.start)
            return self._person_by_surname(first.surname) or first.full
        if persons:
            return persons[-1][1]
        named = [p for p in self.people if p.start < at]
        return (self._person_by_surname(named[-1].surname) or named[-1].full) if named else previous

    def _body_for_it(self, at: int) -> str | None:
        """"it said" at ``at``: the last company or body (a capitalised source, not a person) quoted
        in this paragraph or the one before; None when there is none ("it" is then a report, a
        statement, a study: no one to name)."""
        floor = self.previous_paragraph[0] if self.previous_paragraph[1] else self.paragraph[0]
        for a, name in reversed(self.spoken):
            if a < floor:
                break
            if a < at and _BODY_NAME.fullmatch(name) and not self.is_person(name) and not _TITLE_WORD.search(name) and (
                    " " in name or name in _ORGANISATION_WORDS):  # not a lone surname: "Smith said"
                return None if " and " in name else name  # "it" is one body, not "Ratners and Weisfield's"
        return None

    def _proper_lead(self, words: list[str]) -> bool:
        """Whether the capitalised first word of a phrase opening a sentence is a name: the lexicon
        knows it as one ("Reuters reported"), or the article also writes it with its capital
        inside a sentence and never in lower case ("Unisys said ... shares of Unisys", "London
        police said ... in London"); a group otherwise ("Campaigners said", "State engineers")."""
        if words[0].casefold() in _COMMON_LEADS:
            return False
        if len(words) == 1 and words[0] in _ORGANISATION_WORDS:
            return True  # ("Company officials" is a group: the word alone is a name)
        word = words[0].strip(" ,.;:")
        if not _TOKEN_RUN.fullmatch(word):  # ("U.S"): the plain way
            if re.search(rf"(?<![\w'’-]){re.escape(word.lower())}(?![\w'’-])", self.text):
                return False
            return re.search(rf"(?<=[a-z,;:]\s){re.escape(word)}(?![\w'’-])", self.text) is not None
        if self._tokens is None:  # the article's words, and those written inside a sentence, once
            self._tokens = frozenset(_TOKEN_RUN.findall(self.text))
            self._inside = frozenset(_TOKEN_INSIDE.findall(self.text))
        return word.lower() not in self._tokens and word in self._inside

    def _organisation(self, head: str, at: int) -> str | None:
        """"the agency", "the company" at ``at``: the last name written with that noun before it
        ("Iraqi News Agency"); for a company noun without one, the last company quoted, else the
        first company named."""
        # "Iraqi News Agency", and for a publication "the Maariv newspaper": the last one named before
        text = self.text
        forms = (head.capitalize(), head) if head in _PUBLICATION_HEADS else (head.capitalize(),)
        found = []  # where the noun is written before `at`, as a word
        for form in forms:
            i = text.find(form, 0, at)
            while i >= 0:
                if not text[i + len(form):i + len(form) + 1].isalnum():
                    found.append(i)
                i = text.find(form, i + 1, at)
        for i in sorted(found, reverse=True):
            name = _NAME_BEFORE.search(text, max(0, i - 80), i)
            if name and not _LEADING_ARTICLE.fullmatch(name.group(0)):  # not "The newspaper"
                # (not across a sentence's end: "... in February. The Maariv newspaper")
                words = _SENTENCE_BREAK.split(name.group(0))[-1]
                return _LEADING_ARTICLE.sub("", words + text[i:i + len(head)])
        if head not in _COMPANY_HEADS:
            return None
        for a, name in reversed(self.spoken):
            # (a name without a title may be a company's: "Columbia Savings said ...")
            if a < at and name[:1].isupper() and name not in self._titled_names and not _common_lead(name.split()):
                return name
        m = _COMPANY_NAME.search(self.text, 0, at)
        return _LEADING_ARTICLE.sub("", m.group(0)) if m else None

    def _canonical(self, phrase: str, at: int, previous: str | None) -> str | None:
        if "\n" in phrase:
            # a line break inside a speaker phrase: a credit or a heading before it ("Image
            # copyright Getty Images\nThe company"); what follows the break names the speaker
            last = phrase.rsplit("\n", 1)[1].strip()
            if last[:1].isupper():
                at += len(phrase) - len(last)
                phrase = last
        words = phrase.split()
        while len(words) > 1 and (words[-1] in _CLAUSE_VERBS or words[-1] in _PAST_REPORTING):
            words.pop()  # "Ottawa has", "news agency MENA reported": the verb is not the speaker
        phrase = " ".join(words) if words else phrase
        if len(words) >= 3 and words[-1].casefold() in _PRONOUNS_ALL and words[-2].casefold() in _SUBORDINATORS:
            at += phrase.rfind(" ") + 1  # "Mr Comey made headlines when he (announced)": he speaks,
            phrase = words[-1]  # and he is someone named before him
        if _COORDINATED_END.search(phrase):
            phrase = _coordinated_subject(phrase)  # "Smith called the report a lie and (said)"
            if not phrase:
                return None
        if " " not in phrase.strip():  # one word: "he", "officials", "Dorrian"
            phrase = phrase.strip(" ,.;:“”\"'‘’()[]`")
            if phrase.casefold() in _CONJUNCTIONS:
                return None  # "As reported, ...": the paper's own earlier report, no one named
        else:
            company = phrase.endswith(".") and _COMPANY_END.search(phrase)  # "Cilcorp Inc." keeps its stop
            phrase = phrase.strip(" ,.;:“”\"'‘’()[]`") + ("." if company else "")
            phrase = _CONJUNCTION.sub("", phrase)  # "as VOA's correspondent reports", "but sources said"
            phrase = _ADVERB.sub("", phrase)
        if " in " in phrase:
            phrase = _PLACE_AFTER.sub("", phrase)
        if " by " in phrase:
            phrase = _WRITTEN_BY.sub("", phrase)
        if " at " in phrase or " of " in phrase:
            affiliation = _AFFILIATION.search(phrase)
            name = phrase[:affiliation.start()] if affiliation else ""
            if (_PLAIN_NAME.match(name) and not _LEADING_ARTICLE.match(name)
                    and name.split()[-1] not in _ORGANISATION_WORDS):  # not "The Federal Bureau of ..."
                phrase = name
        if _LOWER_START.match(phrase) and not _ARTICLE_START.match(phrase):
            phrase = _UP_TO_ARTICLE.sub("", phrase)  # "comes after the Pentagon"
        if phrase in ("it", "It"):
            return self._body_for_it(at)  # "In a joint statement with ..., it said": the body last quoted
        if not phrase or phrase.casefold() in _NOT_SPEAKERS:
            return None
        if phrase.casefold() in _PERSON_PRONOUNS:
            return self._person_for_pronoun(at, previous)
        if phrase.casefold() in _PRONOUNS:
            return previous
        key = self._key(phrase)
        if key in self.aliases:
            return self.aliases[key]
        person = _PERSON.search(phrase) if _TITLE_WORD.search(phrase) else None  # a title needs a title word
        if person:
            return self._person_by_surname(person.group("names").split()[-1]) or phrase[person.start():]
        words = phrase.split()
        if _PLAIN_NAME.match(phrase):
            # "Haitham Mayahi", "Jane Doe": a name without a title.
            known = self._person_by_surname(words[-1])
            if not known or (len(phrase) > len(known) and known.split()[0].rstrip(".") in _HONORIFIC_ONLY):
                # a new name, or a fuller one than "Mr. McNealy"
                self.untitled.append(Person(phrase, words[-1], None, at))
                self._index_surname(self.untitled[-1])
                self._persons.add(phrase)
            return self._person_by_surname(words[-1])
        if len(words) == 1 and words[0][:1].isupper():
            found = self._person_by_surname(words[0])
            if found:
                return found
        lowered = phrase[0].lower() + phrase[1:] if _common_lead(words) and not self._proper_lead(words) else phrase
        head = words[-1].casefold()
        if _DEFINITE_START.match(lowered):
            # "the colonel", "the public works director": the most recent person with that title.
            title = " ".join(words[1:-1] + [_TITLE_WORDS.get(head, head)]).casefold()
            person = self._last_titled(title, at)
            if person:
                return self._person_by_surname(person.surname)
            described = all(w[:1].islower() or _PROPER_ADJECTIVE.search(w) for w in words[1:-1])
            if head in _ORGANISATION_HEADS and words[-1][:1].islower() and described:
                # "the company", "the Iraqi agency"; not a name such as "the World Bank"
                organisation = self._organisation(head, at)
                if organisation:
                    return organisation
            # "the defense official" -> the earlier "a U.S. defense official"; not "the Wako official"
            named = any(w[:1].isupper() for w in words[1:-1])
            earlier = None if named else self._earlier_mention(words[-1], at)
            if earlier:
                return earlier
            name = _TRAILING_NAME.search(phrase)
            if name and words[1][:1].islower():
                return name.group(0)  # "the official Iraqi News Agency" is "Iraqi News Agency"
            return " ".join(lowered.split()[1:])
        return lowered


_PRONOUNS_ALL = frozenset((*lexicon.PRONOUNS, *lexicon.PERSON_PRONOUNS))
#: Words that open a clause whose subject is the pronoun after them: "... when he announced".
_SUBORDINATORS = frozenset(lexicon.SUBORDINATORS)
#: A speaker phrase that ends in a conjunction holds a first verb: "Smith called the report a lie and".
_COORDINATED_END = re.compile(r"\s(?:and|but|and then|then)$")
_TITLE_SET = frozenset(t.casefold() for title in lexicon.TITLES for t in title.split())
_PARTICLES = frozenset(lexicon.NAME_PARTICLES)


def _coordinated_subject(phrase: str) -> str | None:
    """The subject of two coordinated verbs ("Police chief Tom Smith denied the claim and said"):
    the name the phrase opens with, its title and name particles included. None when it opens
    with no name ("The company cut its forecast and said"): which words are the subject is not
    clear without knowing which is the first verb."""
    subject = []
    for word in phrase.split():
        if word[:1].isupper() or (subject and (word.casefold() in _TITLE_SET or word in _PARTICLES)):
            subject.append(word)
        else:
            break
    if not subject or subject[0].casefold() in ("the", "a", "an") or len(subject) == len(phrase.split()):
        return None
    return " ".join(subject).rstrip(",")


def _title_key(title: str | None) -> str:
    """A title as "the <title>" phrases are matched against it: "Lt. Col." -> "lt colonel"."""
    words = [w.rstrip(".").casefold() for w in (title or "").split()]
    if words:
        words[-1] = _TITLE_WORDS.get(words[-1], words[-1])
    return " ".join(words)


class _LastMatch:
    """The last match of ``pattern`` in text[:at] (as ``finditer`` would find it), for many ``at``
    in one long text, without searching text[:at] again each time.

    Made for the "a/an ... <word>" pattern, whose match attempts read no further than the fifth
    whitespace-separated run from where they start. Attempts that start before the fifth-last
    run before ``at`` (``safe``) therefore go the same in text[:at] as in the whole text: the
    whole text's matches up to there are found once and kept, and only the rest is searched again.
    """

    REACH = 5  # runs

    def __init__(self, pattern: re.Pattern, text: str):
        self.pattern, self.text = pattern, text
        self.found: list[re.Match] = []  # the whole text's matches that start before `self.done`
        self.starts: list[int] = []
        self.done = 0

    def before(self, at: int) -> re.Match | None:
        safe = _run_start_back(self.text, at, self.REACH)
        while self.done < safe:
            m = self.pattern.search(self.text, self.done, at)
            if m is None or m.start() >= safe:
                self.done = safe
            else:
                self.found.append(m)
                self.starts.append(m.start())
                self.done = m.end()
        i = bisect_left(self.starts, safe)
        last = self.found[i - 1] if i else None
        for m in self.pattern.finditer(self.text, max(last.end() if last else 0, safe), at):
            last = m
        return last


def _run_start_back(text: str, at: int, n: int, floor: int = 0) -> int:
    """Where the n-th whitespace-separated run before offset ``at`` starts, looking no further back
    than ``floor`` (``floor`` if it is not found after it)."""
    width = 100
    while True:
        lo = max(floor, at - width)
        window = text[lo:at]
        runs = window.rsplit(None, n)
        if len(runs) > n:  # the first part may be cut by the window; the n runs after it are whole
            return at - len(window[len(runs[0]):].lstrip())
        if lo == floor:
            return floor
        width *= 4


def _common_lead(words: list[str]) -> bool:
    """'Experts', 'State engineers': capitalised only because the phrase opens a sentence."""
    first = words[0]
    if first.casefold() in _COMMON_LEADS:
        return True
    if first.endswith(("'s", "’s")):
        return False  # "Kenya's national newspapers"
    proper_adjective = _PROPER_ADJECTIVE.search(first)
    return (first[:1].isupper() and first[1:].islower() and not proper_adjective
            and all(w.islower() for w in words[1:]) and (len(words) > 1 or first.endswith("s")))


def _covers_after_that(sentence: str, pos: int) -> tuple[int, int] | None:
    """The clause after the verb's own "that": within a few words ("told Breitbart News in October
    that"), not a later "..., and that" which belongs to a second clause."""
    m = _THAT.search(sentence, pos, pos + 60)
    if m and "," not in sentence[pos:m.start()] and len(sentence[pos:m.start()].split()) <= 5:
        return (m.end(), len(sentence))
    return None


def _find_attribution(sentence: str, quotes: list[tuple[int, int]], cues: dict[str, int]):
    """(speaker phrase, its offset, regions it covers) for one sentence, offsets relative to it.
    ``cues``: the _CUE_WORDS the sentence holds, each with its last offset; a pattern is tried
    only if its word is there."""
    whole = [(0, len(sentence))]
    learned = cues.get("learned", -1)
    m = _LEARNED_FROM.search(sentence) if learned >= 0 else None
    if m:
        return m.group("sp"), m.start("sp"), [(m.end(), len(sentence))]
    m = _CITING.search(sentence) if "Citing" in cues else None
    if m and m.group("sp").split()[-1].casefold() not in _NOT_CITED:  # not "Citing an example, ..."
        return m.group("sp"), m.start("sp"), [(m.end(), len(sentence))]
    m = _ACCORDING.search(sentence) if "ccording" in cues else None
    if m:
        return m.group("sp"), m.start("sp"), whole
    # These run to the end of the sentence and hold no comma but their first character, so they
    # can only start at the last comma, and only if their word comes after it.
    last_comma = sentence.rfind(",")
    while last_comma > 0 and sentence[last_comma + 1:last_comma + 2].isdigit():
        last_comma = sentence.rfind(",", 0, last_comma)  # "8,000" holds no clause's comma
    last_verb = max((at for cue, at in cues.items() if cue not in _NOT_VERBS), default=-1)
    for pattern, word in ((_HAS_LEARNED, learned), (_TRAILING, last_verb)):
        m = pattern.match(sentence, last_comma) if 0 <= last_comma < word else None
        if m and _speaker_phrase(m.group("sp")) and not any(a <= m.start() < b for a, b in quotes):
            return m.group("sp"), m.start("sp"), [(0, m.start())]
    if last_verb < 0:
        return None  # every pattern below needs a reporting verb
    if ";" in sentence:
        # "..., Lipper says; ...": a frame that closes a clause covers that clause
        clause_start = 0
        for semicolon in [*(m.start() for m in _CLAUSE_END.finditer(sentence)), len(sentence)]:
            comma = sentence.rfind(",", clause_start, semicolon)
            m = _TRAILING.match(sentence, comma, semicolon) if comma >= 0 else None
            if m and _speaker_phrase(m.group("sp")) and not any(a <= m.start() < b for a, b in quotes):
                return m.group("sp"), m.start("sp"), [(clause_start, m.start())]
            clause_start = semicolon + 1
    first_comma = sentence.find(",", 0, 100)
    lead = sentence[:first_comma].rstrip(".").rsplit(None, 1) if first_comma > 0 else None
    m = _COMPANY_LEAD.match(sentence) if lead and lead[-1] in _CORPORATE_SET else None
    if m:
        after = _covers_after_that(sentence, m.end())
        return m.group("sp"), 0, [after] if after else _quotes_after(quotes, m.end(), len(sentence), sentence)
    if sentence.count(",") >= 2:
        # "If holders avoid tendering, he added, they can expect ...": all of it but the frame
        for m in _PARENTHETICAL.finditer(sentence):
            if any(a <= m.end() < b for a, b in quotes):
                continue  # "After the meeting, Bush said, ``I did not ...'': the frame opens a quotation
            if _speaker_phrase(m.group("sp"), aside=True) and not any(a <= m.start() < b for a, b in quotes):
                return m.group("sp"), m.start("sp"), [(0, m.start()), (m.end(), len(sentence))]
    candidates = _candidates(sentence, quotes, last_verb)
    if "that" in sentence:
        # "X said that ...": the last candidate that covers a "that" clause comes first.
        candidates = list(candidates)
        with_that = [c for c in candidates if c[0]]
        if with_that:
            return with_that[-1][1:]
        candidates = iter(candidates)
    m = _INVERTED.search(sentence)
    if (m and not any(a <= m.start("sp") < b for a, b in quotes) and not _DIGIT.search(m.group("sp"))
            and m.group("sp").split()[0].casefold() not in _NOT_BEFORE_VERBS
            and not any(w in _CLAUSE_VERBS for w in m.group("sp").split())):
        # (", said it would extend its bid," is what was said, not who said it)
        # (", said 40 beds closed" and ", said of the robbers" name no one)
        if sentence[m.start()] == "," and sentence[m.start() + 1:m.start() + 2].isspace():
            # "Scott McNealy, Sun's chief executive, said sales rose": an appositive before the same
            # verb names the speaker, and what follows the verb is what is said
            first = next(candidates, None)
            if first and first[2] < m.start() and first[3] and first[3][0][0] <= m.start("sp"):
                return first[1:]
        return m.group("sp"), m.start("sp"), quotes or [(0, m.start())]
    first = next(candidates, None)  # found only now: most sentences need just one, or none
    return first[1:] if first else None


def _speaker_phrase(phrase: str, aside: bool = False) -> bool:
    """Whether a phrase before a reporting verb can name who speaks: not "which" or "it", and not
    one ending in a determiner or a preposition, after which the verb is a noun ("It made the
    estimates"). ``aside``: a frame set off by commas inside a sentence ("..., he added, ...") is
    short and opens with a pronoun, a capital or an article."""
    words = phrase.split()
    if phrase in ("it", "It"):
        return True  # a company or body quoted just before ("it said"), found by SourceNames
    if phrase.casefold() in _NOT_SPEAKERS or words[-1].casefold() in _NOT_BEFORE_VERBS or phrase[0].isdigit():
        return False
    if words[0].casefold() in _RELATIVE:
        return False  # "Nashua, whose major business is selling copiers, ..., said"
    if "than" in words or any(w in _PAST_REPORTING for w in words[1:]):
        return False  # "a higher price than analysts had expected", "the company said it expected"
    if any(w.casefold() in _AUXILIARIES for w in words[-2:]):
        return False  # a passive: "patients are still told to call"
    if len(words) <= 2 and all(w.casefold() in _SPEAKER_ADVERBS or w.endswith("ly") for w in words):
        return False  # "..., also said": the speaker is before the comma
    if aside:
        first = words[0]
        return len(words) <= 5 and (first[:1].isupper() or first.casefold() in _PRONOUNS
                                    or first.casefold() in ("the", "a", "an"))
    return True


def _estimate_makers(sentence: str):
    """(maker phrase, its offset, (start, end) of the estimate) for "analysts' expectations of N"
    and "N forecast by economists" in a sentence."""
    if ("'" in sentence or "’" in sentence) and _ESTIMATE_CUES.search(sentence):
        for m in _POSSESSED_ESTIMATE.finditer(sentence):
            owner = _OWNER.search(sentence, max(0, m.start() - 60), m.start())
            if owner and owner.group(0).casefold() not in _NOT_SPEAKERS:
                yield owner.group(0), owner.start(), (m.start("q"), m.end("q"))
    if " by " in sentence and _BY_CUES.search(sentence):
        for m in _ESTIMATE_BY.finditer(sentence):
            if any(ch.isdigit() for ch in m.group("q")):
                yield m.group("sp"), m.start("sp"), (m.start("q"), m.end("q"))


def _quotes_after(quotes: list[tuple[int, int]], verb_end: int, end: int,
                  sentence: str = "", speaker_start: int = 0) -> list[tuple[int, int]]:
    """What "X said" covers: the quotations after the verb, else the rest of the sentence (a
    quotation inside the speaker's own description, "The newspaper, quoting ``secret reports,''
    said ...", is not what is said). A frame after the quotations ("“...,” Mr. Marous said")
    covers them, and a clause that leads into the first of them ("Even if growth is 2% to 2.5%,
    “we can handle that,” Mr. Marous said")."""
    after = [q for q in quotes if q[1] > verb_end]
    before = [q for q in quotes if q[1] <= speaker_start]
    if not after and before:
        lead_in = sentence[:before[0][0]].rstrip()
        return ([(0, before[0][0])] if lead_in.endswith(",") else []) + before
    if not after:
        return [(verb_end, end)]
    # "He said the segment could grow to 50%, adding: “We expect ...”": what comes before the
    # quotation is said too; what follows it is the reporter's again
    return ([(verb_end, after[0][0])] if after[0][0] > verb_end + 2 else []) + after


def _candidates(sentence: str, quotes: list[tuple[int, int]], last_verb: int):
    """(covers a "that" clause?, speaker phrase, its offset, regions it covers) for each _APPOSITIVE
    and then each _PREPOSED speaker phrase of the sentence, made one at a time as asked for."""
    # A match needs a reporting verb after its start: there is no use trying after the last one.
    starts = [0] + [m.end() for m in _LEAD_MARK.finditer(sentence, 0, last_verb)]
    patterns = (_APPOSITIVE, _PREPOSED) if _APPOSITIVE_END.search(sentence) else (_PREPOSED,)
    if sentence.count(",", 0, last_verb) >= 3 and _APPOSITIVE_END.search(sentence):
        m = _LONG_APPOSITIVE.match(sentence)
        sp = m.group("sp") if m else ""
        one_name = " " not in sp and sp[:1].isupper() and sp not in _NOT_ONE_WORD_SPEAKERS and not sp.endswith("ly")
        company = _COMPANY_NAME.fullmatch(sp)  # "Institut Merieux S.A., which offered ..., said"
        if m and (_PLAIN_NAME.match(sp) or one_name or company) and not any(a <= m.end() <= b for a, b in quotes):
            after = _covers_after_that(sentence, m.end())
            covers = [after] if after else _quotes_after(quotes, m.end(), len(sentence), sentence)
            yield after is not None, m.group("sp"), 0, covers
    for pattern in patterns:
        for m in _matches_at(pattern, sentence, starts):
            if any(a <= m.start("sp") < b for a, b in quotes) or not _speaker_phrase(m.group("sp")):
                continue  # a reporting verb inside someone's quotation is theirs, handled as nested
            if m.group("verb") in _AMOUNT_VERBS and _AMOUNT_AFTER.match(sentence, m.end()):
                continue  # "Columbia also added $227.3 million to reserves"
            if m.group("verb").endswith("s") and m.group("sp").split()[-1].endswith(("'s", "’s", "s'", "s’")):
                continue  # "some of Steele's reports": after a possessive the verb is a noun
            if m.group("verb") == "claimed" and _CLAIMED_OBJECT.match(sentence, m.end()):
                continue  # "Drug abuse claimed the lives of 2,000 people"
            last_word = m.group("sp").split()[-1]
            if (m.group("verb").endswith("s") and last_word.islower() and last_word not in _PRONOUNS
                    and _NOUN_AFTER.match(sentence, m.end())):
                continue  # "Initial cost estimates for the plant ranged ...": a noun
            after = _covers_after_that(sentence, m.end())
            # "X said that ..." covers the clause; "X said 300 homes flooded" (no quotation) the rest;
            # a reporting date right after the verb ("said today it had sent") is the frame's.
            when = _WHEN_AFTER.match(sentence, m.end())
            content = when.end() if when else m.end()
            covers = [after] if after else _quotes_after(quotes, content, len(sentence), sentence, m.start("sp"))
            yield after is not None, m.group("sp"), m.start("sp"), covers


def _matches_at(pattern: re.Pattern, string: str, starts: list[int]):
    """What ``pattern.finditer(string)`` finds, for a pattern that can only match at ``starts``
    (in order): tried there alone instead of at every character, which is much cheaper for a
    pattern that opens with a word boundary or a lookbehind."""
    end = 0
    for start in starts:
        if start >= end:
            m = pattern.match(string, start)
            if m:
                yield m
                end = m.end()


def _nested(sentence: str, quotes: list[tuple[int, int]], verbs: list[str]):
    """Attributions that open a quotation: “Experts estimated there are ...”. ``verbs``: the
    reporting verbs the sentence holds (see _CUE_WORDS)."""
    out = []
    for a, b in quotes:
        if not any(sentence.find(verb, a + 1, b) >= 0 for verb in verbs):
            continue  # no reporting verb in this quotation
        m = _NESTED.match(sentence, a + 1, b)  # as on sentence[a + 1:b]
        if m:
            out.append((m.group("sp"), m.start("sp"), (m.end(), b)))
    return out


def _cue_offsets(text: str) -> list[tuple[int, str]]:
    """(offset, word) for every occurrence of a _CUE_WORDS word in text, in order: found with one
    plain substring search per word, then handed to the sentences that hold them."""
    found = []
    for cue in _CUE_WORDS:
        at = text.find(cue)
        while at >= 0:
            found.append((at, cue))
            at = text.find(cue, at + 1)
    found.sort()
    return found


def sentence_attributions(document: "Document", paragraph_records: list[dict]) -> list[SentenceAttribution]:
    """Stage: every sentence of the document with its quotations and attributions."""
    text = document.text
    names = SourceNames(text, document.meta)
    cue_at = _cue_offsets(text)
    cue_starts = [at for at, _ in cue_at]
    out: list[SentenceAttribution] = []
    previous_speaker = None
    intro_source = None
    open_quote = None  # the speaker of a quotation still open at the end of the last paragraph
    for p in paragraph_records:
        pstart, pend, role, paragraph_id = p["start"], p["end"], p["role"], p["paragraph_id"]
        names.previous_paragraph, names.paragraph = names.paragraph, (pstart, pend)
        block_source, intro_source = intro_source, None
        has_quote = (text.find("“", pstart, pend) >= 0 or text.find('"', pstart, pend) >= 0
                     or text.find("``", pstart, pend) >= 0)
        quotes = quote_spans(text, pstart, pend) if has_quote else []
        if not block_source and not has_quote and role == "body":
            block_source = _soundbite_speaker(text, pstart, pend, out, cue_starts)
        q = 0  # quotes[:q] end before this sentence (both lists run in text order)
        first = len(out)
        for s, e in sentence_spans(text, pstart, pend):
            while q < len(quotes) and quotes[q][1] <= s:
                q += 1
            local_quotes = []
            i = q
            while i < len(quotes) and quotes[i][0] < e:
                a, b = quotes[i]
                local_quotes.append((max(a, s) - s, min(b, e) - s))
                i += 1
            sa = SentenceAttribution(len(out), paragraph_id, s, e, role, local_quotes, block_source)
            if role in ("body", "caption", "headline"):
                sentence = text[s:e]
                # the cue words inside this sentence, each with its last offset in it
                cues = {cue: at - s for at, cue in cue_at[bisect_left(cue_starts, s):bisect_left(cue_starts, e)]
                        if at + len(cue) <= e}
                found = _find_attribution(sentence, local_quotes, cues) if cues else None
                if found:
                    phrase, at, covers = found
                    sa.speaker = names.canonical(phrase, s + at, previous_speaker)
                    sa.covers = covers if sa.speaker else []
                maker_cue = "'" in sentence or "’" in sentence or " by " in sentence
                for phrase, at, region in (_estimate_makers(sentence) if maker_cue else ()):
                    maker = names.canonical(phrase, s + at, previous_speaker)
                    if maker:
                        sa.frames.append((region[0], region[1], maker))
                if "ccording" in cues and out and out[-1].paragraph_id == paragraph_id and not out[-1].speaker:
                    m = _THAT_ACCORDING.match(sentence)  # "That according to the Lundberg survey."
                    if m:
                        out[-1].speaker = names.canonical(m.group("sp"), s + m.start("sp"), previous_speaker)
                        out[-1].covers = [(0, out[-1].end - out[-1].start)] if out[-1].speaker else []
                if local_quotes:
                    verbs = [cue for cue in cues if cue not in _NOT_VERBS]
                    for phrase, at, region in _nested(sentence, local_quotes, verbs):
                        speaker = names.canonical(phrase, s + at, previous_speaker)
                        if speaker:
                            sa.nested.append((region[0], region[1], speaker))
                if sa.speaker:
                    previous_speaker = sa.speaker
            if sa.quotes and not sa.speaker and out and out[-1].paragraph_id == paragraph_id:
                # a quotation that goes on from the sentence before: "They intended to rob the place."
                sa.quote_speaker = out[-1].speaker if out[-1].quotes else None
                sa.quote_speaker = sa.quote_speaker or out[-1].quote_speaker
            out.append(sa)
        own = [sa.speaker for sa in out[first:] if sa.speaker]
        # A quotation that runs on from the last paragraph (no closing mark there, an opening one
        # here) is still that speaker's when this paragraph names nobody.
        carried = open_quote if not own and quotes and quotes[0][0] == pstart else None
        for sa in out[first:]:
            sa.paragraph_speaker = own[0] if own else carried
        last_quote = quotes[-1] if quotes else None
        unclosed = last_quote and last_quote[1] == pend and text[pend - 1] not in "”\"'"
        open_quote = (own[-1] if own else carried) if unclosed else None
        if role == "body" and pend - pstart <= 200 and text[pstart:pend].rstrip().endswith(":"):
            intro_source = own[0] if own else None
            intro_source = intro_source or "unattributed"
    return out


def _soundbite_speaker(text: str, start: int, end: int, before: list[SentenceAttribution],
                       cue_starts: list[int]) -> str | None:
    """A broadcast transcript's soundbite: a paragraph of speech (the first or second person, or a
    filler such as "uh"), with no quotation marks and no reporting verb, right after a paragraph
    whose last sentence introduces a speaker ("UNOS spokeswoman Donna Henry Wright says the new
    policy would not ..."), is that speaker's words."""
    last = before[-1] if before else None
    if last is None or last.role != "body" or not last.speaker or last.quotes or not last.covers:
        return None
    if last.covers[-1][1] != last.end - last.start:
        return None  # what the speaker says must run to the end of the paragraph before
    if bisect_left(cue_starts, start) != bisect_left(cue_starts, end):
        return None  # a reporting verb of its own: not a soundbite
    return last.speaker if _SPOKEN.search(text, start, end) else None


def sentence_finder(sentences: list[SentenceAttribution]):
    """A function from an article offset to the sentence (of ``sentences``) that contains it, or None."""
    import bisect

    starts = [sa.start for sa in sentences]

    def sentence_at(pos: int) -> SentenceAttribution | None:
        i = bisect.bisect_right(starts, pos) - 1
        return sentences[i] if i >= 0 and pos < sentences[i].end else None

    return sentence_at


def source_of(sa: SentenceAttribution, start: int, end: int, default: str | None) -> tuple[str | None, bool]:
    """(source, quoted) for a claim at article offsets start:end inside sentence ``sa``."""
    s, e = start - sa.start, end - sa.start
    inside = next(((a, b) for a, b in sa.quotes if a <= s and e <= b), None)
    if inside:
        for a, b, speaker in sa.nested:
            if a <= s and e <= b:
                return speaker, True
        return sa.speaker or sa.quote_speaker or sa.paragraph_speaker or _block(sa) or default, True
    for a, b, speaker in sa.frames:
        if a <= s and e <= b:
            return speaker, False
    if sa.block_source:
        return _block(sa) or default, True
    if sa.speaker and any(a <= s and e <= b for a, b in sa.covers):
        return sa.speaker, False
    return default, False


def _block(sa: SentenceAttribution) -> str | None:
    return None if sa.block_source in (None, "unattributed") else sa.block_source


def sentences_table(document: "Document", attributions: list[SentenceAttribution]) -> "pd.DataFrame":
    """Stage: the sentences table: span, paragraph, role, whether it quotes, and its speaker."""
    rows = [
        {
            "sentence_id": sa.sentence_id,
            "paragraph_id": sa.paragraph_id,
            "start": sa.start,
            "end": sa.end,
            "text": document.text[sa.start:sa.end],
            "role": sa.role,
            "quoted": bool(sa.quotes) or sa.block_source is not None,
            "speaker": sa.speaker or _block(sa),
        }
        for sa in attributions
    ]
    return from_records(SENTENCES, rows)
