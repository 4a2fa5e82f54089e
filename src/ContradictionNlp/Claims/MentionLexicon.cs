namespace ContradictionNlp.Claims;

/// <summary>
/// Small closed word lists the extractor uses to find and split speaker mentions. All lower case;
/// written by us. Each set has a one-line reason so a wrong hit can be traced to the list it came from.
/// </summary>
internal static class MentionLexicon
{
    private static WordSet Set(params string[] words) => new(words);

    /// <summary>Titles and role words: stripped from a name into Roles ("President", "Foreign Minister").</summary>
    public static readonly WordSet Titles = Set(
        "president", "vice", "prime", "minister", "secretary", "senator", "sen.", "representative", "rep.",
        "congressman", "congresswoman", "governor", "gov.", "mayor", "general", "gen.", "lt.", "col.", "maj.",
        "sgt.", "adm.", "admiral", "commander", "chief", "spokesman", "spokeswoman", "spokesperson",
        "leader", "chairman", "chairwoman", "chair", "ceo", "director", "ambassador", "attorney",
        "judge", "justice", "candidate", "nominee", "adviser", "advisor", "aide", "commissioner",
        "chancellor", "king", "queen", "prince", "princess", "pope", "dr.", "mr.", "mrs.", "ms.", "miss",
        // British style writes honorifics without a period ("Mr Blair"): until round 27 "Mr" stayed in the name, so
        // "Mr Blair" (209 bbc-news claims) was a speaker apart from "Tony Blair" (86).
        "mr", "mrs", "ms", "dr",
        "sir", "lord", "dame", "rev.", "reverend", "speaker", "whip", "founder", "head", "officer",
        "manager", "strategist", "pollster", "analyst", "economist", "professor", "prof.", "lawyer",
        "diplomat", "envoy", "premier", "deputy", "foreign", "defense", "defence", "interior", "finance",
        "health", "press", "former", "senior", "top", "state", "majority", "minority", "presidential",
        "democratic", "republican", "campaign", "house", "senate", "white", "military", "economic",
        "national", "security", "homeland", "justice", "treasury", "executive", "managing", "co-founder",
        "chief-of-staff", "staff", "of", "u.s.", "us", "acting", "interim", "incumbent", "federal",
        "intelligence", "communications", "policy", "political", "legal", "counsel", "partner",
        "member", "mp", "lawmaker", "official", "president-elect", "vice-president", "secretary-general",
        "first", "lady", "sheriff", "detective", "inspector", "captain", "capt.", "coach", "editor",
        "author", "researcher", "scientist", "activist", "organizer", "volunteer", "surrogate",
        "businessman", "businesswoman", "billionaire", "host", "anchor", "correspondent", "reporter",
        "columnist", "commentator", "mogul", "tycoon", "hopeful", "contender", "challenger", "gop",
        "dictator", "ruler", "monarch", "emperor", "oligarch", "counterpart", "colleague", "ally",
        // Sport positions (round 24): "Striker Thierry Henry" was the speaker "Striker Thierry Henry", not Thierry Henry.
        // ("champion" was tried too: it broke the surname in "Simon Champion", and "Double Olympic champion X said" is
        // also a stance-verb reading of "champion" that the learned tagger repeats; left for later.)
        "striker", "midfielder", "defender", "goalkeeper", "skipper", "winger",
        // Occupations and descriptors that open a sentence before a name (round 27): "Rapper Eminem", "Rival Sony",
        // "Bookmaker Ladbrokes" were the speakers' names. Not words that are also common surnames ("singer", "miner"),
        // nor "developer" (measured: its nominal readings, "developers said ...", added unmatched PolNeAR claims).
        "rapper", "actress", "broadcaster", "bookmaker", "carmaker", "retailer", "comedian", "presenter",
        "referee", "publisher", "insurer", "novelist", "guitarist", "drummer", "musician", "rival");

