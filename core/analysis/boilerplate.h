#pragma once

#include <string_view>

namespace scoop {

// Line-level tests for the page furniture that scraped news pages carry
// around an article. Shared by the text and HTML extractors. All take valid
// UTF-8 and are linear in the line; lines longer than a few hundred bytes
// are never furniture, so those return early.

// Strips ASCII whitespace and the no-break, zero-width and BOM characters
// that pages saved as text keep at line ends.
std::string_view trim_line(std::string_view line);

// A whole line of site chrome: "Search This Blog", "Share this article",
// "Get the latest updates as we post them ...", "... Share/Save/Bookmark
// Subscribe". Compared case-insensitively, ignoring surrounding punctuation.
bool is_boilerplate_line(std::string_view line);

// A line that opens the trailing chrome of a blog or news page: "No
// comments:", "Blog Archive", "Post a Comment", "Labels: ...", "Posted by
// ...", "3 comments:". What follows it is comments and sidebars, not article.
bool is_trailer_marker(std::string_view line);

// At least two upper-case letters and no lower-case ones: "ARCHIVE ISCOFIS".
bool is_all_caps(std::string_view line);

// At least one lower-case letter.
bool has_lowercase(std::string_view line);

// At least one letter, in any script.
bool has_letters(std::string_view line);

// Number of whitespace-separated words.
std::size_t count_words(std::string_view line);

}  // namespace scoop
