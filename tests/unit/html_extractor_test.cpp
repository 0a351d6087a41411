#include "analysis/html_extractor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdint>
#include <string>

#include "analysis/date_parser.h"
#include "analysis/extractor.h"

namespace scoop {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

constexpr std::string_view kPage = R"(<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>US to Russia: Stop Iran missile sale talks | PressTV</title>
  <meta property="og:site_name" content="PressTV">
  <meta property="og:url" content="https://example.com/detail/90178">
  <meta property="article:published_time" content="2009-03-05T22:24:36+00:00">
  <meta name="date" content="2001-01-01">
  <style>body { font: 12px serif; } p > a { color: red; }</style>
  <script>var x = "<p>not text</p>"; if (a < b && c > d) {}</script>
</head>
<body>
  <header><a href="/">PressTV home</a></header>
  <nav><ul><li>World</li><li>Iran</li></ul></nav>
  <article>
    <h1>US to Russia: Stop Iran missile sale talks</h1>
    <p>The US Secretary of State says she will urge Russia to stop
       military cooperation with Iran.</p>
    <!-- an editor's note that readers never see -->
    <p>Hillary Clinton said on Thursday that she would ask Sergei Lavrov<br>to halt talks.</p>
    <noscript>Please enable JavaScript to read comments.</noscript>
  </article>
  <aside>Most read: something else</aside>
  <footer>Copyright PressTV</footer>
</body>
</html>
)";

TEST(HtmlExtractor, ArticlePage) {
    const Article article = extract_html_article(kPage);
    // <title> less the " | PressTV" that names the site.
    EXPECT_EQ(article.title, "US to Russia: Stop Iran missile sale talks");
    EXPECT_EQ(article.date, make_timestamp(2009, 3, 5, 22, 24, 36));
    EXPECT_EQ(article.source, "PressTV");
    EXPECT_EQ(article.url, "https://example.com/detail/90178");
    EXPECT_EQ(article.body,
              "US to Russia: Stop Iran missile sale talks\n\n"
              "The US Secretary of State says she will urge Russia to stop military "
              "cooperation with Iran.\n\n"
              "Hillary Clinton said on Thursday that she would ask Sergei Lavrov\nto halt talks.");
}

// Gumbo adds a numeric reference's digits up in an int: beyond 2^31 it
// wrapped round to a negative code point and wrote bytes that are not
// UTF-8 (found by fuzzing), or to a small one ("&#x100000041;" was 'A').
// Every reference beyond U+10FFFF is the replacement character.
TEST(HtmlExtractor, NumericReferencesBeyondUnicodeBecomeTheReplacementCharacter) {
    const Article article = extract_html_article(
        "<title>a &#xBBBBBBBB; b</title><p>c &#x100000041; d &#4294967361e &#1114112; f "
        "&#x10FFFF; g &#x41;</p>");
    EXPECT_EQ(article.title, "a \uFFFD b");
    EXPECT_EQ(article.body, "c \uFFFD d \uFFFDe \uFFFD f \U0010FFFF g A");
}

TEST(HtmlExtractor, TitleSources) {
    EXPECT_EQ(extract_html_article("<title>Plain &amp; Simple</title><p>x</p>").title,
              "Plain & Simple");
    EXPECT_EQ(extract_html_article("<title>\n  Spread\n  out  </title>").title, "Spread out");
    // og:title wins over <title>.
    EXPECT_EQ(extract_html_article("<title>Site - Headline</title>"
                                   "<meta property='og:title' content='The Headline'>")
                  .title,
              "The Headline");
    // No <title>, or an empty one: the first <h1>.
    EXPECT_EQ(extract_html_article("<body><h1>First <em>big</em> news</h1><h1>Second</h1>").title,
              "First big news");
    EXPECT_EQ(extract_html_article("<title>  </title><h1>From H1</h1><p>Text.</p>").title,
              "From H1");
    // An <h1> inside the page header still names the article.
    EXPECT_EQ(extract_html_article("<header><h1>In Header</h1></header><p>Text.</p>").title,
              "In Header");
    // An SVG icon's <title> is not the page's.
    EXPECT_EQ(extract_html_article("<svg><title>icon</title></svg><h1>Real</h1>").title, "Real");
    // The site suffix is only cut when the page names its site.
    EXPECT_EQ(extract_html_article("<title>Talks | Geneva</title>").title, "Talks | Geneva");
}