    /// <summary>Nationality and demonym adjectives: part of a role ("Belarusian President").</summary>
    public static readonly WordSet Nationalities = Set(
        "american", "belarusian", "russian", "ukrainian", "british", "french", "german", "italian",
        "spanish", "polish", "chinese", "japanese", "korean", "north", "south", "indian", "pakistani",
        "iranian", "iraqi", "syrian", "israeli", "palestinian", "turkish", "egyptian", "saudi",
        "mexican", "canadian", "brazilian", "australian", "dutch", "belgian", "swedish", "norwegian",
        "danish", "finnish", "hungarian", "czech", "slovak", "romanian", "bulgarian", "serbian",
        "croatian", "greek", "irish", "scottish", "welsh", "english", "lithuanian", "latvian",
        "estonian", "moldovan", "georgian", "armenian", "azerbaijani", "kazakh", "afghan", "european",
        "african", "asian", "arab", "nigerian", "kenyan", "venezuelan", "cuban", "colombian",
        "argentine", "chilean", "peruvian", "swiss", "austrian", "portuguese", "taiwanese", "vietnamese",
        "filipino", "indonesian", "thai", "libyan", "lebanese", "jordanian", "yemeni", "qatari", "emirati");

    /// <summary>Heads of a description that can speak: people, groups and documents ("officials", "the report").</summary>
    public static readonly WordSet SourceNouns = Set(
        "official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson",
        "spokesmen", "spokeswomen", "spokespeople", "aide", "aides", "adviser", "advisers", "advisor",
        "advisors", "campaign", "administration", "government", "ministry", "department", "agency",
        "office", "committee", "commission", "council", "party", "company", "firm", "group", "groups",
        "organization", "organisation", "report", "reports", "statement", "study", "studies", "survey",
        "poll", "polls", "analysis", "memo", "letter", "email", "filing", "lawsuit", "complaint",
        "indictment", "ruling", "court", "judge", "prosecutors", "prosecutor", "police", "authorities",
        "experts", "expert", "analysts", "analyst", "economists", "economist", "researchers", "researcher",
        "scientists", "lawyers", "lawyer", "attorney", "attorneys", "witness", "witnesses", "people",
        "person", "man", "woman", "men", "women", "voters", "voter", "residents", "resident", "critics",
        "supporters", "protesters", "protestors", "activists", "democrats", "republicans", "leaders",
        "leader", "president", "minister", "secretary", "senator", "governor", "mayor", "candidate",
        "nominee", "chairman", "director", "ambassador", "diplomat", "diplomats", "lawmaker",
        "lawmakers", "legislators", "members", "member", "family", "friend", "friends", "newspaper",
        "paper", "network", "outlet", "website", "site", "document", "documents", "records", "data",
        "figures", "article", "post", "tweet", "book", "memoir", "investigators", "officers", "officer",
        "staff", "staffers", "team", "spokesperson", "representative", "representatives", "pollster",
        "strategist", "strategists", "operative", "operatives", "insiders", "insider", "observers",
        "residents", "journalist", "journalists", "reporter", "reporters", "editorial", "board",
        "regime", "kremlin", "ministers", "generals", "general", "military", "army", "commander",
        "counterpart", "speaker", "host", "ally", "allies", "doctor", "doctors", "physician", "boss",
        "manager", "executive", "executives", "ceo", "founder", "chief", "head", "survey", "message",
        "announcement", "release", "press", "account", "presidency", "bureau", "service", "union",
        "association", "institute", "foundation", "center", "centre", "university", "bank", "fund",
        "percent", "%", "half", "third", "quarter", "majority", "plurality", "respondents", "americans",
        "participants", "parents", "students", "workers", "employees", "owners", "donors", "delegates",
        "fans", "citizens", "neighbors", "neighbours", "relatives", "victims", "survivors", "spokespeople");

    /// <summary>A plural of a title or source noun ("senators", "governors") counts as the noun.</summary>
    public static bool IsSourceOrTitle(string lower) =>
        SourceNouns.Contains(lower) || Titles.Contains(lower)
        || (lower.Length > 3 && lower.EndsWith('s') && (Titles.Contains(lower[..^1]) || SourceNouns.Contains(lower[..^1])));

    /// <summary><see cref="IsSourceOrTitle(string)"/> of a unit's lower case, from its membership bits.</summary>
    public static bool IsSourceOrTitle(in Unit u) => (u.Sets & UnitLexicon.SourceOrTitle) != 0;

