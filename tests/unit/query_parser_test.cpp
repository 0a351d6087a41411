#include "query/query_parser.h"

#include <gtest/gtest.h>

#include <random>

namespace scoop {
namespace {

class QueryParserTest : public ::testing::Test {
  protected:
    std::string parse(std::string_view q) {
        return to_string(QueryParser(analyzer_).parse(q).query);
    }
    // The error for `q` in strict mode, and the byte offset its caret points at.
    std::pair<std::string, std::size_t> error(std::string_view q) {
        try {
            QueryParser(analyzer_, {}, QuerySyntax::kStrict).parse(q);
        } catch (const QueryError& e) {
            return {e.message(), e.offset()};
        }
        ADD_FAILURE() << "no error for: " << q;
        return {};
    }
    Analyzer analyzer_;
};

TEST_F(QueryParserTest, WordsAreAnalysedLikeText) {
    EXPECT_EQ(parse("Cosmonauts"), "text~cosmonaut");
    EXPECT_EQ(parse("iran missile sale"), "(text~iran text~missil text~sale)");
    EXPECT_EQ(parse("U.S."), "text~us");
    EXPECT_EQ(parse("Iran's"), "text~iran");
}

TEST_F(QueryParserTest, WordsThatAnalyseIntoSeveralArePhrases) {
    EXPECT_EQ(parse("S-300"), "text:\"s 300\"");
    EXPECT_EQ(parse("1992-97"), "text:\"1992 97\"");
    EXPECT_EQ(parse("google.com"), "text:\"google com\"");
    EXPECT_EQ(parse("中国人民"), "text:\"中国 人民\"");
}

TEST_F(QueryParserTest, PhrasesMatchFoldedWordsNotStems) {
    EXPECT_EQ(parse("\"Strictly Defensive\""), "text:\"strictly defensive\"");
    EXPECT_EQ(parse("\"cosmonauts\""), "text:cosmonauts");
    EXPECT_EQ(parse("“curly quotes”"), "text:\"curly quotes\"");
}

TEST_F(QueryParserTest, BooleanOperatorsAndPrecedence) {
    EXPECT_EQ(parse("a AND b"), "(+text~a +text~b)");
    EXPECT_EQ(parse("a OR b"), "(text~a text~b)");
    EXPECT_EQ(parse("a b AND c"), "(text~a (+text~b +text~c))");
    EXPECT_EQ(parse("a AND b OR c"), "((+text~a +text~b) text~c)");
    EXPECT_EQ(parse("(a OR b) AND c"), "(+(text~a text~b) +text~c)");
    EXPECT_EQ(parse("iran -clinton"), "(text~iran -text~clinton)");
    EXPECT_EQ(parse("iran NOT clinton"), "(text~iran -text~clinton)");
    EXPECT_EQ(parse("iran AND NOT clinton"), "(+text~iran -text~clinton)");
    EXPECT_EQ(parse("+iran missile"), "(+text~iran text~missil)");
    EXPECT_EQ(parse("iran AND (NOT clinton)"), "(+text~iran -text~clinton)");
    EXPECT_EQ(parse("and or not"), "(text~and text~or text~not)")
        << "lower case operators are words";
}

TEST_F(QueryParserTest, FieldsDatesAndPrefixes) {
    EXPECT_EQ(parse("title:Ivanov"), "title~ivanov");
    EXPECT_EQ(parse("title:\"arms deals\""), "title:\"arms deals\"");
    EXPECT_EQ(parse("cosmo*"), "text:cosmo*");
    EXPECT_EQ(parse("title:def*"), "title:def*");
    EXPECT_EQ(parse("date:2009"), "(#date:[1230768000..1262303999])");
    EXPECT_EQ(parse("iran date:2009-03"), "(text~iran #date:[1235865600..1238543999])");
    EXPECT_EQ(parse("date:2009-03-06"), "(#date:[1236297600..1236383999])");
    EXPECT_EQ(parse("date:2009-01-01..2009-12-31"), "(#date:[1230768000..1262303999])");
    EXPECT_EQ(parse("after:2009-01-01 iran"),
              "(#date:[1230768000..9223372036854775807] text~iran)");
    EXPECT_EQ(parse("before:2010-01-01"), "(#date:[-9223372036854775807..1262303999])");
    EXPECT_EQ(parse("date:..2009"), "(#date:[-9223372036854775807..1262303999])");
}

TEST_F(QueryParserTest, WordsWithoutLettersAreIgnoredWithAWarning) {
    const ParsedQuery p = QueryParser(analyzer_).parse("iran & russia");
    EXPECT_EQ(to_string(p.query), "(text~iran text~russia)");
    ASSERT_EQ(p.warnings.size(), 1u);
    EXPECT_NE(p.warnings[0].find("'&'"), std::string::npos);
}

TEST_F(QueryParserTest, MalformedQueriesPointAtTheProblem) {
    struct Case {
        std::string query;
        std::size_t offset;
        std::string message_part;
    };
    const std::vector<Case> cases = {
        {"\"unclosed", 0, "never closed"},
        {"iran \"strictly defensive", 5, "never closed"},
        {"(a OR", 3, "OR needs a term after it"},
        {"(a OR b", 0, "'(' is never closed"},
        {"a AND", 2, "AND needs a term after it"},
        {"AND a", 0, "AND needs a term before it"},
        {"a OR OR b", 2, "OR needs a term after it"},
        {"a )", 2, "no matching '('"},
        {"()", 0, "empty parentheses"},
        {"\"\"", 0, "no words"},
        {"-iran", 0, "only excludes"},
        {"NOT iran", 0, "only excludes"},
        {"NOT", 0, "NOT needs a term"},
        {"iran -", 5, "'-' needs a term"},
        {"title:", 0, "title: needs a word"},
        {"title: iran", 0, "title: needs a word"},
        {"date:2009-13-01", 5, "not a date"},
        {"date:yesterday", 5, "not a date"},
        {"date:2010..2009", 5, "ends before it starts"},
        {"co*mo", 0, "'*' is only allowed at the end"},
        {"*", 0, "prefix needs letters"},
        {"a OR -b", 5, "excluded term cannot be one side of OR"},
        {"&&&", 0, "no words to search for"},
        {"", 0, "no words to search for"},
    };
    for (const Case& c : cases) {
        const auto [message, offset] = error(c.query);
        EXPECT_NE(message.find(c.message_part), std::string::npos) << c.query << " -> " << message;
        EXPECT_EQ(offset, c.offset) << c.query << " -> " << message;
    }
}

TEST_F(QueryParserTest, ErrorMessageShowsTheQueryWithACaret) {
    try {
        QueryParser(analyzer_, {}, QuerySyntax::kStrict).parse("iran (missile");
        FAIL();
    } catch (const QueryError& e) {
        EXPECT_EQ(
            std::string(e.what()),
            "malformed query: this '(' is never closed; add a ')'\n  iran (missile\n       ^");
    }
}

TEST_F(QueryParserTest, NothingIsSilentlyReinterpreted) {
    struct Case {
        std::string query;
        std::size_t offset;
        std::string message_part;
    };
    const std::vector<Case> cases = {
        {"+-iran", 1, "'-' right after '+'"},
        {"iran -+missile", 6, "'+' right after '-'"},
        {"--iran", 1, "'-' right after '-'"},
        {"\"a*\"", 2, "'*' inside a phrase is not a wildcard"},
        {"\"strictly def*\"", 13, "'*' inside a phrase"},
        {"nosuchfield:iran", 0, "'nosuchfield:' is not a field"},
        {"iran body:missile", 5, "'body:' is not a field"},
        {"author:orwell", 0, "quote them: \"author:orwell\""},
    };
    for (const Case& c : cases) {
        const auto [message, offset] = error(c.query);
        EXPECT_NE(message.find(c.message_part), std::string::npos) << c.query << " -> " << message;
        EXPECT_EQ(offset, c.offset) << c.query << " -> " << message;
    }
    // What stays text: times, URLs, a colon at the end of a word.
    EXPECT_EQ(parse("10:30"), "text:\"10 30\"");
    EXPECT_EQ(parse("Note: iran"), "(text~note text~iran)");
    EXPECT_EQ(parse("http://presstv.com"), "text:\"http presstv com\"");
}

TEST_F(QueryParserTest, QueryDatesMayBeAnyYear) {
    EXPECT_EQ(parse("date:9999-12-31"), "(#date:[253402214400..253402300799])");
    EXPECT_EQ(parse("date:9999"), "(#date:[253370764800..253402300799])");
    EXPECT_EQ(parse("date:0001-01-01"), "(#date:[-62135596800..-62135510401])");
    EXPECT_NE(error("date:99-01").first.find("not a date"), std::string::npos)
        << "years have four digits";
    EXPECT_NE(error("date:2009-02-29").first.find("not a date"), std::string::npos);
    EXPECT_EQ(parse("date:2008-02-29"), "(#date:[1204243200..1204329599])");
}

TEST_F(QueryParserTest, LimitsBoundLengthWordsAndNesting) {
    QueryLimits limits;
    limits.max_bytes = 100;
    limits.max_terms = 5;
    limits.max_depth = 3;
    auto fails = [&](const std::string& q) -> std::string {
        try {
            QueryParser(analyzer_, limits).parse(q);
        } catch (const QueryError& e) {
            return e.message();
        }
        return "";
    };
    EXPECT_NE(fails(std::string(101, 'a')).find("at most 100 are allowed (--max-query-bytes"),
              std::string::npos);
    EXPECT_EQ(fails("a b c d e"), "");
    EXPECT_NE(fails("a b c d e f").find("more than 5 words; --max-query-terms"), std::string::npos);
    EXPECT_NE(fails("a \"b c d e f\"").find("more than 5 words"), std::string::npos)
        << "phrase words count";
    EXPECT_NE(fails("a b c d S-300").find("more than 5 words"), std::string::npos);
    EXPECT_EQ(fails("(((a)))"), "");
    EXPECT_NE(fails("((((a))))").find("nested more than 3 levels"), std::string::npos);

    // The defaults: a deeply nested query is refused, not a stack overflow.
    const std::string deep = std::string(100000, '(') + "iran" + std::string(100000, ')');
    QueryLimits generous;
    generous.max_bytes = deep.size();
    try {
        QueryParser(analyzer_, generous).parse(deep);
        FAIL() << "nesting was not bounded";
    } catch (const QueryError& e) {
        EXPECT_NE(e.message().find("nested more than 32 levels"), std::string::npos);
        EXPECT_EQ(e.offset(), 32u);
    }
}

TEST_F(QueryParserTest, TooLongWordsSayWhyTheyAreIgnored) {
    const std::string word(100, 'a');
    const ParsedQuery p = QueryParser(analyzer_).parse("iran " + word);
    ASSERT_EQ(p.warnings.size(), 1u);
    EXPECT_NE(p.warnings[0].find("longer than any indexed word"), std::string::npos)
        << p.warnings[0];
    const auto [message, offset] = error(word);
    EXPECT_NE(message.find("longer than any indexed word"), std::string::npos) << message;
}

TEST_F(QueryParserTest, ErrorsShowControlCharactersAndLongQueriesSafely) {
    try {
        using namespace std::string_literals;
        QueryParser(analyzer_, {}, QuerySyntax::kStrict)
            .parse(
                "ir\x1b]52;c;AAAA\x07"
                "an\0 ("s);
        FAIL();
    } catch (const QueryError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "malformed query: this '(' is never closed; add a ')'\n"
                  "  ir\\x1b]52;c;AAAA\\x07an\\x00 (\n" +
                      std::string(2 + 27, ' ') + "^");
    }
    // A long query is shown around the offending character, not whole.
    const std::string q = std::string(500, 'a') + " (" + std::string(500, 'b');
    try {
        QueryParser(analyzer_, {}, QuerySyntax::kStrict).parse(q);
        FAIL();
    } catch (const QueryError& e) {
        const std::string what = e.what();
        EXPECT_LT(what.size(), 400u);
        const std::size_t first = what.find('\n'), second = what.find('\n', first + 1);
        const std::string line = what.substr(first + 3, second - first - 3);
        const std::string caret = what.substr(second + 3);
        // The caret sits under the '(' (columns count the ellipsis as one).
        const std::size_t column = caret.find('^');
        std::size_t shown = 0, byte = 0;
        while (shown < column) shown += (static_cast<unsigned char>(line[byte++]) & 0xC0) != 0x80;
        while (byte < line.size() && (static_cast<unsigned char>(line[byte]) & 0xC0) == 0x80)
            ++byte;
        EXPECT_EQ(line[byte], '(') << what;
    }
}

TEST_F(QueryParserTest, NeverCrashesOnRandomInput) {
    std::mt19937 rng(3);
    const std::string alphabet = "ab \"()-+*:ANDORNOT\xC3\xA9title:date:..2009";
    for (int i = 0; i < 20000; ++i) {
        std::string q;
        const std::size_t n = rng() % 24;
        for (std::size_t k = 0; k < n; ++k) q += alphabet[rng() % alphabet.size()];
        try {
            QueryParser(analyzer_).parse(q);
        } catch (const QueryError&) {
        }
    }
}

// Lenient mode (the default): the parse and the notes, exactly.
class LenientQueryTest : public QueryParserTest {
  protected:
    struct Reading {
        std::string query;
        std::vector<std::string> notes;
        bool operator==(const Reading&) const = default;
    };
    Reading read(std::string_view q) {
        ParsedQuery p = QueryParser(analyzer_).parse(q);
        return {to_string(p.query), std::move(p.warnings)};
    }
    friend std::ostream& operator<<(std::ostream& os, const Reading& r) {
        os << r.query;
        for (const auto& n : r.notes) os << "\n  note: " << n;
        return os;
    }
};

TEST_F(LenientQueryTest, StraySignsAreText) {
    EXPECT_EQ(
        read("alpha (+)- thalassemia"),
        (Reading{"(text~alpha text~thalassemia)",
                 {"'+' with no term right after it read as text", "empty parentheses '()' ignored",
                  "ignored '-': nothing in it to search for"}}));
    EXPECT_EQ(read("the G - quadruplex"),
              (Reading{"(text~the text~g text~quadruplex)",
                       {"'-' with no term right after it read as text"}}));
    EXPECT_EQ(read("iran -"),
              (Reading{"text~iran", {"'-' with no term right after it read as text"}}));
    EXPECT_EQ(read("+-iran missile"),
              (Reading{"(text~iran text~missil)",
                       {"'+-' in front of a term read as text: a term is either required "
                        "(+word) or excluded (-word, !word)"}}));
    // Lucene and Xapian read a sign before a number as the operator; so
    // does scoop: "+1" is the required term 1.
    EXPECT_EQ(read("stabilizing +1 nucleosomes"),
              (Reading{"(text~stabil +text~1 text~nucleosom)", {}}));
}

TEST_F(LenientQueryTest, UnbalancedQuotesAndParentheses) {
    EXPECT_EQ(read("\"unclosed phrase"),
              (Reading{"text:\"unclosed phrase\"",
                       {"a quote that is never closed: the rest of the query read as the "
                        "phrase"}}));
    EXPECT_EQ(read("iran \"strictly defensive"),
              (Reading{"(text~iran text:\"strictly defensive\")",
                       {"a quote that is never closed: the rest of the query read as the "
                        "phrase"}}));
    EXPECT_EQ(read("(unclosed group"),
              (Reading{"(text~unclos text~group)",
                       {"a '(' that is never closed: closed at the end of the query"}}));
    EXPECT_EQ(read("(a OR b) AND (c"),
              (Reading{"(+(text~a text~b) +text~c)",
                       {"a '(' that is never closed: closed at the end of the query"}}));
    EXPECT_EQ(read("closed)"), (Reading{"text~close", {"a ')' with no '(' before it ignored"}}));
    EXPECT_EQ(read("a ) (b"), (Reading{"(text~a text~b)",
                                       {"a ')' with no '(' before it ignored",
                                        "a '(' that is never closed: closed at the end of "
                                        "the query"}}));
    EXPECT_EQ(
        read("iran () \"\""),
        (Reading{"text~iran",
                 {"empty parentheses '()' ignored", "a phrase with no words in it ignored"}}));
}

TEST_F(LenientQueryTest, DanglingOperatorsAreIgnored) {
    EXPECT_EQ(read("a AND"), (Reading{"text~a", {"'AND' with no term after it ignored"}}));
    EXPECT_EQ(read("OR a"), (Reading{"text~a", {"'OR' with no term before it ignored"}}));
    EXPECT_EQ(read("a OR OR b"),
              (Reading{"(text~a text~b)", {"'OR' with no term after it ignored"}}));
    EXPECT_EQ(read("(a OR"), (Reading{"text~a",
                                      {"a '(' that is never closed: closed at the end of the "
                                       "query",
                                       "'OR' with no term after it ignored"}}));
    EXPECT_EQ(read("iran NOT"),
              (Reading{"text~iran", {"'NOT' with no term right after it ignored"}}));
    EXPECT_EQ(read("a OR -b"),
              (Reading{"(text~a -text~b)",
                       {"an excluded term as one side of OR excludes it from the whole OR (a OR "
                        "-b read as a -b)"}}));
    EXPECT_EQ(read("+a OR b"),
              (Reading{"(text~a text~b)", {"'+' has no meaning inside OR: ignored"}}));
}

TEST_F(LenientQueryTest, LuceneOperators) {
    // As in Lucene: ! is NOT, && is AND, || is OR; in both modes.
    for (const QuerySyntax syntax : {QuerySyntax::kLenient, QuerySyntax::kStrict}) {
        auto parse_in = [&](std::string_view q) {
            const ParsedQuery p = QueryParser(analyzer_, {}, syntax).parse(q);
            EXPECT_TRUE(p.warnings.empty()) << q;
            return to_string(p.query);
        };
        EXPECT_EQ(parse_in("a AND !b"), "(+text~a -text~b)");
        EXPECT_EQ(parse_in("iran !clinton"), "(text~iran -text~clinton)");
        EXPECT_EQ(parse_in("a && b"), "(+text~a +text~b)");
        EXPECT_EQ(parse_in("a || b"), "(text~a text~b)");
        EXPECT_EQ(parse_in("(a || b) && !c"), "(+(text~a text~b) -text~c)");
        EXPECT_EQ(parse_in("wow! iran"), "(text~wow text~iran)") << "a '!' ending a word is text";
    }
    EXPECT_EQ(read("a ! b"),
              (Reading{"(text~a text~b)", {"'!' with no term right after it read as text"}}));
}

TEST_F(LenientQueryTest, WildcardsBoostsProximityAndFuzzy) {
    EXPECT_EQ(read("wi*ld"),
              (Reading{"text:\"wi ld\"",
                       {"'*' is a wildcard only at the end of a word (cosmo*): 'wi*ld' read as "
                        "text"}}));
    EXPECT_EQ(read("*BRCA1*"),
              (Reading{"text~brca1",
                       {"'*' is a wildcard only at the end of a word (cosmo*): '*BRCA1*' read "
                        "as text"}}));
    EXPECT_EQ(read("te?t"),
              (Reading{"text:\"te t\"",
                       {"'?' is not a wildcard (only '*' at the end of a word is): 'te?t' read "
                        "as text"}}));
    EXPECT_EQ(read("is it iran?"), (Reading{"(text~is text~it text~iran)", {}}))
        << "a '?' ending a word is punctuation";
    EXPECT_EQ(read("term^2.0"), (Reading{"text~term^2", {}}));
    EXPECT_EQ(read("\"arms deal\"^3 iran"), (Reading{"(text:\"arms deal\"^3 text~iran)", {}}));
    EXPECT_EQ(read("(a b)^2"), (Reading{"(text~a text~b)^2", {}}));
    EXPECT_EQ(read("title:iran^3 khatamy~1^2.5"),
              (Reading{"(title~iran^3 text:khatamy~1^2.5)", {}}));
    EXPECT_EQ(read("iran^0 missile^99999"),
              (Reading{"(text~iran text~missil)",
                       {"'^0' ignored: a boost must be above 0 and at most 10000",
                        "'^99999' ignored: a boost must be above 0 and at most 10000"}}));
    EXPECT_EQ(read("iran source:presstv^2"),
              (Reading{"(text~iran #source:presstv)", {"'^2' ignored: a filter has no score"}}));
    EXPECT_EQ(read("10^6 cells"), (Reading{"(text:\"10 6\" text~cell)", {}}))
        << "an exponent is text";
    EXPECT_EQ(read("\"term germ\"~2"), (Reading{"text:\"term germ\"~2", {}}));
    EXPECT_EQ(read("\"term germ\"~2.5"),
              (Reading{"text:\"term germ\"~2",
                       {"'~2.5': a proximity distance is a whole number from 0 to 1000; 2 "
                        "searched"}}));
    EXPECT_EQ(read("\"term germ\"~123456"),
              (Reading{"text:\"term germ\"~1000",
                       {"'~123456': a proximity distance is a whole number from 0 to 1000; 1000 "
                        "searched"}}));
    EXPECT_EQ(read("\"term germ\"~"),
              (Reading{"text:\"term germ\"",
                       {"'~' with no distance after the phrase ignored: the exact phrase "
                        "searched"}}));
    EXPECT_EQ(read("\"term germ\"~0"), (Reading{"text:\"term germ\"", {}}));
    EXPECT_EQ(read("source:presstv iran"), (Reading{"(#source:presstv text~iran)", {}}));
    EXPECT_EQ(read("source:\"Press TV\" -source:Reuters"),
              (Reading{"(#source:\"press tv\" -source:reuters)", {}}));
    EXPECT_EQ(read("~10 mg"), (Reading{"(text~10 text~mg)", {}}));
}

TEST_F(LenientQueryTest, FuzzyWords) {
    // "~1" and "~2" say how many edits; "~" allows as many as the word's
    // length does (Elasticsearch's AUTO: none to 2 characters, 1 to 5, then 2).
    EXPECT_EQ(read("roam~"), (Reading{"text:roam~1", {}}));
    EXPECT_EQ(read("lavrof~"), (Reading{"text:lavrof~2", {}}));
    EXPECT_EQ(read("at~"), (Reading{"text~at", {}}));
    EXPECT_EQ(read("\u00E9t\u00E9~"), (Reading{"text:\u00E9t\u00E9~1", {}}))
        << "characters, not bytes";
    EXPECT_EQ(read("Khatamy~1 visit"), (Reading{"(text:khatamy~1 text~visit)", {}}));
    EXPECT_EQ(read("title:ivanof~2"), (Reading{"title:ivanof~2", {}}));
    EXPECT_EQ(read("+lavrof~ -iran"), (Reading{"(+text:lavrof~2 -text~iran)", {}}));
    EXPECT_EQ(read("iran~0"), (Reading{"text~iran", {}}));  // no edits: the word itself
    EXPECT_EQ(read("iran~5"),
              (Reading{"text:iran~2", {"'~5': a fuzzy word allows at most 2 edits; 2 searched"}}));
    EXPECT_EQ(read("x~"), (Reading{"text~x",
                                   {"'~' ignored: fuzzy search takes one word of two letters or "
                                    "more"}}));
    EXPECT_EQ(read("new-york~1"), (Reading{"text:\"new york\"",
                                           {"'~1' ignored: fuzzy search takes one word of two "
                                            "letters or more"}}));
    std::string message;
    try {
        QueryParser(analyzer_, {}, QuerySyntax::kStrict).parse("iran~5");
    } catch (const QueryError& e) {
        message = e.message();
        EXPECT_EQ(e.offset(), 4u);
    }
    EXPECT_EQ(message, "a fuzzy word allows 0, 1 or 2 edits (iran~1), not '~5'");
    // Strict mode takes well-formed fuzzy words as they are.
    EXPECT_EQ(to_string(QueryParser(analyzer_, {}, QuerySyntax::kStrict).parse("roam~1").query),
              "text:roam~1");
}

TEST_F(LenientQueryTest, FieldsScoopDoesNotHaveAreWords) {
    EXPECT_EQ(read("author:orwell"),
              (Reading{"(text~author text~orwel)",
                       {"'author:' is not a field (the fields are title:, source:, date:, after: "
                        "and before:): 'author:orwell' searched as words"}}));
    // The fields scoop has work as in strict mode.
    EXPECT_EQ(read("title:Ivanov date:2009"),
              (Reading{"(title~ivanov #date:[1230768000..1262303999])", {}}));
    EXPECT_EQ(read("title: iran"),
              (Reading{"(text~titl text~iran)",
                       {"'title:' with no word right after the colon read as the word 'title'"}}));
    EXPECT_EQ(read("iran date:yesterday"),
              (Reading{"(text~iran (text~date text~yesterday))",
                       {"'yesterday' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD, and A..B "
                        "for a range: 'date:yesterday' searched as words"}}));
    EXPECT_EQ(read("10:30 http://presstv.com"),
              (Reading{"(text:\"10 30\" text:\"http presstv com\")", {}}));
}

TEST_F(LenientQueryTest, HyphenatedWordsStayPhrases) {
    EXPECT_EQ(read("IL-10"), (Reading{"text:\"il 10\"", {}}));
    EXPECT_EQ(read("IL-10 -iran"), (Reading{"(text:\"il 10\" -text~iran)", {}}));
}

TEST_F(LenientQueryTest, APastedSentenceIsAnswered) {
    const std::string claim =
        "Mutations in the \"beta-globin gene\" (HBB) cause beta (+)- thalassemia, while the "
        "G - quadruplex structure (see Fig. 2 stabilizes +1 nucleosomes; \"alpha-thalassemia "
        "trait) is common in author:smith's cohort && has te?t results ~ 30% of the time, "
        "as reported by \u201Cthe consortium\u201D in two (independent) cohorts.";
    ASSERT_GE(claim.size(), 300u);
    const Reading r = read(claim);
    // The ASCII quote is closed by the typographic one (any quote closes a
    // phrase), the last quote and the '(' run to the end.
    EXPECT_EQ(r.query,
              "(text~mutat text~in text~the text:\"beta globin gene\" text~hbb text~caus "
              "text~beta text~thalassemia text~while text~the text~g text~quadruplex "
              "text~structur (text~see text~fig text~2 text~stabil +text~1 text~nucleosom "
              "text:\"alpha thalassemia trait is common in author smith cohort has te t "
              "results 30 of the time as reported by\" text~the text~consortium "
              "text:\"in two independent cohorts\"))");
    EXPECT_EQ(r.notes,
              (std::vector<std::string>{
                  "'+' with no term right after it read as text",
                  "'-' with no term right after it read as text",
                  "a quote that is never closed: the rest of the query read as the phrase",
                  "a '(' that is never closed: closed at the end of the query",
                  "empty parentheses '()' ignored", "ignored '-': nothing in it to search for"}))
        << r;
}

TEST_F(LenientQueryTest, StrictModeRefusesWhatLenientReadsAsText) {
    auto strict_error = [&](std::string_view q) -> std::pair<std::string, std::size_t> {
        try {
            QueryParser(analyzer_, {}, QuerySyntax::kStrict).parse(q);
        } catch (const QueryError& e) {
            return {e.message(), e.offset()};
        }
        return {"no error", 0};
    };
    using E = std::pair<std::string, std::size_t>;
    EXPECT_EQ(strict_error("alpha (+)- thalassemia"),
              (E{"'+' needs a term right after it, as in +word", 7}));
    EXPECT_EQ(strict_error("the G - quadruplex"),
              (E{"'-' needs a term right after it, as in -word", 6}));
    EXPECT_EQ(strict_error("\"unclosed phrase"),
              (E{"this quote is never closed; add a closing \"", 0}));
    EXPECT_EQ(strict_error("(unclosed group"), (E{"this '(' is never closed; add a ')'", 0}));
    EXPECT_EQ(strict_error("closed)"), (E{"this ')' has no matching '('", 6}));
    EXPECT_EQ(strict_error("wi*ld"),
              (E{"'*' is only allowed at the end of a word, for prefix search (cosmo*)", 0}));
    EXPECT_EQ(strict_error("te?t"),
              (E{"'?' is not a wildcard; only '*' at the end of a word is (cosmo*); remove the "
                 "'?'",
                 2}));
    EXPECT_EQ(strict_error("author:orwell").second, 0u);
    EXPECT_EQ(strict_error("term^2.0"), (E{"no error", 0}));
    EXPECT_EQ(strict_error("term^0"), (E{"a boost must be above 0 and at most 10000 ('^0')", 4}));
    EXPECT_EQ(strict_error("\"term germ\"~2"), (E{"no error", 0}));
    EXPECT_EQ(strict_error("\"term germ\"~2.5"),
              (E{"a proximity distance is a whole number from 0 to 1000, not '2.5'", 11}));
    EXPECT_EQ(strict_error("a ! b"), (E{"'!' needs a term right after it, as in !word", 2}));
    EXPECT_EQ(strict_error("IL-10"), (E{"no error", 0}));
}

// Lenient mode refuses only what cannot be answered: the limits, a query
// with no words, one that only excludes.
bool allowed_lenient_error(const std::string& message) {
    for (std::string_view start :
         {"the query has no words to search for", "the query only excludes",
          "parentheses are nested more than", "the query has more than", "the query is "})
        if (message.starts_with(start)) return true;
    return false;
}

TEST_F(LenientQueryTest, NeverRefusesSyntax) {
    std::mt19937 rng(11);
    const std::string alphabet =
        "ab \"()-+!*?~^:&|ANDORNOT\xC3\xA9title:date:author:..2009\xE2\x80\x9C";
    std::size_t answered = 0;
    for (int i = 0; i < 50000; ++i) {
        std::string q;
        const std::size_t n = rng() % 32;
        for (std::size_t k = 0; k < n; ++k) q += alphabet[rng() % alphabet.size()];
        // And raw bytes now and then.
        if (i % 5 == 0)
            for (std::size_t k = 0; k < 8; ++k) q += static_cast<char>(rng() % 256);
        try {
            QueryParser(analyzer_).parse(q);
            ++answered;
        } catch (const QueryError& e) {
            ASSERT_TRUE(allowed_lenient_error(e.message())) << "query: " << q << "\n" << e.what();
        }
    }
    EXPECT_GT(answered, 25000u);
}

}  // namespace
}  // namespace scoop
