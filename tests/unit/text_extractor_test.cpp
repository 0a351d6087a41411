#include "analysis/text_extractor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "analysis/boilerplate.h"
#include "analysis/date_parser.h"
#include "analysis/extractor.h"

namespace scoop {
namespace {

using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::string read_corpus(const std::string& name) {
    std::ifstream in(std::string(SCOOP_SOURCE_DIR) + "/corpus/" + name, std::ios::binary);
    EXPECT_TRUE(in) << name;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::string first_line(const std::string& text) {
    return text.substr(0, text.find('\n'));
}
std::string last_line(const std::string& text) {
    return text.substr(text.rfind('\n') + 1);
}

TEST(TextExtractor, IvanovArticle) {
    const Article article = extract_text_article(read_corpus("000_45d7c8180a2924ec.txt"));
    EXPECT_EQ(article.title, "New Iran Arms Deals Defended By Ivanov");
    EXPECT_EQ(article.date, make_timestamp(2016, 7, 27));
    // "(AP, Reuters)" closing the story is its credit: the source, not body.
    EXPECT_EQ(article.source, "AP, Reuters");
    EXPECT_THAT(first_line(article.body),
                StartsWith("Russia defended new arms agreements with Iran against a stinging "
                           "rebuke from the United States on Tuesday"));
    EXPECT_EQ(last_line(article.body),
              "Nearly 1,000 people, mainly students, packed the auditorium, greeting Khatami "
              "like a rock star, with a standing ovation, enthusiastic applause and long "
              "whistles when the Iranian leader arrived.");
    EXPECT_THAT(article.body, Not(HasSubstr("Get the latest updates")));
    EXPECT_THAT(article.body, Not(HasSubstr("Last Updated")));
    EXPECT_THAT(article.body, Not(HasSubstr("New Iran Arms Deals Defended By Ivanov")));
    EXPECT_THAT(article.body, Not(HasSubstr("(AP, Reuters)")));
    // 21 paragraphs, separated by one blank line each.
    EXPECT_THAT(article.body, Not(HasSubstr("\n\n\n")));
    EXPECT_EQ(std::count(article.body.begin(), article.body.end(), '\n'), 2 * 20);
    EXPECT_TRUE(article.url.empty());
    EXPECT_EQ(article.line, 0u);
}

TEST(TextExtractor, PressTvBlogArticle) {
    const Article article = extract_text_article(read_corpus("001_1fe26bb9e3428bc5.txt"));
    EXPECT_EQ(article.title, "US to Russia: Stop Iran missile sale talks");
    // The dateline with a time wins over the blog's day heading.
    EXPECT_EQ(article.date, make_timestamp(2009, 3, 5, 22, 24, 36));
    EXPECT_EQ(article.source, "PressTV");
    EXPECT_EQ(first_line(article.body), "The S-300 missile system");
    EXPECT_THAT(article.body,
                HasSubstr("The S-300 missile system\nThe US Secretary of State says she will "
                          "urge Russia"));
    EXPECT_THAT(article.body, EndsWith("to counter threats from countries such as Iran."));
    for (const char* furniture :
         {"ARCHIVE ISCOFIS", "International Solidarity Committee For Islamic Struggle",
          "Share/Save/Bookmark", "Search Box", "Search This Blog", "No comments:", "Blog Archive",
          "CLICK ON ANY BANNER - WILL TAKE YOU TO THE RELEVANT LANDING PAGE",
          "Linkscout Search & Promotion System!", "Friday, March 6, 2009",
          "Thu, 05 Mar 2009 22:24:36 GMT", "PressTV",
          "US to Russia: Stop Iran missile sale talks"}) {
        EXPECT_THAT(article.body, Not(HasSubstr(furniture))) << furniture;
    }
}

TEST(TextExtractor, CorpusThroughEntryPoint) {
    const std::string bytes = read_corpus("001_1fe26bb9e3428bc5.txt");
    const Extraction extraction =
        extract_articles(bytes, "corpus/001_1fe26bb9e3428bc5.txt", InputFormat::kText);
    ASSERT_EQ(extraction.articles.size(), 1u);
    EXPECT_TRUE(extraction.problems.empty());
    EXPECT_EQ(extraction.encoding, "UTF-8");
    EXPECT_EQ(extraction.replaced_bytes, 0u);
    EXPECT_EQ(extraction.articles[0].path, "corpus/001_1fe26bb9e3428bc5.txt");
    EXPECT_EQ(extraction.articles[0].title, "US to Russia: Stop Iran missile sale talks");
}

TEST(TextExtractor, AHeadlineIndentedWithTypographicSpacesIsTrimmed) {
    // w3m indents centred headings with en spaces (U+2002) and ideographic ones.
    const Article a = extract_text_article(
        "\xE2\x80\x82\xE2\x80\x82Testing Client-Side Applications\xE3\x80\x80\n\n"
        "Russia defended new arms agreements with Iran against a stinging rebuke from the "
        "United States on Tuesday, saying the deals were legal and strictly defensive.\n");
    EXPECT_EQ(a.title, "Testing Client-Side Applications");
}

TEST(TextExtractor, CrlfLineEndings) {
    const Article article = extract_text_article(
        "Markets Rally On Rate Hopes\r\n\r\nMarch 6, 2009\r\n\r\n"
        "Shares rose on Friday.\r\nBanks led the gains.\r\n\r\nBonds fell.\r\n");
    EXPECT_EQ(article.title, "Markets Rally On Rate Hopes");
    EXPECT_EQ(article.date, make_timestamp(2009, 3, 6));
    EXPECT_EQ(article.body, "Shares rose on Friday.\nBanks led the gains.\n\nBonds fell.");
}

TEST(TextExtractor, OldMacLineEndings) {
    const Article article =
        extract_text_article("Markets Rally\r\rShares rose on Friday.\rBanks led.\r\rBonds fell.");
    EXPECT_EQ(article.title, "Markets Rally");
    EXPECT_EQ(article.body, "Shares rose on Friday.\nBanks led.\n\nBonds fell.");
}

TEST(TextExtractor, NoHeadlineUsesFirstContentLine) {
    const Article article = extract_text_article(
        "Search This Blog\n\n"
        "Shares rose on Friday as banks led a broad rally.\n\nBonds fell.\n");
    // No line reads like a headline: the first content line is the title
    // and stays in the body.
    EXPECT_EQ(article.title, "Shares rose on Friday as banks led a broad rally.");
    EXPECT_EQ(article.body, "Shares rose on Friday as banks led a broad rally.\n\nBonds fell.");
    EXPECT_EQ(article.date, kNoDate);
}

TEST(TextExtractor, OnlyFurnitureGivesNothing) {
    const std::string text =
        "Search This Blog\n\nSearch Box\n\nNo comments:\n\nBlog Archive\n\nPost a Comment\n";
    const Article article = extract_text_article(text);
    EXPECT_EQ(article.title, "");
    EXPECT_EQ(article.body, "");

    const Extraction extraction = extract_articles(text, "chrome.txt", InputFormat::kText);
    EXPECT_TRUE(extraction.articles.empty());
    ASSERT_EQ(extraction.problems.size(), 1u);
    EXPECT_EQ(extraction.problems[0].message, "no article text found");
}

TEST(TextExtractor, EmptyAndBlankText) {
    for (const char* text : {"", "\n\n\n", "  \t \r\n  "}) {
        const Article article = extract_text_article(text);
        EXPECT_EQ(article.title, "");
        EXPECT_EQ(article.body, "");
        EXPECT_EQ(article.date, kNoDate);
        EXPECT_EQ(article.source, "");
    }
}

TEST(TextExtractor, AllCapsWireHeadline) {
    // Reuters wire copy: the headline is in capitals, the sign-off too.
    const Article article = extract_text_article(
        "BAHIA COCOA REVIEW\n\n"
        "SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia cocoa zone.\n\n"
        "The temporao harvest is expected to be larger.\n\n"
        "REUTER\n");
    EXPECT_EQ(article.title, "BAHIA COCOA REVIEW");
    EXPECT_EQ(article.body,
              "SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia cocoa "
              "zone.\n\nThe temporao harvest is expected to be larger.");
}

TEST(TextExtractor, AllCapsWireCopyKeepsItsLines) {
    // Telex-era copy is capitals throughout: no line of it is a banner.
    const Article article = extract_text_article(
        "IRAN ARMS DEAL DEFENDED\n\n"
        "MOSCOW, JULY 27 - RUSSIA DEFENDED NEW ARMS AGREEMENTS\n"
        "WITH IRAN ON TUESDAY, ACCUSING CRITICS OF MISJUDGING\n"
        "ATTEMPTS TO REINFORCE STABILITY.\n\n"
        "IVANOV SAID THE DEALS WERE LEGAL\n");
    EXPECT_EQ(article.title, "IRAN ARMS DEAL DEFENDED");
    EXPECT_EQ(article.body,
              "MOSCOW, JULY 27 - RUSSIA DEFENDED NEW ARMS AGREEMENTS\n"
              "WITH IRAN ON TUESDAY, ACCUSING CRITICS OF MISJUDGING\n"
              "ATTEMPTS TO REINFORCE STABILITY.\n\n"
              "IVANOV SAID THE DEALS WERE LEGAL");
}

TEST(TextExtractor, HardWrappedFirstParagraphIsNotAHeadline) {
    const Article article = extract_text_article(
        "The US Secretary of State says she will urge Russia to stop\n"
        "military cooperation with Iran.\n\nClinton said so on Thursday.\n");
    // No headline: the first line is the title and the body is all text.
    EXPECT_EQ(article.title, "The US Secretary of State says she will urge Russia to stop");
    EXPECT_EQ(article.body,
              "The US Secretary of State says she will urge Russia to stop\n"
              "military cooperation with Iran.\n\nClinton said so on Thursday.");
}

TEST(TextExtractor, CapitalBannersAroundHeadline) {
    const Article article = extract_text_article(
        "WORLD NEWS NETWORK\n\nTalks Resume In Geneva\n\nEXCLUSIVE\n\n"
        "Diplomats met again on Friday.\n\nMORE NEWS AT OUR SITE\n");
    EXPECT_EQ(article.title, "Talks Resume In Geneva");
    EXPECT_EQ(article.body, "Diplomats met again on Friday.");
}

TEST(TextExtractor, DatelinesLabelsAndSources) {
    const Article article = extract_text_article(
        "Posted on March 6, 2009 by admin\n\n"
        "Talks Resume In Geneva\n\n"
        "Source: The Moscow Times\n\n"
        "Diplomats met again on Friday.\n");
    EXPECT_EQ(article.title, "Talks Resume In Geneva");
    EXPECT_EQ(article.date, make_timestamp(2009, 3, 6));
    EXPECT_EQ(article.source, "The Moscow Times");
    EXPECT_EQ(article.body, "Diplomats met again on Friday.");

    const Article before = extract_text_article(
        "Talks Resume\n\nReuters \xE2\x80\x94 2009-03-05T22:24:36Z\n\nDiplomats met.\n");
    EXPECT_EQ(before.source, "Reuters");
    EXPECT_EQ(before.date, make_timestamp(2009, 3, 5, 22, 24, 36));
    EXPECT_EQ(before.body, "Diplomats met.");
}

TEST(TextExtractor, SentencesWithDatesStayInBody) {
    const Article article = extract_text_article(
        "Talks Resume In Geneva\n\n"
        "The envoys first met on March 6, 2009.\n\n"
        "March 6, 2009: a day to remember, said the minister in a long speech to parliament.\n");
    EXPECT_EQ(article.body,
              "The envoys first met on March 6, 2009.\n\n"
              "March 6, 2009: a day to remember, said the minister in a long speech to "
              "parliament.");
    EXPECT_EQ(article.date, kNoDate);  // no date line, none in the header
}

TEST(TextExtractor, BylineAndDateWrittenIntoHeadline) {
    const Article article = extract_text_article(
        "By John Smith and Jane Doe\n\n"
        "Geneva Talks Of March 6, 2009 Recalled\n\nDiplomats met again on Friday.\n");
    EXPECT_EQ(article.title, "Geneva Talks Of March 6, 2009 Recalled");  // not the byline
    EXPECT_EQ(article.date, make_timestamp(2009, 3, 6));  // no date line: found in the header
    EXPECT_EQ(article.body, "Diplomats met again on Friday.");
}

TEST(TextExtractor, TrailerMarkersEndTheBody) {
    const Article article = extract_text_article(
        "Talks Resume In Geneva\n\nDiplomats met again on Friday.\n\n"
        "Posted by Ali at 10:30 PM\n\nLabels: diplomacy, geneva\n\n2 comments:\n\n"
        "Anonymous said: great post.\n");
    EXPECT_EQ(article.body, "Diplomats met again on Friday.");
}

TEST(TextExtractor, FurnitureInsideTheBodyIsDropped) {
    const Article article = extract_text_article(
        "Talks Resume In Geneva\n\nDiplomats met again on Friday.\n\nAdvertisement\n\n"
        "Share this article\n\nThey will meet again next week.\n");
    EXPECT_EQ(article.body, "Diplomats met again on Friday.\n\nThey will meet again next week.");
}

TEST(TextExtractor, CreditLineOnlyAtTheEnd) {
    const Article article = extract_text_article(
        "Talks Resume\n\n(Geneva) Diplomats met again on Friday.\n\n(Reuters)\n");
    EXPECT_EQ(article.source, "Reuters");
    EXPECT_EQ(article.body, "(Geneva) Diplomats met again on Friday.");

    // A parenthesised sentence is not a credit.
    const Article aside = extract_text_article(
        "Talks Resume\n\nDiplomats met.\n\n(The talks had been suspended in May. They resumed "
        "after a long pause.)\n");
    EXPECT_EQ(aside.source, "");
    EXPECT_THAT(aside.body, EndsWith("after a long pause.)"));
}

TEST(TextExtractor, OneHugeLine) {
    std::string text;
    while (text.size() < (8u << 20)) text += "Diplomats met again on Friday in Geneva. ";
    text.pop_back();
    const Article article = extract_text_article(text);
    EXPECT_EQ(article.body, text);
    EXPECT_LE(article.title.size(), 200u + 3u);
    EXPECT_THAT(article.title, StartsWith("Diplomats met again on Friday in Geneva."));
    EXPECT_THAT(article.title, EndsWith("\u2026"));
}

TEST(TextExtractor, ManyLines) {
    std::string text = "Talks Resume\n\n";
    for (int i = 0; i < 200000; ++i) text += "Diplomats met again.\n\n";
    const Article article = extract_text_article(text);
    EXPECT_EQ(article.title, "Talks Resume");
    EXPECT_EQ(article.body.size(), 200000u * 22 - 2);
}

TEST(TextExtractor, Windows1252ArticleThroughEntryPoint) {
    // Curly quotes and an apostrophe as Windows-1252 bytes 0x93 0x94 0x92.
    const std::string bytes =
        "Minister Says \x93No Deal\x94 With Iran\r\n\r\n"
        "The minister\x92s office said on Friday that there was \x93no deal\x94 and that talks "
        "would go on. Officials declined to say when the next round would take place.\r\n";
    const Extraction extraction = extract_articles(bytes, "cp1252.txt", InputFormat::kText);
    ASSERT_EQ(extraction.articles.size(), 1u);
    EXPECT_EQ(extraction.encoding, "windows-1252");
    EXPECT_EQ(extraction.replaced_bytes, 0u);
    const Article& article = extraction.articles[0];
    EXPECT_EQ(article.title, "Minister Says \u201CNo Deal\u201D With Iran");
    EXPECT_THAT(article.body, StartsWith("The minister\u2019s office said on Friday that there "
                                         "was \u201Cno deal\u201D and"));
    EXPECT_EQ(article.path, "cp1252.txt");
}

TEST(Boilerplate, Lines) {
    EXPECT_TRUE(is_boilerplate_line("Search This Blog"));
    EXPECT_TRUE(is_boilerplate_line("  SEARCH BOX  "));
    EXPECT_TRUE(
        is_boilerplate_line("Get the latest updates as we post them \u2014 right on your "
                            "browser"));
    EXPECT_TRUE(is_boilerplate_line("Some Committee. Share/Save/Bookmark Subscribe"));
    EXPECT_TRUE(is_boilerplate_line("\u00A9 2009 Press TV. All rights reserved."));
    EXPECT_TRUE(is_boilerplate_line("Share this article:"));
    EXPECT_FALSE(is_boilerplate_line("Searching for the truth in Geneva"));
    EXPECT_FALSE(is_boilerplate_line("US to Russia: Stop Iran missile sale talks"));
    EXPECT_FALSE(is_boilerplate_line(std::string(5000, 'a')));

    EXPECT_TRUE(is_trailer_marker("No comments:"));
    EXPECT_TRUE(is_trailer_marker("Blog Archive"));
    EXPECT_TRUE(is_trailer_marker("Post a Comment"));
    EXPECT_TRUE(is_trailer_marker("Labels: iran, russia"));
    EXPECT_TRUE(is_trailer_marker("12 comments:"));
    EXPECT_FALSE(is_trailer_marker("No comments were made by the ministry."));

    EXPECT_TRUE(is_all_caps("CLICK ON ANY BANNER - WILL TAKE YOU TO THE RELEVANT LANDING PAGE"));
    EXPECT_TRUE(is_all_caps("ARCHIVE ISCOFIS"));
    EXPECT_TRUE(is_all_caps("\u00C9T\u00C9 2009"));
    EXPECT_FALSE(is_all_caps("US to Russia"));
    EXPECT_FALSE(is_all_caps("A 1"));
    EXPECT_FALSE(is_all_caps("2009"));
}

}  // namespace
}  // namespace scoop