    // Documents and numbers can "say" things in the PolNeAR sense, but "the figures said nothing
    // new" must not yield a claim; these heads only count when a that-clause or quote follows.
    public static readonly WordSet WeakSourceNouns = Set(
        "figures", "data", "records", "documents", "document", "numbers", "book", "post", "tweet",
        "message", "account", "site", "website", "article");

    /// <summary>Heads that can "show" or "find" something: documents, studies and measurements.</summary>
    public static readonly WordSet DocumentNouns = Set(
        "poll", "polls", "survey", "surveys", "study", "studies", "report", "reports", "analysis", "data",
        "research", "review", "investigation", "audit", "figures", "numbers", "statistics", "records",
        "documents", "document", "video", "footage", "transcript", "slide", "memo", "letter", "email",
        "emails", "filing", "filings", "records", "results", "report", "panel", "jury", "court", "judge",
        "researchers", "investigators", "authors", "analysts", "economists", "scientists", "experts");

    /// <summary>Words that make a mention an organisation rather than a person ("the European Commission").</summary>
    public static readonly WordSet OrgWords = Set(
        "commission", "ministry", "department", "agency", "office", "committee", "council", "party",
        "company", "corporation", "corp.", "inc.", "group", "organization", "organisation", "union",
        "association", "institute", "foundation", "center", "centre", "university", "bank", "fund",
        "court", "kremlin", "pentagon", "government", "administration", "campaign", "post", "times",
        "news", "journal", "network", "press", "reuters", "service", "bureau", "house", "senate",
        "congress", "parliament", "assembly", "cabinet", "army", "police", "board", "agency",
        "cnn", "msnbc", "nbc", "abc", "cbs", "fox", "politifact", "tribune", "herald", "gazette",
        "magazine", "daily", "review", "telegraph", "guardian", "nato", "fbi", "cia", "un", "eu",
        "who", "imf", "kremlin", "regime", "republicans", "democrats", "police", "military");

    /// <summary>
    /// Organisation nouns that take an "of" or "for" phrase inside their name (round 27): "Office for National
    /// Statistics", "Confederation of British Industry", "Royal College of Physicians". Only a capitalised one right
    /// before the "of"/"for" makes the phrase part of the name (<see cref="MentionParser"/>). Without it, bbc-news named
    /// the Office for National Statistics "Office" (so it merged with the Cabinet Office) and the Confederation of
    /// British Industry "Industry". Also the last words that are no surname (<c>SpeakerIndex.SurnameOf</c>): a bare
    /// "Office" is not the Cabinet Office. Not "fox", "times" or "post": people are named so.
    /// </summary>
    public static readonly WordSet OrgHeads = Set(
        "commission", "ministry", "department", "agency", "office", "committee", "council", "party", "company",
        "corporation", "organization", "organisation", "union", "association", "institute", "foundation", "center",
        "centre", "university", "bank", "fund", "court", "bureau", "board", "college", "confederation", "federation",
        "authority", "society", "league", "chamber", "academy", "alliance", "coalition", "tribunal", "institution",
        "directorate", "secretariat", "inspectorate", "campaign", "parliament", "assembly", "cabinet", "government", "police",
        "congress", "senate", "house");

    /// <summary>Subject pronouns that can be speakers.</summary>
    /// <summary>
    /// Plural party and group names that are no surname (round 24): "Tories" alone must not take the name of the next
    /// "... South Downs Tories" mention (a constituency association), as a bare surname takes a full name (SpeakerIndex).
    /// On bbc-news the Tories' 86 claims were shown under "Downs Tories".
    /// </summary>
    public static readonly WordSet GroupPlurals = Set(
        "tories", "conservatives", "democrats", "republicans", "liberals", "socialists", "nationalists", "unionists",
        "greens", "libertarians", "progressives", "communists", "separatists", "rebels", "loyalists", "royalists");

    /// <summary>A party member is nobody's surname either (round 27): "a Democrat" was filed under "Iowa Democrat" on PolNeAR.</summary>
    public static readonly WordSet PartyMembers = Set(
        "democrat", "republican", "tory", "conservative", "liberal", "socialist", "communist", "nationalist", "unionist");

