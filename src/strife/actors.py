"""Actor normalisation: surface mentions -> canonical actors (data: ``data/actors.jsonl``).

``lookup()`` finds a named actor ("Da’esh", "Jabhat al-Nusra", "Syrian Arab Army");
``resolve()`` never fails: it adds nationality + force nouns ("Russian Mi-8
helicopter" -> Military Forces of Russia) and generic nouns ("gunmen",
"protesters", "villagers") and falls back to an ``unknown`` actor named as written.
``ruler_patterns()`` gives EntityRuler patterns for distinctive aliases and
``nationality_country()`` maps a demonym or country name to ISO 3166-1 alpha-2.

Generic actors follow the conventions conflict analysts use: unnamed armed men are
"Unidentified Armed Group (X)", typed ``political_militia`` (the usual coding of
unidentified armed groups), and ``rebel_group`` only when the text says rebels,
insurgents, guerrillas, jihadists or separatists. Data format: ``docs/lexicons.md``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from rapidfuzz import fuzz, process

from strife.lexicon import canonical as weapon_canonical
from strife.records import ACTOR_TYPES, Actor

# Near-miss matching of named actors ("Hayat Tahrir al-Shaam"). 92 on rapidfuzz's
# ratio: at 88 "Islamic State Sinai Province" began to pair with "... Libya Province"
# style neighbours; keys shorter than MIN_FUZZY_LEN are never fuzzed (short names
# and acronyms differ by one letter from unrelated ones: ELN/EPL, SAF/SDF).
FUZZY_MIN_SCORE = 92
MIN_FUZZY_LEN = 10

# ISO2, country names (comma-separated) | demonyms (comma-separated). The first name
# is used in actor names ("Military Forces of Syria").
_COUNTRY_TABLE = """
AF Afghanistan | Afghan, Afghans, Afghani
AL Albania | Albanian, Albanians
DZ Algeria | Algerian, Algerians
AD Andorra | Andorran
AO Angola | Angolan, Angolans
AG Antigua and Barbuda | Antiguan
AR Argentina | Argentine, Argentinian, Argentinean, Argentines, Argentinians
AM Armenia | Armenian, Armenians
AU Australia | Australian, Australians, Aussie
AT Austria | Austrian, Austrians
AZ Azerbaijan | Azerbaijani, Azeri, Azerbaijanis, Azeris
BS Bahamas, The Bahamas | Bahamian
BH Bahrain | Bahraini, Bahrainis
BD Bangladesh | Bangladeshi, Bangladeshis
BB Barbados | Barbadian
BY Belarus | Belarusian, Belarussian, Byelorussian, Belarusians
BE Belgium | Belgian, Belgians
BZ Belize | Belizean
BJ Benin | Beninese, Beninois
BT Bhutan | Bhutanese
BO Bolivia | Bolivian, Bolivians
BA Bosnia and Herzegovina, Bosnia | Bosnian, Bosnians, Herzegovinian
BW Botswana | Motswana, Batswana, Botswanan
BR Brazil | Brazilian, Brazilians
BN Brunei | Bruneian
BG Bulgaria | Bulgarian, Bulgarians
BF Burkina Faso, Burkina | Burkinabe, Burkinabè, Burkinese
BI Burundi | Burundian, Burundians
KH Cambodia | Cambodian, Cambodians, Khmer
CM Cameroon | Cameroonian, Cameroonians
CA Canada | Canadian, Canadians
CV Cape Verde, Cabo Verde | Cape Verdean
CF Central African Republic, CAR | Central African, Central Africans
TD Chad | Chadian, Chadians
CL Chile | Chilean, Chileans
CN China, People's Republic of China, PRC | Chinese
CO Colombia | Colombian, Colombians
KM Comoros | Comoran, Comorian
CG Republic of the Congo, Congo-Brazzaville, Congo Brazzaville | Brazzaville Congolese
CD Democratic Republic of the Congo, DR Congo, DRC, D.R. Congo, Congo-Kinshasa, Congo, Zaire | Congolese, Zairean, Zairian
CR Costa Rica | Costa Rican, Costa Ricans
CI Ivory Coast, Cote d'Ivoire, Côte d'Ivoire | Ivorian, Ivoirian, Ivorians
HR Croatia | Croatian, Croat, Croats, Croatians
CU Cuba | Cuban, Cubans
CY Cyprus | Cypriot, Cypriots
CZ Czech Republic, Czechia | Czech, Czechs
DK Denmark | Danish, Dane, Danes
DJ Djibouti | Djiboutian, Djiboutians
DM Dominica | Dominica
DO Dominican Republic | Dominican, Dominicans
EC Ecuador | Ecuadorian, Ecuadorean, Ecuadorians
EG Egypt | Egyptian, Egyptians
SV El Salvador | Salvadoran, Salvadorean, Salvadorian, Salvadorans
GQ Equatorial Guinea | Equatoguinean, Equatorial Guinean
ER Eritrea | Eritrean, Eritreans
EE Estonia | Estonian, Estonians
SZ Eswatini, Swaziland | Swazi, Swazis
ET Ethiopia | Ethiopian, Ethiopians, Abyssinian
FJ Fiji | Fijian, Fijians
FI Finland | Finnish, Finn, Finns
FR France | French, Frenchman, Frenchmen
GA Gabon | Gabonese
GM Gambia, The Gambia | Gambian, Gambians
GE Georgia | Georgian, Georgians
DE Germany, West Germany, East Germany | German, Germans
GH Ghana | Ghanaian, Ghanaians
GR Greece | Greek, Greeks, Hellenic
GD Grenada | Grenadian
GT Guatemala | Guatemalan, Guatemalans
GN Guinea, Guinea-Conakry | Guinean, Guineans
GW Guinea-Bissau | Bissau-Guinean
GY Guyana | Guyanese
HT Haiti | Haitian, Haitians
HN Honduras | Honduran, Hondurans
HU Hungary | Hungarian, Hungarians
IS Iceland | Icelandic, Icelander, Icelanders
IN India | Indian, Indians
ID Indonesia | Indonesian, Indonesians
IR Iran, Islamic Republic of Iran, Persia | Iranian, Iranians, Persian
IQ Iraq | Iraqi, Iraqis
IE Ireland, Republic of Ireland | Irish, Irishman
IL Israel | Israeli, Israelis
IT Italy | Italian, Italians
JM Jamaica | Jamaican, Jamaicans
JP Japan | Japanese
JO Jordan | Jordanian, Jordanians
KZ Kazakhstan | Kazakh, Kazakhstani, Kazakhs
KE Kenya | Kenyan, Kenyans
KI Kiribati | I-Kiribati
KP North Korea, Democratic People's Republic of Korea, DPRK | North Korean, North Koreans
KR South Korea, Republic of Korea, ROK | South Korean, South Koreans
XK Kosovo | Kosovar, Kosovan, Kosovars
KW Kuwait | Kuwaiti, Kuwaitis
KG Kyrgyzstan, Kirghizia | Kyrgyz, Kyrgyzstani, Kirghiz
LA Laos | Lao, Laotian, Laotians
LV Latvia | Latvian, Latvians
LB Lebanon | Lebanese
LS Lesotho | Basotho, Mosotho
LR Liberia | Liberian, Liberians
LY Libya | Libyan, Libyans
LI Liechtenstein | Liechtensteiner
LT Lithuania | Lithuanian, Lithuanians
LU Luxembourg | Luxembourgish, Luxembourger
MG Madagascar | Malagasy, Madagascan
MW Malawi | Malawian, Malawians
MY Malaysia | Malaysian, Malaysians
MV Maldives | Maldivian, Maldivians
ML Mali | Malian, Malians
MT Malta | Maltese
MH Marshall Islands | Marshallese
MR Mauritania | Mauritanian, Mauritanians
MU Mauritius | Mauritian, Mauritians
MX Mexico | Mexican, Mexicans
FM Micronesia | Micronesian
MD Moldova | Moldovan, Moldovans
MC Monaco | Monegasque
MN Mongolia | Mongolian, Mongolians
ME Montenegro | Montenegrin, Montenegrins
MA Morocco | Moroccan, Moroccans
MZ Mozambique | Mozambican, Mozambicans
MM Myanmar, Burma, Myanmar (Burma) | Burmese, Myanmar, Myanmarese
NA Namibia | Namibian, Namibians
NR Nauru | Nauruan
NP Nepal | Nepali, Nepalese
NL Netherlands, Holland, The Netherlands | Dutch, Dutchman
NZ New Zealand | New Zealander, New Zealanders, Kiwi
NI Nicaragua | Nicaraguan, Nicaraguans
NE Niger | Nigerien, Nigeriens
NG Nigeria | Nigerian, Nigerians
MK North Macedonia, Macedonia | Macedonian, Macedonians
NO Norway | Norwegian, Norwegians
OM Oman | Omani, Omanis
PK Pakistan | Pakistani, Pakistanis
PW Palau | Palauan
PS Palestine, State of Palestine, Palestinian territories, Palestinian Territories, Gaza, Gaza Strip, West Bank | Palestinian, Palestinians
PA Panama | Panamanian, Panamanians
PG Papua New Guinea | Papua New Guinean
PY Paraguay | Paraguayan, Paraguayans
PE Peru | Peruvian, Peruvians
PH Philippines, The Philippines | Filipino, Philippine, Filipinos, Filipina
PL Poland | Polish, Pole, Poles
PT Portugal | Portuguese
QA Qatar | Qatari, Qataris
RO Romania | Romanian, Romanians
RU Russia, Russian Federation, Soviet Union, USSR | Russian, Russians, Soviet
RW Rwanda | Rwandan, Rwandans, Rwandese
KN Saint Kitts and Nevis | Kittitian
LC Saint Lucia | Saint Lucian
VC Saint Vincent and the Grenadines | Vincentian
WS Samoa | Samoan
SM San Marino | Sammarinese
ST Sao Tome and Principe | Santomean
SA Saudi Arabia | Saudi, Saudis, Saudi Arabian
SN Senegal | Senegalese
RS Serbia | Serbian, Serb, Serbs, Serbians
SC Seychelles | Seychellois
SL Sierra Leone | Sierra Leonean, Sierra Leoneans
SG Singapore | Singaporean, Singaporeans
SK Slovakia | Slovak, Slovakian, Slovaks
SI Slovenia | Slovenian, Slovene, Slovenes
SB Solomon Islands | Solomon Islander
SO Somalia | Somali, Somalis, Somalian
ZA South Africa | South African, South Africans
SS South Sudan | South Sudanese
ES Spain | Spanish, Spaniard, Spaniards
LK Sri Lanka, Ceylon | Sri Lankan, Sri Lankans
SD Sudan | Sudanese
SR Suriname | Surinamese
SE Sweden | Swedish, Swede, Swedes
CH Switzerland | Swiss
SY Syria, Syrian Arab Republic | Syrian, Syrians
TW Taiwan, Republic of China | Taiwanese
TJ Tajikistan | Tajik, Tajikistani, Tajiks
TZ Tanzania | Tanzanian, Tanzanians
TH Thailand | Thai
TL East Timor, Timor-Leste | Timorese, East Timorese
TG Togo | Togolese
TO Tonga | Tongan
TT Trinidad and Tobago | Trinidadian, Tobagonian
TN Tunisia | Tunisian, Tunisians
TR Turkey, Türkiye, Turkiye | Turkish, Turk, Turks
TM Turkmenistan | Turkmen, Turkmens
TV Tuvalu | Tuvaluan
UG Uganda | Ugandan, Ugandans
UA Ukraine | Ukrainian, Ukrainians
AE United Arab Emirates, UAE, U.A.E., Emirates | Emirati, Emiratis
GB United Kingdom, UK, U.K., Britain, Great Britain, England, Scotland, Wales, Northern Ireland | British, Briton, Britons, English, Scottish, Welsh, Brit, Brits
US United States, United States of America, USA, U.S.A., US, U.S., America | American, Americans, US-led, U.S.-led
UY Uruguay | Uruguayan, Uruguayans
UZ Uzbekistan | Uzbek, Uzbekistani, Uzbeks
VU Vanuatu | Ni-Vanuatu
VA Vatican City, Holy See | Vatican
VE Venezuela | Venezuelan, Venezuelans
VN Vietnam, Viet Nam | Vietnamese
EH Western Sahara | Sahrawi, Saharawi, Sahrawis
YE Yemen | Yemeni, Yemenis, Yemenite
ZM Zambia | Zambian, Zambians
ZW Zimbabwe | Zimbabwean, Zimbabweans
HK Hong Kong | Hongkonger
PR Puerto Rico | Puerto Rican, Puerto Ricans
"""

# Country names that take "the" in actor names ("Government of the Philippines").
_WITH_THE = {"CD", "CF", "US", "GB", "AE", "PH", "NL", "GM", "BS", "KM", "MV", "SB", "MH"}
_NAME_OVERRIDE = {"CD": "Democratic Republic of Congo"}

# Arabic articles and similar particles dropped from keys: "Jabhat an-Nusra" and
# "Jabhat al-Nusra" are one key. Not "us": "US forces" must keep it.
_PARTICLES = {"al", "el", "an", "ad", "adh", "ash", "as", "ar", "at", "az", "ul", "ud", "ut"}
_DETERMINERS = ("the ", "a ", "an ")
_APOSTROPHES = "'’‘`´ʼʻ"

# Generic nouns, by the actor they stand for (matched on whole folded words).
_REBEL_NOUNS = {
    "rebel", "rebels", "insurgent", "insurgents", "guerrilla", "guerrillas", "guerilla",
    "guerillas", "jihadist", "jihadists", "jihadi", "jihadis", "separatist", "separatists",
    "mujahideen", "mujahedeen", "mujahidin", "opposition", "subversives", "subversive",
    "insurgency", "rebel fighters", "armed opposition", "opposition fighters",
}  # fmt: skip
_ARMED_NOUNS = {
    "gunmen", "gunman", "armed men", "armed man", "assailant", "assailants", "attacker",
    "attackers", "militant", "militants", "terrorist", "terrorists", "bandit", "bandits",
    "armed group", "armed groups", "kidnapper", "kidnappers", "abductors", "hitmen", "hitman",
    "hooded men", "masked men", "militia", "militias", "militiamen", "militiaman",
    "armed individuals", "gang", "gangs", "gang members", "gangsters", "assassins", "assassin",
    "death squad", "death squads", "paramilitaries", "paramilitary", "fighters", "fighter",
    "extremists", "extremist", "armed bandits", "cartel", "cartels", "narco-terrorists",
    "drug traffickers", "hijackers", "perpetrators", "killers", "raiders", "mercenaries",
    "armed elements", "unknown persons", "unidentified persons",
    "suicide bomber", "suicide bombers", "bomber", "bombers", "sniper", "snipers",
    "unidentified men", "unknown men", "unidentified person",
    "unidentified individuals", "unknown individuals", "uniformed men", "heavily armed men",
    "narcotraffickers", "narcotrafficking", "narco-traffickers", "mafia", "mafias",
    "drug lords", "drug kingpins", "drug cartel", "drug gang", "abductor",
}  # fmt: skip
_RIOTER_NOUNS = {
    "rioters", "rioter", "mob", "mobs", "looters", "looter", "stone-throwers",
    "stone throwers", "hooligans", "vandals", "arsonists", "youths throwing stones",
    "lynch mob", "angry mob", "angry crowd",
}  # fmt: skip
_PROTESTER_NOUNS = {
    "protesters", "protester", "protestors", "protestor", "demonstrators", "demonstrator",
    "marchers", "marcher", "strikers", "picketers", "protest", "protests", "demonstration",
    "demonstrations", "rally", "crowd", "crowds", "sit-in", "activists", "activist",
}  # fmt: skip
_CIVILIAN_NOUNS = {
    "civilians", "civilian", "villagers", "villager", "residents", "resident", "children",
    "child", "women", "woman", "peasants", "peasant", "students", "student", "journalists",
    "journalist", "reporters", "reporter", "farmers", "farmer", "workers", "worker",
    "teachers", "teacher", "doctors", "nurses", "aid workers", "refugees", "refugee",
    "displaced", "idps", "passengers", "pilgrims", "worshippers", "worshipers", "shoppers",
    "people", "family", "families", "boys", "boy", "girls", "girl", "fishermen", "traders",
    "merchants", "priest", "priests", "nuns", "clergy", "patients", "mourners", "bystanders",
    "pedestrians", "inhabitants", "population", "locals", "elderly", "infants", "minors",
    "migrants", "villages", "community", "communities", "driver", "drivers", "businessman",
    "businessmen", "miners", "herders", "shepherd", "shepherds", "civilian population",
    "victims", "victim", "hostages", "hostage", "non-combatants", "noncombatants",
    "settlers", "settler", "preacher", "preachers", "convert", "converts", "imam", "imams",
    "monk", "monks", "pastor", "pastors", "muslims", "muslim", "moslems", "moslem", "hindus",
    "hindu", "christians", "buddhists", "devotees", "tourists", "tourist", "voters",
    "parishioners", "congregation", "jesuits", "jesuit", "missionary", "missionaries",
    "seminarians", "churchgoers", "bloggers", "blogger", "writer", "writers",
}  # fmt: skip
_POLICE_NOUNS = {
    "police", "policemen", "policeman", "policewoman", "police officers", "police officer",
    "cops", "gendarmes", "gendarme", "gendarmerie", "riot police", "constables",
    "border police", "traffic police", "police force", "police forces", "police station",
}  # fmt: skip
_GOVERNMENT_NOUNS = {
    "government", "govt", "authorities", "regime", "administration", "ministry", "cabinet",
    "junta", "president",
}  # fmt: skip
_MILITARY_NOUNS = {
    "army", "military", "troops", "troop", "soldiers", "soldier", "armed forces",
    "air force", "airforce", "forces", "force", "navy", "naval forces", "marines", "marine",
    "paratroopers", "commandos", "commando", "special forces", "security forces", "battalion",
    "brigade", "division", "regiment", "units", "unit", "patrol", "patrols", "convoy",
    "warplane", "warplanes", "jets", "jet", "aircraft", "helicopter", "helicopters",
    "gunship", "gunships", "artillery", "tanks", "tank", "drone", "drones", "national guard",
    "coast guard", "border guards", "border guard", "guards", "servicemen", "service members",
    "sailors", "pilots", "infantry", "airstrike", "airstrikes", "air strike", "air strikes",
    "shelling", "warships", "warship", "fleet", "garrison", "troopers", "military forces",
    "government forces", "regime forces", "government troops", "army troops", "army soldiers",
    "defence forces", "defense forces", "occupation forces", "military police", "armies",
    "officers", "officer", "high command", "general staff", "detachment", "legion",
}  # fmt: skip
_BACKING = ("backed", "led", "allied", "trained", "funded", "supported", "aligned", "linked")
_PRO_ANTI = ("pro", "anti")


@dataclass(frozen=True)
class ActorEntry:
    name: str
    type: str
    country: str | None
    aliases: tuple[str, ...]
    formerly: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()

    def actor(self, text: str) -> Actor:
        return Actor(name=self.name, text=text, type=self.type, country=self.country)


# ----------------------------------------------------------------- text keys
def _fold(text: str) -> str:
    """Lower case, no accents, one kind of apostrophe removed, single spaces."""
    text = unicodedata.normalize("NFKD", text.replace("ı", "i"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    for ch in _APOSTROPHES:
        text = text.replace(ch, "'")
    return " ".join(text.split())


def _strip_mention(text: str) -> str:
    """Drop leading determiners and a trailing possessive: "the Taliban's" -> "Taliban"."""
    text = " ".join(text.strip().strip('.,;:"“”()').split())
    for ch in _APOSTROPHES:
        text = text.replace(ch, "'")
    while text.lower().startswith(_DETERMINERS):
        text = text.split(" ", 1)[1] if " " in text else text
        if text.lower() in ("the", "a", "an"):
            break
    text = re.sub(r"'s?$", "", text)
    return text.strip()


def _key(text: str) -> str:
    """Case, accent, punctuation and article-insensitive key of a name."""
    words = re.findall(r"[a-z0-9]+", _fold(text).replace("'", ""))
    kept = [w for w in words if w not in _PARTICLES] or words
    return "".join(kept)


def _is_acronym(alias: str) -> bool:
    """Short tokens with two or more capitals ("HTS", "LeT", "FAMa") match case-sensitively:
    folded, many are English words ("LeT", "IS", "AA", "SAC", "ANA")."""
    letters = re.sub(r"[^A-Za-z0-9]", "", alias)
    return " " not in alias.strip() and len(letters) <= 6 and sum(c.isupper() for c in alias) >= 2


# ----------------------------------------------------------------- countries
@cache
def _countries() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(folded name or demonym -> ISO2, exact acronym -> ISO2, ISO2 -> display name)."""
    folded: dict[str, str] = {}
    exact: dict[str, str] = {}
    names: dict[str, str] = {}
    for line in _COUNTRY_TABLE.strip().splitlines():
        iso, rest = line.split(" ", 1)
        country_names, demonyms = (part.split(",") for part in rest.split("|"))
        words = [w.strip() for w in country_names + demonyms if w.strip()]
        first = _NAME_OVERRIDE.get(iso, country_names[0].strip())
        names[iso] = f"the {first}" if iso in _WITH_THE else first
        for w in words:
            if _is_acronym(w) or w.replace(".", "").isupper():
                exact.setdefault(w, iso)
                exact.setdefault(w.replace(".", ""), iso)
            else:
                folded.setdefault(_fold(w), iso)
    return folded, exact, names


