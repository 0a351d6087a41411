#include "util/visible_text.h"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace scoop {
namespace {

// Marks that reorder the text around them (the "Trojan Source" characters)
// and the byte-order mark, which some terminals also act on.
bool is_invisible_mark(UChar32 c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
           c == 0x200F || c == 0x061C || c == 0xFEFF;
}

}  // namespace

std::string visible(std::string_view text, bool keep_newlines) {
    std::string out;
    out.reserve(text.size());
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto n = static_cast<std::int32_t>(text.size());
    std::int32_t i = 0;
    while (i < n) {
        const std::uint8_t b = bytes[i];
        if (b >= 0x20 && b < 0x7F) {  // printable ASCII, the common case
            out += static_cast<char>(b);
            ++i;
            continue;
        }
        if (b < 0x80) {
            ++i;
            switch (b) {
                case '\n':
                    out += keep_newlines ? "\n" : "\\n";
                    break;
                case '\t':
                    out += "\\t";
                    break;
                case '\r':
                    out += "\\r";
                    break;
                default:
                    out += fmt::format("\\x{:02x}", b);
            }
            continue;
        }
        const std::int32_t start = i;
        UChar32 c;
        U8_NEXT(bytes, i, n, c);
        if (c < 0) {
            for (std::int32_t k = start; k < i; ++k) out += fmt::format("\\x{:02x}", bytes[k]);
        } else if (c <= 0x9F || is_invisible_mark(c)) {
            out += fmt::format("\\u{{{:04x}}}", static_cast<std::uint32_t>(c));
        } else {
            out.append(
                text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
        }
    }
    return out;
}

std::size_t display_width(std::string_view text) {
    const std::string shown = visible(text);
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(shown.data());
    const auto n = static_cast<std::int32_t>(shown.size());
    std::size_t width = 0;
    for (std::int32_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(bytes, i, n, c);
        if (c < 0) continue;  // cannot happen: visible() leaves valid UTF-8
        const auto category = static_cast<UCharCategory>(u_charType(c));
        if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK ||
            category == U_FORMAT_CHAR)
            continue;
        const auto east_asian =
            static_cast<UEastAsianWidth>(u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH));
        width += east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH ? 2 : 1;
    }
    return width;
}

}  // namespace scoop
