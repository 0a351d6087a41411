#include "analysis/word_tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <array>

#include "util/error.h"

namespace scoop {
namespace {

// Characters that link two words into one compound: "S-300", "1992–97".
bool is_joiner(std::string_view gap) {
    return gap == "-" || gap == "\u2010" || gap == "\u2011" || gap == "\u2012" || gap == "\u2013";
}

// Apostrophes as they appear after NFKC folding: ASCII, the typographic
// right and left single quotes, the reversed-9 quote and the modifier letter.
std::size_t apostrophe_length(std::string_view s, std::size_t i) {
    if (s[i] == '\'') return 1;
    for (std::string_view a : {"\u2019", "\u2018", "\u201B", "\u02BC"})
        if (s.substr(i, a.size()) == a) return a.size();
    return 0;
}

// Word-internal separators ICU keeps inside a word (MidNumLet, MidLetter)
// that we split on: full stop, one-dot leader, small full stop, colon.
std::size_t dot_length(std::string_view s, std::size_t i) {
    if (s[i] == '.' || s[i] == ':') return 1;
    for (std::string_view d : {"\u2024", "\uFE52", "\uFE55"})
        if (s.substr(i, d.size()) == d) return d.size();
    return 0;
}

// Where dotted words split, plus "@": ICU counts it a letter, which would
// make "@" a word and "@presstv" or "user@example" words no query for
// "presstv" or "example" finds.
std::size_t separator_length(std::string_view s, std::size_t i) {
    return s[i] == '@' ? 1 : dot_length(s, i);
}

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

bool is_single_letter(std::string_view s) {
    if (s.empty() || code_points(s) != 1) return false;
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
    return c >= 0 && u_isalpha(c);
}

// "iran's" -> "iran", "o'brien" -> "obrien", "rock'n'roll" -> "rocknroll".
// Also drops the combining dot above that case folding leaves after the i of
// Turkish capital İ (U+0130 folds to i + U+0307), so "İstanbul" and
// "Istanbul" are the same word.
std::string clean_word(std::string_view word) {
    constexpr std::string_view kDotAbove = "\u0307";
    std::string out;
    out.reserve(word.size());
    for (std::size_t i = 0; i < word.size();) {
        if (const std::size_t a = apostrophe_length(word, i)) {
            // A possessive: apostrophe + s at the end of the word.
            if (i + a + 1 == word.size() && word[i + a] == 's') break;
            i += a;
        } else if (word.substr(i, kDotAbove.size()) == kDotAbove && !out.empty() &&
                   out.back() == 'i') {
            i += kDotAbove.size();
        } else {
            out += word[i++];
        }
    }
    return out;
}

// The gap between a word and a following lone "s" that makes the "s" a
// possessive ICU split off: "u.s.'s" breaks as u.s | .' | s and "1990's" as
// 1990 | ' | s, since ICU joins letters across an apostrophe only between
// letters.
bool is_possessive_gap(std::string_view gap) {
    for (std::size_t i = 0; i < gap.size(); ++i) {
        const std::size_t a = apostrophe_length(gap, i);
        if (a != 0 && i + a == gap.size()) return i == 0 || dot_length(gap, 0) == i;
    }
    return false;
}

struct Segment {
    std::string_view text;
    std::uint32_t offset;  // from the start of the word
};

std::vector<Segment> split_at_separators(std::string_view word) {
    std::vector<Segment> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i < word.size();) {
        if (const std::size_t d = separator_length(word, i)) {
            if (i > start)
                parts.push_back({word.substr(start, i - start), static_cast<uint32_t>(start)});
            i += d;
            start = i;
        } else {
            ++i;
        }
    }
    if (start < word.size()) parts.push_back({word.substr(start), static_cast<uint32_t>(start)});
    return parts;
}

bool has_separator(std::string_view word) {
    for (std::size_t i = 0; i < word.size(); ++i)
        if (separator_length(word, i)) return true;
    return false;
}

}  // namespace

WordTokenizer::WordTokenizer() {
    UErrorCode status = U_ZERO_ERROR;
    words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !words_)
        throw Error(std::string("ICU word break iterator unavailable: ") + u_errorName(status));
}

WordTokenizer::~WordTokenizer() = default;

