#include "analysis/jsonl_extractor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "analysis/date_parser.h"
#include "analysis/extractor.h"

namespace scoop {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr Timestamp k2009_03_05_222436 = 1236291876;

TEST(JsonlExtractor, GoodLines) {
    const Extraction out = extract_json_articles(
        R"({"title": "Iran arms deals", "body": "Russia defended new arms agreements.", )"
        R"("date": "2016-07-27", "source": "AP", "url": "https://example.com/a", "id": 7})"
        "\n"
        R"({"title": "  Missile talks  ", "body": "Clinton will urge Russia.", )"
        R"("date": "Thu, 05 Mar 2009 22:24:36 GMT", "source": "PressTV"})"
        "\n");
    EXPECT_TRUE(out.problems.empty());
    ASSERT_EQ(out.articles.size(), 2u);
    const Article& a = out.articles[0];
    EXPECT_EQ(a.title, "Iran arms deals");
    EXPECT_EQ(a.body, "Russia defended new arms agreements.");
    EXPECT_EQ(a.date, make_timestamp(2016, 7, 27));
    EXPECT_EQ(a.source, "AP");
    EXPECT_EQ(a.url, "https://example.com/a");
    EXPECT_EQ(a.line, 1u);
    const Article& b = out.articles[1];
    EXPECT_EQ(b.title, "Missile talks");
    EXPECT_EQ(b.date, k2009_03_05_222436);
    EXPECT_EQ(b.source, "PressTV");
    EXPECT_EQ(b.url, "");
    EXPECT_EQ(b.line, 2u);
}

TEST(JsonlExtractor, FieldAliases) {
    const Extraction out = extract_json_articles(
        R"({"headline": "H1", "text": "T1", "published": "March 6, 2009", "publisher": "P1", "link": "L1"})"
        "\n"
        R"({"Headline": "H2", "content": "C2", "pubDate": "2009-03-05T22:24:36Z", "site": "S2"})"
        "\n"
        R"({"HEADLINE": "H3", "article": "A3", "timestamp": 1236291876})"
        "\n"
        R"({"headline": "loses", "title": "T4", "content": "loses", "body": "B4", "description": "D4"})"
        "\n"
        R"({"title": "T5", "description": "only a summary", "publishedAt": "2009-03-05"})"
        "\n");
    EXPECT_TRUE(out.problems.empty());
    ASSERT_EQ(out.articles.size(), 5u);
    EXPECT_EQ(out.articles[0].title, "H1");
    EXPECT_EQ(out.articles[0].body, "T1");
    EXPECT_EQ(out.articles[0].date, make_timestamp(2009, 3, 6));
    EXPECT_EQ(out.articles[0].source, "P1");
    EXPECT_EQ(out.articles[0].url, "L1");
    EXPECT_EQ(out.articles[1].title, "H2");
    EXPECT_EQ(out.articles[1].body, "C2");
    EXPECT_EQ(out.articles[1].date, k2009_03_05_222436);
    EXPECT_EQ(out.articles[1].source, "S2");
    EXPECT_EQ(out.articles[2].title, "H3");
    EXPECT_EQ(out.articles[2].body, "A3");
    EXPECT_EQ(out.articles[2].date, k2009_03_05_222436);
    // The first alias of each list wins, whatever the order in the object.
    EXPECT_EQ(out.articles[3].title, "T4");
    EXPECT_EQ(out.articles[3].body, "B4");
    EXPECT_EQ(out.articles[4].body, "only a summary");
    EXPECT_EQ(out.articles[4].date, make_timestamp(2009, 3, 5));
}

TEST(JsonlExtractor, NumericDates) {
    const Extraction out =
        extract_json_articles(R"({"title": "s", "date": 1236291876})"
                              "\n"
                              R"({"title": "ms", "date": 1236291876000})"
                              "\n"
                              R"({"title": "fraction", "date": 1236291876.75})"
                              "\n"
                              R"({"title": "string epoch", "date": "1236291876000"})"
                              "\n"
                              R"({"title": "too far", "date": 99999999999999999})"
                              "\n"
                              R"({"title": "negative", "date": -9999999999})"
                              "\n");
    ASSERT_EQ(out.articles.size(), 6u);
    EXPECT_EQ(out.articles[0].date, k2009_03_05_222436);
    EXPECT_EQ(out.articles[1].date, k2009_03_05_222436);
    EXPECT_EQ(out.articles[2].date, k2009_03_05_222436);
    EXPECT_EQ(out.articles[3].date, k2009_03_05_222436);
    EXPECT_EQ(out.articles[4].date, kNoDate);
    EXPECT_EQ(out.articles[5].date, kNoDate);
    ASSERT_EQ(out.problems.size(), 2u);
    EXPECT_EQ(out.problems[0].line, 5u);
    EXPECT_THAT(out.problems[0].message, HasSubstr("not a date between 1800 and 2200"));
    EXPECT_EQ(out.problems[1].line, 6u);
}

TEST(JsonlExtractor, UnreadableDateIsReportedArticleKept) {
    const Extraction out =
        extract_json_articles(R"({"title": "T", "body": "B", "date": "sometime last week"})");
    ASSERT_EQ(out.articles.size(), 1u);
    EXPECT_EQ(out.articles[0].date, kNoDate);
    ASSERT_EQ(out.problems.size(), 1u);
    EXPECT_EQ(out.problems[0].line, 1u);
    EXPECT_EQ(out.problems[0].message, "field \"date\": unrecognised date \"sometime last week\"");
}

TEST(JsonlExtractor, BadJsonLineIsReportedOthersSurvive) {
    const Extraction out = extract_json_articles(R"({"title": "one", "body": "first"})"
                                                 "\n"
                                                 R"({"title": "two", "body": )"
                                                 "\n"
                                                 R"({"title": "three", "body": "third"})"
                                                 "\n"
                                                 "not json at all\n"
                                                 R"({"title": "five"} trailing)"
                                                 "\n"
                                                 R"({"title": "six"})");
    ASSERT_EQ(out.articles.size(), 3u);
    EXPECT_EQ(out.articles[0].title, "one");
    EXPECT_EQ(out.articles[0].line, 1u);
    EXPECT_EQ(out.articles[1].title, "three");
    EXPECT_EQ(out.articles[1].line, 3u);
    EXPECT_EQ(out.articles[2].title, "six");
    EXPECT_EQ(out.articles[2].line, 6u);
    ASSERT_EQ(out.problems.size(), 3u);
    EXPECT_EQ(out.problems[0].line, 2u);
    EXPECT_THAT(out.problems[0].message, StartsWith("invalid JSON: "));
    EXPECT_EQ(out.problems[1].line, 4u);
    EXPECT_THAT(out.problems[1].message, StartsWith("invalid JSON: "));
    EXPECT_EQ(out.problems[2].line, 5u);
}

TEST(JsonlExtractor, NonObjectLines) {
    const Extraction out = extract_json_articles(
        "[1, 2]\n\"a string\"\n42\nnull\n"
        R"({"title": "kept"})"
        "\n");
    ASSERT_EQ(out.articles.size(), 1u);
    EXPECT_EQ(out.articles[0].line, 5u);
    ASSERT_EQ(out.problems.size(), 4u);
    EXPECT_EQ(out.problems[0].line, 1u);
    EXPECT_EQ(out.problems[0].message, "line is an array, not a JSON object");
    EXPECT_EQ(out.problems[1].message, "line is a string, not a JSON object");
    EXPECT_EQ(out.problems[2].message, "line is a number, not a JSON object");
    EXPECT_EQ(out.problems[3].message, "line is null, not a JSON object");
    EXPECT_EQ(out.problems[3].line, 4u);
}

TEST(JsonlExtractor, MissingAndWrongTypedFields) {
    const Extraction out = extract_json_articles(
        R"({"url": "https://example.com/no-text", "date": "2009-03-05"})"
        "\n"
        R"({"title": "only a title"})"
        "\n"
        R"({"body": "only a body"})"
        "\n"
        R"({"title": 42, "body": "numeric title"})"
        "\n"
        R"({"title": null, "headline": "null title falls back", "source": true})"
        "\n"
        R"({"title": "", "body": "   "})"
        "\n"
        R"({"title": ["a"], "body": {"x": 1}})"
        "\n");
    ASSERT_EQ(out.articles.size(), 4u);
    EXPECT_EQ(out.articles[0].title, "only a title");
    EXPECT_EQ(out.articles[0].body, "");
    EXPECT_EQ(out.articles[1].title, "");
    EXPECT_EQ(out.articles[1].body, "only a body");
    EXPECT_EQ(out.articles[2].title, "");
    EXPECT_EQ(out.articles[2].body, "numeric title");
    EXPECT_EQ(out.articles[3].title, "null title falls back");
    EXPECT_EQ(out.articles[3].source, "");

    ASSERT_EQ(out.problems.size(), 7u);
    EXPECT_EQ(out.problems[0].line, 1u);
    EXPECT_EQ(out.problems[0].message, "no title or body");
    EXPECT_EQ(out.problems[1].line, 4u);
    EXPECT_EQ(out.problems[1].message, "field \"title\" is a number, not a string");
    EXPECT_EQ(out.problems[2].line, 5u);
    EXPECT_EQ(out.problems[2].message, "field \"source\" is a boolean, not a string");
    EXPECT_EQ(out.problems[3].line, 6u);
    EXPECT_EQ(out.problems[3].message, "no title or body");
    EXPECT_EQ(out.problems[4].line, 7u);
    EXPECT_EQ(out.problems[4].message, "field \"title\" is an array, not a string");
    EXPECT_EQ(out.problems[5].message, "field \"body\" is an object, not a string");
    EXPECT_EQ(out.problems[6].message, "no title or body");
}

TEST(JsonlExtractor, StructuredBodiesAndSources) {
    const Extraction out = extract_json_articles(
        R"({"title": "T", "content": ["First paragraph.", "", "Second paragraph."], )"
        R"("source": {"id": "bbc-news", "name": "BBC News"}})");
    EXPECT_TRUE(out.problems.empty());
    ASSERT_EQ(out.articles.size(), 1u);
    EXPECT_EQ(out.articles[0].body, "First paragraph.\n\nSecond paragraph.");
    EXPECT_EQ(out.articles[0].source, "BBC News");
}

TEST(JsonlExtractor, BlankLinesAndCrlf) {
    const Extraction out = extract_json_articles(
        "\n\r\n   \n"
        R"({"title": "four"})"
        "\r\n\t\r\n"
        R"({"title": "six"})"
        "\r\n\r\n");
    EXPECT_TRUE(out.problems.empty());
    ASSERT_EQ(out.articles.size(), 2u);
    EXPECT_EQ(out.articles[0].line, 4u);
    EXPECT_EQ(out.articles[1].line, 6u);
}

TEST(JsonlExtractor, OneMegabyteBody) {
    const std::string body(1 << 20, 'x');
    const Extraction out = extract_json_articles(R"({"title": "big", "body": ")" + body + "\"}\n" +
                                                 R"({"title": "after"})");
    EXPECT_TRUE(out.problems.empty());
    ASSERT_EQ(out.articles.size(), 2u);
    EXPECT_EQ(out.articles[0].body, body);
    EXPECT_EQ(out.articles[1].title, "after");
    EXPECT_EQ(out.articles[1].line, 2u);
}

