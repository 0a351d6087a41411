#include "query/phrase_weight.h"

#include <algorithm>
#include <map>

#include "analysis/common_words.h"
#include "query/phrase_scorer.h"
#include "query/term_weight.h"

namespace scoop {

PhraseWeight::PhraseWeight(std::vector<Part> parts, Field field, Bm25 bm25, std::string label,
                           std::uint32_t slop)
    : parts_(std::move(parts)), field_(field), bm25_(bm25), label_(std::move(label)), slop_(slop) {}

WeightPtr PhraseWeight::make_sloppy(const WeightContext& context, const PhraseQuery& phrase) {
    const IndexReader& reader = context.reader;
    std::vector<Part> parts;
    std::vector<std::string> seen;
    double idf = 0;
    std::string joined;
    for (std::size_t i = 0; i < phrase.words.size(); ++i) {
        const std::string& word = phrase.words[i];
        joined.append(joined.empty() ? "" : " ").append(word);
        if (std::find(seen.begin(), seen.end(), word) != seen.end()) continue;
        seen.push_back(word);
        Part part{{static_cast<std::uint32_t>(i)}, {}};
        const std::uint64_t df =
            find_in_segments(reader, term_key(word_kind(phrase.field), word), part.infos);
        if (df == 0) return nullptr;
        idf += bm25_idf(df, reader.doc_count());
        parts.push_back(std::move(part));
    }
    const Bm25 bm25(idf, context.bm25, reader.average_length(phrase.field));
    return std::make_unique<PhraseWeight>(
        std::move(parts), phrase.field, bm25,
        describe_phrase(phrase.field, joined) + "~" + std::to_string(phrase.slop), phrase.slop);
}

WeightPtr PhraseWeight::make(const WeightContext& context, const PhraseQuery& phrase) {
    const IndexReader& reader = context.reader;
    const std::vector<std::string>& words = phrase.words;
    if (words.size() == 1)
        return TermWeight::make(context, phrase.field, term_key(word_kind(phrase.field), words[0]));
    if (phrase.slop > 0) return make_sloppy(context, phrase);

    // Each distinct list is looked up and read once, whatever the phrase
    // repeats: "mln mln mln" is one part at offsets 0, 1 and 2.
    std::vector<Part> parts;
    std::vector<std::string> keys;                                       // by part
    std::map<std::string, std::pair<std::size_t, std::uint64_t>> known;  // key: (part, df)
    auto add_part = [&](std::string key, std::size_t offset) {
        const auto at = known.find(key);
        if (at != known.end()) {
            parts[at->second.first].offsets.push_back(static_cast<std::uint32_t>(offset));
            return at->second.second;
        }
        Part part{{static_cast<std::uint32_t>(offset)}, {}};
        const std::uint64_t df = find_in_segments(reader, key, part.infos);
        known.emplace(key, std::pair{parts.size(), df});
        parts.push_back(std::move(part));
        keys.push_back(std::move(key));
        return df;
    };
    // The index keeps every adjacent pair with a common word in it, at the
    // first word's positions: such pairs replace their words' long lists,
    // and the words no pair covers take part on their own.
    std::vector<bool> covered(words.size(), false);
    for (std::size_t i = 0; i + 1 < words.size(); ++i)
        if (is_common_word(words[i]) || is_common_word(words[i + 1])) {
            if (add_part(term_key(pair_kind(phrase.field), pair_text(words[i], words[i + 1])), i) ==
                0)
                return nullptr;
            covered[i] = covered[i + 1] = true;
        }
    std::map<std::string, std::uint64_t> word_dfs;
    auto word_df = [&](const std::string& key) {
        const auto [it, fresh] = word_dfs.try_emplace(key, 0);
        if (fresh) it->second = reader.doc_freq(key);
        return it->second;
    };
    double idf = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string key = term_key(word_kind(phrase.field), words[i]);
        const std::uint64_t df = covered[i] ? word_df(key) : add_part(std::move(key), i);
        if (df == 0) return nullptr;
        idf += bm25_idf(df, reader.doc_count());
    }
    const Bm25 bm25(idf, context.bm25, reader.average_length(phrase.field));
    if (parts.size() == 1 && parts[0].offsets.size() == 1)  // one pair: its list is the phrase's
        return std::make_unique<TermWeight>(std::move(keys[0]), phrase.field, bm25,
                                            std::move(parts[0].infos));
    std::string joined;
    for (const auto& w : words) joined.append(joined.empty() ? "" : " ").append(w);
    return std::make_unique<PhraseWeight>(std::move(parts), phrase.field, bm25,
                                          describe_phrase(phrase.field, joined));
}

ScorerPtr PhraseWeight::scorer(const Segment& segment, std::size_t si) const {
    std::vector<PhraseScorer::Part> parts;
    parts.reserve(parts_.size());
    for (const Part& part : parts_) {
        const auto& info = part.infos[si];
        if (!info) return nullptr;
        parts.push_back({segment.postings(*info), part.offsets});
    }
    return std::make_unique<PhraseScorer>(std::move(parts), bm25_, field_, segment.docs(), label_,
                                          slop_);
}

void PhraseWeight::collect_terms(std::size_t si, std::vector<const TermInfo*>& terms) const {
    for (const Part& part : parts_)
        if (part.infos[si]) terms.push_back(&*part.infos[si]);
}

}  // namespace scoop