    public static readonly WordSet SubjectPronouns = Set("he", "she", "they", "it", "we", "i", "you");

    /// <summary>Possessive pronouns that can own a cue noun ("his admission that").</summary>
    public static readonly WordSet PossessivePronouns = Set("his", "her", "their", "its", "my", "our", "your");

    /// <summary>Determiners that open a description; they belong to the mention text, never to the name.</summary>
    public static readonly WordSet Determiners = Set(
        "the", "a", "an", "this", "that", "these", "those", "another", "some", "many", "several",
        "other", "one", "two", "three", "four", "five", "six", "both", "most", "few", "all", "his",
        "her", "their", "its", "our", "my", "your", "each", "any", "no", "such", "more");

    /// <summary>Modifiers allowed inside a description before its head ("senior administration official").</summary>
    public static readonly WordSet Modifiers = Set(
        "senior", "former", "top", "chief", "deputy", "unnamed", "anonymous", "independent", "political",
        "local", "federal", "state", "foreign", "military", "intelligence", "law", "enforcement",
        "administration", "campaign", "government", "election", "white", "house", "other", "new",
        "recent", "latest", "democratic", "republican", "presidential", "press", "legal", "health",
        "security", "police", "party", "transition", "congressional", "senate", "trump", "clinton",
        "internal", "official", "european", "international", "national", "public", "private",
        "prominent", "leading", "longtime", "close", "some", "u.s.", "american", "conservative",
        "liberal", "progressive", "veteran", "retired", "current", "regional", "city", "county",
        "defense", "energy", "justice", "treasury", "polling", "research", "news", "media", "outside",
        "separate", "second", "third", "first", "same", "both", "belarusian", "russian", "ukrainian");

    /// <summary>Sentence-initial capitalised function words that are not names ("However", "But").</summary>
    public static readonly WordSet CapitalisedFunctionWords = Set(
        "the", "a", "an", "but", "and", "or", "so", "yet", "however", "moreover", "furthermore",
        "additionally", "also", "still", "meanwhile", "instead", "indeed", "then", "now", "later",
        "earlier", "in", "on", "at", "for", "with", "after", "before", "during", "despite", "while",
        "when", "if", "although", "though", "because", "since", "as", "this", "that", "these", "those",
        "it", "there", "here", "what", "which", "who", "why", "how", "where", "asked", "speaking",
        "according", "contrary", "unlike", "like", "by", "from", "to", "of", "not", "no", "yes", "even", "far",
        "only", "just", "his", "her", "their", "its", "our", "my", "your", "we", "i", "he", "she",
        "they", "you", "last", "next", "first", "finally", "thus", "therefore", "nonetheless",
        "nevertheless", "regardless", "overall", "all", "some", "many", "most", "both", "each", "every",
        "among", "amid", "under", "over", "about", "through", "without", "within", "across", "again",
        "read", "photo", "trending", "written", "date", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
        "tomorrow", "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "sept.", "oct.", "nov.", "dec.", "jan.", "feb.",
        "aug.", "is", "are", "was", "were", "do", "does", "did", "can", "will", "would", "should", "could",
        "has", "have", "had", "let", "please", "thank", "well", "oh", "look", "maybe", "perhaps", "why",
        "once", "recently", "previously", "currently", "ultimately", "finally", "similarly", "separately",
        "likewise", "later", "soon", "often", "sometimes", "yet", "together", "alone",
        // Indefinite and negative pronouns (round 24): "Nobody should doubt that ..., he argued" made "Nobody" a named
        // speaker of a Belief claim, and the pronoun "he" then resolved to it; on bbc-news 10 claims had such a speaker
        // (Nobody, Everybody, Anybody, Anyone, Neither). None names who said anything. ("Others said" stays: an unnamed
        // group, as "Officials said".) Their adverb kin too: a quote opening "Somewhere along the line, ..." made
        // "Somewhere" the nearest name for a later "She said".
        "nobody", "no-one", "everybody", "everyone", "anybody", "anyone", "somebody", "someone", "neither", "none", "nothing",
        "something", "anything", "everything", "somewhere", "anywhere", "everywhere", "nowhere");

