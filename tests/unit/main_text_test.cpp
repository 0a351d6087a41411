// Main-text extraction on small hand-written pages, one per failure kind
// of issue 17: boilerplate in other languages, unclosed skipped elements,
// menus in scraped text, dates in metadata and teasers, site names in
// titles, hostile nesting.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "analysis/date_parser.h"
#include "analysis/html_extractor.h"
#include "analysis/html_prefilter.h"
#include "analysis/stop_words.h"
#include "analysis/text_extractor.h"

namespace scoop {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

const std::string kGermanProse =
    "Die Stadt hat am Montag beschlossen, dass die neue Brücke über den Fluss im kommenden "
    "Jahr gebaut wird. Der Bürgermeister sagte, er sei froh, dass die lange Planung nun zu "
    "einem Ende gekommen ist und die Bürger bald davon profitieren können.";
const std::string kGermanProse2 =
    "Nach Angaben der Verwaltung werden die Kosten bei etwa zwölf Millionen Euro liegen. Ein "
    "Teil davon wird vom Land übernommen, der Rest muss aus dem städtischen Haushalt bezahlt "
    "werden, wie es in der Mitteilung heißt.";

TEST(MainText, GermanRelatedAndCommentSectionsAreDropped) {
    const std::string page =
        "<html><body><nav><a href='/'>Startseite</a> <a href='/p'>Politik</a></nav>"
        "<article><h1>Neue Brücke für die Stadt</h1><p>" +
        kGermanProse + "</p><p>" + kGermanProse2 +
        "</p></article>"
        "<div class='related-posts'><h3>Ähnliche Beiträge</h3><ul><li><a href='/a'>Alte "
        "Brücke wird abgerissen</a></li></ul></div>"
        "<div id='comments'><h3>Schreibe einen Kommentar</h3><p>Deine E-Mail-Adresse wird "
        "nicht veröffentlicht.</p></div></body></html>";
    const Article article = extract_html_article(page);
    EXPECT_EQ(article.body,
              "Neue Brücke für die Stadt\n\n" + kGermanProse + "\n\n" + kGermanProse2);
    EXPECT_EQ(article.title, "Neue Brücke für die Stadt");
}

TEST(MainText, MehrZumThemaLinkListInsideTheArticle) {
    // A heading introducing a list of links at the end of the article
    // goes with the list, whatever language it is in.
    const std::string page = "<article><p>" + kGermanProse + "</p><p>" + kGermanProse2 +
                             "</p><h2>Mehr zum Thema</h2><ul><li><a href='/x'>Brückenbau in "
                             "Köln verzögert sich</a></li><li><a href='/y'>Radwege werden "
                             "ausgebaut</a></li></ul></article>";
    const Article article = extract_html_article(page);
    EXPECT_EQ(article.body, kGermanProse + "\n\n" + kGermanProse2);
}

TEST(MainText, DateLinesGoSentencesWithDatesStay) {
    const std::string page = "<article><p>31. Mai 2012</p><p>" + kGermanProse +
                             "</p><p>Ab 1. Januar 2024 gilt die Steuer auch für Tabak.</p><p>" +
                             kGermanProse2 + "</p></article>";
    EXPECT_EQ(
        extract_html_article(page).body,
        kGermanProse + "\n\nAb 1. Januar 2024 gilt die Steuer auch für Tabak.\n\n" + kGermanProse2);
}

TEST(MainText, LeadParagraphAboveTheArticleBody) {
    // The template puts the lead outside the body's markup, with a picture
    // credit between them.
    const std::string lead =
        "Die Stadt baut eine neue Brücke, und die Bürger sollen schon im nächsten Jahr darüber "
        "gehen können.";
    const std::string page = "<div><p class='lead'>" + lead +
                             "</p><p>Foto: Archiv</p></div><article><p>" + kGermanProse +
                             "</p><p>" + kGermanProse2 + "</p></article>";
    EXPECT_EQ(extract_html_article(page).body,
              lead + "\n\n" + kGermanProse + "\n\n" + kGermanProse2);
}

TEST(MainText, UnclosedSkippedElementsDoNotHideThePage) {
    // An unclosed <header>, <nav>, <button> or <svg> is closed where the
    // HTML5 algorithm closes it; the article after it survives.
    for (const char* opener : {"<header><a href='/'>Logo</a>", "<nav><a href='/'>Menü</a>",
                               "<button>Menü", "<svg><path d='M0'>"}) {
        const std::string page = std::string("<body>") + opener + "<main><p>" + kGermanProse +
                                 "</p><p>" + kGermanProse2 + "</p></main></body>";
        const Article article = extract_html_article(page);
        EXPECT_THAT(article.body, HasSubstr(kGermanProse)) << opener;
        EXPECT_THAT(article.body, HasSubstr(kGermanProse2)) << opener;
    }
}

TEST(MainText, DeepNestingIsBoundedAndFast) {
    std::string page;
    for (int i = 0; i < 300000; ++i) page += "<div>";
    page += "<p>deep text</p>";
    for (int i = 0; i < 300000; ++i) page += "</div>";
    page += "<p>after</p>";
    const PrefilteredHtml filtered = prefilter_html(page);
    EXPECT_GE(filtered.dropped_start_tags, 300000u - kMaxHtmlNesting);
    EXPECT_LT(filtered.dropped_start_tags, 300000u);
    const Article article = extract_html_article(page);
    EXPECT_THAT(article.body, HasSubstr("deep text"));
    EXPECT_THAT(article.body, HasSubstr("after"));
}

TEST(MainText, PrefilterDropsScriptsAndKeepsJsonLd) {
    const PrefilteredHtml f = prefilter_html(
        "<p>a</p><script>var s = '<div>';</script><!-- <div> -->"
        "<script type=\"application/ld+json\">{\"datePublished\":\"2022-01-25\"}</script>"
        "<style>p{}</style><title>t <b></title>");
    EXPECT_EQ(f.html, "<p>a</p><title>t <b></title>");
    ASSERT_EQ(f.json_ld.size(), 1u);
    EXPECT_EQ(f.json_ld[0], "{\"datePublished\":\"2022-01-25\"}");
}

TEST(MainText, LanguageOfFunctionWords) {
    EXPECT_EQ(count_words_by_language(kGermanProse).likeliest_language(),
              StopWordLanguage::kGerman);
    EXPECT_EQ(count_words_by_language("Le gouvernement a annoncé que les travaux de la route "
                                      "seront terminés avant la fin de l'année.")
                  .likeliest_language(),
              StopWordLanguage::kFrench);
    EXPECT_EQ(count_words_by_language("Rząd poinformował, że prace na drodze zostaną "
                                      "zakończone przed końcem roku, ale nie podał kosztów.")
                  .likeliest_language(),
              StopWordLanguage::kPolish);
    EXPECT_EQ(count_words_by_language("En annerledes sesong med fotballskole nærmer seg slutten, "
                                      "og derfor er det ekstra gledelig å se at barn har deltatt.")
                  .likeliest_language(),
              StopWordLanguage::kDanishNorwegian);
    EXPECT_EQ(count_words_by_language("Regeringen säger att arbetet med vägen ska vara klart "
                                      "innan året är slut, men inte hur mycket det kostar.")
                  .likeliest_language(),
              StopWordLanguage::kSwedish);
    EXPECT_EQ(count_words_by_language("Hallitus kertoi, että tien työt ovat valmiita ennen "
                                      "vuoden loppua, mutta se ei kertonut kustannuksia.")
                  .likeliest_language(),
              StopWordLanguage::kFinnish);
    // English prose stays English beside the Scandinavian lists' "i", "man", "under".
    EXPECT_EQ(count_words_by_language("I think the man who stood under the bridge said that "
                                      "he would come back in the morning.")
                  .likeliest_language(),
              StopWordLanguage::kEnglish);
}

TEST(HtmlDates, JsonLdAndMetaSources) {
    const std::string body = "<p>" + kGermanProse + "</p>";
    EXPECT_EQ(extract_html_article("<script type='application/ld+json'>{\"@type\":\"NewsArticle\","
                                   "\"datePublished\":\"2021-11-03T08:00:00+01:00\"}</script>" +
                                   body)
                  .date,
              make_timestamp(2021, 11, 3, 8, 0, 0));
    for (const char* meta : {"<meta property='og:article:published_time' content='2021-11-03'>",
                             "<meta name='DC.date' content='2021-11-03'>",
                             "<meta name='dcterms.created' content='2021-11-03'>",
                             "<meta name='parsely-pub-date' content='2021-11-03T10:00:00Z'>",
                             "<meta name='sailthru.date' content='2021-11-03 10:00:00'>",
                             "<meta itemprop='uploadDate' content='2021-11-03'>"}) {
        const Article article = extract_html_article(std::string(meta) + body);
        ASSERT_NE(article.date, kNoDate) << meta;
        EXPECT_EQ(article.date / 86400, *make_timestamp(2021, 11, 3) / 86400) << meta;
    }
}

TEST(HtmlDates, LocalDayIsKeptWithItsZone) {
    // 23:30 in New York is the next day in UTC: the day written stays.
    const Article article = extract_html_article(
        "<meta property='article:published_time' content='2021-11-03T23:30:00-05:00'><p>x</p>");
    EXPECT_EQ(article.date, make_timestamp(2021, 11, 3, 23, 30, 0));
    EXPECT_EQ(article.date_utc_offset, -5 * 3600);
    EXPECT_EQ(article.date_text, "2021-11-03T23:30:00-05:00");
}

TEST(HtmlDates, TimeInTheArticleNotInATeaser) {
    const std::string page =
        "<aside class='sidebar'><time datetime='2023-05-01'>1. Mai</time><a href='/t'>Teaser</a>"
        "</aside><article><h1>Brücke</h1><p class='date'>Di., 25.01.2022 - 14:45</p><p>" +
        kGermanProse + "</p></article>";
    const Article article = extract_html_article(page);
    // The day; " - 14:45" is not read as its time of day.
    EXPECT_EQ(article.date, make_timestamp(2022, 1, 25));
    // The date line is metadata, not text.
    EXPECT_THAT(article.body, Not(HasSubstr("25.01.2022")));
}

TEST(HtmlDates, DateInTheUrl) {
    const Article article = extract_html_article(
        "<link rel='canonical' href='https://example.org/2020/09/21/bridge-plan/'><p>" +
        kGermanProse + "</p>");
    EXPECT_EQ(article.date, make_timestamp(2020, 9, 21));
}

TEST(HtmlTitles, SiteNamesAndSeparatorsRemoved) {
    EXPECT_EQ(extract_html_article("<meta property='og:site_name' content='DER SPIEGEL'>"
                                   "<title>Neue Brücke für die Stadt - DER SPIEGEL</title><p>x</p>")
                  .title,
              "Neue Brücke für die Stadt");
    EXPECT_EQ(extract_html_article("<link rel='canonical' href='https://creativecommons.org/x'>"
                                   "<title>Licensing considerations | creativecommons</title>")
                  .title,
              "Licensing considerations");
    // The article's <h1>, when <title> or og:title agrees with it.
    EXPECT_EQ(extract_html_article("<title>Politik: Neue Brücke für die Stadt | Zeitung</title>"
                                   "<article><h1>Neue Brücke für die Stadt</h1><p>x</p></article>")
                  .title,
              "Neue Brücke für die Stadt");
}

TEST(WrittenDates, EuropeanForms) {
    EXPECT_EQ(parse_written_date("25. Januar 2022")->local, *make_timestamp(2022, 1, 25));
    EXPECT_EQ(parse_written_date("1. März 2023")->local, *make_timestamp(2023, 3, 1));
    EXPECT_EQ(parse_written_date("25 janvier 2022")->local, *make_timestamp(2022, 1, 25));
    EXPECT_EQ(parse_written_date("1er février 2022")->local, *make_timestamp(2022, 2, 1));
    EXPECT_EQ(parse_written_date("25 stycznia 2022")->local, *make_timestamp(2022, 1, 25));
    EXPECT_EQ(parse_written_date("5 de enero de 2022")->local, *make_timestamp(2022, 1, 5));
    EXPECT_EQ(parse_written_date("25 gennaio 2022")->local, *make_timestamp(2022, 1, 25));
    EXPECT_EQ(find_date("Di., 25.01.2022 - 14:45")->local, *make_timestamp(2022, 1, 25));
    EXPECT_EQ(find_date("Veröffentlicht am 3. Oktober 2021 um 10:00")->local,
              *make_timestamp(2021, 10, 3));
    // The zone is recorded, the local time kept.
    const auto written = parse_written_date("2009-03-06T00:24:36+02:00");
    EXPECT_EQ(written->local, *make_timestamp(2009, 3, 6, 0, 24, 36));
    EXPECT_EQ(written->utc_offset, 7200);
    EXPECT_EQ(parse_date("2009-03-06T00:24:36+02:00"), make_timestamp(2009, 3, 5, 22, 24, 36));
}

TEST(ScrapedText, MenuLinesDoNotEndOrNameTheArticle) {
    const std::string text =
        "  • About Me\n  • Filed under\n  • Kontakt\n\n"
        "Neue Brücke für die Stadt\n\n"
        "25. Januar 2022\n\n" +
        kGermanProse + "\n\n" + kGermanProse2 +
        "\n\nÄhnliche Beiträge\n\n  • Alte Brücke wird abgerissen\n  • Radwege werden "
        "ausgebaut\n";
    const Article article = extract_text_article(text);
    EXPECT_EQ(article.title, "Neue Brücke für die Stadt");
    EXPECT_EQ(article.date, make_timestamp(2022, 1, 25));
    EXPECT_EQ(article.body, kGermanProse + "\n\n" + kGermanProse2);
}

TEST(ScrapedText, NavigationButtonsAndFormFieldsAboveTheHeadlineAreNotTheTitle) {
    // Each of these stands closer to the prose than the headline does, and
    // each is a line a text renderer makes of a page's furniture.
    for (const std::string furniture :
         {"\u2190 Das F-Wort \u2013 Teil 2", "Suche wmn \u00BB Health \u00BB Body & Fitness",
          "Kathrin Hofmeister Kathrin Hofmeister",
          "zum Kalender hinzuf\u00FCgen Jetzt anmelden "
          "Jetzt anmelden",
          "Remove Ads Settings Dark Theme Width [Max] [16px]",
          "- Gemeinsam entwickelter Versuchsstand reduziert den Aufwand"}) {
        const std::string text = "Neue Br\u00FCcke f\u00FCr die Stadt\n\n" + furniture + "\n\n" +
                                 kGermanProse + "\n\n" + kGermanProse2 + "\n";
        EXPECT_EQ(extract_text_article(text).title, "Neue Br\u00FCcke f\u00FCr die Stadt")
            << furniture;
    }
}

TEST(ScrapedText, AHeadlineBesideOtherTableCellsIsTakenAlone) {
    const std::string text =
        "Suche                    Neue Br\u00FCcke f\u00FCr die Stadt       "
        "             Mehr zu\n\n" +
        kGermanProse + "\n\n" + kGermanProse2 + "\n";
    EXPECT_EQ(extract_text_article(text).title, "Neue Br\u00FCcke f\u00FCr die Stadt");
}

TEST(ScrapedText, DateLineKeepsItsDayAndZone) {
    // 23:30 in New York is already the next day in UTC: the day written
    // stays, the zone is recorded.
    const Article article = extract_text_article(
        "Talks Resume In Geneva\n\nMarch 6, 2009 11:30 PM EST\n\nDiplomats met again on "
        "Friday.\n");
    EXPECT_EQ(article.date, make_timestamp(2009, 3, 6, 23, 30, 0));
    EXPECT_EQ(article.date_utc_offset, -5 * 3600);
    EXPECT_EQ(article.date_text, "March 6, 2009 11:30 PM EST");
}

TEST(ScrapedText, DateLineWithALabelInAnyLanguage) {
    for (const char* line :
         {"Veröffentlicht am: 6. August 2009", "Erstellt am 06.08.2009, 06:00 Uhr",
          "Posted by Konstantin 06.08.2009", "Publié le 6 août 2009"}) {
        const Article article =
            extract_text_article("Neue Brücke für die Stadt\n\n" + std::string(line) + "\n\n" +
                                 kGermanProse + "\n\n" + kGermanProse2 + "\n");
        EXPECT_EQ(article.date / 86400, *make_timestamp(2009, 8, 6) / 86400) << line;
        EXPECT_EQ(article.body, kGermanProse + "\n\n" + kGermanProse2) << line;
    }
}

TEST(ScrapedText, HeadlineWrappedOverTwoLinesAboveABylineIsTheTitle) {
    // w3m wraps long headlines at 80 columns; a byline and a section link
    // stand between the headline and the text.
    const std::string text =
        "  • Startseite\n  • Politik\n\n"
        "Neue Brücke für die Stadt: Der Stadtrat beschließt den Bau nach zehn Jahren\n"
        "Planung\n\nVon Anna Schmidt\n\nZurück zur Übersicht\n\n" +
        kGermanProse + "\n\n" + kGermanProse2 + "\n";
    const Article article = extract_text_article(text);
    EXPECT_EQ(article.title,
              "Neue Brücke für die Stadt: Der Stadtrat beschließt den Bau nach zehn Jahren "
              "Planung");
    EXPECT_EQ(article.body, kGermanProse + "\n\n" + kGermanProse2);
}

}  // namespace
}  // namespace scoop
