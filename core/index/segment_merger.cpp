#include "index/segment_merger.h"

#include <algorithm>
#include <queue>

#include "util/error.h"

namespace scoop {
namespace {

constexpr std::uint32_t kGone = UINT32_MAX;

}  // namespace

SegmentSummary merge_segments(Directory& dir,
                              std::span<const std::shared_ptr<const Segment>> inputs,
                              const std::string& name) {
    // New numbers for the live documents, in input order.
    std::vector<std::vector<std::uint32_t>> remap(inputs.size());
    std::uint64_t next = 0;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const Segment& s = *inputs[i];
        remap[i].resize(s.doc_count());
        for (std::uint32_t d = 0; d < s.doc_count(); ++d)
            remap[i][d] = s.deleted(d) ? kGone : static_cast<std::uint32_t>(next++);
    }
    if (next >= UINT32_MAX - 1)
        throw Error("merged segment would hold more than 2^32 - 2 documents");

    SegmentSerializer out(dir, name);
    out.reserve_documents(next);
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const Segment& s = *inputs[i];
        StoredFieldsReader::BlockCache cache;
        for (std::uint32_t d = 0; d < s.doc_count(); ++d) {
            if (remap[i][d] == kGone) continue;
            out.add_document(
                s.stored().document(d, cache), s.docs().length(Field::kTitleAndBody, d),
                s.docs().length(Field::kTitle, d), s.docs().date(d), s.docs().file_id(d));
        }
    }
    out.finish_documents();

    // k-way merge of the dictionaries.
    std::vector<Dictionary::Iterator> terms;
    for (const auto& s : inputs) terms.push_back(s->dictionary().begin());
    auto later = [&](const std::size_t a, const std::size_t b) {
        return terms[a].key() != terms[b].key() ? terms[a].key() > terms[b].key() : a > b;
    };
    std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> heads(later);
    for (std::size_t i = 0; i < terms.size(); ++i)
        if (terms[i].valid()) heads.push(i);

    std::vector<std::size_t> holders;
    std::string key;
    while (!heads.empty()) {
        key.assign(terms[heads.top()].key());
        holders.clear();
        while (!heads.empty() && terms[heads.top()].key() == key) {
            holders.push_back(heads.top());
            heads.pop();
        }
        std::sort(holders.begin(), holders.end());  // input order keeps new numbers rising

        const bool positional = has_positions(key_kind(key));
        out.start_term(key);
        for (std::size_t i : holders) {
            PostingCursor c = inputs[i]->postings(terms[i].info());
            for (; c.doc() != kEndDoc; c.next()) {
                const std::uint32_t doc = remap[i][c.doc()];
                if (doc == kGone) continue;
                out.add_posting(doc, c.freq(),
                                positional ? c.positions() : std::span<const std::uint32_t>{});
            }
        }
        out.finish_term();  // a term only deleted documents had is left out

        for (std::size_t i : holders) {
            terms[i].next();
            if (terms[i].valid()) heads.push(i);
        }
    }
    return out.finish();
}

}  // namespace scoop
