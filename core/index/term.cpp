#include "index/term.h"

namespace scoop {

std::string describe_key(std::string_view key) {
    if (key.empty()) return "<empty>";
    std::string_view label = "?";
    switch (key_kind(key)) {
        case TermKind::kTextWord:
            label = "text:";
            break;
        case TermKind::kTextStem:
            label = "text~";
            break;
        case TermKind::kTitleWord:
            label = "title:";
            break;
        case TermKind::kTitleStem:
            label = "title~";
            break;
    }
    std::string out(label);
    out.append(key_text(key));
    return out;
}

}  // namespace scoop
