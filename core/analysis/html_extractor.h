#pragma once

#include <string>
#include <string_view>

#include "analysis/article.h"

namespace scoop {

// Pulls title, date, source, url and body out of an HTML page. Input must
// be valid UTF-8 (decode_text makes it so); the caller sets path.
//
//  - title: <meta property="og:title">, else <title> (less a " | Site"
//    suffix naming the site), else the first <h1>.
//  - date: <meta property="article:published_time">, else another date
//    meta (name="date", "pubdate", "dc.date", itemprop="datePublished"...),
//    else the first <time datetime>.
//  - source: og:site_name, else <meta name="publisher">.
//  - url: og:url, else <link rel="canonical">.
//  - body: the visible text, without <script>, <style>, <nav>, <header>,
//    <footer>, <aside>, <noscript>, <template>, <svg>, <iframe>, <select>,
//    <button> or comments. Block elements break lines (br, li, tr, dt, dd)
//    or paragraphs (p, div, h1-h6, section, table, ...); other whitespace
//    collapses as a browser would, except inside <pre>. Whole lines of site
//    furniture (boilerplate.h) are dropped.
//
// The scanner is hand-written and tolerant: it reads broken markup as a
// browser would where that is cheap (an unclosed comment or <script> hides
// the rest of the page, a stray '<' is text) and is linear in the input
// whatever the input.
Article extract_html_article(std::string_view utf8);

// Decodes character references in HTML text: named ones common in news
// pages (&amp; &nbsp; &mdash; &eacute; ...) and numeric ones (&#8217;
// &#x2019;, with &#128;-&#159; read as Windows-1252 as browsers do).
// Numeric references to no character (0, surrogates, beyond U+10FFFF,
// control characters) are dropped; unknown names stay as written.
std::string decode_html_entities(std::string_view text);

}  // namespace scoop
