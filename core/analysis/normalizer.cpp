#include "analysis/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>

#include "util/error.h"

namespace scoop {
namespace {

const icu::Normalizer2& nfkc_casefold() {
    // ICU's singleton: immutable, thread-safe, never freed.
    static const icu::Normalizer2* instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
        if (U_FAILURE(status) || n == nullptr)
            throw Error(std::string("ICU normaliser unavailable: ") + u_errorName(status));
        return n;
    }();
    return *instance;
}

// English news is ASCII plus typographic quotes, dashes and ellipses. For
// those NFKC case folding is known: ASCII letters lower-case, the quotes
// and dashes stay, the ellipsis becomes three full stops and the no-break
// space a space. Appends the folded text and returns true, or returns false
// (appending nothing) at the first other character, which ICU must fold.
bool fold_simple(std::string_view s, std::string& out) {
    const std::size_t start = out.size();
    out.reserve(start + s.size());
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned char b = p[i];
        if (b < 0x80) {
            out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b));
            ++i;
        } else if (b == 0xE2 && i + 2 < n && p[i + 1] == 0x80 &&
                   (p[i + 2] == 0x93 || p[i + 2] == 0x94 || p[i + 2] == 0x98 || p[i + 2] == 0x99 ||
                    p[i + 2] == 0x9C || p[i + 2] == 0x9D)) {
            out.append(s.substr(i, 3));  // – — ‘ ’ “ ”
            i += 3;
        } else if (b == 0xE2 && i + 2 < n && p[i + 1] == 0x80 && p[i + 2] == 0xA6) {
            out.append("...");  // …
            i += 3;
        } else if (b == 0xC2 && i + 1 < n && p[i + 1] == 0xA0) {
            out.push_back(' ');  // no-break space
            i += 2;
        } else {
            out.resize(start);
            return false;
        }
    }
    return true;
}

}  // namespace

void normalize_fold(std::string_view utf8, std::string& out, icu::Edits* edits) {
    if (edits == nullptr && fold_simple(utf8, out)) return;
    UErrorCode status = U_ZERO_ERROR;
    icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(utf8.size()));
    nfkc_casefold().normalizeUTF8(
        0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), sink, edits, status);
    if (U_FAILURE(status))
        throw Error(std::string("text normalisation failed: ") + u_errorName(status));
}

bool normalize_fold_keeping_offsets(std::string_view utf8, std::string& out) {
    const std::size_t start = out.size();
    if (!fold_simple(utf8, out)) return false;
    // Every replacement of the fast path keeps its length but the no-break
    // space's (two bytes to one): the same total means none was there.
    if (out.size() - start == utf8.size()) return true;
    out.resize(start);
    return false;
}

std::string normalize_fold_icu(std::string_view utf8) {
    std::string out;
    icu::Edits edits;  // asking for edits bypasses the fast path
    normalize_fold(utf8, out, &edits);
    return out;
}

std::string normalize_fold(std::string_view utf8) {
    std::string out;
    normalize_fold(utf8, out);
    return out;
}

}  // namespace scoop
