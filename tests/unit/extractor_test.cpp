#include "analysis/extractor.h"

#include <gtest/gtest.h>

#include <string>

namespace scoop {
namespace {

TEST(Extractor, FormatForPath) {
    EXPECT_EQ(format_for_path("feeds/a.jsonl"), InputFormat::kJsonLines);
    EXPECT_EQ(format_for_path("b.NDJSON"), InputFormat::kJsonLines);
    EXPECT_EQ(format_for_path("c.json"), InputFormat::kJsonLines);
    EXPECT_EQ(format_for_path("/pages/d.html"), InputFormat::kHtml);
    EXPECT_EQ(format_for_path("E.HTM"), InputFormat::kHtml);
    EXPECT_EQ(format_for_path("f.xhtml"), InputFormat::kHtml);
    EXPECT_EQ(format_for_path("corpus/000_45d7c8180a2924ec.txt"), InputFormat::kText);
    EXPECT_EQ(format_for_path("README"), InputFormat::kText);
    EXPECT_EQ(format_for_path("archive.html.gz"), InputFormat::kText);
    EXPECT_EQ(format_for_path("site.html/index"), InputFormat::kText);  // the folder's name
    EXPECT_EQ(format_for_path(".html"), InputFormat::kText);            // a hidden file
    EXPECT_EQ(format_for_path("dir\\page.htm"), InputFormat::kHtml);
    EXPECT_EQ(format_for_path(""), InputFormat::kText);
}

TEST(Extractor, FormatNames) {
    EXPECT_EQ(parse_format_name("text"), InputFormat::kText);
    EXPECT_EQ(parse_format_name("jsonl"), InputFormat::kJsonLines);
    EXPECT_EQ(parse_format_name("html"), InputFormat::kHtml);
    EXPECT_EQ(parse_format_name("HTML"), InputFormat::kHtml);
    EXPECT_EQ(parse_format_name("ndjson"), InputFormat::kJsonLines);
    EXPECT_FALSE(parse_format_name("pdf"));
    EXPECT_FALSE(parse_format_name(""));
    for (InputFormat format : {InputFormat::kText, InputFormat::kJsonLines, InputFormat::kHtml})
        EXPECT_EQ(parse_format_name(format_name(format)), format);
}

TEST(Extractor, BinaryInputIsRejected) {
    const std::string bytes(
        "\x7F"
        "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00",
        16);
    const Extraction out = extract_articles(bytes, "a.out", InputFormat::kText);
    EXPECT_TRUE(out.articles.empty());
    ASSERT_EQ(out.problems.size(), 1u);
    EXPECT_EQ(out.problems[0].message, "binary file");
    EXPECT_EQ(out.problems[0].line, 0u);
}

TEST(Extractor, EmptyInput) {
    for (const std::string& bytes : {std::string(), std::string(" \n\r\n\t")}) {
        for (InputFormat format :
             {InputFormat::kText, InputFormat::kJsonLines, InputFormat::kHtml}) {
            const Extraction out = extract_articles(bytes, "empty", format);
            EXPECT_TRUE(out.articles.empty());
            ASSERT_EQ(out.problems.size(), 1u);
            EXPECT_EQ(out.problems[0].message, "empty file");
        }
    }
}

TEST(Extractor, Utf16FileIsText) {
    // "Talks\n\nDiplomats met." in UTF-16LE with a byte order mark.
    const std::string ascii = "Talks\n\nDiplomats met.";
    std::string bytes = "\xFF\xFE";
    for (char c : ascii) {
        bytes += c;
        bytes += '\0';
    }
    const Extraction out = extract_articles(bytes, "u16.txt", InputFormat::kText);
    ASSERT_EQ(out.articles.size(), 1u);
    EXPECT_EQ(out.encoding, "UTF-16LE");
    EXPECT_EQ(out.articles[0].title, "Talks");
    EXPECT_EQ(out.articles[0].body, "Diplomats met.");
}

TEST(Extractor, PathOnEveryArticle) {
    const Extraction out = extract_articles("{\"title\": \"one\"}\n{\"title\": \"two\"}\n{\"bad\n",
                                            "feeds/day.jsonl", InputFormat::kJsonLines);
    ASSERT_EQ(out.articles.size(), 2u);
    for (const Article& article : out.articles) EXPECT_EQ(article.path, "feeds/day.jsonl");
    ASSERT_EQ(out.problems.size(), 1u);
    EXPECT_EQ(out.problems[0].line, 3u);
    EXPECT_EQ(out.encoding, "UTF-8");
}

TEST(Extractor, FormatIsTheCallersChoice) {
    // The same bytes read as text keep the markup as words.
    const std::string html = "<title>T</title><p>Body.</p>";
    EXPECT_EQ(extract_articles(html, "x", InputFormat::kHtml).articles.at(0).title, "T");
    EXPECT_EQ(extract_articles(html, "x", InputFormat::kText).articles.at(0).title,
              "<title>T</title><p>Body.</p>");
}

}  // namespace
}  // namespace scoop
