#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "index/analyzed_document.h"
#include "index/pair_table.h"
#include "index/segment_serializer.h"
#include "index/term.h"
#include "util/string_table.h"

namespace scoop {

// Inverts documents in memory and writes them out as one segment through a
// SegmentSerializer. Stored fields stream to disk as documents arrive;
// postings are kept as compact varint runs per term until finish() sorts
// the terms and hands them over.
class SegmentBuilder {
  public:
    // Title words count `title_weight` times in the text field's stem
    // frequencies and length (word lists keep true positions and counts).
    SegmentBuilder(Directory& dir, std::string segment, std::uint32_t title_weight = 1);

    void add(const AnalyzedDocument& doc);
    const std::string& name() const { return serializer_.name(); }
    std::uint32_t doc_count() const { return serializer_.doc_count(); }
    // What the buffered postings and dictionary cost, roughly: the number
    // the writer compares with its RAM budget.
    std::size_t memory_bytes() const { return memory_bytes_; }

    SegmentSummary finish();

  private:
    static constexpr std::uint32_t kNone = UINT32_MAX;
    struct TermBuffer {
        std::string bytes;  // per doc: gap, freq, positions
        std::uint32_t last_doc = UINT32_MAX;
        bool positional = false;  // kept here: the key is a cache miss away
    };
    // The terms a word stands for, found once per distinct word: the text
    // word and stem always, the title ones once it occurs in a title.
    struct WordTerms {
        std::uint32_t text_word = kNone, text_stem = kNone, title_word = kNone, title_stem = kNone;
        bool common = false;  // pairs with its neighbours (is_common_word)
    };
    struct StemTerms {
        std::uint32_t text = kNone, title = kNone;
    };

    const WordTerms& terms_of(std::string_view word, std::string_view stem, bool in_title);
    std::uint32_t new_term(TermKind kind, std::string_view text);
    void occur(std::uint32_t term, std::uint32_t position);
    // The pair term of two adjacent words, by their text word ids.
    std::uint32_t pair_term(TermKind kind, std::uint32_t first_id, std::string_view first,
                            std::uint32_t second_id, std::string_view second);
    // Word terms of one field's tokens, and pairs where a common word is
    // next to another; `text_offset` moves the positions in the text field.
    void add_field(const TokenList& tokens, bool title, std::uint32_t text_offset);

    std::uint32_t title_weight_;
    SegmentSerializer serializer_;
    StringTable<WordTerms> words_;
    std::unordered_map<std::string, std::uint32_t> sources_;  // folded source -> term
    StringTable<StemTerms> stems_;
    PairTable text_pairs_, title_pairs_;
    std::vector<std::string> keys_;     // by term id
    std::vector<TermBuffer> postings_;  // by term id
    // One document's occurrences, grouped by a counting sort on the term's
    // slot (its order of first appearance in the document).
    std::vector<std::uint32_t> slot_of_;    // by term id; kNone outside the document
    std::vector<std::uint32_t> doc_terms_;  // by slot
    std::vector<std::pair<std::uint32_t, std::uint32_t>> occurrences_;  // (slot, position)
    std::vector<std::uint32_t> slot_starts_;
    std::vector<std::uint32_t> grouped_positions_;
    // One field's adjacent pairs with a common word, looked up together.
    struct PendingPair {
        std::uint32_t first_id, second_id;
        std::string_view first, second;
        std::uint32_t position;  // the first word's, in the field
    };
    std::vector<PendingPair> pending_pairs_;
    std::size_t memory_bytes_ = 0;
};

}  // namespace scoop
