// The searcher on the sample corpus: the answers the issue names, through
// the program, with its JSON read back by a real JSON parser.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "program_runner.h"

namespace scoop::testing {
namespace {

const std::string k000 = "000_45d7c8180a2924ec.txt";
const std::string k001 = "001_1fe26bb9e3428bc5.txt";

class SampleCorpus : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir();
        const RunResult r = indexer("-q --index " + shell_quote(index()) + " " +
                                    shell_quote(std::string(SCOOP_SOURCE_DIR) + "/corpus"));
        ASSERT_EQ(r.status, 0) << r.err;
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    static std::string index() { return dir_->file("index"); }

    // Runs one query with --json and returns the parsed object.
    static nlohmann::json query(const std::string& q, const std::string& options = "") {
        const RunResult r = searcher("--json -n 50 " + options + " --index " +
                                     shell_quote(index()) + " -- " + shell_quote(q));
        EXPECT_TRUE(r.status == 0 || r.status == 1) << q << ": " << r.err;
        return nlohmann::json::parse(r.out);
    }
    static std::vector<std::string> files(const nlohmann::json& result) {
        std::vector<std::string> out;
        for (const auto& hit : result.at("hits"))
            out.push_back(
                std::filesystem::path(hit.at("path").get<std::string>()).filename().string());
        return out;
    }

    static TempDir* dir_;
};
TempDir* SampleCorpus::dir_ = nullptr;

TEST_F(SampleCorpus, ExactPhraseFindsOnlyTheArticleWithIt) {
    const auto r = query("\"strictly defensive\"");
    EXPECT_EQ(files(r), std::vector<std::string>{k000});
    EXPECT_EQ(r.at("total"), 1);
    EXPECT_TRUE(r.at("total_exact").get<bool>());
}

TEST_F(SampleCorpus, HyphenatedNameFindsBoth) {
    const auto r = query("S-300");
    const auto f = files(r);
    EXPECT_EQ(std::set<std::string>(f.begin(), f.end()), (std::set<std::string>{k000, k001}));
    EXPECT_EQ(r.at("parsed"), "text:\"s 300\"");
}

TEST_F(SampleCorpus, ClintonLavrovRanksTheGenevaArticleFirst) {
    const auto f = files(query("Clinton Lavrov"));
    ASSERT_FALSE(f.empty());
    EXPECT_EQ(f.front(), k001);
}

TEST_F(SampleCorpus, StemmingFindsCosmonauts) {
    EXPECT_EQ(files(query("cosmonauts")), std::vector<std::string>{k000});
    EXPECT_EQ(files(query("cosmonaut")), std::vector<std::string>{k000});
}

TEST_F(SampleCorpus, PhraseOfWordsNotAdjacentFindsNothing) {
    const RunResult r = searcher("--index " + shell_quote(index()) + " -- '\"missile defensive\"'");
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.out.find("no results"), std::string::npos);
    EXPECT_EQ(query("\"missile defensive\"").at("total"), 0);
}

TEST_F(SampleCorpus, ExclusionDropsTheClintonArticle) {
    EXPECT_EQ(files(query("Iran -Clinton")), std::vector<std::string>{k000});
    EXPECT_EQ(files(query("Iran NOT Clinton")), std::vector<std::string>{k000});
    // As separate arguments, the way people type it.
    const RunResult r = searcher("--json --index " + shell_quote(index()) + " Iran -Clinton");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(files(nlohmann::json::parse(r.out)), std::vector<std::string>{k000});
}

TEST_F(SampleCorpus, TitleFieldSearch) {
    EXPECT_EQ(files(query("title:ivanov")), std::vector<std::string>{k000});
    EXPECT_EQ(files(query("title:\"stop iran missile\"")), std::vector<std::string>{k001});
    EXPECT_EQ(query("title:cosmonauts").at("total"), 0);
}

TEST_F(SampleCorpus, DateRangesSelectByYear) {
    EXPECT_EQ(files(query("date:2009-01-01..2009-12-31")), std::vector<std::string>{k001});
    EXPECT_EQ(files(query("iran date:2009")), std::vector<std::string>{k001});
    EXPECT_EQ(files(query("iran after:2010-01-01")), std::vector<std::string>{k000});
    EXPECT_EQ(files(query("iran before:2010-01-01")), std::vector<std::string>{k001});
}

