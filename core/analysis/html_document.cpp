#include "analysis/html_document.h"

#include "util/error.h"

namespace scoop {
namespace {

GumboOptions parser_options() {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // the parse errors of real pages are of no use here
    return options;
}

}  // namespace

HtmlDocument::HtmlDocument(std::string_view html) {
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