def nationality_country(word: str) -> str | None:
    """ISO2 for a nationality adjective, demonym or country name, else None.

    Case-insensitive except for acronyms ("US", "UK", "DRC" are matched as written or
    in capitals, so "us" is not the United States). Plurals are accepted ("Syrians").
    """
    word = word.strip().strip(",;:()")
    for ch in _APOSTROPHES:
        word = word.replace(ch, "'")
    word = re.sub(r"'s$", "", word)
    folded, exact, _ = _countries()
    if word in exact:
        return exact[word]
    if word.replace(".", "") in exact and (word.isupper() or "." in word):
        return exact[word.replace(".", "")]
    f = _fold(word)
    if f in folded:
        return folded[f]
    if f.endswith("s") and f[:-1] in folded:
        return folded[f[:-1]]
    return None


def country_name(iso: str) -> str | None:
    """Display name used in actor names: "SY" -> "Syria", "US" -> "the United States"."""
    return _countries()[2].get(iso)


# ----------------------------------------------------------------- the dictionary
@cache
def actor_entries() -> tuple[ActorEntry, ...]:
    """Every actor of ``data/actors.jsonl``, in file order (loaded once)."""
    text = resources.files("strife").joinpath("data/actors.jsonl").read_text("utf-8")
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        d = json.loads(line)
        if d["type"] not in ACTOR_TYPES:
            raise ValueError(f"actors.jsonl line {n}: unknown type {d['type']!r}")
        out.append(
            ActorEntry(
                name=d["name"],
                type=d["type"],
                country=d.get("country"),
                aliases=tuple(d.get("aliases", [])),
                formerly=tuple(d.get("formerly", [])),
                ambiguous=tuple(d.get("ambiguous", [])),
            )
        )
    return tuple(out)


