#include "index/term.h"

#include <fmt/format.h>

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
        case TermKind::kTextPair:
            return fmt::format("text:\"{}\"", key_text(key));
        case TermKind::kTitlePair:
            return fmt::format("title:\"{}\"", key_text(key));
    }
    std::string out(label);
    out.append(key_text(key));
    return out;
}

std::string_view kind_name(TermKind k) {
    switch (k) {
        case TermKind::kTextWord:
            return "text words";
        case TermKind::kTextStem:
            return "text stems";
        case TermKind::kTitleWord:
            return "title words";
        case TermKind::kTitleStem:
            return "title stems";
        case TermKind::kTextPair:
            return "text pairs";
        case TermKind::kTitlePair:
            return "title pairs";
    }
    return "unknown";
}

}  // namespace scoop