TEST_F(SampleCorpus, BooleanOperatorsAndPrefixes) {
    EXPECT_EQ(files(query("Khatami AND Putin")), std::vector<std::string>{k000});
    EXPECT_EQ(query("Khatami AND Clinton").at("total"), 0);
    const auto either = files(query("Khatami OR Clinton"));
    EXPECT_EQ(std::set<std::string>(either.begin(), either.end()),
              (std::set<std::string>{k000, k001}));
    EXPECT_EQ(files(query("(Khatami OR Clinton) AND Geneva")), std::vector<std::string>{k001});
    EXPECT_EQ(files(query("cosmo*")), std::vector<std::string>{k000});
    EXPECT_EQ(files(query("+Medvedev iran")), std::vector<std::string>{k001});
}

TEST_F(SampleCorpus, FuzzyWordsFindMisspelledNames) {
    EXPECT_EQ(files(query("Khatamy~1")), std::vector<std::string>{k000});
    EXPECT_EQ(files(query("Lavrof~")), std::vector<std::string>{k001});
    EXPECT_EQ(files(query("Medvedef~1 AND Khatamy~1")), std::vector<std::string>{});
    EXPECT_EQ(query("Lavrof").at("total"), 0) << "without ~ the misspelling finds nothing";
    // The snippet marks the word that matched, not the one typed.
    const auto hit = query("Lavrof~").at("hits").at(0);
    const std::string snippet = hit.at("snippet");
    const auto marked = hit.at("highlights").at(0);
    EXPECT_NE(snippet.find("Lavrov"), std::string::npos) << snippet;
    EXPECT_EQ(marked.at(1).get<int>() - marked.at(0).get<int>(), 6);
}

TEST_F(SampleCorpus, ProximityFindsWordsNearEachOtherInAnyOrder) {
    // 000 says "arms to Iran" (one move from "arms iran") and "Khatami
    // toured Russian space" (two from "khatami space").
    EXPECT_EQ(query("\"arms iran\"").at("total"), 0);
    EXPECT_EQ(files(query("\"arms iran\"~1")), std::vector<std::string>{k000});
    EXPECT_EQ(files(query("\"arms iran\"~3")), std::vector<std::string>{k000});
    EXPECT_EQ(query("\"khatami space\"~1").at("total"), 0);
    EXPECT_EQ(files(query("\"khatami space\"~2")), std::vector<std::string>{k000});
    EXPECT_EQ(query("\"lavrov khatami\"~50").at("total"), 0) << "never in one article";
    // The snippet marks the words wherever they are, as for plain words.
    const auto hit = query("\"arms iran\"~3").at("hits").at(0);
    const std::string snippet = hit.at("snippet");
    ASSERT_GE(hit.at("highlights").size(), 2u) << snippet;
    // Closer counts more: the same phrase scores more with less slop needed.
    const double near = query("\"strictly defensive\"~5").at("hits").at(0).at("score");
    const double exact = query("\"strictly defensive\"").at("hits").at(0).at("score");
    EXPECT_NEAR(near, exact, 1e-9) << "adjacent words: distance 0, frequency as the phrase's";
}

TEST_F(SampleCorpus, SourceFiltersAndBoosts) {
    EXPECT_EQ(files(query("source:presstv")), std::vector<std::string>{k001});
    EXPECT_EQ(files(query("source:PressTV iran")), std::vector<std::string>{k001});
    EXPECT_EQ(files(query("iran -source:presstv")), std::vector<std::string>{k000});
    // 000's source is "AP, Reuters": each agency finds it, as does the whole.
    EXPECT_EQ(files(query("source:reuters")), std::vector<std::string>{k000});
    EXPECT_EQ(files(query("source:\"AP, Reuters\"")), std::vector<std::string>{k000});
    EXPECT_EQ(query("source:xinhua").at("total"), 0);
    // A boost multiplies the part's score: the order of two hits flips.
    const auto plain = files(query("iran khatami^0.01 medvedev"));
    const auto boosted = files(query("iran khatami^50 medvedev"));
    ASSERT_EQ(plain.size(), 2u);
    EXPECT_EQ(plain[0], k001);
    EXPECT_EQ(boosted[0], k000);
    const double once = query("\"strictly defensive\"").at("hits").at(0).at("score");
    const double twice = query("\"strictly defensive\"^2").at("hits").at(0).at("score");
    EXPECT_NEAR(twice, 2 * once, 1e-9);
}