@cache
def _indexes() -> tuple[dict[str, ActorEntry], dict[str, ActorEntry], tuple[str, ...]]:
    """(exact-case index for acronyms, folded-key index, keys open to fuzzy matching).
    The first actor in the file wins a clash."""
    exact: dict[str, ActorEntry] = {}
    folded: dict[str, ActorEntry] = {}
    fuzzy: list[str] = []
    for entry in actor_entries():
        for alias in (entry.name, *entry.aliases, *entry.formerly, *entry.ambiguous):
            alias = _strip_mention(alias)
            if _is_acronym(alias):
                exact.setdefault(alias, entry)
                if not any(c.islower() for c in alias):  # "LeT" stays as written: "LET"
                    exact.setdefault(alias.upper(), entry)
                continue
            key = _key(alias)
            if key and key not in folded:
                folded[key] = entry
                if entry.type != "state_forces" and len(key) >= MIN_FUZZY_LEN:
                    fuzzy.append(key)
    return exact, folded, tuple(fuzzy)


@cache
def _ambiguous() -> frozenset[str]:
    """Ambiguous aliases, as written and as keys: found by lookup() when they are the
    whole mention, never inside a longer one ("Shane" in "Shane Smith")."""
    out: set[str] = set()
    for entry in actor_entries():
        for alias in entry.ambiguous:
            out.update({_strip_mention(alias), _key(alias)})
    return frozenset(out)


