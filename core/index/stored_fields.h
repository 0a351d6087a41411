#pragma once

// Stored fields (docs/FORMAT.md, "Stored fields"): what a hit shows.
//  - The metadata a result line needs (title, date, source, path, url) is
//    kept uncompressed with an offset per document, so showing a page of
//    hits costs a few memory reads; paths and sources, which repeat (one
//    JSON Lines file holds thousands of articles; a few agencies write most
//    of them), are stored once in a string table.
//  - Body text, which only snippets read, is cut into blocks, each one zstd
//    frame with its content checksum, so damage is detected where it is
//    read: 4 KiB blocks compressed with a dictionary trained on the
//    segment's first MiB of bodies, or 64 KiB blocks in a segment too small
//    to train one.

#include <zstd.h>

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "index/envelope.h"
#include "index/stored_document.h"
#include "storage/file_writer.h"

namespace scoop {

class StoredFieldsWriter {
  public:
    StoredFieldsWriter(FileWriter& out, std::uint64_t payload_base, int zstd_level = 3);
    ~StoredFieldsWriter();
    StoredFieldsWriter(const StoredFieldsWriter&) = delete;
    StoredFieldsWriter& operator=(const StoredFieldsWriter&) = delete;

    void add(const StoredDocument& document);
    void finish();
    std::uint32_t doc_count() const { return docs_; }
    // Metadata and strings held until finish().
    std::size_t memory_bytes() const {
        return meta_.capacity() + strings_.capacity() + 16 * string_ids_.size() +
               pending_.capacity() + 8 * pending_ends_.capacity();
    }

  private:
    std::uint32_t intern(std::string_view s);
    // Ends the buffering of the first bodies: trains the dictionary on
    // them (when there are enough) and cuts them into blocks.
    void start_blocks();
    template <typename Append>
    void add_record(std::uint32_t doc, Append append);
    void flush_body();

    FileWriter& out_;
    std::uint64_t base_;
    int level_;
    ZSTD_CCtx* ctx_;
    bool training_ = true;
    std::string pending_;  // the first bodies' records, until start_blocks
    std::vector<std::size_t> pending_ends_;
    ZSTD_CDict* dictionary_ = nullptr;
    std::uint64_t dictionary_offset_ = 0;
    std::uint32_t dictionary_size_ = 0;
    std::uint32_t docs_ = 0;
    std::string meta_;  // records
    std::vector<std::uint64_t> meta_ends_;
    std::string strings_;
    std::vector<std::uint64_t> string_ends_;
    std::unordered_map<std::string, std::uint32_t> string_ids_;
    std::string body_block_;
    std::uint32_t body_block_first_doc_ = 0;
    std::string body_index_;
    std::string compressed_;
};

class StoredFieldsReader {
  public:
    StoredFieldsReader() = default;
    // `file` must outlive the reader; its pages are checked as they are read.
    StoredFieldsReader(const EnvelopeFile& file, std::uint32_t doc_count);

    // The last decompressed body block, reused while the next body asked for
    // is in it: keep one per thread.
    class BlockCache {
      public:
        BlockCache();
        ~BlockCache();
        BlockCache(BlockCache&&) noexcept;
        BlockCache& operator=(BlockCache&&) = delete;

      private:
        friend class StoredFieldsReader;
        std::uint32_t block = UINT32_MAX;
        std::string data;                 // the block, decompressed as far as needed
        std::vector<std::uint32_t> ends;  // end of each complete record in data
        std::uint64_t size = 0;           // of the whole block, decompressed
        std::uint64_t input_begin = 0, input_end = 0, input_used = 0;  // its frame
        ZSTD_DCtx* ctx;
    };

    // With the body (all of it, or its first `max_body_bytes`) when asked for.
    StoredDocument document(std::uint32_t doc, BlockCache& cache, bool with_body = true,
                            std::size_t max_body_bytes = SIZE_MAX) const;
    // The body, or its first `max_bytes`: a large block is decompressed
    // only as far as that, so a snippet of a huge article costs what a
    // snippet of a short one does.
    std::string_view body(std::uint32_t doc, BlockCache& cache,
                          std::size_t max_bytes = SIZE_MAX) const;

  private:
    std::string_view string(std::uint64_t id) const;
    // Decompresses more of the cached block; false once it is all there.
    bool decompress_more(BlockCache& cache) const;
    [[noreturn]] void corrupt(const std::string& what) const;

    // Bytes of the file, checked against its page checksums first.
    const std::uint8_t* checked(std::uint64_t offset, std::uint64_t size) const;
    std::uint64_t fixed64_at(const std::uint8_t* p) const;
    std::uint32_t fixed32_at(const std::uint8_t* p) const;

    const EnvelopeFile* file_ = nullptr;
    std::span<const std::uint8_t> payload_;
    std::uint32_t doc_count_ = 0;
    const std::uint8_t* body_index_ = nullptr;  // body_blocks x (first doc u32, offset u64)
    std::uint32_t body_blocks_ = 0;
    std::uint64_t frames_end_ = 0;
    const std::uint8_t* meta_ = nullptr;
    std::uint64_t meta_bytes_ = 0;
    const std::uint8_t* meta_ends_ = nullptr;  // doc_count x u64
    const std::uint8_t* strings_ = nullptr;
    std::uint64_t strings_bytes_ = 0;
    const std::uint8_t* string_ends_ = nullptr;  // string_count x u64
    std::uint32_t string_count_ = 0;
    std::shared_ptr<ZSTD_DDict> dictionary_;  // null when the blocks have none
};

}  // namespace scoop
