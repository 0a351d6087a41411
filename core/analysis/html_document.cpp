#include "analysis/html_document.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "util/error.h"

namespace scoop {
namespace {

GumboOptions parser_options() {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // the parse errors of real pages are of no use here
    return options;
}

// Gumbo adds up a numeric reference's digits in an int, so "&#xBBBBBBBB;"
// overflows to a negative code point that passes its range check and comes
// out as bytes that are not UTF-8 (and "&#x100000041;" wraps round to 'A').
// Every reference beyond U+10FFFF is rewritten as the replacement character
// it stands for in HTML5; "" when the page has none (the usual case).
std::string repair_numeric_references(std::string_view html) {
    std::string out;
    std::size_t copied = 0;
    for (std::size_t at = html.find("&#"); at != std::string_view::npos;
         at = html.find("&#", at + 1)) {
        std::size_t i = at + 2;
        const bool hex = i < html.size() && (html[i] == 'x' || html[i] == 'X');
        if (hex) ++i;
        std::uint64_t value = 0;
        const std::size_t digits = i;
        while (i < html.size()) {
            const auto c = static_cast<unsigned char>(html[i]);
            if (!(hex ? std::isxdigit(c) : std::isdigit(c))) break;
            const std::uint64_t digit = std::isdigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
            value = std::min<std::uint64_t>(value * (hex ? 16 : 10) + digit, 0x110000);
            ++i;
        }
        if (i == digits || value <= 0x10FFFF) continue;
        if (i < html.size() && html[i] == ';') ++i;
        out.append(html.substr(copied, at - copied)).append("&#xFFFD;");
        copied = i;
    }
    if (copied == 0) return {};
    out.append(html.substr(copied));
    return out;
}

}  // namespace

HtmlDocument::HtmlDocument(std::string_view html) : repaired_(repair_numeric_references(html)) {
    if (!repaired_.empty()) html = repaired_;
    const GumboOptions options = parser_options();
    output_ = gumbo_parse_with_options(&options, html.data(), html.size());
    if (output_ == nullptr) throw Error("out of memory while parsing an HTML page");
}

HtmlDocument::~HtmlDocument() {
    const GumboOptions options = parser_options();
    gumbo_destroy_output(&options, output_);
}

std::string_view tag_name(const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return {};
    const GumboElement& element = node->v.element;
    if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
    // An unknown tag keeps its name as written: "<fb:like", "<my-widget".
    GumboStringPiece name = element.original_tag;
    gumbo_tag_from_original_text(&name);
    return {name.data, name.length};
}

std::string_view attribute(const GumboNode* element, const char* name) {
    if (element->type != GUMBO_NODE_ELEMENT && element->type != GUMBO_NODE_TEMPLATE) return {};
    const GumboAttribute* a = gumbo_get_attribute(&element->v.element.attributes, name);
    return a == nullptr ? std::string_view() : std::string_view(a->value);
}

bool has_attribute(const GumboNode* element, const char* name) {
    if (element->type != GUMBO_NODE_ELEMENT && element->type != GUMBO_NODE_TEMPLATE) return false;
    return gumbo_get_attribute(&element->v.element.attributes, name) != nullptr;
}

}  // namespace scoop