namespace {

// Word-break classes of UAX #29 for the characters the simple scanner
// takes. '@' is a letter and ':' no MidLetter in ICU 72's root rules.
// Bit flags, so the common case of two letters or digits is one test.
enum Class : std::uint8_t {
    kOther = 0,
    kLetter = 1,
    kNumeric = 2,
    kMidNumLet = 4,
    kMidNum = 8,
    kExtendNumLet = 16
};
constexpr std::uint8_t kAlnum = kLetter | kNumeric;

constexpr std::array<std::uint8_t, 128> ascii_classes() {
    std::array<std::uint8_t, 128> t{};
    for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = kLetter;
    for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = kLetter;
    for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = kNumeric;
    t['@'] = kLetter;
    t['.'] = kMidNumLet;
    t['\''] = kMidNumLet;  // Single_Quote behaves as MidNumLet outside Hebrew
    t[','] = kMidNum;
    t[';'] = kMidNum;
    t['_'] = kExtendNumLet;
    return t;
}
constexpr auto kAsciiClasses = ascii_classes();

bool is_plain_word(std::string_view s) {
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
    return true;
}

}  // namespace

void WordTokenizer::segment_icu(std::string_view text) {
    segments_.clear();
    UErrorCode status = U_ZERO_ERROR;
    UText utext = UTEXT_INITIALIZER;
    utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &status);
    words_->setText(&utext, status);  // the iterator keeps a shallow clone
    utext_close(&utext);
    if (U_FAILURE(status)) throw Error(std::string("word breaking failed: ") + u_errorName(status));
    std::int32_t start = words_->first();
    for (std::int32_t end = words_->next(); end != icu::BreakIterator::DONE;
         start = end, end = words_->next()) {
        const std::int32_t rule = words_->getRuleStatus();
        if (rule >= UBRK_WORD_NONE_LIMIT)
            segments_.push_back(
                {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end), rule});
    }
}

// The word-break rules WB5-WB13b of UAX #29, for letters, digits, the
// full stop and apostrophes (MidNumLet), comma and semicolon (MidNum) and
// the underscore (ExtendNumLet); typographic double quotes and dashes are
// Other. Returns false, leaving the text to ICU, at any other character.
bool WordTokenizer::segment_simple(std::string_view text) {
    classes_.clear();
    offsets_.clear();
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        offsets_.push_back(static_cast<std::uint32_t>(i));
        if (p[i] < 0x80) {
            classes_.push_back(kAsciiClasses[p[i]]);
            ++i;
            continue;
        }
        if (p[i] != 0xE2 || i + 2 >= n || p[i + 1] != 0x80) return false;
        const unsigned char last = p[i + 2];
        if (last == 0x98 || last == 0x99)
            classes_.push_back(kMidNumLet);  // ‘ ’
        else if (last == 0x93 || last == 0x94 || last == 0x9C || last == 0x9D)
            classes_.push_back(kOther);  // – — “ ”
        else
            return false;
        i += 3;
    }
    offsets_.push_back(static_cast<std::uint32_t>(n));

    const std::size_t count = classes_.size();
    const auto cls = [&](std::size_t i) -> std::uint8_t {
        return i < count ? classes_[i] : std::uint8_t{kOther};
    };
    // True when there is no boundary between code points i - 1 and i.
    const auto joins = [&](std::size_t i) {
        const std::uint8_t a = classes_[i - 1], b = classes_[i];
        if ((a & kAlnum) && (b & kAlnum)) return true;  // WB5, WB8-10
        if (a == kOther || b == kOther) return false;
        const std::uint8_t before = i >= 2 ? classes_[i - 2] : std::uint8_t{kOther};
        if (a == kLetter && b == kLetter) return true;                              // WB5
        if (a == kLetter && b == kMidNumLet && cls(i + 1) == kLetter) return true;  // WB6
        if (before == kLetter && a == kMidNumLet && b == kLetter) return true;      // WB7
        if ((a == kLetter || a == kNumeric) && (b == kLetter || b == kNumeric))
            return true;  // WB8-10
        if (before == kNumeric && (a == kMidNum || a == kMidNumLet) && b == kNumeric)
            return true;  // WB11
        if (a == kNumeric && (b == kMidNum || b == kMidNumLet) && cls(i + 1) == kNumeric)
            return true;  // WB12
        if ((a == kLetter || a == kNumeric || a == kExtendNumLet) && b == kExtendNumLet)
            return true;                                                         // WB13a
        if (a == kExtendNumLet && (b == kLetter || b == kNumeric)) return true;  // WB13b
        return false;
    };

    segments_.clear();
    for (std::size_t start = 0; start < count;) {
        std::size_t end = start + 1;
        while (end < count && joins(end)) ++end;
        // ICU's status comes from the last rule its automaton matched: a
        // letter or digit at the end decides; after underscores, two
        // underscores in a row make a letter word and one takes the class
        // of what precedes it. A lone underscore is no word.
        std::int32_t status = 0;
        const std::uint8_t last = classes_[end - 1];
        const std::uint8_t previous = end - start >= 2 ? classes_[end - 2] : std::uint8_t{kOther};
        if (last == kLetter)
            status = UBRK_WORD_LETTER;
        else if (last == kNumeric)
            status = UBRK_WORD_NUMBER;
        else if (last == kExtendNumLet && previous == kNumeric)
            status = UBRK_WORD_NUMBER;
        else if (last == kExtendNumLet && (previous == kLetter || previous == kExtendNumLet))
            status = UBRK_WORD_LETTER;
        if (status != 0) segments_.push_back({offsets_[start], offsets_[end], status});
        start = end;
    }
    return true;
}

