#pragma once

// Stored fields (docs/FORMAT.md, "Stored fields"): what a hit shows. Whole
// documents are serialised one after another and cut into blocks of about
// 64 KiB, each compressed as one zstd frame with its content checksum, so
// that showing a hit decompresses one block and damage is detected there.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/article.h"
#include "util/file.h"

namespace scoop {

struct StoredDocument {
    std::string path;
    std::string title;
    std::string source;
    std::string url;
    std::string body;
    Timestamp date = kNoDate;
    std::uint32_t line = 0;
};

std::string serialize_document(const Article& article);
StoredDocument parse_document(std::string_view bytes, const std::string& file_for_errors);

class StoredFieldsWriter {
public:
    StoredFieldsWriter(FileWriter& out, std::uint64_t payload_base, int zstd_level = 3);
    // `serialized` comes from serialize_document, or from a reader (merges).
    void add(std::string_view serialized);
    void finish();
    std::uint32_t doc_count() const { return docs_; }

private:
    void flush_block();

    FileWriter& out_;
    std::uint64_t base_;
    int level_;
    std::uint32_t docs_ = 0;
    std::uint32_t block_first_doc_ = 0;
    std::string block_;
    std::string compressed_;
    std::string index_;
};

class StoredFieldsReader {
public:
    StoredFieldsReader() = default;
    StoredFieldsReader(std::span<const std::uint8_t> payload, std::string path, std::uint32_t doc_count);

    // The serialised form of one document. Decompresses its block into
    // `cache`, reusing it when the block is already there: keep one cache
    // per thread.
    struct BlockCache {
        std::uint32_t block = UINT32_MAX;
        std::string data;
        std::vector<std::uint32_t> offsets;  // start of each document in data, plus the end
    };
    std::string_view raw_document(std::uint32_t doc, BlockCache& cache) const;
    StoredDocument document(std::uint32_t doc, BlockCache& cache) const {
        return parse_document(raw_document(doc, cache), path_);
    }

private:
    std::uint32_t block_of(std::uint32_t doc) const;

    std::span<const std::uint8_t> payload_;
    std::string path_;
    std::uint32_t doc_count_ = 0;
    std::uint32_t block_count_ = 0;
    const std::uint8_t* index_ = nullptr;  // block_count x (first doc u32, offset u64)
    std::uint64_t blocks_end_ = 0;
};

}  // namespace scoop
