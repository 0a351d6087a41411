#include "query/spelling.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <unordered_map>

namespace scoop {
namespace {

std::u32string code_points(std::string_view s) {
    std::u32string out;
    int32_t i = 0;
    const auto n = static_cast<int32_t>(s.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
        out.push_back(static_cast<char32_t>(c < 0 ? 0xFFFD : c));
    }
    return out;
}

std::size_t osa_distance(const std::u32string& a, const std::u32string& b, std::size_t limit) {
    const std::size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > limit) return limit + 1;
    std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        std::size_t row_min = cur[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            row_min = std::min(row_min, cur[j]);
        }
        if (row_min > limit) return limit + 1;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return std::min(prev[m], limit + 1);
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    return osa_distance(code_points(a), code_points(b), limit);
}

std::string closest_indexed_word(const IndexReader& reader, Field field, std::string_view word) {
    const std::u32string target = code_points(word);
    const std::size_t limit = target.size() <= 4 ? 1 : 2;
    const std::string prefix = term_key(word_kind(field), "");
    std::unordered_map<std::string, std::uint64_t> df;  // candidates with their frequency
    std::size_t best_distance = limit + 1;
    for (const auto& segment : reader.segments()) {
        for (auto it = segment->dictionary().seek(prefix);
             it.valid() && it.key().starts_with(prefix); it.next()) {
            const std::string_view text = key_text(it.key());
            const std::size_t d =
                osa_distance(target, code_points(text), std::min(limit, best_distance));
            if (d == 0 || d > limit || d > best_distance) continue;
            if (d < best_distance) {
                best_distance = d;
                df.clear();
            }
            df[std::string(text)] += it.info().df;
        }
    }
    std::string best;
    std::uint64_t best_df = 0;
    for (const auto& [w, n] : df)
        if (n > best_df || (n == best_df && w < best)) {
            best = w;
            best_df = n;
        }
    return best;
}

}  // namespace scoop
