#pragma once

#include <cstdint>

#include "index/index_reader.h"

namespace scoop {

struct CheckReport {
    // Live documents of no catalogued file: copies an indexer before
    // canonical paths left behind (or damage). Not wrong answers, but
    // duplicates; the next indexer run removes them.
    std::uint64_t stale_documents = 0;
};

// Reads every byte of the index the way queries would and checks it:
// every page's checksum, every postings block and position, every stored
// document, and that every document belongs to a catalogued file. Throws
// CorruptIndexError naming the first damaged file.
CheckReport check_index(const IndexReader& reader);

}  // namespace scoop
