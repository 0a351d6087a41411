#pragma once

#include <string>
#include <string_view>

#include "analysis/article.h"
#include "analysis/html_entities.h"  // decode_html_entities, part of this interface before

namespace scoop {

// Pulls title, date, source, url and body out of an HTML page. Input must
// be valid UTF-8 (decode_text makes it so); the caller sets path.
//
// The page is parsed by gumbo, an implementation of the WHATWG HTML5
// parsing algorithm, after html_prefilter.h has dropped scripts, styles and
// comments and bounded the nesting depth; the tree is walked iteratively.
//  - body: the visible text cut into blocks (paragraphs, headings, list
//    items, cells), then the article's blocks chosen (page_regions.h): the
//    region the markup names as the article body, the article or the main
//    content, less navigation, sidebars, comments, "related" lists, sharing
//    bars, date lines and link lists inside it; with no such region,
//    jusText's classification by length, link density and function-word
//    density of the page's language (text_blocks.h). Blocks are joined by
//    blank lines, lines within a block (<br>, <pre>) by '\n'.
//  - title: choose_title (html_metadata.h): the article's <h1> when
//    og:title, JSON-LD or <title> agree, else those less the site name.
//  - date: JSON-LD datePublished of the article, the publication metas
//    (article:published_time, DC.date, parsely, sailthru, ...), an
//    itemprop=datePublished element, a <time> inside the article (not one
//    in a teaser or sidebar), the URL, a date line at the top of the
//    article, a modification date last. Kept as written (article.h).
//  - source: og:site_name, else the publisher metas, else JSON-LD's
//    publisher. url: og:url, else <link rel="canonical">.
Article extract_html_article(std::string_view utf8);

// Titles longer than this are cut at a space and end in an ellipsis.
inline constexpr std::size_t kMaxTitleBytes = 300;

}  // namespace scoop
