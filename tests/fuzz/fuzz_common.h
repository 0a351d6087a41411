#pragma once

// What the fuzz targets share: scratch directories, the small sample index
// the query and index targets search, and the way a target reports a
// finding that is not a crash of its own (a broken invariant).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storage/memory_directory.h"

namespace scoop::fuzz {

// A fresh directory for a target's files, under /dev/shm when there is one
// (the index target rewrites a file for every input; RAM beats the disk),
// else under the system temp dir. Removed when the process exits normally;
// a crash leaves it behind for the post-mortem.
std::string make_scratch_dir();

// Builds the sample index in `index_dir` from articles it writes under
// `articles_dir`, the way the indexer does (update_index, twice): 230
// short articles (JSON Lines, a text file, an HTML page) in two segments,
// 20 documents of the first deleted by the second run, lists of more than
// one block of 128 documents, word pairs, titles, dates and a catalogue. The same every time
// but for the absolute article paths in the catalogue and stored fields.
// The index is made in memory.
std::shared_ptr<MemoryDirectory> build_sample_index(const std::string& articles_dir);

// The files of an index directory (all but LOCK), sorted by name: what the
// index target's selector byte picks from, so the same input picks the
// same file in every run.
struct IndexFiles {
    std::vector<std::string> names;
    std::vector<std::string> contents;
};
IndexFiles read_index_files(const Directory& index);

// The envelope kind of an index file, by its name ("DICT" for
// seg-000001.dict, "MANI" for MANIFEST); empty when the name is not one.
std::string_view envelope_kind_of(std::string_view name);

// The index target's inputs: a selector byte, then the file's new bytes.
// The low 7 bits choose the file (modulo their number). With kSealed set,
// the bytes are a payload that the target wraps in a valid envelope
// (header, checksum, footer) first: most files' checksums are verified on
// every open, and without this nearly every mutation would stop there.
inline constexpr std::uint8_t kSealed = 0x80;

// Writes the index target's seeds for the sample index to `dir`: every
// file as it is ("<name>") and as a payload to seal ("<name>.sealed").
void write_index_seeds(const std::string& dir);

// A broken invariant: prints `what` and aborts, which libFuzzer (and the
// replay test) report as a crash with the input that caused it.
[[noreturn]] void finding(std::string_view what);

// True when `s` is valid UTF-8: what every text the library hands on must be.
bool is_valid_utf8(std::string_view s);

inline std::string_view as_chars(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace scoop::fuzz
