#pragma once

#include <string_view>

#include "analysis/article.h"

namespace scoop {

// Pulls title, date, source and body out of a plain-text article: a news
// page saved as text, or wire copy. Input must be valid UTF-8 (decode_text
// makes it so). Sets title, date, source and body; the caller sets path.
//
// The heuristics, line by line (lines end at LF, CRLF or CR):
//  - Furniture lines (boilerplate.h) are dropped wherever they are.
//  - A date line is a short line holding a date and otherwise only a label
//    ("Last Updated: 07/27/2016"), a byline, or a source after a separator
//    ("Thu, 05 Mar 2009 22:24:36 GMT | PressTV"). Date lines never reach the
//    body. The article's date is the first one above the body that has a
//    time of day, else the first one above the body, else the first one in
//    the body; with no date line, the first date written in a header line.
//  - A byline ("By John Smith") is neither headline nor body.
//  - Scraped pages: where jusText (text_blocks.h) finds prose, the article
//    is that prose (menus, "related" lists and share lines in it dropped,
//    sentences kept) and the title the fullest headline-like paragraph just
//    above it (a headline wrapped over lines is joined); no menu line or
//    trailer word before the prose ends or names the article.
//  - Otherwise the title is the first line that is not furniture or a date and reads
//    like a headline: letters, <= 200 bytes, <= 30 words, not ending in a
//    full stop or colon, and a paragraph of its own (not the first line of
//    a hard-wrapped paragraph). All-capital lines there are taken for
//    banners unless no mixed-case headline comes before the body. With no
//    headline, the first content line (shortened to 200 bytes) is the title
//    and also starts the body.
//  - The body is the content lines after the title, up to a trailer marker
//    ("No comments:", "Blog Archive", "Labels: ..."), less all-capital
//    banners just after the title and at the end (only when the body has
//    lower case at all: old wire copy is capitals throughout). Lines of a
//    paragraph are joined with "\n", paragraphs with "\n\n".
//  - Source: the dateline's, else a "Source: X" line, else a final credit
//    line in parentheses ("(AP, Reuters)"), which is kept out of the body.
//
// A text without content lines gives an empty title and body.
Article extract_text_article(std::string_view utf8);

}  // namespace scoop
