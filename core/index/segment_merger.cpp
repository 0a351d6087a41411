#include "index/segment_merger.h"

#include <algorithm>
#include <queue>

#include "index/dictionary.h"
#include "index/doc_table.h"
#include "index/postings_writer.h"
#include "index/segment_files.h"
#include "index/stored_fields.h"
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

    SegmentFilesWriter files(dir, name);

    DocColumns columns;
    columns.reserve(next);
    StoredFieldsWriter stored(files.store(), SegmentFilesWriter::kPayloadBase);
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const Segment& s = *inputs[i];
        StoredFieldsReader::BlockCache cache;
        for (std::uint32_t d = 0; d < s.doc_count(); ++d) {
            if (remap[i][d] == kGone) continue;
            columns.push_back(s.docs().length(Field::kTitleAndBody, d),
                              s.docs().length(Field::kTitle, d), s.docs().date(d),
                              s.docs().file_id(d));
            stored.add(s.stored().document(d, cache));
        }
    }
    stored.finish();
    files.docs().append(encode_doc_table(columns));

    // k-way merge of the dictionaries.
    std::vector<Dictionary::Iterator> terms;
    for (const auto& s : inputs) terms.push_back(s->dictionary().begin());
    auto later = [&](const std::size_t a, const std::size_t b) {
        return terms[a].key() != terms[b].key() ? terms[a].key() > terms[b].key() : a > b;
    };
    std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> heads(later);
    for (std::size_t i = 0; i < terms.size(); ++i)
        if (terms[i].valid()) heads.push(i);

    const std::array<double, kFieldCount> averages = {columns.average_length(Field::kTitleAndBody),
                                                      columns.average_length(Field::kTitle)};
    PostingsWriter writer(files.post(), &files.pos(), SegmentFilesWriter::kPayloadBase,
                          SegmentFilesWriter::kPayloadBase);
    DictionaryWriter dictionary(files.dict(), SegmentFilesWriter::kPayloadBase);
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

        const TermKind kind = key_kind(key);
        const bool positional = has_positions(kind);
        writer.start_term(positional, columns.lengths[static_cast<std::size_t>(field_of(kind))],
                          averages[static_cast<std::size_t>(field_of(kind))]);
        std::uint32_t postings = 0;
        for (std::size_t i : holders) {
            PostingCursor c = inputs[i]->postings(terms[i].info());
            for (; c.doc() != kEndDoc; c.next()) {
                const std::uint32_t doc = remap[i][c.doc()];
                if (doc == kGone) continue;
                writer.add(doc, c.freq(),
                           positional ? c.positions() : std::span<const std::uint32_t>{});
                ++postings;
            }
        }
        const TermInfo info = writer.finish_term();
        if (postings > 0) dictionary.add(key, info);  // a term only deleted documents had is gone

        for (std::size_t i : holders) {
            terms[i].next();
            if (terms[i].valid()) heads.push(i);
        }
    }
    dictionary.finish();

    SegmentSummary summary;
    summary.name = name;
    summary.doc_count = static_cast<std::uint32_t>(next);
    summary.term_count = dictionary.term_count();
    summary.bytes = files.finish();
    return summary;
}

}  // namespace scoop
