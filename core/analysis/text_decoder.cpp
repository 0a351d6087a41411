#include "analysis/text_decoder.h"

#include <simdjson.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <memory>
#include <vector>

namespace scoop {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

struct CharsetDetectorCloser {
    void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};
struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};

// Length of the valid UTF-8 sequence starting at s[i], or 0 if invalid.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) return 1;
    std::size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        if (b0 == 0xE0) lo = 0xA0;  // no overlong forms
        if (b0 == 0xED) hi = 0x9F;  // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b1 < lo || b1 > hi) return 0;
    for (std::size_t k = 2; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if (b < 0x80 || b > 0xBF) return 0;
    }
    return len;
}

struct Utf8Census {
    std::size_t multibyte_sequences = 0;
    std::size_t invalid_bytes = 0;
};

Utf8Census count_utf8(std::string_view s) {
    Utf8Census census;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t len = utf8_sequence_length(s, i);
        if (len == 0) {
            ++census.invalid_bytes;
            ++i;
        } else {
            if (len > 1) ++census.multibyte_sequences;
            i += len;
        }
    }
    return census;
}

// Keeps valid sequences, replaces each invalid byte by U+FFFD.
DecodedText repair_utf8(std::string_view s) {
    DecodedText out;
    out.encoding = "UTF-8";
    out.utf8.reserve(s.size() + 16);
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t len = utf8_sequence_length(s, i);
        if (len == 0) {
            out.utf8 += "\xEF\xBF\xBD";
            ++out.replaced_bytes;
            ++i;
        } else {
            out.utf8.append(s.substr(i, len));
            i += len;
        }
    }
    return out;
}

// The detector's guesses other than UTF-8 (which we know is wrong here), best
// first. A confidence of 10 or less is no evidence at all: ICU gives 10 to
// every multi-byte charset and to UTF-16 without a BOM when the bytes merely
// do not contradict them, so four bytes "caf\xE9" would otherwise come out
// as two CJK characters of UTF-16BE.
std::vector<std::string> detect_legacy_charsets(std::string_view bytes) {
    std::vector<std::string> names;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, CharsetDetectorCloser> detector(ucsdet_open(&status));
    if (U_FAILURE(status)) return names;
    // The detector looks at a prefix; 64 KiB is plenty and bounds the cost.
    const auto sample = bytes.substr(0, 64 * 1024);
    ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
    int32_t found = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &found, &status);
    if (U_FAILURE(status)) return names;
    for (int32_t i = 0; i < found; ++i) {
        const char* name = ucsdet_getName(matches[i], &status);
        const int32_t confidence = ucsdet_getConfidence(matches[i], &status);
        if (U_FAILURE(status) || name == nullptr) break;
        if (confidence <= 10) break;  // sorted by confidence: the rest are no better
        if (std::string_view(name) == "UTF-8") continue;
        names.emplace_back(name);
    }
    return names;
}

// The charset a UTF-16 or UTF-32 byte order mark names, or nullptr.
const char* bom_charset(std::string_view bytes) {
    if (bytes.starts_with(std::string_view("\xFF\xFE\0\0", 4))) return "UTF-32LE";
    if (bytes.starts_with(std::string_view("\0\0\xFE\xFF", 4))) return "UTF-32BE";
    if (bytes.starts_with("\xFF\xFE")) return "UTF-16LE";
    if (bytes.starts_with("\xFE\xFF")) return "UTF-16BE";
    return nullptr;
}

// Converts from a named charset to UTF-8; unmappable bytes become U+FFFD
// and are counted.
bool convert_to_utf8(std::string_view bytes, const std::string& charset, DecodedText& out) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(charset.c_str(), &status));
    if (U_FAILURE(status)) return false;

    std::u16string utf16(bytes.size() * 2 + 16, u'\0');
    status = U_ZERO_ERROR;
    const int32_t n16 = ucnv_toUChars(conv.get(), utf16.data(), static_cast<int32_t>(utf16.size()),
                                      bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    if (U_FAILURE(status)) return false;
    utf16.resize(static_cast<std::size_t>(n16));

    // The UTF-16LE/BE and UTF-32LE/BE converters keep a byte order mark as
    // U+FEFF; it is not part of the text.
    if (!utf16.empty() && utf16.front() == u'\uFEFF') utf16.erase(0, 1);

    std::string utf8(utf16.size() * 3 + 16, '\0');
    int32_t n8 = 0;
    int32_t substitutions = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8WithSub(utf8.data(), static_cast<int32_t>(utf8.size()), &n8, utf16.data(),
                       static_cast<int32_t>(utf16.size()), 0xFFFD, &substitutions, &status);
    if (U_FAILURE(status)) return false;
    utf8.resize(static_cast<std::size_t>(n8));

    // ucnv substitutes U+FFFD (or U+001A for some charsets) for unmappable
    // bytes; count what ended up as replacement characters.
    std::size_t replaced = static_cast<std::size_t>(substitutions);
    for (char16_t c : utf16)
        if (c == 0xFFFD || c == 0x1A) ++replaced;

    out.utf8 = std::move(utf8);
    out.encoding = charset;
    out.replaced_bytes = replaced;
    return true;
}

}  // namespace

DecodedText decode_text(std::string_view bytes) {
    if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());

    // A UTF-16 or UTF-32 byte order mark settles the question.
    if (const char* charset = bom_charset(bytes)) {
        DecodedText converted;
        if (convert_to_utf8(bytes, charset, converted)) return converted;
    }

    if (simdjson::validate_utf8(bytes.data(), bytes.size())) {
        return DecodedText{std::string(bytes), "UTF-8", 0};
    }

    // Invalid as UTF-8. Text that has more valid multi-byte sequences than
    // bad bytes is damaged UTF-8; converting it as Latin-1 would turn every
    // good accented letter into mojibake.
    const Utf8Census census = count_utf8(bytes);
    if (census.multibyte_sequences > 0 && census.multibyte_sequences >= census.invalid_bytes) {
        return repair_utf8(bytes);
    }

    DecodedText converted;
    for (const std::string& charset : detect_legacy_charsets(bytes))
        if (convert_to_utf8(bytes, charset, converted)) return converted;
    // No real evidence for any charset (short or odd text): Windows-1252, the
    // usual legacy encoding of Western news text, maps every byte to a
    // character, where a guess of UTF-16 or Big5 would make nonsense of all.
    if (convert_to_utf8(bytes, "windows-1252", converted)) return converted;
    return repair_utf8(bytes);
}

bool looks_binary(std::string_view bytes) {
    const auto sample = bytes.substr(0, 8192);
    if (sample.empty()) return false;
    // UTF-16 text is full of NULs but is text; its BOM says so.
    if (sample.starts_with("\xFF\xFE") || sample.starts_with("\xFE\xFF")) return false;
    std::size_t control = 0;
    for (char ch : sample) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == 0) return true;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1B)
            ++control;
    }
    return control * 10 > sample.size();
}

}  // namespace scoop
