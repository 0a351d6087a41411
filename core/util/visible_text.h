#pragma once

// Text from articles, file names and queries shown on a terminal. Any of
// them can hold control characters: an escape sequence in a scraped title
// can clear the screen, set the window title or write the clipboard (OSC
// 52) of the person reading the results, and bidirectional overrides can
// make a file name read as another. Everything printed for people goes
// through visible(), which shows such characters as escapes instead of
// sending them, as `ls -b` and git do. JSON output needs none of this: its
// encoder escapes control characters itself.

#include <cstddef>
#include <string>
#include <string_view>

namespace scoop {

// `text` with every character that a terminal would act on rather than
// print written as a visible escape: C0 controls and DEL as \t, \n, \r,
// \e or \xHH; C1 controls (U+0080..U+009F) and the bidirectional
// embedding, override and isolate marks as \u{HHHH}. A backslash stays a
// backslash. Bytes that are not valid UTF-8 become \xHH. With
// `keep_newlines`, '\n' passes through (multi-line messages).
std::string visible(std::string_view text, bool keep_newlines = false);

// Columns `text` takes on a terminal once made visible(): East Asian wide
// and fullwidth characters take two, combining marks none. For placing a
// caret under a character of a query.
std::size_t display_width(std::string_view text);

}  // namespace scoop