TEST_F(SampleCorpus, ExpansionsTogetherStayWithinTheQueryTermLimit) {
    // khatami, lavrov, iran and iranian take four of five; russia* gets one
    // of its two words, and a further prefix none, each with a note.
    const auto r =
        query("Khatamy~1 Lavrof~ Iran* Russia* cosmo*", "--max-query-terms 5 --max-prefix-terms 5");
    const std::vector<std::string> notes = r.at("warnings");
    ASSERT_EQ(notes.size(), 2u) << r.dump();
    EXPECT_EQ(notes[0].rfind("russia*: searched 1 of its 2 words", 0), 0u) << notes[0];
    EXPECT_NE(notes[1].find("further prefixes and fuzzy words were not searched"),
              std::string::npos)
        << notes[1];
    EXPECT_EQ(r.at("total"), 2);
}

TEST_F(SampleCorpus, MalformedQueriesAreClearErrors) {
    for (const std::string q : {"\"unclosed", "(a OR", "a AND", "OR a", ")", "a (b",
                                "title:", "date:2009-13-45", "-iran", "co*mo", "()", "NOT"}) {
        const RunResult r =
            searcher("--strict --index " + shell_quote(index()) + " -- " + shell_quote(q));
        EXPECT_EQ(r.status, 2) << q;
        EXPECT_NE(r.err.find("malformed query"), std::string::npos) << q << ": " << r.err;
        EXPECT_NE(r.err.find('^'), std::string::npos) << "no caret for " << q;
        EXPECT_TRUE(r.out.empty()) << q;
    }
}

TEST_F(SampleCorpus, NoHitsSuggestsCorrections) {
    const auto r = query("cosmonauds");
    EXPECT_EQ(r.at("total"), 0);
    ASSERT_TRUE(r.contains("suggestions"));
    EXPECT_EQ(r.at("suggestions")[0].at("correction"), "cosmonauts");
    const RunResult text = searcher("--index " + shell_quote(index()) + " cosmonauds");
    EXPECT_NE(text.out.find("did you mean: cosmonauts"), std::string::npos) << text.out;
    // Two edits away, as the first character has it; a mistyped first
    // character gets no suggestion (as Lucene's DirectSpellChecker).
    EXPECT_EQ(query("khatamu").at("suggestions")[0].at("correction"), "khatami");
    EXPECT_EQ(query("lavrovv").at("suggestions")[0].at("correction"), "lavrov");
    EXPECT_FALSE(query("gosmonauts").contains("suggestions"));
}

TEST_F(SampleCorpus, JsonHitsCarryEveryField) {
    const auto r = query("\"strictly defensive\"", "--explain");
    const auto& hit = r.at("hits").at(0);
    EXPECT_EQ(hit.at("rank"), 1);
    EXPECT_EQ(hit.at("title"), "New Iran Arms Deals Defended By Ivanov");
    EXPECT_EQ(hit.at("date"), "2016-07-27");
    EXPECT_GT(hit.at("score").get<double>(), 0);
    const std::string snippet = hit.at("snippet");
    EXPECT_NE(snippet.find("strictly defensive"), std::string::npos);
    ASSERT_EQ(hit.at("highlights").size(), 1u) << "the phrase is one highlight";
    const auto begin = hit.at("highlights")[0][0].get<std::size_t>(),
               end = hit.at("highlights")[0][1].get<std::size_t>();
    EXPECT_EQ(end - begin, std::string("strictly defensive").size());
    EXPECT_FALSE(hit.at("explain").empty());
    EXPECT_GE(r.at("took_ms").get<double>(), 0);
}

TEST_F(SampleCorpus, BatchModeAnswersEveryLineAsJson) {
    const std::string input = "\"strictly defensive\"\nS-300\n\n(broken\ncosmonauts\n";
    const RunResult r = searcher("--batch --json --strict --index " + shell_quote(index()), input);
    EXPECT_EQ(r.status, 2) << "a malformed line makes the batch fail overall";
    std::vector<nlohmann::json> lines;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    // One answer per line, so that answers line up with questions: the
    // blank line too is answered (with an error).
    ASSERT_EQ(lines.size(), 5u);
    EXPECT_EQ(lines[0].at("total"), 1);
    EXPECT_EQ(lines[1].at("total"), 2);
    EXPECT_EQ(lines[2].at("error"), "the query is empty");
    EXPECT_EQ(lines[2].at("query"), "");
    EXPECT_TRUE(lines[3].contains("error"));
    EXPECT_EQ(lines[4].at("total"), 1);
}

