#include "index/impacts.h"

#include <algorithm>

#include "util/coding.h"

namespace scoop {

void ImpactCollector::clear() {
    for (std::uint32_t f : used_) shortest_[f] = UINT32_MAX;
    used_.clear();
    large_.clear();
}

std::vector<Impact> ImpactCollector::take_frontier(std::size_t max_pairs) {
    // Highest frequency first; among equals, the shortest field.
    std::vector<Impact> pairs = std::move(large_);
    for (std::uint32_t f : used_) pairs.push_back({f, shortest_[f]});
    std::sort(pairs.begin(), pairs.end(), [](const Impact& a, const Impact& b) {
        return a.freq != b.freq ? a.freq > b.freq : a.length < b.length;
    });
    std::vector<Impact> frontier;
    for (const Impact& p : pairs) {
        // Kept only if shorter than every pair of higher frequency.
        if (frontier.empty() || p.length < frontier.back().length) frontier.push_back(p);
    }
    clear();
    std::reverse(frontier.begin(), frontier.end());  // increasing freq and length

    while (frontier.size() > max_pairs) {
        // Merge the neighbours closest in frequency: the bound loosens least.
        std::size_t best = 0;
        double best_ratio = 1e300;
        for (std::size_t i = 0; i + 1 < frontier.size(); ++i) {
            const double ratio = static_cast<double>(frontier[i + 1].freq) / frontier[i].freq;
            if (ratio < best_ratio) {
                best_ratio = ratio;
                best = i;
            }
        }
        frontier[best] = Impact{frontier[best + 1].freq, frontier[best].length};
        frontier.erase(frontier.begin() + static_cast<std::ptrdiff_t>(best) + 1);
    }
    return frontier;
}

void encode_impacts(std::span<const Impact> impacts, std::string& out) {
    put_varint32(out, static_cast<std::uint32_t>(impacts.size()));
    std::uint32_t prev_freq = 0, prev_length = 0;
    for (const Impact& i : impacts) {
        // Both grow along the frontier: store the increases.
        put_varint32(out, i.freq - prev_freq);
        put_varint32(out, i.length - prev_length);
        prev_freq = i.freq;
        prev_length = i.length;
    }
}

const std::uint8_t* decode_impacts(const std::uint8_t* in, const std::uint8_t* end,
                                   std::span<Impact> out, std::size_t& count) {
    std::uint32_t n = 0;
    in = get_varint32(in, end, n);
    if (in == nullptr || n == 0 || n > out.size()) return nullptr;
    count = n;
    std::uint32_t freq = 0, length = 0;
    for (std::uint32_t k = 0; k < n; ++k) {
        std::uint32_t df = 0, dl = 0;
        in = get_varint32(in, end, df);
        if (in) in = get_varint32(in, end, dl);
        if (in == nullptr) return nullptr;
        freq += df;
        length += dl;
        out[k] = Impact{freq, length};
    }
    return in;
}

const std::uint8_t* skip_impacts(const std::uint8_t* in, const std::uint8_t* end) {
    std::uint32_t n = 0;
    in = get_varint32(in, end, n);
    if (in == nullptr || n == 0 || n > kMaxImpactsPerBlock) return nullptr;
    // 2n varints: count the bytes that end one (high bit clear).
    for (std::uint32_t ended = 0; ended < 2 * n; ++in) {
        if (in == end) return nullptr;
        ended += (*in & 0x80) == 0;
    }
    return in;
}

}  // namespace scoop
