// The searcher and indexer as a careless or hostile user drives them:
// absurd options, queries built to exhaust the parser, article text and
// file names carrying terminal escape sequences. Each case is one that
// crashed the programs, printed raw escapes or gave the wrong message.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "program_runner.h"

namespace scoop::testing {
namespace {

namespace fs = std::filesystem;

std::vector<nlohmann::json> json_lines(const std::string& out) {
    std::vector<nlohmann::json> lines;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    return lines;
}

// A terminal acts on ESC (0x1B) and on the 8-bit CSI (U+009B). What the
// searcher may send of its own is SGR colour ("ESC [ digits ; m"); any other
// escape came from the data.
bool has_foreign_escape(const std::string& out) {
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out.compare(i, 2, "\xc2\x9b") == 0) return true;
        if (out[i] != '\x1b') continue;
        std::size_t j = i + 1;
        if (j >= out.size() || out[j] != '[') return true;
        ++j;
        while (j < out.size() && ((out[j] >= '0' && out[j] <= '9') || out[j] == ';')) ++j;
        if (j >= out.size() || out[j] != 'm') return true;
    }
    return false;
}

// Escape sequences that clear the screen, write the clipboard (OSC 52) and
// set the window title (OSC 0), as a hostile page could carry them.
const std::string kClear = "\x1b[2J";
const std::string kClipboard = "\x1b]52;c;cm0gLXJmIH4=\x07";
const std::string kWindowTitle = "\x1b]0;owned\x1b\\";

class HostileInput : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir();
        const fs::path articles = dir_->path() / "articles";
        fs::create_directories(articles);
        for (const auto& e : fs::directory_iterator(std::string(SCOOP_SOURCE_DIR) + "/corpus"))
            fs::copy_file(e.path(), articles / e.path().filename());
        std::ofstream(articles / "hostile.jsonl")
            << nlohmann::json{{"title", "Iran " + kClear + " zanzibar " + kWindowTitle},
                              {"source", "Agency" + kClipboard},
                              {"body", "The iran " + kClipboard + "missile story " + kClear +
                                           " goes on \xc2\x9b"
                                           "2J here."}}
                   .dump()
            << "\n";
        std::ofstream(articles / ("name" + kWindowTitle + ".txt"))
            << "Named badly\n\nA missile story about iran with a hostile file name.\n";
        const RunResult r =
            indexer("-q --index " + shell_quote(index()) + " " + shell_quote(articles.string()));
        ASSERT_EQ(r.status, 0) << r.err;
        indexer_output_ = new std::string(r.out);
    }
    static void TearDownTestSuite() {
        delete dir_;
        delete indexer_output_;
        dir_ = nullptr;
    }
    static std::string index() { return dir_->file("index"); }
    static RunResult search(const std::string& options, const std::string& query) {
        return searcher(options + " --index " + shell_quote(index()) + " -- " + shell_quote(query));
    }

    static TempDir* dir_;
    static std::string* indexer_output_;
};
TempDir* HostileInput::dir_ = nullptr;
std::string* HostileInput::indexer_output_ = nullptr;

TEST_F(HostileInput, DeepNestingIsAnErrorAndTheBatchGoesOn) {
    const std::string deep = std::string(5000, '(') + "iran" + std::string(5000, ')');
    const RunResult r = searcher(
        "--batch --json --no-snippets --max-query-bytes 20000 --index " + shell_quote(index()),
        deep + "\niran\n");
    EXPECT_EQ(r.status, 2);
    const auto lines = json_lines(r.out);
    ASSERT_EQ(lines.size(), 2u) << r.out;
    EXPECT_EQ(lines[0].at("error"), "parentheses are nested more than 32 levels deep");
    EXPECT_EQ(lines[1].at("total"), 4);
}

