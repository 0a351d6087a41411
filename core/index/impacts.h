#pragma once

// Impacts: what block-max pruning needs to bound a block's best score
// without knowing the scoring parameters in advance. BM25 grows with the
// term frequency and shrinks with the field length, so the best score of a
// block is reached at one of its Pareto-optimal (frequency, length) pairs:
// those no other posting beats on both. Storing that frontier (as Lucene
// does) lets the searcher bound a block exactly for any k1, b and average
// length, which a stored score could not survive.

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace scoop {

struct Impact {
    std::uint32_t freq;
    std::uint32_t length;
    bool operator==(const Impact&) const = default;
};

// At most this many pairs are kept per block; beyond it adjacent pairs are
// merged into (higher freq, lower length), which still bounds them both.
inline constexpr std::size_t kMaxImpactsPerBlock = 8;

// Collects postings and produces their frontier. Only the shortest length
// per frequency can be on the frontier, so that is all it keeps: small
// frequencies (nearly all of them) in a direct array, the rest in a list.
class ImpactCollector {
  public:
    ImpactCollector() { shortest_.fill(UINT32_MAX); }
    void add(std::uint32_t freq, std::uint32_t length) {
        if (freq < kDirect) {
            if (shortest_[freq] == UINT32_MAX) used_.push_back(freq);
            if (length < shortest_[freq]) shortest_[freq] = length;
        } else {
            large_.push_back({freq, length});
        }
    }
    void add(std::span<const Impact> impacts) {
        for (const Impact& i : impacts) add(i.freq, i.length);
    }
    bool empty() const { return used_.empty() && large_.empty(); }
    void clear();

    // Frontier sorted by increasing frequency (and so increasing length),
    // at most `max_pairs` long. Leaves the collector empty.
    std::vector<Impact> take_frontier(std::size_t max_pairs);

  private:
    static constexpr std::uint32_t kDirect = 256;
    std::array<std::uint32_t, kDirect> shortest_;
    std::vector<std::uint32_t> used_;  // frequencies set in shortest_
    std::vector<Impact> large_;
};

void encode_impacts(std::span<const Impact> impacts, std::string& out);

// Decodes a list written by encode_impacts into `out`, setting `count`;
// returns nullptr when malformed or longer than `out`.
const std::uint8_t* decode_impacts(const std::uint8_t* in, const std::uint8_t* end,
                                   std::span<Impact> out, std::size_t& count);

// The end of a list written by encode_impacts, without decoding it; nullptr
// when it cannot be one.
const std::uint8_t* skip_impacts(const std::uint8_t* in, const std::uint8_t* end);

}  // namespace scoop
