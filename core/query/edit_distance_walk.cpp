#include "query/edit_distance_walk.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <vector>

namespace scoop {
namespace {

// Decodes the code point at `pos` (a replacement character for a bad byte).
char32_t next_code_point(std::string_view s, std::size_t& pos) {
    auto i = static_cast<std::int32_t>(pos);
    UChar32 c;
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(s.data()), i, static_cast<std::int32_t>(s.size()),
            c);
    pos = static_cast<std::size_t>(i);
    return static_cast<char32_t>(c < 0 ? 0xFFFD : c);
}

std::u32string code_points(std::string_view s) {
    std::u32string out;
    for (std::size_t pos = 0; pos < s.size();) out.push_back(next_code_point(s, pos));
    return out;
}

// The rows of an optimal-string-alignment table of `target` against a term
// read one code point at a time: row d holds the distances of the term's
// first d characters to every prefix of the target.
class AlignmentRows {
  public:
    explicit AlignmentRows(std::u32string target) : target_(std::move(target)) {
        width_ = target_.size() + 1;
        cells_.resize(width_);
        for (std::size_t j = 0; j < width_; ++j) cells_[j] = static_cast<std::uint32_t>(j);
    }

    std::size_t depth() const { return chars_.size(); }
    // Keeps the first `depth` characters and their rows.
    void truncate(std::size_t depth) {
        chars_.resize(depth);
        cells_.resize((depth + 1) * width_);
    }
    // Adds a character; returns the smallest distance in its row.
    std::uint32_t push(char32_t c) {
        chars_.push_back(c);
        const std::size_t d = chars_.size();
        cells_.resize((d + 1) * width_);
        const std::uint32_t* prev = &cells_[(d - 1) * width_];
        const std::uint32_t* prev2 = d >= 2 ? &cells_[(d - 2) * width_] : nullptr;
        std::uint32_t* cur = &cells_[d * width_];
        cur[0] = static_cast<std::uint32_t>(d);
        std::uint32_t row_min = cur[0];
        for (std::size_t j = 1; j < width_; ++j) {
            const std::uint32_t cost = target_[j - 1] == c ? 0 : 1;
            std::uint32_t v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (prev2 != nullptr && j >= 2 && target_[j - 1] == chars_[d - 2] &&
                target_[j - 2] == c)
                v = std::min(v, prev2[j - 2] + 1);
            cur[j] = v;
            row_min = std::min(row_min, v);
        }
        return row_min;
    }
    std::uint32_t distance() const { return cells_[chars_.size() * width_ + width_ - 1]; }

  private:
    std::u32string target_;
    std::size_t width_;
    std::u32string chars_;
    std::vector<std::uint32_t> cells_;  // (depth + 1) rows of width_
};

}  // namespace

void walk_within_edit_distance(const Dictionary& dictionary, std::string_view key_prefix,
                               std::string_view word, std::size_t max_distance,
                               const EditDistanceVisitor& found) {
    AlignmentRows rows(code_points(word));
    std::size_t limit = max_distance;
    // The text whose characters `rows` holds, and where each character ends.
    std::string text;
    std::vector<std::size_t> ends;
    auto it = dictionary.seek(key_prefix);
    while (it.valid() && it.key().starts_with(key_prefix)) {
        const std::string_view term = it.key().substr(key_prefix.size());
        // Rows of the characters this term shares with the previous one stay.
        const std::size_t shared = static_cast<std::size_t>(
            std::mismatch(term.begin(), term.end(), text.begin(), text.end()).first - term.begin());
        const std::size_t keep = static_cast<std::size_t>(
            std::upper_bound(ends.begin(), ends.end(), shared) - ends.begin());
        rows.truncate(keep);
        ends.resize(keep);
        std::size_t pos = keep == 0 ? 0 : ends.back();
        bool out_of_reach = false;
        while (pos < term.size() && !out_of_reach) {
            const char32_t c = next_code_point(term, pos);
            ends.push_back(pos);
            out_of_reach = rows.push(c) > limit;
        }
        text.assign(term.substr(0, pos));
        if (out_of_reach) {
            // No term starting with these characters can come within reach:
            // go to the first term after all of them ('\xFF' is no UTF-8 byte).
            std::string next(key_prefix);
            next.append(text).push_back('\xFF');
            it.seek_forward(next);
            continue;
        }
        const std::size_t distance = rows.distance();
        if (distance <= limit) limit = std::min(limit, found(it.key(), distance, it.info()));
        it.next();
    }
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    AlignmentRows rows(code_points(a));
    for (std::size_t pos = 0; pos < b.size();)
        if (rows.push(next_code_point(b, pos)) > limit) return limit + 1;
    return std::min<std::size_t>(rows.distance(), limit + 1);
}

}  // namespace scoop