TEST(JsonlExtractor, EscapesAreDecoded) {
    const Extraction out = extract_json_articles(
        R"({"title": "Caf\u00e9 \"quoted\"", "body": "a\nb\ttab \ud83d\ude00"})");
    ASSERT_EQ(out.articles.size(), 1u);
    EXPECT_EQ(out.articles[0].title, "Caf\u00e9 \"quoted\"");
    EXPECT_EQ(out.articles[0].body, "a\nb\ttab \U0001F600");
}

TEST(JsonlExtractor, InvalidUtf8ThroughEntryPoint) {
    // A stray 0xFF inside an otherwise UTF-8 file: replaced, counted, and
    // the line still parses.
    const std::string bytes =
        "{\"title\": \"Caf\xC3\xA9 \xFF news\", \"body\": \"ok\"}\n"
        "{\"title\": \"second \xC3\xA9\", \"body\": \"x\"}\n";
    const Extraction out = extract_articles(bytes, "feed.jsonl", InputFormat::kJsonLines);
    EXPECT_TRUE(out.problems.empty());
    EXPECT_EQ(out.encoding, "UTF-8");
    EXPECT_EQ(out.replaced_bytes, 1u);
    ASSERT_EQ(out.articles.size(), 2u);
    EXPECT_EQ(out.articles[0].title, "Caf\u00e9 \uFFFD news");
    EXPECT_EQ(out.articles[0].path, "feed.jsonl");
    EXPECT_EQ(out.articles[1].title, "second \u00e9");
    EXPECT_EQ(out.articles[1].line, 2u);
}

