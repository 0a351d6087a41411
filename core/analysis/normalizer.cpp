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

bool is_plain_lower_ascii(std::string_view s) {
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (b >= 0x80 || (b >= 'A' && b <= 'Z')) return false;
    }
    return true;
}

}  // namespace

void normalize_fold(std::string_view utf8, std::string& out, icu::Edits* edits) {
    // The common case in English news is ASCII with some capitals; ICU
    // handles it, but lower-case ASCII is already normal and needs no call.
    if (edits == nullptr && is_plain_lower_ascii(utf8)) {
        out.append(utf8);
        return;
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(utf8.size()));
    nfkc_casefold().normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())),
                                  sink, edits, status);
    if (U_FAILURE(status))
        throw Error(std::string("text normalisation failed: ") + u_errorName(status));
}

std::string normalize_fold(std::string_view utf8) {
    std::string out;
    normalize_fold(utf8, out);
    return out;
}

}  // namespace scoop