TEST(HtmlExtractor, ATimeInUtcIsShownInThePublishersZoneWhenThePageWritesBoth) {
    const std::string meta =
        "<meta property=\"article:published_time\" content=\"2023-11-09T02:11:03+00:00\">";
    // The same instant in the site's zone, in a script: the 8th where it was published.
    const Article local = extract_html_article(
        meta + "<script>track('publish', '2023-11-08T21:11:03-05:00')</script><p>Text.</p>");
    EXPECT_EQ(local.date, make_timestamp(2023, 11, 8, 21, 11, 3));
    EXPECT_EQ(local.date_utc_offset, -5 * 3600);
    // Another instant with an offset says nothing of this one's zone.
    const Article other = extract_html_article(
        meta + "<script>track('publish', '2023-11-08T20:00:00-05:00')</script><p>Text.</p>");
    EXPECT_EQ(other.date, make_timestamp(2023, 11, 9, 2, 11, 3));
    EXPECT_EQ(other.date_utc_offset, 0);
    // A time written in the site's zone is kept as written.
    EXPECT_EQ(
        extract_html_article("<meta property=\"article:published_time\" "
                             "content=\"2023-11-08T21:11:03-05:00\"><p>T 2023-11-09T02:11:03Z</p>")
            .date,
        make_timestamp(2023, 11, 8, 21, 11, 3));
}

TEST(HtmlExtractor, JsonLdWithRawTabsAndLineBreaksInStringsIsRead) {
    const Article a = extract_html_article(
        "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": "
        "\"Two\tlines\nof headline\", \"datePublished\": \"2022-02-02T11:14:00+01:00\"}"
        "</script><p>Text.</p>");
    EXPECT_EQ(a.date, make_timestamp(2022, 2, 2, 11, 14));
}

TEST(HtmlExtractor, AnItempropPublicationDateInTheHeaderOutranksDatesInTheText) {
    std::string page =
        "<div class=wrapper><h1>Dealing with it</h1><p class=byline>By Amelie <time "
        "itemprop=\"datePublished\" datetime=\"2020-02-08 11:00\">Feb 8, 2020</time></p></div>"
        "<article>";
    for (int i = 0; i < 4; ++i)
        page +=
            "<p>A paragraph of the article, long enough to be its text, with words that "
            "make a sentence and then another sentence after it.</p>";
    page +=
        "<blockquote><p>Quoted tweet</p><a href=\"https://twitter.com/x\">January 24, "
        "2020</a></blockquote></article>";
    EXPECT_EQ(extract_html_article(page).date, make_timestamp(2020, 2, 8, 11, 0));
}

TEST(HtmlExtractor, ATimeInTheArticleOutranksAGenericDateMeta) {
    std::string text;
    for (int i = 0; i < 4; ++i)
        text +=
            "<p>A paragraph of the article, long enough to be its text, with words that "
            "make a sentence and then another sentence after it.</p>";
    const std::string article =
        "<article><time datetime=\"2022-01-25T08:00:00+01:00\">25.01.2022</time>" + text +
        "</article>";
    // "date" and "dcterms.date": what a CMS stamps on the page it generates.
    EXPECT_EQ(
        extract_html_article("<meta name=\"dcterms.date\" content=\"2022-01-21\">" + article).date,
        make_timestamp(2022, 1, 25, 8, 0));  // as written
    // A publication meta still outranks it.
    EXPECT_EQ(extract_html_article(
                  "<meta property=\"article:published_time\" content=\"2022-01-21\">" + article)
                  .date,
              make_timestamp(2022, 1, 21));
}

