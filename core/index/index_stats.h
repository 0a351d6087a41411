#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>

#include "index/index_reader.h"
#include "index/term.h"

namespace scoop {

struct IndexStats {
    std::uint64_t documents = 0;  // live
    std::uint64_t deleted = 0;    // deleted, not yet merged away
    std::uint64_t segments = 0;
    std::uint64_t files = 0;                               // catalogued source files
    std::array<std::uint64_t, kTermKindCount> terms{};     // distinct terms by TermKind
    std::array<std::uint64_t, kTermKindCount> postings{};  // postings by TermKind
    std::uint64_t positions = 0;
    std::map<std::string, std::uint64_t> bytes_by_kind;  // file extension -> bytes
    std::uint64_t total_bytes = 0;
    std::string language;
    std::uint64_t generation = 0;
};

IndexStats compute_stats(const IndexReader& reader);

}  // namespace scoop