TEST_F(SampleCorpus, CountLimitOffsetAndDateSort) {
    const RunResult c = searcher("--count --index " + shell_quote(index()) + " iran");
    EXPECT_EQ(c.out, "2\n");
    const auto first = files(query("iran", "-n 1"));
    const auto second = files(query("iran", "-n 1 --offset 1"));
    ASSERT_EQ(first.size(), 1u);
    ASSERT_EQ(second.size(), 1u);
    EXPECT_NE(first, second);
    EXPECT_EQ(files(query("iran", "--sort date")), (std::vector<std::string>{k000, k001}));
}

TEST_F(SampleCorpus, MissingIndexSaysHowToBuildOne) {
    const RunResult r = searcher("--index /nonexistent/scoop-index iran");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("indexer --index"), std::string::npos) << r.err;
}

TEST_F(SampleCorpus, LenientQueriesAreAnsweredWithNotes) {
    const auto r = query("Khatami (+)- Putin && !Clinton");
    EXPECT_EQ(r.at("parsed"), "(text~khatami (+text~putin -text~clinton))");
    EXPECT_EQ(files(r), std::vector<std::string>{k000});
    EXPECT_EQ(r.at("warnings"), (nlohmann::json{"'+' with no term right after it read as text",
                                                "empty parentheses '()' ignored",
                                                "ignored '-': nothing in it to search for"}));
    // On a terminal the notes come before the results.
    const RunResult text = searcher("--no-snippets --color never --index " + shell_quote(index()) +
                                    " -- " + shell_quote("\"strictly defensive"));
    EXPECT_EQ(text.status, 0) << text.err;
    EXPECT_TRUE(
        text.out.starts_with("note: a quote that is never closed: the rest of the query "
                             "read as the phrase\n"))
        << text.out;
    // --strict keeps the error.
    const RunResult strict = searcher("--strict --index " + shell_quote(index()) + " -- " +
                                      shell_quote("\"strictly defensive"));
    EXPECT_EQ(strict.status, 2);
    EXPECT_NE(strict.err.find("this quote is never closed"), std::string::npos) << strict.err;
}

TEST_F(SampleCorpus, OptionalCommonWordsAreDroppedUnlessAskedFor) {
    // "the" and "of" would add a little to every hit: dropped, the query
    // ranks exactly as without them.
    const auto with = query("the sale of missiles");
    const auto without = query("sale missiles");
    ASSERT_EQ(with.at("total"), without.at("total"));
    for (std::size_t i = 0; i < with.at("hits").size(); ++i)
        EXPECT_EQ(with.at("hits").at(i).at("score"), without.at("hits").at(i).at("score"));
    EXPECT_EQ(with.at("parsed"), "(text~sale text~missil)");
    EXPECT_EQ(query("the sale of missiles", "--common-word-weight 1").at("parsed"),
              "(text~the text~sale text~of text~missil)");
    EXPECT_EQ(query("the sale", "--common-word-weight 0.5").at("parsed"),
              "(text~the^0.5 text~sale)");
    // Where the common words are the query, they stay.
    EXPECT_EQ(query("to be or not to be").at("parsed"),
              query("to be or not to be", "--common-word-weight 1").at("parsed"));
    const RunResult bad =
        searcher("--common-word-weight 2 --index " + shell_quote(index()) + " iran");
    EXPECT_EQ(bad.status, 2);
    EXPECT_NE(bad.err.find("--common-word-weight must be from 0 to 1"), std::string::npos)
        << bad.err;
}

