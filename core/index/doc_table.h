#pragma once

// Per-document numbers of a segment (docs/FORMAT.md, "Documents"): the
// field lengths BM25 normalises by, the date filters test, and the id of
// the file each document came from, as fixed-width columns that are read
// in place from the mapped file.

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "analysis/article.h"
#include "index/term.h"
#include "util/coding.h"

namespace scoop {

struct DocColumns {
    std::array<std::vector<std::uint32_t>, kFieldCount> lengths;
    std::vector<Timestamp> dates;
    std::vector<std::uint64_t> file_ids;

    std::size_t size() const { return dates.size(); }
    double average_length(Field f) const;
    void reserve(std::size_t n);
    void push_back(std::uint32_t text_length, std::uint32_t title_length, Timestamp date,
                   std::uint64_t file_id);
};

// The payload of a .docs file.
std::string encode_doc_table(const DocColumns& columns);

class DocTable {
  public:
    DocTable() = default;
    DocTable(std::span<const std::uint8_t> payload, const std::string& path);

    std::uint32_t doc_count() const { return doc_count_; }
    std::uint32_t length(Field f, std::uint32_t doc) const {
        return load_fixed32(lengths_[static_cast<std::size_t>(f)] + 4 * std::size_t{doc});
    }
    Timestamp date(std::uint32_t doc) const {
        return static_cast<Timestamp>(load_fixed64(dates_ + 8 * std::size_t{doc}));
    }
    std::uint64_t file_id(std::uint32_t doc) const {
        return load_fixed64(file_ids_ + 8 * std::size_t{doc});
    }
    // Sum of the field's lengths over all documents, deleted ones included.
    std::uint64_t total_length(Field f) const { return totals_[static_cast<std::size_t>(f)]; }

  private:
    std::uint32_t doc_count_ = 0;
    std::array<std::uint64_t, kFieldCount> totals_{};
    std::array<const std::uint8_t*, kFieldCount> lengths_{};
    const std::uint8_t* dates_ = nullptr;
    const std::uint8_t* file_ids_ = nullptr;
};

}  // namespace scoop