def lookup(text: str) -> Actor | None:
    """The named actor a mention stands for, or None.

    Case-, accent- and apostrophe-insensitive ("Da’esh" = "Daesh"), "al-"/"Al "/"an-"
    insensitive, leading "the" and a trailing possessive ignored, former names mapped
    to the current one ("Jabhat al-Nusra" -> Hayat Tahrir al-Sham); acronyms match
    case-sensitively; a near-miss of a long name matches above FUZZY_MIN_SCORE.
    """
    if not text or not text.strip():
        return None
    exact, folded, fuzzy = _indexes()
    mention = _strip_mention(text)
    if mention in exact:
        return exact[mention].actor(text)
    key = _key(mention)
    if not key:
        return None
    if key in folded:
        return folded[key].actor(text)
    if len(key) >= MIN_FUZZY_LEN:
        hit = process.extractOne(key, fuzzy, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
        if hit and hit[0][0] == key[0]:
            return folded[hit[0]].actor(text)
    return None


# ----------------------------------------------------------------- resolve
def _state_actor(kind: str, iso: str | None, text: str) -> Actor:
    """ "Military Forces of X" / "Police Forces of X" / "Government of X"."""
    prefix = {"military": "Military Forces", "police": "Police Forces", "government": "Government"}[
        kind
    ]
    if iso is None:
        return Actor(name=prefix, text=text, type="state_forces", country=None)
    name = f"{prefix} of {country_name(iso) or iso}"
    return Actor(name=name, text=text, type="state_forces", country=iso)


def _generic_actor(base: str, type_: str, iso: str | None, text: str) -> Actor:
    name = f"{base} ({country_name(iso)})" if iso and country_name(iso) else base
    name = name.replace("(the ", "(")
    return Actor(name=name, text=text, type=type_, country=iso)


_REGION_PREFIXES = {"central", "latin", "pan", "north", "south"}


def _words(text: str) -> tuple[list[str], str | None]:
    """Folded words of a mention (hyphenated modifiers like "Russian-backed" dropped)
    and the country of its first nationality word, if any."""
    iso = None
    words: list[str] = []
    raw = [w.strip(',;:()"“”') for w in text.split()]
    for w in raw:
        parts = w.split("-")
        if len(parts) > 1 and (parts[-1].lower() in _BACKING or parts[0].lower() in _PRO_ANTI):
            words.append("<modifier>")
            continue
        words.append(w)
    # nationality: windows of three, two, then one words ("South Sudanese", "Saudi Arabian")
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            if i and _fold(words[i - 1]) in _REGION_PREFIXES:
                continue  # "Central American University", "Latin American": no country
            found = nationality_country(" ".join(words[i : i + size]))
            if found and iso is None:
                iso = found
        if iso:
            break
    return [_fold(w) for w in words], iso


def _has(words: list[str], nouns: set[str]) -> bool:
    joined = " " + " ".join(words) + " "
    return any(f" {n} " in joined for n in nouns)


_AIRCRAFT_WORDS = {"jet", "jets", "plane", "planes", "aircraft", "bomber", "bombers", "squadron",
                   "squadrons", "wing", "wings", "helicopter", "helicopters"}  # fmt: skip
_NUMBER_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "dozens", "several", "some", "many", "the", "of", "at", "least"}  # fmt: skip


