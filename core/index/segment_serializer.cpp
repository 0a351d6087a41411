#include "index/segment_serializer.h"

#include "util/error.h"

namespace scoop {

SegmentSerializer::SegmentSerializer(Directory& dir, std::string segment)
    : segment_(std::move(segment)),
      files_(dir, segment_),
      stored_(files_.store(), SegmentFilesWriter::kPayloadBase),
      postings_(files_.post(), &files_.pos(), SegmentFilesWriter::kPayloadBase,
                SegmentFilesWriter::kPayloadBase),
      dictionary_(files_.dict(), SegmentFilesWriter::kPayloadBase) {}

void SegmentSerializer::expect(Phase phase, const char* call) const {
    // A producer calling out of order would write a segment that reads
    // back wrong (lengths missing for the impacts, a dictionary cut short).
    if (phase_ != phase)
        throw Error(std::string("internal: SegmentSerializer::") + call + " called out of order");
}

void SegmentSerializer::add_document(const StoredDocument& stored, std::uint32_t text_length,
                                     std::uint32_t title_length, Timestamp date,
                                     std::uint64_t file_id) {
    expect(Phase::kDocuments, "add_document");
    columns_.push_back(text_length, title_length, date, file_id);
    stored_.add(stored);
}

void SegmentSerializer::finish_documents() {
    expect(Phase::kDocuments, "finish_documents");
    stored_.finish();
    files_.docs().append(encode_doc_table(columns_));
    average_lengths_ = {columns_.average_length(Field::kTitleAndBody),
                        columns_.average_length(Field::kTitle)};
    phase_ = Phase::kTerms;
}

void SegmentSerializer::start_term(std::string_view key) {
    expect(Phase::kTerms, "start_term");
    // The dictionary is searched by binary search over its blocks: a key
    // out of order would make terms after it unfindable.
    if (started_term_ && key <= key_)
        throw Error("internal: SegmentSerializer::start_term keys out of order");
    started_term_ = true;
    key_.assign(key);
    term_postings_ = 0;
    const TermKind kind = key_kind(key);
    const auto field = static_cast<std::size_t>(field_of(kind));
    postings_.start_term(has_positions(kind), columns_.lengths[field], average_lengths_[field]);
}

void SegmentSerializer::finish_term() {
    expect(Phase::kTerms, "finish_term");
    const TermInfo info = postings_.finish_term();
    if (term_postings_ > 0) dictionary_.add(key_, info);
}

SegmentSummary SegmentSerializer::finish() {
    expect(Phase::kTerms, "finish");
    dictionary_.finish();
    phase_ = Phase::kFinished;
    SegmentSummary summary;
    summary.name = segment_;
    summary.doc_count = doc_count();
    summary.term_count = dictionary_.term_count();
    summary.bytes = files_.finish();
    return summary;
}

}  // namespace scoop