void WordTokenizer::tokenize(std::string_view text, std::vector<WordPiece>& out) {
    if (!segment_simple(text)) segment_icu(text);
    words_from_segments(text, out);
}

void WordTokenizer::tokenize_icu(std::string_view text, std::vector<WordPiece>& out) {
    segment_icu(text);
    words_from_segments(text, out);
}

void WordTokenizer::words_from_segments(std::string_view text, std::vector<WordPiece>& out) {
    // End of the last word emitted, to see whether the next is hyphen-joined.
    std::int64_t last_end = -1;
    auto emit = [&](std::string word, std::uint32_t begin, std::uint32_t end, bool joined,
                    bool numeric) {
        if (word.empty() || word.size() > kMaxWordBytes) {
            last_end = -1;
            return;
        }
        out.push_back(WordPiece{std::move(word), begin, end, joined, numeric});
        last_end = end;
    };

    for (const BreakSegment& segment : segments_) {
        const std::int32_t rule = segment.status;
        const std::uint32_t begin = segment.begin, end = segment.end;
        const bool numeric = rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT;
        const std::string_view raw = text.substr(begin, end - begin);
        const std::string_view gap = last_end >= 0
                                         ? text.substr(static_cast<std::size_t>(last_end),
                                                       begin - static_cast<std::size_t>(last_end))
                                         : std::string_view();
        const bool joined = last_end >= 0 && is_joiner(gap);

        // The "s" of "u.s.'s" or "1990's": a possessive, dropped like the
        // "'s" of "iran's" (it would otherwise take a position of its own).
        if (!numeric && raw == "s" && last_end >= 0 && is_possessive_gap(gap)) continue;

        if (numeric || is_plain_word(raw)) {
            emit(std::string(raw), begin, end, joined, numeric);
            continue;
        }
        if (!has_separator(raw)) {
            // Numbers keep their separators: "3.5", "1,000".
            emit(numeric ? std::string(raw) : clean_word(raw), begin,
                 static_cast<std::uint32_t>(end), joined, numeric);
            continue;
        }
        const std::vector<Segment> parts = split_at_separators(raw);
        std::vector<std::string> cleaned;
        cleaned.reserve(parts.size());
        for (const Segment& p : parts) cleaned.push_back(clean_word(p.text));
        bool acronym = parts.size() >= 2 && raw.find('@') == std::string_view::npos;
        for (const std::string& c : cleaned) acronym = acronym && is_single_letter(c);
        if (acronym) {
            std::string letters;
            for (const std::string& c : cleaned) letters += c;
            emit(std::move(letters), begin, static_cast<std::uint32_t>(end), joined, false);
            continue;
        }
        for (std::size_t k = 0; k < parts.size(); ++k) {
            const Segment& p = parts[k];
            emit(std::move(cleaned[k]), begin + p.offset,
                 begin + p.offset + static_cast<std::uint32_t>(p.text.size()),
                 k == 0 ? joined : true, false);
        }
    }
}

}  // namespace scoop