def _demonyms_only(words: list[str]) -> bool:
    """ "two Bangladeshis", "Afghans": people named by nationality alone (plural)."""
    rest = [w for w in words if w not in _NUMBER_WORDS and not w.isdigit()]
    return bool(rest) and all(w.endswith("s") and w in _plural_demonyms() for w in rest)


@cache
def _plural_demonyms() -> frozenset[str]:
    """Folded plural demonyms ("bangladeshis", "afghans"), never a country's name."""
    names: set[str] = set()
    demonyms: set[str] = set()
    for line in _COUNTRY_TABLE.strip().splitlines():
        country_names, people = line.split(" ", 1)[1].split("|")
        names.update(_fold(w) for w in country_names.split(",") if w.strip())
        demonyms.update(_fold(w) for w in people.split(",") if w.strip())
    plural = {w for w in demonyms if w.endswith("s")} | {w + "s" for w in demonyms}
    return frozenset(plural - names)


def resolve(text: str, country_hint: str | None = None) -> Actor:
    """An actor for any mention; never None.

    Order: a named actor (``lookup``); then generic nouns (rebels, gunmen, rioters,
    protesters, civilians) as generic actors of the mention's nationality or the
    hint; then police, government and military nouns (or a military platform or
    heavy weapon, "Russian Mi-8 helicopter") as state actors; else an ``unknown``
    actor named as written.
    """
    found = lookup(text) or _named_inside(text)
    if found is not None:
        return found
    mention = _strip_mention(text)
    words, iso = _words(mention)
    # "fighter jets", "a fighter squadron": aircraft, not the fighters of an armed group
    words = ["<aircraft>" if w in ("fighter", "fighters") and nxt in _AIRCRAFT_WORDS else w
             for w, nxt in zip(words, [*words[1:], ""], strict=True)]  # fmt: skip
    country = iso or country_hint
    if _has(words, _REBEL_NOUNS):
        return _generic_actor("Unidentified Armed Group", "rebel_group", country, text)
    if _has(words, _RIOTER_NOUNS):
        return _generic_actor("Rioters", "rioters", country, text)
    if _has(words, _PROTESTER_NOUNS):
        return _generic_actor("Protesters", "protesters", country, text)
    if _has(words, _POLICE_NOUNS):
        return _state_actor("police", iso or _hint_if_plain(mention, country_hint), text)
    if _has(words, _ARMED_NOUNS):
        return _generic_actor("Unidentified Armed Group", "political_militia", country, text)
    if _has(words, _CIVILIAN_NOUNS) or _demonyms_only(words):
        return _generic_actor("Civilians", "civilians", country, text)
    weapon = weapon_canonical(mention)
    heavy = weapon is not None and (
        weapon[1] == "MILITARY_PLATFORM" or weapon[0] in ("artillery", "artillery fire")
    )
    if _has(words, _MILITARY_NOUNS) or (heavy and iso):
        if iso or _hint_if_plain(mention, country_hint):
            return _state_actor("military", iso or country_hint, text)
    if _has(words, _GOVERNMENT_NOUNS):
        if iso or _hint_if_plain(mention, country_hint):
            return _state_actor("government", iso or country_hint, text)
    return Actor(name=text, text=text, type="unknown", country=None)