TEST_F(HostileInput, AbsurdPagesAreRefusedWithTheDocumentedStatus) {
    for (const std::string options :
         {"--offset 4294967295 -n 1", "-n 2147483648", "--offset 99999 -n 2", "-n -1"}) {
        const RunResult r = search(options, "iran");
        EXPECT_EQ(r.status, 2) << options << ": " << r.err;
        EXPECT_TRUE(r.err.find("--offset") != std::string::npos ||
                    r.err.find("--limit") != std::string::npos)
            << options << ": " << r.err;
        EXPECT_EQ(r.err.find("Could not convert"), std::string::npos) << r.err;
    }
    const RunResult deepest = search("--offset 99990 -n 10 --json", "iran");
    EXPECT_EQ(deepest.status, 0) << "the deepest page allowed is answered: " << deepest.err;
}

TEST_F(HostileInput, OptionErrorsExitTwoAndHelpExitsZero) {
    for (const std::string options :
         {"--bogus", "--sort sideways", "--k1 nan", "--b NaN", "--k1 inf", "--b 2",
          "--snippet-width 0", "--max-prefix-terms 0", "--color purple", "--max-query-terms 0"}) {
        const RunResult r = search(options, "iran");
        EXPECT_EQ(r.status, 2) << options << ": " << r.err;
        EXPECT_NE(r.err.find("searcher: "), std::string::npos) << r.err;
    }
    EXPECT_NE(search("--k1 nan", "iran").err.find("--k1 must be a number from 0 to 100"),
              std::string::npos);
    EXPECT_EQ(searcher("--help").status, 0);
    EXPECT_EQ(searcher("--version").status, 0);
    EXPECT_EQ(indexer("--bogus").status, 2);
    EXPECT_EQ(indexer("--ram-mb 0 --index x y").status, 2);
    EXPECT_EQ(indexer("--help").status, 0);
}

TEST_F(HostileInput, AQueryArgumentMeansWhatTheSameBatchLineMeans) {
    for (const std::string q : {"[iran,missile]", "{iran}", "a,b,c", "iran -missile"}) {
        const RunResult arg = search("--json --no-snippets", q);
        const RunResult line =
            searcher("--batch --json --no-snippets --index " + shell_quote(index()), q + "\n");
        ASSERT_FALSE(arg.out.empty()) << q << ": " << arg.err;
        auto a = nlohmann::json::parse(arg.out), b = nlohmann::json::parse(line.out);
        a.erase("took_ms");
        b.erase("took_ms");
        EXPECT_EQ(a, b) << q;
    }
    // "-n" after "--" is a query word, before it an option taking a value.
    EXPECT_EQ(searcher("--json --index " + shell_quote(index()) + " -n 1 iran").status, 0);
}

TEST_F(HostileInput, EscapeSequencesInArticlesNeverReachTheTerminal) {
    for (const std::string options :
         {"", "--color always", "--color never", "--explain", "--batch"}) {
        const RunResult r =
            options == "--batch"
                ? searcher("--batch --index " + shell_quote(index()), "iran missile\n")
                : search(options, "iran missile");
        ASSERT_EQ(r.status, 0) << options << ": " << r.err;
        EXPECT_FALSE(has_foreign_escape(r.out)) << options << ":\n" << r.out;
        EXPECT_NE(r.out.find("Iran \\x1b[2J zanzibar \\x1b]0;owned\\x1b\\"), std::string::npos)
            << "the title is shown, its escapes made visible:\n"
            << r.out;
        EXPECT_NE(r.out.find("Agency\\x1b]52;c;cm0gLXJmIH4=\\x07"), std::string::npos) << r.out;
        EXPECT_NE(r.out.find("name\\x1b]0;owned\\x1b\\.txt"), std::string::npos) << r.out;
    }
    EXPECT_EQ(search("--color never", "iran").out.find('\x1b'), std::string::npos);
    // NO_COLOR turns colour off on a terminal; --color always overrides it.
    EXPECT_NE(run("NO_COLOR=1 " + program("searcher") + " --color always --index " +
                  shell_quote(index()) + " iran")
                  .out.find("\x1b[1m"),
              std::string::npos);
}

TEST_F(HostileInput, JsonKeepsTheTextExact) {
    const RunResult r = search("--json", "zanzibar");
    ASSERT_EQ(r.status, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j.at("hits").size(), 1u);
    EXPECT_EQ(j["hits"][0].at("title"), "Iran " + kClear + " zanzibar " + kWindowTitle);
    EXPECT_EQ(j["hits"][0].at("source"), "Agency" + kClipboard);
    EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << "JSON escapes ESC as \\u001b";
}