TEST_F(SampleCorpus, SeveralIndexesRankAsOneHoldingEveryDocument) {
    // 000 in one index, 001 in another: together they answer as the index
    // of both, scores included, and each hit says where it was found.
    TempDir dir;
    const std::string corpus = std::string(SCOOP_SOURCE_DIR) + "/corpus/";
    for (const auto& [name, file] : {std::pair{"a", k000}, std::pair{"b", k001}}) {
        const RunResult r =
            indexer("-q --index " + shell_quote(dir.file(name)) + " " + shell_quote(corpus + file));
        ASSERT_EQ(r.status, 0) << r.err;
    }
    const std::string both =
        "--index " + shell_quote(dir.file("a")) + " --index " + shell_quote(dir.file("b"));
    for (const std::string q :
         {"iran missile", "khatami OR lavrov", "\"arms iran\"~3", "russia*"}) {
        const RunResult r = searcher("--json -n 50 " + both + " -- " + shell_quote(q));
        ASSERT_EQ(r.status, 0) << q << ": " << r.err;
        const auto combined = nlohmann::json::parse(r.out);
        const auto single = query(q);
        ASSERT_EQ(combined.at("total"), single.at("total")) << q;
        ASSERT_EQ(files(combined), files(single)) << q;
        for (std::size_t i = 0; i < single.at("hits").size(); ++i) {
            const auto& hit = combined.at("hits").at(i);
            EXPECT_NEAR(hit.at("score").get<double>(),
                        single.at("hits").at(i).at("score").get<double>(), 1e-9)
                << q;
            const bool in_a = files(combined).at(i) == k000;
            EXPECT_EQ(hit.at("index"), dir.file(in_a ? "a" : "b")) << q;
        }
        EXPECT_FALSE(single.at("hits").at(0).contains("index"));
    }
    // The same in batch mode; an index named twice is searched once.
    const RunResult batch = searcher("--json " + both + " --batch", "iran\n");
    EXPECT_EQ(nlohmann::json::parse(batch.out).at("total"), 2) << batch.err;
    const RunResult twice =
        searcher("--json --index " + shell_quote(dir.file("a")) + " " + both + " -- iran");
    EXPECT_EQ(nlohmann::json::parse(twice.out).at("total"), 2) << twice.err;
    // Indexes that rank differently are refused, naming both.
    ASSERT_EQ(indexer("-q --title-weight 5 --index " + shell_quote(dir.file("c")) + " " +
                      shell_quote(corpus + k000))
                  .status,
              0);
    const RunResult mixed = searcher(both + " --index " + shell_quote(dir.file("c")) + " -- iran");
    EXPECT_EQ(mixed.status, 2);
    EXPECT_NE(mixed.err.find("cannot be searched together"), std::string::npos) << mixed.err;
}

TEST_F(SampleCorpus, AQueryArgumentIsTheSameBatchLine) {
    // CLI11 would read "[iran,missile]" as a list; the searcher takes its
    // query arguments verbatim, so each is what the same --batch line is.
    const auto strip_time = [](std::string s) {
        return std::regex_replace(s, std::regex(R"(\([0-9.]+ ms\))"), "(T ms)");
    };
    for (const std::string q : {"[iran,missile]", "iran,missile", "{iran}", "iran (+)- missile",
                                "\"strictly defensive", "Khatami && !Clinton", "author:orwell"}) {
        for (const std::string mode : {"--json", "--color never", "--json --strict"}) {
            const std::string options = mode + " --no-snippets --index " + shell_quote(index());
            const RunResult arg = searcher(options + " -- " + shell_quote(q));
            const RunResult line = searcher(options + " --batch", q + "\n");
            EXPECT_EQ(arg.status, line.status) << q << " " << mode;
            if (mode.starts_with("--json")) {
                if (arg.status == 2) {
                    // An argument's error goes to stderr, a line's in place of its answer.
                    EXPECT_NE(line.out.find("\"error\""), std::string::npos) << line.out;
                    continue;
                }
                auto a = nlohmann::json::parse(arg.out), b = nlohmann::json::parse(line.out);
                EXPECT_EQ(a.at("query"), q);
                a.erase("took_ms");
                b.erase("took_ms");
                EXPECT_EQ(a, b) << q << " " << mode;
            } else {
                // A batch answer ends with a blank line between answers.
                EXPECT_EQ(strip_time(arg.out) + "\n", strip_time(line.out)) << q;
            }
        }
    }
    const auto bracketed = query("[iran,missile]");
    EXPECT_EQ(bracketed.at("parsed"), "text:\"iran missile\"");
}

}  // namespace
}  // namespace scoop::testing
