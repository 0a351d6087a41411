#pragma once

#include <string>
#include <string_view>

namespace scoop {

// Decodes character references in HTML text: named ones common in news
// pages (&amp; &nbsp; &mdash; &eacute; ...) and numeric ones (&#8217;
// &#x2019;, with &#128;-&#159; read as Windows-1252 as browsers do).
// Numeric references to no character (0, surrogates, beyond U+10FFFF,
// control characters) are dropped; unknown names stay as written. The HTML
// parser decodes the page itself; this is for text that arrives still
// encoded (JSON-LD strings, doubly escaped meta contents).
std::string decode_html_entities(std::string_view text);

}  // namespace scoop
