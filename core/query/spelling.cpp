#include "query/spelling.h"

#include <algorithm>
#include <map>

#include "query/edit_distance_walk.h"

namespace scoop {

std::string closest_indexed_word(const IndexReader& reader, Field field, std::string_view word) {
    const std::size_t characters = edit_distance(word, "", 1000);
    if (characters < 2) return {};
    const std::size_t limit = characters <= 4 ? 1 : 2;
    // The first character (its UTF-8 bytes) is kept: the walk compares the
    // rest of each word with the rest of `word`.
    const auto lead = static_cast<unsigned char>(word[0]);
    const std::size_t first = std::min(word.size(), std::size_t{lead < 0x80   ? 1u
                                                                : lead < 0xE0 ? 2u
                                                                : lead < 0xF0 ? 3u
                                                                              : 4u});
    const std::string prefix = term_key(word_kind(field), word.substr(0, first));
    const std::string_view rest = word.substr(first);
    std::map<std::string, std::uint64_t> df;  // the closest words so far, with their frequency
    std::size_t best = limit;
    for (const auto& segment : reader.segments()) {
        walk_within_edit_distance(
            segment->dictionary(), prefix, rest, best,
            [&](std::string_view key, std::size_t distance, const TermInfo& info) {
                if (distance == 0) return best;  // the word itself (deleted documents only)
                if (distance < best) df.clear();
                best = distance;
                df[std::string(key_text(key))] += info.df;
                return best;
            });
    }
    std::string closest;
    std::uint64_t closest_df = 0;
    for (const auto& [w, n] : df)
        if (n > closest_df) {  // map order: ties go to the first in byte order
            closest = w;
            closest_df = n;
        }
    return closest;
}

}  // namespace scoop