TEST(JsonlExtractor, JsonArrayDocument) {
    const Extraction out = extract_json_articles(
        "[\n"
        "  {\"title\": \"one\",\n   \"body\": \"first\"},\n"
        "  {\"title\": \"two [with] {brackets} and \\\"quotes\\\"\", \"body\": \"second\"},\n"
        "  7,\n"
        "  {\n    \"title\": \"four\"\n  }\n"
        "]\n");
    ASSERT_EQ(out.articles.size(), 3u);
    EXPECT_EQ(out.articles[0].title, "one");
    EXPECT_EQ(out.articles[0].line, 2u);
    EXPECT_EQ(out.articles[1].title, "two [with] {brackets} and \"quotes\"");
    EXPECT_EQ(out.articles[1].line, 4u);
    EXPECT_EQ(out.articles[2].title, "four");
    EXPECT_EQ(out.articles[2].line, 6u);
    ASSERT_EQ(out.problems.size(), 1u);
    EXPECT_EQ(out.problems[0].line, 5u);
    EXPECT_EQ(out.problems[0].message, "array element is a number, not an object");
}

TEST(JsonlExtractor, PrettyPrintedObject) {
    const Extraction out = extract_json_articles(
        "\n{\n  \"title\": \"Pretty\",\n  \"body\": \"Printed.\",\n  \"date\": 1236291876\n}\n");
    EXPECT_TRUE(out.problems.empty());
    ASSERT_EQ(out.articles.size(), 1u);
    EXPECT_EQ(out.articles[0].title, "Pretty");
    EXPECT_EQ(out.articles[0].date, k2009_03_05_222436);
    EXPECT_EQ(out.articles[0].line, 2u);
}

TEST(JsonlExtractor, EmptyInput) {
    const Extraction out = extract_json_articles(" \n\n ");
    EXPECT_TRUE(out.articles.empty());
    EXPECT_TRUE(out.problems.empty());
}

}  // namespace
}  // namespace scoop
