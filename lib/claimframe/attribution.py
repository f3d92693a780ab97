"""Who says what: sentences, quotations and the sources the article attributes them to.

The rules are the ones data/README.md lists under "Attribution". They are pattern rules over
reporting verbs ("said", "told", "notes", "according to", "has learned"), quotation marks and
names; they know nothing about any one article. Names are made canonical so one source gets
one name: "Dorrian" and "the colonel" become "Col. John Dorrian", "the Times" becomes whatever
meta.toml's ``[source_aliases]`` says.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .article import quote_spans, sentence_spans
from .schema import SENTENCES, from_records

if TYPE_CHECKING:
    import pandas as pd

    from .article import Article

_ABBR = r"(?:Gen|Col|Lt|Maj|Capt|Sgt|Cpl|Adm|Brig|Cmdr|Sen|Rep|Gov|Mr|Mrs|Ms|Dr|Prof|Rev|St|Jr|Sr)\.|(?:[A-Z]\.){2,}"
_TOKEN = rf"(?:{_ABBR}|[\w’'-]+)"
_SP = rf"(?P<sp>{_TOKEN}(?:\s+{_TOKEN}){{0,6}}?)"
_VERBS = (
    r"said|says|told|tells|added|adds|notes|noted|reports|reported|writes|wrote|declared|revealed"
    r"|explained|estimated|estimate|estimates|acknowledged|acknowledges|conceded|emphasized|emphasised"
    r"|argued|warned|claimed|stated|announced|confirmed|denied|insisted|recalled|stressed|say|believe"
)
# Where a speaker phrase may begin: sentence start, after a comma, a closing quote, a colon,
# or a wire dateline ("BAGHDAD (Reuters) - ").
_LEAD = r"(?:^|(?<=,)\s+|(?<=[”\"])\s*|(?<=:)\s+|(?<=\s[-—–])\s+)"

# Patterns in priority order; each finds a speaker phrase `sp` and says what it covers.
_LEARNED_FROM = re.compile(rf"\blearned\s+from\s+{_SP}\s+that\b")
_CITING = re.compile(r"^(?:[“\"]?)Citing\s+(?P<sp>[^,]{2,80}?),")
_ACCORDING = re.compile(rf"\b[Aa]ccording\s+to\s+{_SP}(?=\s*(?:[,.;:!?]|$))")
_HAS_LEARNED = re.compile(rf",\s*{_SP}\s+(?:has|have)\s+learned\s*[.!]?\s*$")
# "..., the U.N. refugee agency UNHCR said on Monday." covers what comes before the comma.
_TRAILING = re.compile(
    rf",\s*{_SP}\s+(?:{_VERBS})(?:\s+(?:on|in|last|this|late|early)\s+[\w.]+(?:\s+\w+)?)?\s*[.!]?\s*$")
_INVERTED = re.compile(rf"(?:,|[,.!?][”\"])\s*(?:{_VERBS})\s+{_SP}\s*(?=[,.;!?]|$)")
_APPOSITIVE = re.compile(
    rf"{_LEAD}{_SP},\s+(?:a|an|the|[a-z])(?:[^,;“”\"]|,(?=\d{{3}})){{0,160}},\s+(?:has\s+|have\s+)?(?P<verb>{_VERBS})\b"
)
_PREPOSED = re.compile(rf"{_LEAD}{_SP}\s+(?:has\s+|have\s+)?(?P<verb>{_VERBS})\b")
_THAT = re.compile(r"\bthat\b")
_ANY_TRIGGER = re.compile(rf"\b(?:{_VERBS}|learned|Citing|[Aa]ccording)\b")

_TITLE_CORE = (
    r"(?:(?:Maj|Lt|Brig)\.\s+Gen\.|Lt\.\s+Col\.|Gen\.|Col\.|Maj\.|Capt\.|Sgt\.|Cpl\.|Adm\.|Sen\.|Rep\.|Gov\."
    r"|Dr\.|Mr\.|Mrs\.|Ms\.|Prof\.|President|Prime\s+Minister|Secretary|Minister|Mayor|Chief|Officer"
    r"|Colonel|General|Major|Captain|Sergeant|Admiral|Senator|Governor|Inspector|Sheriff|Judge|Commissioner"
    r"|Director|Spokesman|Spokeswoman|Spokesperson|Chairman|Chairwoman|Ambassador|Superintendent"
    r"|Commander|Councilman|Councilwoman|Councillor|Manager|Administrator|Treasurer|Chancellor)"
)
# Capitalised words that qualify a title ("Deputy Minister", "Public Works Director"), but not
# words that merely open the sentence ("Citing Minister ...").
_TITLE = (
    r"(?:(?!(?:The|A|An|Citing|According|Said|Told|But|And|However|When|After|Before|Asked|Echoing)\b)"
    r"(?![A-Z][a-z]*(?:an|ese|ish|i)\s)"  # nationality adjectives: "American Maj. Gen. ...", "Iraqi Prime Minister"
    rf"[A-Z][a-z]+\s+){{0,3}}{_TITLE_CORE}"
)
_NAME = r"[A-Z][a-z’'-]+(?:-[A-Z][a-z]+)?"
_PERSON = re.compile(rf"\b(?P<title>{_TITLE})\s+(?P<names>(?:(?:[A-Z]\.)+\s*|{_NAME}\s+){{0,2}}{_NAME})")
# "Rosa Delgado, a Cal Fire battalion chief who ...": a name, then its role as an appositive.
_ROLE_AFTER = re.compile(
    rf"\b(?P<names>{_NAME}(?:\s+{_NAME}){{1,2}}),\s+(?:a|an|the)\s+(?P<role>[A-Za-z][\w.’' -]{{1,60}}?)"
    r"(?=\s+(?:who|at|for|in|of|with)\b|[,.;])"
)
_PLAIN_NAME = re.compile(rf"^(?:{_NAME}\s+){{1,2}}{_NAME}$")
_TITLE_WORDS = {
    "col": "colonel", "colonel": "colonel", "gen": "general", "general": "general", "maj": "major",
    "major": "major", "capt": "captain", "captain": "captain", "sgt": "sergeant", "sergeant": "sergeant",
    "adm": "admiral", "admiral": "admiral", "sen": "senator", "senator": "senator", "gov": "governor",
    "governor": "governor", "mayor": "mayor", "sheriff": "sheriff", "judge": "judge", "chief": "chief",
    "president": "president", "minister": "minister", "secretary": "secretary", "inspector": "inspector",
    "commissioner": "commissioner", "dr": "doctor", "prof": "professor",
}
_PRONOUNS = {"he", "she", "they", "him", "her"}
_NOT_SPEAKERS = {"which", "who", "that", "it", "this", "there", "what", "we", "i", "you", "us", "have", "has",
                 "had", "is", "are", "was", "were", "and", "but"}

# Capitalised only because they open a sentence: "Experts estimated ...", "The official said ...".
_COMMON_LEADS = frozenset(
    """the a an some many several most other two three four five experts officials analysts residents
    witnesses sources researchers observers critics diplomats lawmakers activists doctors police
    authorities investigators scientists economists officers soldiers""".split()
)
_ADVERB = re.compile(r"\s+[a-z]+ly$")  # "the Pentagon categorically"; not "Reilly"


@dataclass(frozen=True)
class Person:
    full: str
    surname: str
    title: str | None
    start: int = 0


@dataclass
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


def find_people(text: str) -> list[Person]:
    """Named people with their titles, in order of mention: a title before the name ("Col. John
    Dorrian", "Maj. Gen. Gary Volesky") or a role after it ("Rosa Delgado, a Cal Fire battalion
    chief"), so that "the colonel" and "the battalion chief" can be resolved to them."""
    people = []
    for m in _PERSON.finditer(text):
        names = re.sub(r"\s+", " ", m.group("names")).strip()
        title = re.sub(r"\s+", " ", m.group("title"))
        people.append(Person(f"{title} {names}", names.split()[-1], title, m.start()))
    for m in _ROLE_AFTER.finditer(text):
        names = re.sub(r"\s+", " ", m.group("names")).strip()
        people.append(Person(names, names.split()[-1], re.sub(r"\s+", " ", m.group("role")), m.start()))
    return sorted(people, key=lambda p: p.start)


class SourceNames:
    """Turns the phrases an article uses for a source into one canonical name."""

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

    @staticmethod
    def _key(name: str) -> str:
        return re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I).casefold()

    def _person_by_surname(self, surname: str, before: int | None = None) -> str | None:
        matches = [p for p in self.people + self.untitled if p.surname == surname]
        return max(matches, key=lambda p: len(p.full)).full if matches else None

    def canonical(self, phrase: str, at: int, previous: str | None = None) -> str | None:
        """The canonical name for a speaker phrase found at offset ``at``; None if it is no speaker."""
        phrase = _ADVERB.sub("", phrase.strip(" ,.;:“”\"'‘’()[]"))
        if re.match(r"[a-z]", phrase) and not re.match(r"(?:the|a|an)\s", phrase):
            phrase = re.sub(r"^.*?\s(?=(?:the|a|an)\s)", "", phrase)  # "comes after the Pentagon"
        if not phrase or phrase.casefold() in _NOT_SPEAKERS:
            return None
        if phrase.casefold() in _PRONOUNS:
            return previous
        key = self._key(phrase)
        if key in self.aliases:
            return self.aliases[key]
        person = _PERSON.search(phrase)
        if person:
            return self._person_by_surname(person.group("names").split()[-1]) or phrase[person.start():]
        words = phrase.split()
        if _PLAIN_NAME.match(phrase) and not self._key(phrase) in self.aliases:
            # "Haitham Mayahi", "Jane Doe": a name without a title.
            if not self._person_by_surname(words[-1]):
                self.untitled.append(Person(phrase, words[-1], None))
            return self._person_by_surname(words[-1])
        if len(words) == 1 and words[0][:1].isupper():
            found = self._person_by_surname(words[0])
            if found:
                return found
        lowered = phrase[0].lower() + phrase[1:] if _common_lead(words) else phrase
        head = words[-1].casefold()
        if re.match(r"(?:the|this|that)\s", lowered, flags=re.I):
            # "the colonel", "the public works director": the most recent person with that title.
            title = " ".join(words[1:-1] + [_TITLE_WORDS.get(head, head)]).casefold()
            for p in reversed(self.people):
                words_of_title = [w.rstrip(".").casefold() for w in (p.title or "").split()]
                if words_of_title:
                    words_of_title[-1] = _TITLE_WORDS.get(words_of_title[-1], words_of_title[-1])
                if p.start < at and " ".join(words_of_title).endswith(title):
                    return self._person_by_surname(p.surname)
            # "the defense official" -> the earlier "a U.S. defense official".
            earlier = None
            for m in re.finditer(rf"\b(?:a|an)\s+(?:[\w.’'-]+\s+){{0,3}}{re.escape(words[-1])}\b", self.text[:at]):
                earlier = m.group(0)
            if earlier:
                return earlier
            return " ".join(lowered.split()[1:])
        return lowered