    /// <summary>Words between subject and cue that we step over ("recently stated", "has repeatedly said").</summary>
    public static readonly WordSet SkippableBeforeCue = Set(
        "has", "have", "had", "will", "would", "could", "might", "may", "can", "should", "did", "does",
        "do", "also", "now", "then", "later", "earlier", "once", "again", "still", "already", "first", "long", "all",
        "last", "further", "even", "only", "just", "always", "previously", "recently", "repeatedly",
        "publicly", "privately", "reportedly", "flatly", "firmly", "strongly", "explicitly", "openly",
        "officially", "quickly", "immediately", "simply", "emphatically", "categorically", "vehemently",
        "clearly", "subsequently", "ultimately", "initially", "consistently", "often", "frequently",
        "tacitly", "implicitly", "indirectly", "directly", "separately", "similarly", "likewise",
        "meanwhile", "too", "yesterday", "today", "tonight", "reportedly", "apparently", "personally",
        "falsely", "wrongly", "correctly", "accurately", "unexpectedly", "surprisingly", "finally");

    /// <summary>Negators: a negated cue ("did not say", "never claimed") reports no claim.</summary>
    public static readonly WordSet Negators = Set("not", "never", "n't", "n’t", "no", "neither", "nor");

    /// <summary>Forms of "be": before a past-participle cue they make it passive ("it was said").</summary>
    public static readonly WordSet BeForms = Set("is", "was", "were", "are", "be", "been", "being", "'s", "’s", "am");

    /// <summary>Prepositions that can open an adverbial between a cue and its clause ("said in a statement that").</summary>
    public static readonly WordSet Prepositions = Set(
        "in", "on", "at", "during", "to", "with", "after", "before", "via", "through", "from", "over",
        "for", "while", "since", "by", "about", "into", "upon", "under", "amid", "across", "outside", "of");

    /// <summary>Time words that often sit right after a cue ("said Monday").</summary>
    public static readonly WordSet TimeWords = Set(
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
        "yesterday", "tonight", "recently", "earlier", "later", "again", "last", "this", "next",
        "week", "month", "year", "morning", "afternoon", "evening", "night", "previously", "repeatedly",
        "publicly", "privately", "also", "then", "now", "once", "twice", "too", "separately", "weekend",
        "emphatically", "flatly", "firmly", "explicitly", "openly", "bluntly", "simply", "further",
        "summer", "spring", "fall", "autumn", "winter", "day", "days", "weeks", "months", "years", "ago");

    /// <summary>Auxiliaries and copulas: a bare content with one of them is a clause, not a noun phrase.</summary>
    public static readonly WordSet FiniteMarkers = Set(
        "is", "are", "was", "were", "will", "would", "has", "have", "had", "can", "could", "should", "may",
        "might", "must", "did", "does", "do", "'s", "’s", "'re", "’re", "'ll", "’ll", "'d", "’d", "'ve", "’ve", "wo", "ca", "am");

    /// <summary>Line labels that look like a speaker before a colon but are not ("Correction:", "The Latest:").</summary>
    public static readonly WordSet NotSpeakerLabels = Set(
        "correction", "update", "note", "editor", "clarification", "latest", "photo", "photos", "video",
        "watch", "read", "related", "source", "sources", "image", "credit", "caption", "advertisement",
        "listen", "see", "more", "also", "breaking", "exclusive", "opinion", "analysis");

    /// <summary>Objects of "tell" that are audiences, not content ("told reporters").</summary>
    public static readonly WordSet ObjectPronouns = Set("him", "her", "them", "me", "us", "you", "reporters", "journalists", "supporters", "voters", "listeners", "viewers", "everyone", "people", "lawmakers", "congress", "police", "investigators");

    /// <summary>First words after a cue that show it does not introduce a clause ("said nothing", "said to be").</summary>
    public static readonly WordSet NonClauseStarts = Set(
        "to", "about", "of", "for", "by", "nothing", "something", "anything", "so", "yes",
        "goodbye", "hello", "thanks", "otherwise", "because", "as", "and", "or",
        "with", "up", "out", "off", "into", "against", "on", "in", "at", "from", "hi", "sorry", "amen",
        "what", "which", "how", "why", "whether", "them", "him", "me", "us");