def state_force(text: str) -> Actor | None:
    """A state actor of no country yet for a plain force noun ("government forces", "Govt
    Troops", "the police"), placed later by ``localise``; None for other mentions."""
    words, iso = _words(_strip_mention(text))
    for kind, nouns in (("police", _POLICE_NOUNS), ("military", _MILITARY_NOUNS),
                        ("government", _GOVERNMENT_NOUNS)):  # fmt: skip
        if _has(words, nouns):
            return _state_actor(kind, iso, text)
    return None


def localise(actor: Actor | None, country: str | None) -> Actor | None:
    """The actor placed in the country where its event happened, when its mention names
    no country of its own: "soldiers" in Somalia -> Military Forces of Somalia; an
    unnamed perpetrator -> Unidentified Armed Group (Somalia). Named actors and actors
    with a country are returned as they are."""
    if actor is None or not country or actor.country:
        return actor
    if actor.text:
        found = resolve(actor.text, country_hint=country)
        if found.type != "unknown":
            return found
        if actor.name in _GENERIC_BASES:  # "Civilians" named for a "preacher" the text gives
            return _generic_actor(actor.name, actor.type, country, actor.text)
        kind = _STATE_KINDS.get(actor.name)
        if kind is not None:  # "twelve members of the security forces" in Iraq
            return _state_actor(kind, country, actor.text)
        return actor
    return _generic_actor(actor.name, actor.type, country, "")


