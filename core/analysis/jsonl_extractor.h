#pragma once

#include <string_view>

#include "analysis/article.h"

namespace scoop {

// Reads articles from JSON Lines: one JSON object per line, Article.line its
// 1-based line number. Since .json exports are often one array of such
// objects, or a single pretty-printed object, a text that parses as one JSON
// document of that shape is read as such (Article.line is then the line on
// which each object starts).
//
// Fields, matched case-insensitively; where several aliases are present the
// earlier one in each list wins, and null counts as absent:
//   title:  title, headline
//   body:   body, text, content, article, description, summary
//           (an array of strings is joined into paragraphs)
//   date:   date, published, pubDate, timestamp, publishedAt, published_at,
//           datePublished (a string parse_date accepts, or a number of
//           seconds or milliseconds since the epoch)
//   source: source, publisher, site (or an object with a "name")
//   url:    url, link
// Other fields are ignored. A field of the wrong type, or a date that cannot
// be read, is reported and left out; the article stays. A line that is not
// valid JSON, not an object, or has neither title nor body is reported with
// its line number and skipped; the other lines still give articles. Blank
// lines are skipped silently.
//
// Input must be valid UTF-8 (decode_text makes it so). Leaves encoding and
// replaced_bytes of the result alone, and path of the articles empty.
Extraction extract_json_articles(std::string_view utf8);

}  // namespace scoop
