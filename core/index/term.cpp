#include "index/term.h"

#include <array>

namespace scoop {
namespace {

// By TermKind; entry 0 stands for a kind byte this program does not know.
struct KindText {
    std::string_view prefix;  // before a word or stem in messages
    std::string_view name;    // for statistics
};
constexpr std::array<KindText, kTermKindCount> kKindTexts = {{
    {"?", "unknown"},
    {"text:", "text words"},
    {"text~", "text stems"},
    {"title:", "title words"},
    {"title~", "title stems"},
    {"text:", "text pairs"},
    {"title:", "title pairs"},
    {"source:", "sources"},
}};

const KindText& kind_text(TermKind k) {
    const auto i = static_cast<std::size_t>(k);
    return kKindTexts[i < kKindTexts.size() ? i : 0];
}

}  // namespace

std::string describe_phrase(Field field, std::string_view words) {
    std::string out(field == Field::kTitle ? "title:\"" : "text:\"");
    out.append(words);
    out.push_back('"');
    return out;
}

std::string describe_key(std::string_view key) {
    if (key.empty()) return "<empty>";
    const TermKind kind = key_kind(key);
    if (kind == TermKind::kTextPair || kind == TermKind::kTitlePair)
        return describe_phrase(field_of(kind), key_text(key));
    std::string out(kind_text(kind).prefix);
    out.append(key_text(key));
    return out;
}

std::string_view kind_name(TermKind k) {
    return kind_text(k).name;
}

}  // namespace scoop