def _common_lead(words: list[str]) -> bool:
    """'Experts', 'State engineers': capitalised only because the phrase opens a sentence."""
    first = words[0]
    if first.casefold() in _COMMON_LEADS:
        return True
    proper_adjective = re.search(r"(?:an|ese|ish|i)$", first)  # American, Chinese, British, Iraqi
    return (first[:1].isupper() and first[1:].islower() and not proper_adjective
            and all(w.islower() for w in words[1:]) and (len(words) > 1 or first.endswith("s")))


def _covers_after_that(sentence: str, pos: int) -> tuple[int, int] | None:
    """The clause after the verb's own "that": within a few words ("told Breitbart News in October
    that"), not a later "..., and that" which belongs to a second clause."""
    m = _THAT.search(sentence, pos, pos + 60)
    if m and "," not in sentence[pos:m.start()] and len(sentence[pos:m.start()].split()) <= 5:
        return (m.end(), len(sentence))
    return None


def _find_attribution(sentence: str, quotes: list[tuple[int, int]]):
    """(speaker phrase, its offset, regions it covers) for one sentence, offsets relative to it."""
    if not _ANY_TRIGGER.search(sentence):
        return None  # most sentences attribute nothing: one cheap scan instead of seven
    whole = [(0, len(sentence))]
    m = _LEARNED_FROM.search(sentence)
    if m:
        return m.group("sp"), m.start("sp"), [(m.end(), len(sentence))]
    m = _CITING.search(sentence)
    if m:
        return m.group("sp"), m.start("sp"), [(m.end(), len(sentence))]
    m = _ACCORDING.search(sentence)
    if m:
        return m.group("sp"), m.start("sp"), whole
    for pattern in (_HAS_LEARNED, _TRAILING):
        m = pattern.search(sentence)
        if m and m.group("sp").casefold() not in _NOT_SPEAKERS and not any(a <= m.start() < b for a, b in quotes):
            return m.group("sp"), m.start("sp"), [(0, m.start())]
    candidates = []
    for pattern in (_APPOSITIVE, _PREPOSED):
        for m in pattern.finditer(sentence):
            if any(a <= m.start("sp") < b for a, b in quotes) or m.group("sp").casefold() in _NOT_SPEAKERS:
                continue  # a reporting verb inside someone's quotation is theirs, handled as nested
            after = _covers_after_that(sentence, m.end())
            # "X said that ..." covers the clause; "X said 300 homes flooded" (no quotation) the rest.
            covers = [after] if after else quotes or [(m.end(), len(sentence))]
            candidates.append((after is not None, m.group("sp"), m.start("sp"), covers))
    with_that = [c for c in candidates if c[0]]
    if with_that:
        return with_that[-1][1:]
    m = _INVERTED.search(sentence)
    if m and not any(a <= m.start("sp") < b for a, b in quotes):
        return m.group("sp"), m.start("sp"), quotes or [(0, m.start())]
    if candidates:
        return candidates[0][1:]
    return None