TEST(HtmlExtractor, WithNoOtherDateOneInTheArticlesFooterIsTaken) {
    std::string page = "<nav><a href=/>Home</a></nav><article>";
    for (int i = 0; i < 4; ++i)
        page +=
            "<p>Ein Absatz des Artikels, lang genug, um sein Text zu sein, mit Worten, die "
            "einen Satz ergeben, und danach noch einen Satz.</p>";
    page +=
        "</article><div class=\"post-footer\">Dieser Artikel wurde am 14. Dezember 2015 um "
        "14:48 von <a href=/autor>Hans</a> gepostet.</div>";
    EXPECT_EQ(extract_html_article(page).date, make_timestamp(2015, 12, 14));
}

TEST(HtmlExtractor, DateSources) {
    EXPECT_EQ(extract_html_article("<meta name=\"date\" content=\"March 6, 2009\">").date,
              make_timestamp(2009, 3, 6));
    EXPECT_EQ(extract_html_article("<meta itemprop=\"datePublished\" content=\"2009-03-06\">").date,
              make_timestamp(2009, 3, 6));
    EXPECT_EQ(extract_html_article("<p>Posted <time datetime=\"2009-03-05T22:24:36Z\">yesterday"
                                   "</time></p><time datetime=\"2010-01-01\"></time>")
                  .date,
              make_timestamp(2009, 3, 5, 22, 24, 36));
    // The Open Graph time outranks a <time> element that comes first.
    EXPECT_EQ(extract_html_article("<time datetime=\"2010-01-01\"></time>"
                                   "<meta property=\"article:published_time\" "
                                   "content=\"2009-03-06\">")
                  .date,
              make_timestamp(2009, 3, 6));
    EXPECT_EQ(extract_html_article("<meta name=\"date\" content=\"soon\"><p>x</p>").date, kNoDate);
}

TEST(HtmlExtractor, SourceAndUrlFallbacks) {
    const Article article = extract_html_article(
        "<meta name=\"publisher\" content=\"The Moscow Times\">"
        "<link rel=\"Canonical\" href=\"https://example.com/a?x=1&amp;y=2\"><p>x</p>");
    EXPECT_EQ(article.source, "The Moscow Times");
    EXPECT_EQ(article.url, "https://example.com/a?x=1&y=2");
}

TEST(HtmlExtractor, HiddenElementsRemoved) {
    const Article article = extract_html_article(
        "<p>Visible one.</p>"
        "<script type='text/javascript'>document.write('hidden script');</script>"
        "<STYLE>.hidden-style { }</STYLE>"
        "<nav>hidden nav <nav>nested nav</nav> still nav</nav>"
        "<header>hidden header</header><footer>hidden footer</footer>"
        "<aside>hidden aside</aside><noscript>hidden noscript</noscript>"
        "<template><p>hidden template</p></template>"
        "<select><option>hidden option</option></select>"
        "<p>Visible two.</p>");
    EXPECT_EQ(article.body, "Visible one.\n\nVisible two.");
}

TEST(HtmlExtractor, BlockElementsBreakLines) {
    const Article article = extract_html_article(
        "<div>Intro <b>bold</b> <i>italic</i>text</div>"
        "<ul><li>one</li><li>two</li></ul>"
        "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"
        "<h2>Sub</h2>tail<br/>after break"
        "<pre>line 1\n  line 2</pre>");
    // Every block (list item, cell) is a paragraph of its own; <br> and
    // <pre> lines stay lines.
    EXPECT_EQ(article.body,
              "Intro bold italictext\n\none\n\ntwo\n\na\n\nb\n\nc\n\nSub\n\ntail\nafter "
              "break\n\nline 1\nline 2");
}

TEST(HtmlExtractor, FurnitureLinesDropped) {
    const Article article = extract_html_article(
        "<p>Share this article</p><p>Diplomats met.</p><div>Advertisement</div><p>More.</p>");
    EXPECT_EQ(article.body, "Diplomats met.\n\nMore.");
}