_GENERIC_BASES = ("Civilians", "Unidentified Armed Group", "Protesters", "Rioters")
_STATE_KINDS = {"Military Forces": "military", "Police Forces": "police", "Government": "government"}


def _named_inside(text: str, max_words: int = 6) -> Actor | None:
    """A named actor inside a longer mention, longest first: "NELSON MANDELA CELL OF THE
    ELN" -> ELN. Acronyms of fewer than three letters are not looked for ("IS", "AA")."""
    words = text.split()
    for size in range(min(max_words, len(words) - 1), 0, -1):
        for i in range(len(words) - size + 1):
            chunk = " ".join(words[i : i + size]).strip(".,;:()[]\"“”")
            if size == 1 and len(re.sub(r"[^A-Za-z0-9]", "", chunk)) < 3:
                continue
            if _strip_mention(chunk) in _ambiguous() or _key(chunk) in _ambiguous():
                continue
            hit = lookup(chunk)
            if hit is not None:
                return Actor(name=hit.name, text=text, type=hit.type, country=hit.country)
    return None


_FORCE_NOUNS = frozenset(_MILITARY_NOUNS | _POLICE_NOUNS | _GOVERNMENT_NOUNS)


def _hint_if_plain(mention: str, hint: str | None) -> str | None:
    """Use the hint only for plain nouns ("the army", "government forces"): a mention
    with another capitalised word ("Kurdish forces") may be somebody else's."""
    if hint is None:
        return None
    forces = _FORCE_NOUNS
    # "Govt Troops" in a headline is still plain; "Kurdish forces" is not
    capitals = [w for w in mention.split()[1:] if w[:1].isupper() and _fold(w) not in forces]
    first = mention.split()[0] if mention.split() else ""
    if first[:1].isupper() and _fold(first) not in forces:
        capitals.append(first)
    return None if capitals and not mention.isupper() else hint


