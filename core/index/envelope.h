#pragma once

// Every index file is wrapped the same way (docs/FORMAT.md, "Envelope"):
//
//   header  "SCOOPIX\0" | kind: 4 ASCII bytes | format version: u32
//   payload
//   footer  XXH3-64 of header+payload: u64 | "SCOOPEND"
//
// so that a reader can tell a truncated file (no footer), a file of another
// kind or version, and a damaged one (checksum) apart, and say which.

#include <cstdint>
#include <span>
#include <string_view>

#include "util/file.h"

namespace scoop {

// 2: word pair terms (TermKind kTextPair, kTitlePair).
inline constexpr std::uint32_t kFormatVersion = 2;
inline constexpr std::size_t kEnvelopeHeaderSize = 16;
inline constexpr std::size_t kEnvelopeFooterSize = 16;

// Four-letter file kinds.
inline constexpr std::string_view kKindManifest = "MANI";
inline constexpr std::string_view kKindCatalog = "CATL";
inline constexpr std::string_view kKindDictionary = "DICT";
inline constexpr std::string_view kKindPostings = "POST";
inline constexpr std::string_view kKindPositions = "POSN";
inline constexpr std::string_view kKindDocuments = "DOCS";
inline constexpr std::string_view kKindStore = "STOR";
inline constexpr std::string_view kKindDeletions = "DELS";

void write_envelope_header(FileWriter& out, std::string_view kind);
// Appends the footer and finishes (fsyncs) the file.
void finish_envelope(FileWriter& out);

// The whole file content for a small in-memory file.
std::string wrap_in_envelope(std::string_view kind, std::string_view payload);

// Checks header and footer and, when `verify_checksum`, the checksum;
// returns the payload. Throws CorruptIndexError naming `path`.
std::span<const std::uint8_t> open_envelope(std::span<const std::uint8_t> file,
                                            std::string_view kind, const std::string& path,
                                            bool verify_checksum);

}  // namespace scoop
