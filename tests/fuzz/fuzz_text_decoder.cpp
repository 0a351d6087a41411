// Fuzz target: decode_text and looks_binary, on raw file bytes.
//
// decode_text promises valid UTF-8 whatever the bytes and never throws;
// valid UTF-8 without a byte order mark passes through unchanged. The
// decoded text then goes through the analyser, whose contract is valid
// UTF-8 input: that is the path every indexed file takes.

#include <cstddef>
#include <cstdint>

#include "analysis/analyzer.h"
#include "analysis/text_decoder.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace scoop;
    const std::string_view bytes = fuzz::as_chars(data, size);
    looks_binary(bytes);
    const DecodedText decoded = decode_text(bytes);
    if (!fuzz::is_valid_utf8(decoded.utf8)) fuzz::finding("decode_text returned invalid UTF-8");
    if (decoded.encoding.empty()) fuzz::finding("decode_text named no encoding");
    const bool has_bom = bytes.starts_with("\xEF\xBB\xBF") || bytes.starts_with("\xFF\xFE") ||
                         bytes.starts_with("\xFE\xFF");
    if (!has_bom && fuzz::is_valid_utf8(bytes) &&
        (decoded.utf8 != bytes || decoded.replaced_bytes != 0))
        fuzz::finding("decode_text changed text that was valid UTF-8 already");

    static Analyzer analyzer("english");
    for (const Token& t : analyzer.analyze(decoded.utf8))
        if (t.word.empty() || !fuzz::is_valid_utf8(t.word) || !fuzz::is_valid_utf8(t.stem))
            fuzz::finding("the analyser made an empty word or invalid UTF-8");
    // Snippets highlight by these offsets into the original text.
    for (const Token& t : analyzer.analyze_with_source_offsets(decoded.utf8))
        if (t.begin > t.end || t.end > decoded.utf8.size())
            fuzz::finding("a token's source offsets lie outside the text");
    return 0;
}
