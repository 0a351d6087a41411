#include "index/segment_builder.h"

#include <xxhash.h>

#include <algorithm>
#include <numeric>

#include "index/dictionary.h"
#include "index/postings_writer.h"
#include "util/coding.h"
#include "util/error.h"

namespace scoop {
namespace {

// Bytes a term costs besides its postings: the map node, the key, the buffer.
constexpr std::size_t kTermOverhead = 96;

}  // namespace

AnalyzedDocument analyze_article(Analyzer& analyzer, Article article, std::uint64_t file_id) {
    AnalyzedDocument doc;
    analyzer.analyze(article.title, doc.title);
    analyzer.analyze(article.body, doc.body);
    doc.article = std::move(article);
    doc.file_id = file_id;
    return doc;
}

std::size_t SegmentBuilder::KeyHash::operator()(std::string_view s) const {
    return static_cast<std::size_t>(XXH3_64bits(s.data(), s.size()));
}

SegmentBuilder::SegmentBuilder(const std::string& dir, std::string segment)
    : segment_(std::move(segment)),
      files_(dir, segment_),
      stored_(files_.store(), SegmentFilesWriter::kPayloadBase) {}

std::uint32_t SegmentBuilder::term_id(TermKind kind, std::string_view text) {
    key_scratch_.clear();
    key_scratch_.push_back(static_cast<char>(kind));
    key_scratch_.append(text);
    if (auto it = ids_.find(std::string_view(key_scratch_)); it != ids_.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(keys_.size());
    ids_.emplace(key_scratch_, id);
    keys_.push_back(key_scratch_);
    postings_.emplace_back();
    memory_bytes_ += kTermOverhead + 2 * key_scratch_.size();
    return id;
}

void SegmentBuilder::add(const AnalyzedDocument& doc) {
    const std::uint32_t doc_id = doc_count();
    if (doc_id == UINT32_MAX - 1) throw Error("a segment cannot hold more than 2^32 - 2 documents");

    // The text field numbers the title's words first, then the body's after
    // a gap, so a phrase never spans the two.
    const auto title_words = static_cast<std::uint32_t>(doc.title.size());
    const std::uint32_t body_offset = title_words + kFieldGap;
    occurrences_.clear();
    for (const Token& t : doc.title) {
        occurrences_.push_back({term_id(TermKind::kTextWord, t.word), t.position});
        occurrences_.push_back({term_id(TermKind::kTextStem, t.stem), t.position});
        occurrences_.push_back({term_id(TermKind::kTitleWord, t.word), t.position});
        occurrences_.push_back({term_id(TermKind::kTitleStem, t.stem), t.position});
    }
    for (const Token& t : doc.body) {
        occurrences_.push_back({term_id(TermKind::kTextWord, t.word), body_offset + t.position});
        occurrences_.push_back({term_id(TermKind::kTextStem, t.stem), body_offset + t.position});
    }
    std::sort(occurrences_.begin(), occurrences_.end());

    for (std::size_t i = 0; i < occurrences_.size();) {
        const std::uint32_t term = occurrences_[i].term;
        std::size_t j = i;
        while (j < occurrences_.size() && occurrences_[j].term == term) ++j;
        TermBuffer& buffer = postings_[term];
        const std::size_t before = buffer.bytes.capacity();
        put_varint32(buffer.bytes, doc_id - buffer.last_doc - 1);
        put_varint32(buffer.bytes, static_cast<std::uint32_t>(j - i));
        if (has_positions(key_kind(keys_[term]))) {
            std::uint32_t previous = 0;
            for (std::size_t k = i; k < j; ++k) {
                const std::uint32_t p = occurrences_[k].position;
                put_varint32(buffer.bytes, k == i ? p : p - previous - 1);
                previous = p;
            }
        }
        buffer.last_doc = doc_id;
        memory_bytes_ += buffer.bytes.capacity() - before;
        i = j;
    }

    const auto text_length = static_cast<std::uint32_t>(doc.title.size() + doc.body.size());
    columns_.push_back(text_length, title_words, doc.article.date, doc.file_id);
    stored_.add(serialize_document(doc.article));
    memory_bytes_ += 24;
}

SegmentSummary SegmentBuilder::finish() {
    stored_.finish();
    files_.docs().append(encode_doc_table(columns_));

    std::vector<std::uint32_t> order(keys_.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return keys_[a] < keys_[b]; });

    PostingsWriter writer(files_.post(), &files_.pos(), SegmentFilesWriter::kPayloadBase,
                          SegmentFilesWriter::kPayloadBase);
    DictionaryWriter dictionary(files_.dict(), SegmentFilesWriter::kPayloadBase);
    std::vector<std::uint32_t> positions;
    for (std::uint32_t id : order) {
        const std::string& key = keys_[id];
        const TermKind kind = key_kind(key);
        const bool positional = has_positions(kind);
        writer.start_term(positional, columns_.lengths[static_cast<std::size_t>(field_of(kind))]);
        ByteReader r(postings_[id].bytes);
        std::uint32_t doc = UINT32_MAX;
        while (!r.at_end()) {
            doc += r.varint32() + 1;
            const std::uint32_t freq = r.varint32();
            positions.clear();
            if (positional) {
                std::uint32_t p = 0;
                for (std::uint32_t k = 0; k < freq; ++k) {
                    p = k == 0 ? r.varint32() : p + r.varint32() + 1;
                    positions.push_back(p);
                }
            }
            if (!r.ok()) throw Error("internal: in-memory postings are malformed");
            writer.add(doc, freq, positions);
        }
        dictionary.add(key, writer.finish_term());
        std::string().swap(postings_[id].bytes);  // give memory back as we go
    }
    dictionary.finish();

    SegmentSummary summary;
    summary.name = segment_;
    summary.doc_count = doc_count();
    summary.term_count = dictionary.term_count();
    summary.bytes = files_.finish();
    return summary;
}

}  // namespace scoop