# ----------------------------------------------------------------- EntityRuler
@cache
def _tokenizer():  # type: ignore[no-untyped-def]
    import spacy

    return spacy.blank("en").tokenizer


@cache
def _patterns() -> tuple[dict, ...]:
    out: list[dict] = []
    seen: set[str] = set()
    for entry in actor_entries():
        for alias in (entry.name, *entry.aliases, *entry.formerly):
            if "(" in alias or not any(c.isupper() for c in alias):
                continue  # "(Syria)" disambiguates lookups; lower-case phrases are generic
            tokens = [t.text for t in _tokenizer()(alias)]
            if len(tokens) == 1:
                if not (_is_acronym(alias) and len(alias) >= 3) and not (
                    alias[:1].isupper() and len(alias) >= 5
                ):
                    continue
                forms = {alias, alias.upper()}
                patterns = [[{"ORTH": f}] for f in sorted(forms)]
            else:
                patterns = [[{"LOWER": _fold(t)} for t in tokens]]
            for pattern in patterns:
                key = repr(pattern)
                if key not in seen:
                    seen.add(key)
                    out.append({"label": "ORG", "pattern": pattern, "id": entry.name})
    return tuple(out)


def ruler_patterns() -> list[dict]:
    """EntityRuler patterns (label ORG, id = canonical name) for multi-word aliases
    (lower-case token patterns, so ALL-CAPS text matches) and distinctive single
    words: acronyms of three or more letters and capitalised names of five or more,
    matched as written or in capitals. Ambiguous aliases are left out."""
    return [dict(p) for p in _patterns()]
