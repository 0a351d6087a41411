#include "query/proximity_bonus.h"

#include <algorithm>
#include <map>
#include <utility>

#include "index/term.h"

namespace scoop {
namespace {

void ranked_words(const Query& q, std::vector<std::string>& out) {
    if (const auto* t = std::get_if<TermQuery>(&q)) {
        if (t->field == Field::kTitleAndBody &&
            std::find(out.begin(), out.end(), t->word) == out.end())
            out.push_back(t->word);
    } else if (const auto* b = std::get_if<BooleanQuery>(&q)) {
        for (const BooleanClause& c : b->clauses)
            if (c.occur == Occur::kMust || c.occur == Occur::kShould) ranked_words(c.query, out);
    }
}

}  // namespace

ProximityBonus::ProximityBonus(const IndexReader& reader, const Query& query, Bm25Params params)
    : reader_(reader), params_(params) {
    std::vector<std::string> words;
    ranked_words(query, words);
    for (const std::string& w : words) {
        Word word;
        const std::string key = term_key(word_kind(Field::kTitleAndBody), w);
        std::uint64_t df = 0;
        for (const auto& segment : reader.segments()) {
            word.infos.push_back(segment->find(key));
            if (word.infos.back()) df += word.infos.back()->df;
        }
        if (df == 0) continue;
        word.idf = bm25_idf(df, reader.doc_count());
        words_.push_back(std::move(word));
    }
}

double ProximityBonus::bonus(std::uint64_t doc) const {
    const auto [si, local] = reader_.locate(doc);
    const Segment& segment = *reader_.segments()[si];
    // (position, word) of every query word in the document, in order.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> occurrences;
    for (std::uint32_t w = 0; w < words_.size(); ++w) {
        const auto& info = words_[w].infos[si];
        if (!info) continue;
        PostingCursor cursor = segment.postings(*info);
        cursor.advance(local);
        if (cursor.doc() != local) continue;
        for (const std::uint32_t p : cursor.positions()) occurrences.emplace_back(p, w);
    }
    std::sort(occurrences.begin(), occurrences.end());
    std::map<std::pair<std::uint32_t, std::uint32_t>, double> accumulators;
    for (std::size_t i = 0; i < occurrences.size(); ++i)
        for (std::size_t j = i + 1; j < occurrences.size(); ++j) {
            const std::uint32_t distance = occurrences[j].first - occurrences[i].first;
            if (distance > kProximityWindow) break;
            const auto [a, b] = std::minmax(occurrences[i].second, occurrences[j].second);
            if (a == b || distance == 0) continue;
            accumulators[{a, b}] += 1.0 / (static_cast<double>(distance) * distance);
        }
    if (accumulators.empty()) return 0;
    const double length = segment.docs().length(Field::kTitleAndBody, local);
    const double average = reader_.average_length(Field::kTitleAndBody);
    const double k = params_.k1 * (1.0 - params_.b + params_.b * length / average);
    double sum = 0;
    for (const auto& [pair, acc] : accumulators)
        sum += (params_.k1 + 1.0) * acc / (k + acc) *
               std::min(words_[pair.first].idf, words_[pair.second].idf);
    return sum * params_.boost;
}

}  // namespace scoop