    /// <summary>Country and place names that speak only as governments: never a "he"/"she" antecedent.</summary>
    public static readonly WordSet Places = Set(
        "russia", "belarus", "ukraine", "china", "america", "iran", "iraq", "syria", "israel", "europe",
        "germany", "france", "britain", "poland", "moldova", "crimea", "minsk", "moscow", "kyiv", "kiev",
        "washington", "beijing", "london", "paris", "brussels", "mexico", "canada", "japan", "india",
        "turkey", "egypt", "u.s.", "us", "usa", "u.k.", "uk", "nato", "eu", "un",
        // The UK's nations and more countries and continents (round 27: bbc-news filed "Wales" under BBC Wales and
        // "Ireland" under Athletics Ireland by the surname rule, which places now never take part in).
        "england", "scotland", "wales", "ireland", "spain", "italy", "australia", "africa", "asia", "brazil",
        "argentina", "pakistan", "afghanistan", "korea", "indonesia", "nigeria", "kenya", "greece", "portugal",
        "sweden", "norway", "denmark", "finland", "netherlands", "belgium", "austria", "switzerland",
        "singapore", "malaysia", "thailand", "vietnam", "philippines", "taiwan", "hong kong", "saudi arabia", "lebanon",
        // US states and the AP-style state abbreviations that follow party tags and datelines
        // ("(D-Md.)", "Baltimore, Md."): never a person, though "Virginia" or "Georgia" alone could look like one.
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware",
        "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky",
        "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota", "mississippi",
        "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey", "new mexico",
        "new york", "new york city", "north carolina", "north dakota", "ohio", "oklahoma", "oregon",
        "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah",
        "vermont", "virginia", "west virginia", "wisconsin", "wyoming", "puerto rico", "los angeles",
        "chicago", "houston", "philadelphia", "baltimore", "boston", "detroit", "atlanta", "miami",
        "ala.", "ariz.", "ark.", "calif.", "colo.", "conn.", "del.", "fla.", "ga.", "ill.", "ind.", "kan.",
        "ky.", "la.", "md.", "mass.", "mich.", "minn.", "mo.", "mont.", "neb.", "nev.", "n.h.", "n.j.",
        "n.m.", "n.y.", "n.c.", "n.d.", "okla.", "ore.", "pa.", "r.i.", "s.c.", "s.d.", "tenn.", "tex.",
        "vt.", "va.", "wash.", "w.va.", "wis.", "wyo.", "d.c.",
        // The same when the tokenizer cut the period off (only forms that are not also short first names).
        "ala", "ariz", "calif", "colo", "conn", "fla", "ga", "md", "mich", "minn", "neb", "nev", "okla",
        "pa", "tenn", "va", "vt", "wis", "wyo");

    public static bool IsDayOrMonth(string lower) => lower is "monday" or "tuesday" or "wednesday" or "thursday" or "friday" or "saturday" or "sunday"
        or "january" or "february" or "march" or "april" or "june" or "july" or "august" or "september" or "october" or "november" or "december";