TEST(HtmlExtractor, Entities) {
    EXPECT_EQ(decode_html_entities("&amp; &lt; &gt; &quot; &apos; a&nbsp;b"),
              "& < > \" ' a\u00A0b");
    EXPECT_EQ(decode_html_entities("&mdash;&ndash;&rsquo;&lsquo;&ldquo;&rdquo;&hellip;"),
              "\u2014\u2013\u2019\u2018\u201C\u201D\u2026");
    EXPECT_EQ(decode_html_entities("caf&eacute; &Eacute;t&eacute; &uuml;ber &ntilde; &euro;5"),
              "caf\u00E9 \u00C9t\u00E9 \u00FCber \u00F1 \u20AC5");
    EXPECT_EQ(decode_html_entities("&#8217;&#x2019;&#X2019;&#39;&#x1F600;"),
              "\u2019\u2019\u2019'\U0001F600");
    // Windows-1252 numbers, as browsers read them.
    EXPECT_EQ(decode_html_entities("&#150;&#147;x&#148;&#146;"), "\u2013\u201Cx\u201D\u2019");
    // Numeric references to no character are dropped.
    EXPECT_EQ(decode_html_entities("a&#0;b&#xD800;c&#1114112;d&#99999999999;e&#2;f&#x81;g"),
              "abcdefg");
    // Unknown or unterminated names stay as written.
    EXPECT_EQ(decode_html_entities("AT&T &bogus; & &#; &#x; &copy &amp"),
              "AT&T &bogus; & &#; &#x; &copy &");
    EXPECT_EQ(decode_html_entities("soft&shy;hyphen"), "softhyphen");
}

TEST(HtmlExtractor, EntitiesInBodyAndAttributes) {
    const Article article = extract_html_article(
        "<meta property=\"og:title\" content=\"Tom &amp; Jerry&#8217;s\">"
        "<p>Fish&nbsp;&amp;&nbsp;chips &mdash; &ldquo;fine&rdquo;</p>");
    EXPECT_EQ(article.title, "Tom & Jerry\u2019s");
    // No-break spaces read as spaces in the body.
    EXPECT_EQ(article.body, "Fish & chips \u2014 \u201Cfine\u201D");
}

TEST(HtmlExtractor, UnclosedComment) {
    const Article article =
        extract_html_article("<title>T</title><p>Before.</p><!-- never closed <p>after</p>");
    // As in a browser, an unclosed comment hides the rest of the page.
    EXPECT_EQ(article.body, "Before.");
    EXPECT_EQ(extract_html_article("<p>a</p><!--><p>b</p><!---><p>c</p>").body, "a\n\nb\n\nc");
}

TEST(HtmlExtractor, UnclosedScript) {
    const Article article =
        extract_html_article("<p>Before.</p><script>var s = '</scrip'; alert(1); <p>lost</p>");
    EXPECT_EQ(article.body, "Before.");
    // "</script" must end at a name boundary: "</scripts>" does not close it.
    EXPECT_EQ(extract_html_article("<script>a</scripts>b</SCRIPT >c").body, "c");
}

TEST(HtmlExtractor, StrayLessThan) {
    EXPECT_EQ(extract_html_article("<p>if a < b and c <= d, 1<2 </p>").body,
              "if a < b and c <= d, 1<2");
    EXPECT_EQ(extract_html_article("<p>trailing <").body, "trailing <");
    // "</ p>" is a bogus comment to an HTML5 parser, as to a browser.
    EXPECT_EQ(extract_html_article("<p>x</ p>y").body, "xy");
}

TEST(HtmlExtractor, QuotedGreaterThanInAttributes) {
    EXPECT_EQ(extract_html_article(
                  "<p><a title=\"a > b\" href='/x?q=>'>Link</a> and <img alt=\">\">text</p>")
                  .body,
              "Link and text");
    // A quote that never closes runs to the end of the page, as in a browser.
    EXPECT_EQ(extract_html_article("<p><a href=\"/broken>Text</a> more</p>").body, "");
}

