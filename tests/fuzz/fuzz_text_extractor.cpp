// Fuzz target: extract_articles reading a file as plain text, and the analyser
// on what it extracts (see fuzz_extractor.h for what is checked).

#include "fuzz_extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return scoop::fuzz::extract_and_analyze(data, size, scoop::InputFormat::kText);
}
