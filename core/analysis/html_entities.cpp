#include "analysis/html_entities.h"

#include <cctype>
#include <optional>

#include "util/utf8.h"

namespace scoop {
namespace {

constexpr std::size_t kNpos = std::string_view::npos;

char to_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_alnum(char c) {
    return is_alpha(c) || is_digit(c);
}

// Character references

// Names of U+00A0..U+00FF, in order.
constexpr std::string_view kLatin1Names[96] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",
    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn",
    "sup2",   "sup3",   "acute",  "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",
    "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",  "Atilde",
    "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave",
    "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde",
    "Ouml",   "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",
    "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
    "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",   "eth",
    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave",
    "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml",
};

struct NamedReference {
    std::string_view name;
    char32_t code_point;
};

constexpr NamedReference kOtherNames[] = {
    {"amp", U'&'},     {"lt", U'<'},       {"gt", U'>'},       {"quot", U'"'},
    {"apos", U'\''},   {"OElig", 0x152},   {"oelig", 0x153},   {"Scaron", 0x160},
    {"scaron", 0x161}, {"Yuml", 0x178},    {"Zcaron", 0x17D},  {"zcaron", 0x17E},
    {"fnof", 0x192},   {"circ", 0x2C6},    {"tilde", 0x2DC},   {"ensp", 0x2002},
    {"emsp", 0x2003},  {"thinsp", 0x2009}, {"zwnj", 0x200C},   {"zwj", 0x200D},
    {"lrm", 0x200E},   {"rlm", 0x200F},    {"ndash", 0x2013},  {"mdash", 0x2014},
    {"lsquo", 0x2018}, {"rsquo", 0x2019},  {"sbquo", 0x201A},  {"ldquo", 0x201C},
    {"rdquo", 0x201D}, {"bdquo", 0x201E},  {"dagger", 0x2020}, {"Dagger", 0x2021},
    {"bull", 0x2022},  {"hellip", 0x2026}, {"permil", 0x2030}, {"prime", 0x2032},
    {"Prime", 0x2033}, {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"euro", 0x20AC},
    {"trade", 0x2122}, {"larr", 0x2190},   {"uarr", 0x2191},   {"rarr", 0x2192},
    {"darr", 0x2193},  {"harr", 0x2194},   {"minus", 0x2212},
};

std::optional<char32_t> named_reference(std::string_view name) {
    for (std::size_t i = 0; i < std::size(kLatin1Names); ++i)
        if (kLatin1Names[i] == name) return static_cast<char32_t>(0xA0 + i);
    for (const NamedReference& ref : kOtherNames)
        if (ref.name == name) return ref.code_point;
    return std::nullopt;
}

// What browsers make of &#128;..&#159;: the Windows-1252 characters those
// bytes stand for, which is what the page's author meant. 0 where none.
constexpr char16_t kWindows1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

// The character a numeric reference stands for, or 0 for none.
char32_t numeric_character(std::uint32_t value) {
    if (value >= 0x80 && value <= 0x9F) return kWindows1252High[value - 0x80];
    if (value == '\t' || value == '\n' || value == '\r') return value;
    if (value < 0x20 || value == 0x7F) return 0;
    if (value >= 0xD800 && value <= 0xDFFF) return 0;
    if (value > 0x10FFFF) return 0;
    return value;
}

// Decodes the reference at text[pos] == '&'. Returns the bytes consumed
// (0: not a reference, copy the '&').
std::size_t decode_reference(std::string_view text, std::size_t pos, std::string& out) {
    std::size_t i = pos + 1;
    if (i < text.size() && text[i] == '#') {
        ++i;
        const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
        if (hex) ++i;
        const std::size_t digits_start = i;
        std::uint32_t value = 0;
        bool too_long = false;
        while (i < text.size() &&
               (hex ? std::isxdigit(static_cast<unsigned char>(text[i])) : is_digit(text[i]))) {
            const char c = text[i];
            const std::uint32_t digit = is_digit(c)
                                            ? static_cast<std::uint32_t>(c - '0')
                                            : static_cast<std::uint32_t>(to_lower(c) - 'a' + 10);
            if (value > 0x10FFFF) too_long = true;
            if (!too_long) value = value * (hex ? 16 : 10) + digit;
            ++i;
        }
        if (i == digits_start) return 0;
        if (i < text.size() && text[i] == ';') ++i;
        const char32_t cp = too_long ? 0 : numeric_character(value);
        if (cp != 0) append_utf8(out, cp);
        return i - pos;
    }

    const std::size_t name_start = i;
    while (i < text.size() && i - name_start < 32 && is_alnum(text[i])) ++i;
    if (i == name_start) return 0;
    const std::string_view name = text.substr(name_start, i - name_start);
    const bool terminated = i < text.size() && text[i] == ';';
    // Browsers accept the oldest few without the semicolon ("AT&T" stays,
    // "&amp" alone is "&").
    if (!terminated && !(name == "amp" || name == "lt" || name == "gt" || name == "quot")) return 0;
    if (!terminated && i < text.size() && (is_alnum(text[i]) || text[i] == '=')) return 0;
    const auto cp = named_reference(name);
    if (!cp) return 0;
    if (*cp != 0xAD) append_utf8(out, *cp);  // a soft hyphen is invisible
    return i - pos + (terminated ? 1 : 0);
}

void append_decoded(std::string_view text, std::string& out) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t amp = text.find('&', i);
        if (amp == kNpos) {
            out.append(text.substr(i));
            return;
        }
        out.append(text.substr(i, amp - i));
        if (const std::size_t used = decode_reference(text, amp, out)) {
            i = amp + used;
        } else {
            out += '&';
            i = amp + 1;
        }
    }
}

}  // namespace

std::string decode_html_entities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_decoded(text, out);
    return out;
}

}  // namespace scoop
