#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "index/dictionary.h"
#include "index/doc_table.h"
#include "index/postings_writer.h"
#include "index/segment_files.h"
#include "index/stored_document.h"
#include "index/stored_fields.h"
#include "index/term.h"
#include "storage/directory.h"

namespace scoop {

struct SegmentSummary {
    std::string name;
    std::uint32_t doc_count = 0;
    std::uint64_t term_count = 0;
    std::uint64_t bytes = 0;
};

// Lays out one segment's five files (docs/FORMAT.md) from what a producer
// feeds it, as tantivy's SegmentSerializer does: the in-memory builder's
// flush and the merge are its two producers, so the files of a segment
// are written one way whichever made it. The calls come in three phases:
//
//   1. add_document for every document, in document-number order (stored
//      fields stream to disk; the document table is held until 2);
//   2. finish_documents: the stored fields' index and the document table
//      are written, and the field averages the impacts need are fixed;
//   3. per term in strictly increasing key order: start_term, add_posting
//      for each of its documents in increasing order, finish_term;
//
// then finish. The files are made when the serializer is constructed.
class SegmentSerializer {
  public:
    SegmentSerializer(Directory& dir, std::string segment);

    const std::string& name() const { return segment_; }
    // For the merge, which knows its document count before it starts.
    void reserve_documents(std::size_t count) { columns_.reserve(count); }
    void add_document(const StoredDocument& stored, std::uint32_t text_length,
                      std::uint32_t title_length, Timestamp date, std::uint64_t file_id);
    std::uint32_t doc_count() const { return static_cast<std::uint32_t>(columns_.size()); }
    // What the documents added so far hold in memory until finish_documents:
    // the builder counts it against its RAM budget.
    std::size_t memory_bytes() const {
        return kColumnBytesPerDocument * columns_.size() + stored_.memory_bytes();
    }
    void finish_documents();

    void start_term(std::string_view key);
    // `positions` holds `freq` strictly increasing positions when the term
    // has positions (has_positions of its kind), and is ignored otherwise.
    void add_posting(std::uint32_t doc, std::uint32_t freq,
                     std::span<const std::uint32_t> positions) {
        postings_.add(doc, freq, positions);
        ++term_postings_;
    }
    // A term with no posting (in a merge, one that only deleted documents
    // had) is left out of the dictionary.
    void finish_term();

    // The dictionary's index, the footers, fsync.
    SegmentSummary finish();

  private:
    // A document's lengths, date and file id in the document table.
    static constexpr std::size_t kColumnBytesPerDocument = 24;
    enum class Phase { kDocuments, kTerms, kFinished };
    void expect(Phase phase, const char* call) const;

    std::string segment_;
    SegmentFilesWriter files_;
    StoredFieldsWriter stored_;
    DocColumns columns_;
    std::array<double, kFieldCount> average_lengths_{};
    PostingsWriter postings_;
    DictionaryWriter dictionary_;
    std::string key_;  // of the current term
    std::uint32_t term_postings_ = 0;
    bool started_term_ = false;
    Phase phase_ = Phase::kDocuments;
};

}  // namespace scoop
