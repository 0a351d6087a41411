#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace scoop {

// What the HTML parser is given, and what was taken out on the way.
struct PrefilteredHtml {
    std::string html;                    // the page, less what the parser need not see
    std::vector<std::string> json_ld;    // <script type="application/ld+json"> contents
    std::size_t dropped_start_tags = 0;  // start tags cut to bound the nesting depth
};

// The deepest element nesting handed to the parser (Blink's limit). The
// HTML5 tree builder looks down the stack of open elements on most tags, so
// its cost grows with depth times tags: bounded, a hostile page of a million
// nested <div>s costs what a normal page of that size costs.
inline constexpr std::size_t kMaxHtmlNesting = 512;

// One linear pass over a page before the HTML5 parser sees it:
//  - the contents of <script>, <style>, <noscript>, <template>, <iframe>,
//    <noembed>, <noframes> and <xmp> are dropped with their tags (they
//    hold no visible text; on news pages they are half of the bytes and
//    most of the parser's time), except JSON-LD scripts, whose text is kept
//    aside for the metadata;
//  - comments are dropped;
//  - start tags that would nest elements deeper than kMaxHtmlNesting are
//    dropped, with the end tags that would close them.
// Everything else is passed through byte for byte, so the parser still
// closes unclosed and misnested tags as browsers do. Tags are read as the
// HTML5 tokenizer reads them (quoted attribute values may hold '>'); the
// element nesting is estimated by a small model (void elements, <p> and
// <li> closing their like, end tags closing what they enclose), which can
// only err on the side of deeper.
PrefilteredHtml prefilter_html(std::string_view html);

}  // namespace scoop
