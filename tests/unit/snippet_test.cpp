// Snippets: which passage is shown, where it is cut and what is
// highlighted, byte for byte.

#include "query/snippet.h"

#include <gtest/gtest.h>

#include "query/query_parser.h"

namespace scoop {
namespace {

class SnippetTest : public ::testing::Test {
  protected:
    HighlightTerms terms(std::string_view query) {
        return highlight_terms(QueryParser(analyzer_, {}).parse(query).query);
    }
    Snippet snippet(std::string_view text, std::string_view query, std::size_t width = 160) {
        return make_snippet(analyzer_, text, terms(query), width);
    }
    // The snippet with its highlights in [brackets], as the searcher prints
    // it without colour.
    std::string marked(const Snippet& s) {
        std::string out;
        std::size_t at = 0;
        for (const auto& [begin, end] : s.highlights) {
            out.append(s.text, at, begin - at).append("[");
            out.append(s.text, begin, end - begin).append("]");
            at = end;
        }
        return out.append(s.text, at);
    }
    Analyzer analyzer_;
};

TEST_F(SnippetTest, ShortTextIsShownWholeWithItsStemsHighlighted) {
    EXPECT_EQ(marked(snippet("Missiles were fired. The missile hit nothing.", "missile")),
              "[Missiles] were fired. The [missile] hit nothing.");
}

TEST_F(SnippetTest, APhraseIsOneHighlightAndOnlyWhereTheWholePhraseStands) {
    EXPECT_EQ(marked(snippet("strictly speaking, the S-300 is strictly defensive.",
                             "\"strictly defensive\"")),
              "strictly speaking, the S-300 is [strictly defensive].");
    EXPECT_EQ(marked(snippet("The S-300 system", "S-300")), "The [S-300] system");
}

TEST_F(SnippetTest, ExcludedWordsAreNotHighlighted) {
    const HighlightTerms t = terms("iran -clinton");
    EXPECT_EQ(t.stems.size(), 1u);
    EXPECT_EQ(marked(snippet("Iran and Clinton", "iran -clinton")), "[Iran] and Clinton");
}

TEST_F(SnippetTest, PrefixesHighlightEveryWordTheyStart) {
    EXPECT_EQ(marked(snippet("cosmos and cosmonauts, not cosy", "cosmo*")),
              "[cosmos] and [cosmonauts], not cosy");
}

TEST_F(SnippetTest, WhitespaceIsCollapsed) {
    EXPECT_EQ(marked(snippet("  one\n\n\ttwo   three  ", "two")), "one [two] three");
}

TEST_F(SnippetTest, ALongTextShowsThePassageWithTheWordsCutAtWordBoundaries) {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "filler words here ";
    text += "the needle is here ";
    for (int i = 0; i < 200; ++i) text += "more filler text ";
    const Snippet s = snippet(text, "needle", 60);
    const std::string m = marked(s);
    EXPECT_NE(m.find("[needle]"), std::string::npos) << m;
    EXPECT_TRUE(m.starts_with("\u2026")) << m;
    EXPECT_TRUE(m.ends_with("\u2026")) << m;
    // About the width asked for, and no word cut: every word is whole.
    EXPECT_LE(s.text.size(), 60u + 2 * 3 + 20);
    const std::string inner = s.text.substr(3, s.text.size() - 6);
    std::size_t at = 0;
    while (at < inner.size()) {
        const std::size_t space = inner.find(' ', at);
        const std::string word = inner.substr(at, space - at);
        EXPECT_TRUE(word == "filler" || word == "words" || word == "here" || word == "the" ||
                    word == "needle" || word == "is" || word == "more" || word == "text")
            << "cut word '" << word << "' in " << s.text;
        if (space == std::string::npos) break;
        at = space + 1;
    }
}

TEST_F(SnippetTest, ThePassageWithMoreDistinctWordsWins) {
    std::string text = "alpha alpha alpha alpha. ";
    for (int i = 0; i < 40; ++i) text += "nothing to see ";
    text += "alpha beta together.";
    // Centred on the words, with context on both sides, whole words only;
    // words next to each other are one highlight.
    EXPECT_EQ(marked(snippet(text, "alpha beta", 30)),
              "\u2026nothing to see [alpha beta] together.");
}

TEST_F(SnippetTest, WithoutAMatchTheStartIsShown) {
    const Snippet s = snippet("First words of the article go on and on and on.", "absent", 20);
    EXPECT_TRUE(s.highlights.empty());
    EXPECT_EQ(s.text, "First words of the article\u2026");
}

TEST_F(SnippetTest, MultiByteCharactersAreNeverSplit) {
    std::string text;
    for (int i = 0; i < 30; ++i) text += "\u00e9t\u00e9 ";  // "été"
    text += "cible ";
    for (int i = 0; i < 30; ++i) text += "\u00e9t\u00e9 ";
    const Snippet s = snippet(text, "cible", 25);
    EXPECT_NE(marked(s).find("[cible]"), std::string::npos);
    // Valid UTF-8 throughout: no continuation byte without its lead.
    for (std::size_t i = 0; i < s.text.size(); ++i) {
        const auto c = static_cast<unsigned char>(s.text[i]);
        if ((c & 0xC0) == 0x80) {
            ASSERT_GT(i, 0u);
            EXPECT_TRUE((static_cast<unsigned char>(s.text[i - 1]) & 0x80) != 0) << i;
        }
    }
}

TEST_F(SnippetTest, AMatchPastTheScanLimitIsNotLookedFor) {
    // The cost of a snippet does not grow with the article: past
    // kSnippetScanBytes nothing is read, and the start is shown.
    std::string text;
    while (text.size() < kSnippetScanBytes + 1000) text += "padding ";
    text += "needle";
    const Snippet s = snippet(text, "needle", 40);
    EXPECT_TRUE(s.highlights.empty());
    EXPECT_TRUE(s.text.starts_with("padding padding")) << s.text.substr(0, 50);
}

}  // namespace
}  // namespace scoop
