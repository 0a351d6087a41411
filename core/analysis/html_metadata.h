#pragma once

#include <gumbo.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "analysis/date_parser.h"

namespace scoop {

// A date a page states, with how much it is to be trusted.
struct DateClaim {
    WrittenDate date;
    std::string text;  // as written
    int rank = 0;      // lower is more trusted (see html_metadata.cpp)
};

// What a page says about itself outside its text: <title>, <meta> tags
// (Open Graph, Dublin Core, parsely, sailthru, itemprop...), <link
// rel=canonical> and JSON-LD.
struct PageMetadata {
    std::string title;     // <title>
    std::string og_title;  // og:title, else twitter:title
    std::string headline;  // JSON-LD headline
    std::string site_name;
    std::string url;
    std::optional<DateClaim> published;  // the most trusted publication date
    std::optional<DateClaim> modified;   // a modification date, the last resort
};

// Reads the metadata of a parsed page; json_ld are the page's JSON-LD
// scripts (the prefilter keeps them aside). Walks the tree iteratively.
PageMetadata read_page_metadata(const GumboNode* root, std::span<const std::string> json_ld);

// Keeps better claims: a claim replaces `slot` when it is more trusted.
void offer_date_claim(std::optional<DateClaim>& slot, std::string_view text, int rank);

// Ranks of dates found in the page's body, after every metadata source.
inline constexpr int kRankItempropElement = 20;
inline constexpr int kRankTimeInArticle = 30;
inline constexpr int kRankGenericDateMeta = 35;
inline constexpr int kRankUrl = 40;
inline constexpr int kRankDateElementInArticle = 50;
inline constexpr int kRankTextInArticle = 60;
inline constexpr int kRankTimeAnywhere = 70;
inline constexpr int kRankTextAnywhere = 80;
inline constexpr int kRankChromeAnywhere = 90;

// The page's headline: the article's <h1> when a title source agrees with
// it, else og:title or the JSON-LD headline, else <title>, each less the
// site name and the separator joining it ("... | creativecommons", "- DER
// SPIEGEL"), else the <h1>. An <h1> that is the article's (in its region)
// wins over a <title> that only names the site; one that is an edge part
// of the title is the site's name.
std::string choose_title(const PageMetadata& metadata, std::string_view h1, bool h1_in_article);

// The date in a URL: /2020/09/21/, /2020-09-21, /20200921/.
std::optional<WrittenDate> date_in_url(std::string_view url);

}  // namespace scoop