def _nested(sentence: str, quotes: list[tuple[int, int]]):
    """Attributions that open a quotation: “Experts estimated there are ...”."""
    out = []
    for a, b in quotes:
        inner = sentence[a + 1:b]
        m = re.match(rf"\s*{_SP}\s+(?:{_VERBS})\b", inner)
        if m:
            out.append((m.group("sp"), a + 1 + m.start("sp"), (a + 1 + m.end(), b)))
    return out


def sentence_attributions(article: "Article") -> list[SentenceAttribution]:
    """Every sentence of the article with its quotations and attributions (cached on the article)."""
    cached = article.__dict__.get("_attributions")
    if cached is not None:
        return cached
    text = article.text
    names = SourceNames(text, article.meta)
    out: list[SentenceAttribution] = []
    previous_speaker = None
    intro_source = None
    for p in article.paragraph_records:
        pstart, pend, role = p["start"], p["end"], p["role"]
        block_source, intro_source = intro_source, None
        quotes = quote_spans(text, pstart, pend)
        first = len(out)
        for s, e in sentence_spans(text, pstart, pend):
            local_quotes = [(max(a, s) - s, min(b, e) - s) for a, b in quotes if a < e and b > s]
            sa = SentenceAttribution(len(out), p["paragraph_id"], s, e, role, local_quotes,
                                     block_source=block_source)
            if role in ("body", "caption", "headline"):
                sentence = text[s:e]
                found = _find_attribution(sentence, local_quotes)
                if found:
                    phrase, at, covers = found
                    sa.speaker = names.canonical(phrase, s + at, previous_speaker)
                    sa.covers = covers if sa.speaker else []
                for phrase, at, region in _nested(sentence, local_quotes):
                    speaker = names.canonical(phrase, s + at, previous_speaker)
                    if speaker:
                        sa.nested.append((region[0], region[1], speaker))
                if sa.speaker:
                    previous_speaker = sa.speaker
            out.append(sa)
        own = [sa.speaker for sa in out[first:] if sa.speaker]
        for sa in out[first:]:
            sa.paragraph_speaker = own[0] if own else None
        ptext = text[pstart:pend]
        if role == "body" and ptext.rstrip().endswith(":") and len(ptext) <= 200:
            intro_source = own[0] if own else None
            intro_source = intro_source or "unattributed"
    article.__dict__["_attributions"] = out
    return out


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
        return sa.speaker or sa.paragraph_speaker or _block(sa) or default, True
    if sa.block_source:
        return _block(sa) or default, True
    if sa.speaker and any(a <= s and e <= b for a, b in sa.covers):
        return sa.speaker, False
    return default, False


def _block(sa: SentenceAttribution) -> str | None:
    return None if sa.block_source in (None, "unattributed") else sa.block_source


def attribute_sentences(article: "Article") -> "pd.DataFrame":
    """The sentences table: span, paragraph, role, whether it quotes, and its speaker."""
    rows = [
        {
            "sentence_id": sa.sentence_id,
            "paragraph_id": sa.paragraph_id,
            "start": sa.start,
            "end": sa.end,
            "text": article.text[sa.start:sa.end],
            "role": sa.role,
            "quoted": bool(sa.quotes) or sa.block_source is not None,
            "speaker": sa.speaker or _block(sa),
        }
        for sa in sentence_attributions(article)
    ]
    return from_records(SENTENCES, rows)
