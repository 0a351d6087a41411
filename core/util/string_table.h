#pragma once

// An open-addressing hash table from strings to small values, for the
// indexing hot path: one probe sequence over a flat array of 32-bit slots,
// keys packed in one arena, no allocation per entry. std::unordered_map's
// node per entry and pointer chase cost most of the inversion time.

#include <xxhash.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace scoop {

template <typename Value>
class StringTable {
  public:
    StringTable() { rehash(1024); }

    // The value for `key`, inserting `fresh` when absent. The reference is
    // valid until the next insertion.
    Value& find_or_insert(std::string_view key, const Value& fresh, bool& inserted) {
        const std::uint64_t hash = XXH3_64bits(key.data(), key.size());
        std::size_t slot = static_cast<std::size_t>(hash) & mask_;
        for (;;) {
            const std::uint32_t index = slots_[slot];
            if (index == kEmpty) break;
            const Entry& e = entries_[index];
            if (e.hash == hash && key_of(e) == key) {
                inserted = false;
                return entries_[index].value;
            }
            slot = (slot + 1) & mask_;
        }
        inserted = true;
        const auto index = static_cast<std::uint32_t>(entries_.size());
        entries_.push_back(
            Entry{hash, arena_.size(), static_cast<std::uint32_t>(key.size()), fresh});
        arena_.append(key);
        slots_[slot] = index;
        if (entries_.size() * 2 > slots_.size()) rehash(slots_.size() * 2);
        return entries_[index].value;
    }

    std::size_t size() const { return entries_.size(); }
    std::size_t memory_bytes() const {
        return slots_.capacity() * 4 + entries_.capacity() * sizeof(Entry) + arena_.capacity();
    }

  private:
    static constexpr std::uint32_t kEmpty = UINT32_MAX;
    struct Entry {
        std::uint64_t hash;
        std::size_t offset;
        std::uint32_t length;
        Value value;
    };

    std::string_view key_of(const Entry& e) const {
        return std::string_view(arena_).substr(e.offset, e.length);
    }

    void rehash(std::size_t capacity) {
        slots_.assign(capacity, kEmpty);
        mask_ = capacity - 1;
        for (std::uint32_t i = 0; i < entries_.size(); ++i) {
            std::size_t slot = static_cast<std::size_t>(entries_[i].hash) & mask_;
            while (slots_[slot] != kEmpty) slot = (slot + 1) & mask_;
            slots_[slot] = i;
        }
    }

    std::vector<std::uint32_t> slots_;
    std::size_t mask_ = 0;
    std::vector<Entry> entries_;
    std::string arena_;
};

}  // namespace scoop
