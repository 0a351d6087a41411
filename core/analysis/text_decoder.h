#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace scoop {

// Text turned into valid UTF-8, with a record of how.
struct DecodedText {
    std::string utf8;
    std::string encoding;            // "UTF-8", "windows-1252", "UTF-16LE", ...
    std::size_t replaced_bytes = 0;  // invalid input bytes replaced by U+FFFD
};

// Decodes raw file bytes. Valid UTF-8 (with or without a BOM) passes through.
// Otherwise the encoding is detected with ICU's charset detector and the text
// converted; text that is mostly UTF-8 with a few damaged bytes stays UTF-8
// with those bytes replaced. Never throws on bad input: damage is counted.
DecodedText decode_text(std::string_view bytes);

// True when the bytes look like a binary file (NUL bytes or many control
// characters in the first few KiB) rather than text in any encoding.
bool looks_binary(std::string_view bytes);

}  // namespace scoop