TEST_F(HostileInput, ControlCharactersInQueriesAreShownNotSent) {
    const std::string q = std::string("iran") + kClipboard + std::string("\0 (", 3);
    const RunResult r = searcher("--batch --strict --index " + shell_quote(index()), q + "\n");
    EXPECT_EQ(r.status, 2);
    EXPECT_FALSE(has_foreign_escape(r.out + r.err)) << r.out << r.err;
    EXPECT_NE(r.out.find("never closed"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\\x00 ("), std::string::npos) << "a NUL keeps the rest: " << r.out;
    EXPECT_NE(r.out.find('^'), std::string::npos) << "the caret line survives: " << r.out;
    const RunResult plain = search("", "missile" + kClear);
    EXPECT_FALSE(has_foreign_escape(plain.out + plain.err)) << plain.out << plain.err;
    // Lenient mode answers it, and its notes quote the query safely too.
    const RunResult lenient = searcher("--batch --index " + shell_quote(index()),
                                       q + "\n" + "iran" + kClear + "*x author:" + kClear + "\n");
    EXPECT_LE(lenient.status, 1) << lenient.out << lenient.err;
    EXPECT_FALSE(has_foreign_escape(lenient.out + lenient.err)) << lenient.out << lenient.err;
    EXPECT_NE(lenient.out.find("note: a '(' that is never closed"), std::string::npos)
        << lenient.out;
    EXPECT_NE(lenient.out.find("note: '*' is a wildcard only at the end of a word (cosmo*): "
                               "'iran\\x1b[2J*x' read as text"),
              std::string::npos)
        << lenient.out;
}

TEST_F(HostileInput, IndexerListsFileNamesSafely) {
    const fs::path bad = dir_->path() / "bad";
    fs::create_directories(bad);
    std::ofstream(bad / ("empty" + kClear + ".txt")) << "";
    const RunResult r = indexer("--index " + shell_quote(dir_->file("bad-index")) + " " +
                                shell_quote(bad.string()));
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_FALSE(has_foreign_escape(r.out + r.err)) << r.out << r.err;
    EXPECT_NE(r.out.find("empty\\x1b[2J.txt: empty file"), std::string::npos) << r.out;
    EXPECT_FALSE(has_foreign_escape(*indexer_output_));
}

TEST_F(HostileInput, SuggestionsAreBoundedWhateverTheQuery) {
    std::string q;
    for (int i = 0; i < 1000; ++i) q.append("+unknownword").append(std::to_string(i)).append(" ");
    const RunResult r = search("--json --max-query-terms 2000", q);
    EXPECT_EQ(r.status, 1) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j.at("total"), 0);
    EXPECT_LE(j.value("suggestions", nlohmann::json::array()).size(), 8u)
        << "at most eight words are looked up";
    const auto typo = nlohmann::json::parse(search("--json", "+missle +iran").out);
    ASSERT_TRUE(typo.contains("suggestions")) << typo.dump();
    EXPECT_EQ(typo["suggestions"][0].at("correction"), "missile");
}

TEST_F(HostileInput, LongQueriesAndTermsNameTheirLimits) {
    std::string words;
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "w" + std::string.
    for (int i = 0; i < 1100; ++i) words.append("w").append(std::to_string(i)).append(" ");
    const RunResult many = search("", words);
    EXPECT_EQ(many.status, 2);
    EXPECT_NE(many.err.find("more than 1024 words; --max-query-terms raises the limit"),
              std::string::npos)
        << many.err;
    EXPECT_LT(many.err.size(), 1000u) << "the error shows an excerpt, not the whole query";
    EXPECT_EQ(search("--max-query-terms 2000", words).status, 1);
    const RunResult big = search("", std::string(70000, 'a'));
    EXPECT_EQ(big.status, 2);
    EXPECT_NE(big.err.find("--max-query-bytes"), std::string::npos) << big.err;
}

}  // namespace
}  // namespace scoop::testing
