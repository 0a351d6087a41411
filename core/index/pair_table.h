#pragma once

// An open-addressing hash table from a pair of 32-bit ids to a 32-bit
// value, for the word pairs of the indexing hot path: one probe sequence
// over a flat array, no node per entry (std::unordered_map's nodes and
// pointer chase were a quarter of the indexing time).

#include <cstdint>
#include <vector>

namespace scoop {

class PairTable {
  public:
    static constexpr std::uint32_t kAbsent = UINT32_MAX;

    PairTable() { rehash(1024); }

    // The value of (first, second), or `fresh` inserted (and `inserted`
    // set) when absent. Ids must be below UINT32_MAX.
    std::uint32_t find_or_insert(std::uint32_t first, std::uint32_t second, std::uint32_t fresh,
                                 bool& inserted) {
        const std::uint64_t key = std::uint64_t{first} << 32 | second;
        std::size_t slot = slot_of(key);
        for (;; slot = (slot + 1) & mask_) {
            Slot& s = slots_[slot];
            if (s.key == key) {
                inserted = false;
                return s.value;
            }
            if (s.key == kEmptyKey) break;
        }
        inserted = true;
        slots_[slot] = {key, fresh};
        if (++size_ * 2 > slots_.size()) rehash(slots_.size() * 2);
        return fresh;
    }

    // Starts loading the slot of (first, second), for a lookup soon after:
    // a batch of lookups then waits for memory once, not once each.
    void prefetch(std::uint32_t first, std::uint32_t second) const {
        __builtin_prefetch(&slots_[slot_of(std::uint64_t{first} << 32 | second)]);
    }

    std::size_t size() const { return size_; }
    std::size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot); }

  private:
    static constexpr std::uint64_t kEmptyKey = UINT64_MAX;
    struct Slot {
        std::uint64_t key = kEmptyKey;
        std::uint32_t value = kAbsent;
    };

    std::size_t slot_of(std::uint64_t key) const {
        // Fibonacci hashing: the product's high bits mix both ids.
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
    }

    void rehash(std::size_t capacity) {
        std::vector<Slot> old(capacity);
        old.swap(slots_);
        mask_ = capacity - 1;
        shift_ = 64 - static_cast<unsigned>(__builtin_ctzll(capacity));
        for (const Slot& s : old) {
            if (s.key == kEmptyKey) continue;
            std::size_t slot = slot_of(s.key);
            while (slots_[slot].key != kEmptyKey) slot = (slot + 1) & mask_;
            slots_[slot] = s;
        }
    }

    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    unsigned shift_ = 64;
    std::size_t size_ = 0;
};

}  // namespace scoop
