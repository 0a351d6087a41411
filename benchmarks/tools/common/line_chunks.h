#pragma once

// A JSON Lines file read a few MB of whole lines at a time, as the indexer
// reads it, so that memory stays bounded on the million-article corpus.
// Shared by the query generator and the reference engines' indexing.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace scoop::bench {

inline constexpr std::size_t kChunkBytes = std::size_t{8} << 20;

// Calls `piece(chunk, lines_before)` for consecutive pieces of `all` of
// about kChunkBytes that end at a line end (the last one at the end of
// `all`); `lines_before` is the number of lines ahead of the chunk, for
// messages that name a line. Stops early when `piece` returns false.
template <typename Piece>
void for_each_line_chunk(std::string_view all, Piece&& piece) {
    std::size_t start = 0;
    std::uint32_t lines_before = 0;
    while (start < all.size()) {
        std::size_t end = all.size();
        if (all.size() - start > kChunkBytes) {
            const std::size_t nl = all.find('\n', start + kChunkBytes);
            end = nl == std::string_view::npos ? all.size() : nl + 1;
        }
        if (!piece(all.substr(start, end - start), lines_before)) return;
        lines_before += static_cast<std::uint32_t>(
            std::count(all.begin() + static_cast<std::ptrdiff_t>(start),
                       all.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
        start = end;
    }
}

}  // namespace scoop::bench