TEST(HtmlExtractor, OtherBrokenMarkup) {
    EXPECT_EQ(extract_html_article("<p>open <b>bold <i>both</p><p>then").body,
              "open bold both\n\nthen");
    EXPECT_EQ(extract_html_article("<p>text <a href=").body, "text");
    // An unclosed <title> holds the rest of the page as text (HTML5's
    // RCDATA), as in a browser; CDATA outside SVG is a bogus comment that
    // ends at the first '>'.
    EXPECT_EQ(extract_html_article("<title>Unclosed title<p>Body text.</p>").title,
              "Unclosed title<p>Body text.</p>");
    EXPECT_EQ(extract_html_article("<title>Unclosed title<p>Body text.</p>").body, "");
    EXPECT_EQ(extract_html_article("<![CDATA[raw <text>]]><p>x</p>").body, "]]>\n\nx");
    EXPECT_EQ(extract_html_article("<?xml version=\"1.0\"?><p>x</p><!DOCTYPE").body, "x");
    EXPECT_EQ(extract_html_article("").body, "");
}

// A page built to make a careless scanner quadratic: every tag opens a
// quote that never closes, every <title> is unclosed, every comment opener
// lacks its closer. Must finish in well under a second.
TEST(HtmlExtractor, HostileInputStaysLinear) {
    std::string page;
    for (int i = 0; i < 100000; ++i) page += "<a href=\"x>y ";
    for (int i = 0; i < 100000; ++i) page += "<title>t ";
    for (int i = 0; i < 100000; ++i) page += "<x a='1 ";
    for (int i = 0; i < 100000; ++i) page += "</script <script";
    const Article article = extract_html_article(page);
    // The first <title> is never closed: the rest of the page is its text,
    // cut to a title's length.
    EXPECT_THAT(article.title, StartsWith("t <title>t <title>"));
    EXPECT_LE(article.title.size(), kMaxTitleBytes + 3);
}

// Deterministic random soup of markup fragments: must never crash, and the
// body must stay valid UTF-8.
TEST(HtmlExtractor, RandomSoupNeverCrashes) {
    const char* pieces[] = {"<",        ">",      "</",    "<!--", "-->",       "\"",
                            "'",        "=",      "&",     "&#",   "&#x",       ";",
                            "p",        "script", "title", "nav",  "<h1>",      "</h1>",
                            "&amp;",    "&#150;", " ",     "\n",   "<![CDATA[", "]]>",
                            "\xC3\xA9", "<br/>",  "<pre>", "/",    "a",         "<meta "};
    std::uint32_t seed = 12345;
    for (int round = 0; round < 3000; ++round) {
        std::string page;
        const int length = static_cast<int>(seed % 80);
        for (int i = 0; i < length; ++i) {
            seed = seed * 1664525u + 1013904223u;
            page += pieces[(seed >> 16) % std::size(pieces)];
        }
        seed = seed * 1664525u + 1013904223u;
        const Article article = extract_html_article(page);
        ASSERT_TRUE(simdjson::validate_utf8(article.body.data(), article.body.size())) << page;
        ASSERT_TRUE(simdjson::validate_utf8(article.title.data(), article.title.size())) << page;
    }
}

TEST(HtmlExtractor, ThroughEntryPoint) {
    const Extraction out = extract_articles(kPage, "pages/a.html", format_for_path("pages/a.html"));
    ASSERT_EQ(out.articles.size(), 1u);
    EXPECT_EQ(out.articles[0].title, "US to Russia: Stop Iran missile sale talks");
    EXPECT_EQ(out.articles[0].path, "pages/a.html");
    EXPECT_THAT(out.articles[0].body, Not(HasSubstr("PressTV home")));

    const Extraction empty =
        extract_articles("<html><script>x</script></html>", "e.html", InputFormat::kHtml);
    EXPECT_TRUE(empty.articles.empty());
    ASSERT_EQ(empty.problems.size(), 1u);
    EXPECT_EQ(empty.problems[0].message, "no article text found");
}

}  // namespace
}  // namespace scoop
