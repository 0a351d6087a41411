#pragma once

// The sorted term dictionary of a segment (docs/FORMAT.md, "Dictionary"):
// blocks of up to 32 front-coded terms with their TermInfo, then an array of
// block offsets. A lookup binary-searches the blocks by their first term
// (stored whole) and scans one block.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "index/envelope.h"
#include "index/term_info.h"
#include "storage/file_writer.h"

namespace scoop {

inline constexpr std::uint32_t kTermsPerDictionaryBlock = 32;

class DictionaryWriter {
  public:
    explicit DictionaryWriter(FileWriter& out, std::uint64_t payload_base);
    // Keys must arrive in strictly increasing byte order.
    void add(std::string_view key, const TermInfo& info);
    void finish();
    std::uint64_t term_count() const { return term_count_; }

  private:
    FileWriter& out_;
    std::uint64_t base_;
    std::string previous_key_;
    TermInfo previous_{};
    std::uint64_t term_count_ = 0;
    std::string block_;
    std::string index_;
};

class Dictionary {
  public:
    Dictionary() = default;
    // `file` must outlive the dictionary. Throws CorruptIndexError naming
    // the file when the layout does not hold together. Each block's pages
    // are checked the first time the block is read.
    explicit Dictionary(const EnvelopeFile& file);

    std::optional<TermInfo> find(std::string_view key) const;
    std::uint64_t term_count() const { return term_count_; }

    // Walks terms in order from a starting point.
    class Iterator {
      public:
        bool valid() const { return valid_; }
        std::string_view key() const { return key_; }
        // The impact frontier is decoded here, on first use: walks that look
        // at keys only (prefix expansion, spelling) do not pay for it.
        const TermInfo& info() const;
        void next();
        // Moves forward to the first term >= key (never backwards): a scan
        // when it is in the current block, a binary search otherwise.
        void seek_forward(std::string_view key);

      private:
        friend class Dictionary;
        const Dictionary* dict_ = nullptr;
        std::uint32_t block_ = 0;
        std::uint32_t in_block_ = 0;  // entries decoded from the current block
        const std::uint8_t* p_ = nullptr;
        const std::uint8_t* block_end_ = nullptr;
        bool valid_ = false;
        std::string key_;
        mutable TermInfo info_{};
        mutable const std::uint8_t* impacts_ = nullptr;  // not yet decoded when set
    };

    Iterator begin() const;
    // First term >= key.
    Iterator seek(std::string_view key) const;

  private:
    const std::uint8_t* block_start(std::uint32_t block) const;
    const std::uint8_t* block_limit(std::uint32_t block) const;
    // The block's bytes, checked.
    std::pair<const std::uint8_t*, const std::uint8_t*> checked_block(std::uint32_t block) const;
    std::uint32_t entries_in(std::uint32_t block) const;
    std::string_view first_key(std::uint32_t block) const;
    void load_block(Iterator& it, std::uint32_t block) const;
    void decode_entry(Iterator& it) const;
    [[noreturn]] void corrupt(const std::string& what) const;

    const EnvelopeFile* file_ = nullptr;
    std::span<const std::uint8_t> payload_;
    std::uint64_t term_count_ = 0;
    std::uint32_t block_count_ = 0;
    const std::uint8_t* index_ = nullptr;
    std::uint64_t blocks_end_ = 0;  // where the block area ends (the index starts)
};

}  // namespace scoop
