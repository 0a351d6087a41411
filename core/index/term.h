#pragma once

// What the dictionary holds. A document has two indexed fields, and each
// field has two kinds of terms, as Xapian's TermGenerator lays them out:
// the folded words with their positions (for phrases) and the stems with
// frequencies only (for ranked keyword matching). A third kind, word pairs,
// holds two adjacent words of which one is a common word (see
// common_words.h), with the first word's positions: the list of a phrase
// such as "of imports" without intersecting two huge lists, as Lucene's
// CommonGrams do, and a longer phrase as a phrase of short pair lists. A
// dictionary key is one kind byte followed by the term's UTF-8 text, so the
// kinds sort apart and a prefix query walks one kind only.

#include <cstdint>
#include <string>
#include <string_view>

namespace scoop {

enum class Field : std::uint8_t {
    kTitleAndBody = 0,  // title and body together: what plain query words search
    kTitle = 1,         // the title alone: title:word, and the title boost
};
inline constexpr std::size_t kFieldCount = 2;

enum class TermKind : std::uint8_t {
    kTextWord = 1,
    kTextStem = 2,
    kTitleWord = 3,
    kTitleStem = 4,
    kTextPair = 5,
    kTitlePair = 6,
    kSource = 7,  // a document's folded source, once: what source: filters by
};
inline constexpr std::size_t kTermKindCount = 8;  // kinds are 1..7

// "text words", "title pairs" and so on, for statistics.
std::string_view kind_name(TermKind k);

constexpr bool has_positions(TermKind k) {
    return k != TermKind::kTextStem && k != TermKind::kTitleStem && k != TermKind::kSource;
}

constexpr Field field_of(TermKind k) {
    return (k == TermKind::kTitleWord || k == TermKind::kTitleStem || k == TermKind::kTitlePair)
               ? Field::kTitle
               : Field::kTitleAndBody;
}

constexpr TermKind word_kind(Field f) {
    return f == Field::kTitle ? TermKind::kTitleWord : TermKind::kTextWord;
}
constexpr TermKind stem_kind(Field f) {
    return f == Field::kTitle ? TermKind::kTitleStem : TermKind::kTextStem;
}
constexpr TermKind pair_kind(Field f) {
    return f == Field::kTitle ? TermKind::kTitlePair : TermKind::kTextPair;
}

// A pair term's text: the two words with a space between (words never
// hold one).
inline std::string pair_text(std::string_view first, std::string_view second) {
    std::string text;
    text.reserve(first.size() + second.size() + 1);
    text.append(first);
    text.push_back(' ');
    text.append(second);
    return text;
}

inline std::string term_key(TermKind kind, std::string_view text) {
    std::string key;
    key.reserve(text.size() + 1);
    key.push_back(static_cast<char>(kind));
    key.append(text);
    return key;
}

inline TermKind key_kind(std::string_view key) {
    return static_cast<TermKind>(key.front());
}
inline std::string_view key_text(std::string_view key) {
    return key.substr(1);
}

// `text:"a b c"`: a phrase of space-separated words in a field, for
// explanations; pair terms are described the same way.
std::string describe_phrase(Field field, std::string_view words);

// "text:word", "title~stem" and so on, for dumps and messages.
std::string describe_key(std::string_view key);

// Title words are numbered from 0 in the text field too; the body follows
// after a gap of kFieldGap positions so no phrase matches across the two.
inline constexpr std::uint32_t kFieldGap = 1;

}  // namespace scoop
