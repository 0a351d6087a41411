#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>

namespace scoop {

// A page parsed by gumbo, the WHATWG HTML5 parsing algorithm: unclosed and
// misnested tags are closed as browsers close them, character references
// are decoded. Owns the tree; nodes live as long as the document.
// REQUIRES: the input stays alive and unchanged while the document does
// (gumbo's nodes point into it).
class HtmlDocument {
  public:
    explicit HtmlDocument(std::string_view html);
    ~HtmlDocument();
    HtmlDocument(const HtmlDocument&) = delete;
    HtmlDocument& operator=(const HtmlDocument&) = delete;

    const GumboNode* root() const { return output_->root; }

  private:
    // The input with out-of-range numeric references replaced, when it
    // has any (gumbo's nodes then point into this copy).
    std::string repaired_;
    GumboOutput* output_ = nullptr;
};

// The lower-case tag name of an element ("div", or the name written for
// tags gumbo does not know); "" for other nodes.
std::string_view tag_name(const GumboNode* node);

// An attribute's (decoded) value; "" when absent.
std::string_view attribute(const GumboNode* element, const char* name);

// Whether the attribute is present at all.
bool has_attribute(const GumboNode* element, const char* name);

}  // namespace scoop