    /// <summary>Common first names with a usual gender, only to pick between "he" and "she" antecedents.</summary>
    public static readonly WordSet MaleFirstNames = Set(
        "donald", "barack", "bill", "bernie", "joe", "mike", "michael", "john", "james", "robert", "david",
        "richard", "thomas", "charles", "mark", "paul", "steven", "stephen", "george", "kevin", "brian",
        "jeff", "jeb", "ted", "marco", "chris", "christopher", "tim", "tom", "ben", "rand", "mitch", "harry",
        "chuck", "newt", "rudy", "reince", "sean", "jason", "corey", "eric", "jim", "bob", "dan", "daniel",
        "matt", "matthew", "andrew", "peter", "frank", "gary", "larry", "scott", "ron", "ronald", "jack",
        "alexander", "sergei", "vladimir", "dmitry", "volodymyr", "viktor", "emmanuel", "boris", "xi",
        "ed", "edward", "don", "lindsey", "elijah", "anthony", "adam", "josh", "nick", "sam", "samuel",
        "william", "henry", "jon", "jonathan", "greg", "gregory", "ryan", "roger", "alan", "douglas",
        "leonard", "vann", "elez", "robby", "brian", "jesse", "barry", "harold", "howard", "martin",
        "keith", "kenneth", "terrence", "lloyd", "aaron", "norman", "johnnie", "johnny", "jimmy",
        "bryan", "luis", "carlos", "jose", "juan", "miguel", "jorge", "raymond", "ray", "walter", "wayne",
        "dennis", "jerry", "gerald", "patrick", "timothy", "jeremy", "justin", "kyle", "travis", "marcus",
        "rick", "ricky", "randy", "russell", "rush", "steve", "carl", "joshua", "benjamin", "nathan",
        "zachary", "tyler", "brandon", "keenan", "mitt", "reid", "dick", "al", "rahm", "jeh",
        // Round 29: British and European first names of bbc-news speakers (the list above came from US political news).
        "tony", "gordon", "simon", "ian", "phil", "philip", "andy", "nigel", "ken", "marc", "bruce", "stuart", "rob",
        "graham", "robbie", "roy", "geoff", "adrian", "hans", "hugh", "neil", "dave", "jacques", "bernard", "oliver",
        "glenn", "malcolm", "eddie", "colin", "gareth", "gavin", "alastair", "alistair", "derek", "trevor", "clive",
        "duncan", "liam", "iain", "geoffrey", "kenneth", "lennox", "arsene", "sven", "sebastian");

    public static readonly WordSet FemaleFirstNames = Set(
        "hillary", "melania", "ivanka", "chelsea", "michelle", "elizabeth", "nancy", "kellyanne", "donna",
        "debbie", "sarah", "susan", "mary", "patricia", "jennifer", "linda", "barbara", "karen", "lisa",
        "laura", "kate", "katie", "anna", "ann", "anne", "maria", "marie", "jane", "julie", "claire",
        "amy", "kamala", "tulsi", "nikki", "condoleezza", "madeleine", "angela", "theresa", "ruth", "sonia",
        "elena", "jill", "gwen", "ava", "oprah", "kelly", "megyn", "rachel", "hope", "huma", "jennifer",
        "liz", "elaine", "loretta", "alicia", "emily", "jessica", "rebecca", "catherine", "margaret",
        "helen", "diane", "dianne", "christine", "judith", "valerie", "ana", "lise", "aino", "tatiana", "olga",
        "heidi", "ivana", "tiffany", "carly", "janet", "cheryl", "sharon", "deborah", "carol", "joyce",
        "marsha", "martha", "sheila", "stephanie", "heather", "amanda", "melissa", "nicole", "michele",
        "kristen", "kirsten", "tammy", "maxine", "marcia", "wendy", "brenda", "pamela", "cynthia",
        "samantha", "victoria", "alexandra", "natalie", "monica", "gloria", "irene", "lois", "betsy",
        "hope", "rose", "joan", "janice", "beverly", "dolores", "lucia", "sofia", "julia", "zoe",
        // Round 29: as above.
        "tessa", "harriet", "hazel", "clare", "fiona", "gillian", "jacqui", "paula", "yvette", "caroline", "charlotte",
        "sally", "sue", "lucy", "emma", "nicola", "glenda", "estelle", "shirley", "kathleen", "diana", "denise");

    public static bool IsFemale(string lower) => lower is "she" or "her" or "mrs." or "ms." or "mrs" or "ms" or "miss" or "spokeswoman" or "queen" or "princess" or "chairwoman" or "congresswoman" or "businesswoman" or "lady" or "dame"
        or "widow" or "wife" or "mother" or "daughter" or "sister" or "grandmother" or "woman" or "actress";

    public static bool IsMale(string lower) => lower is "he" or "him" or "his" or "mr." or "mr" or "spokesman" or "king" or "prince" or "chairman" or "congressman" or "businessman" or "sir" or "lord"
        or "widower" or "husband" or "father" or "son" or "brother" or "grandfather" or "actor";
}
