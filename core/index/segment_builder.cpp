#include "index/segment_builder.h"

#include <algorithm>
#include <numeric>

#include "analysis/common_words.h"
#include "util/coding.h"
#include "util/error.h"

namespace scoop {
namespace {

// Bytes a term costs besides its postings: the map node, the key, the buffer.
constexpr std::size_t kTermOverhead = 96;

}  // namespace

SegmentBuilder::SegmentBuilder(Directory& dir, std::string segment, std::uint32_t title_weight)
    : title_weight_(std::max<std::uint32_t>(title_weight, 1)),
      serializer_(dir, std::move(segment)) {}

std::uint32_t SegmentBuilder::new_term(TermKind kind, std::string_view text) {
    const auto id = static_cast<std::uint32_t>(keys_.size());
    keys_.push_back(term_key(kind, text));
    postings_.emplace_back().positional = has_positions(kind);
    slot_of_.push_back(kNone);
    memory_bytes_ += kTermOverhead + 2 * text.size();
    return id;
}

const SegmentBuilder::WordTerms& SegmentBuilder::terms_of(std::string_view word,
                                                          std::string_view stem, bool in_title) {
    bool inserted = false;
    WordTerms& w = words_.find_or_insert(word, WordTerms{}, inserted);
    if (w.text_word == kNone) {
        w.common = is_common_word(word);
        w.text_word = new_term(TermKind::kTextWord, word);
        StemTerms& s = stems_.find_or_insert(stem, StemTerms{}, inserted);
        if (s.text == kNone) s.text = new_term(TermKind::kTextStem, stem);
        w.text_stem = s.text;
    }
    if (in_title && w.title_word == kNone) {
        w.title_word = new_term(TermKind::kTitleWord, word);
        StemTerms& s = stems_.find_or_insert(stem, StemTerms{}, inserted);
        if (s.title == kNone) s.title = new_term(TermKind::kTitleStem, stem);
        w.title_stem = s.title;
    }
    return w;
}

void SegmentBuilder::occur(std::uint32_t term, std::uint32_t position) {
    std::uint32_t& slot = slot_of_[term];
    if (slot == kNone) {
        slot = static_cast<std::uint32_t>(doc_terms_.size());
        doc_terms_.push_back(term);
    }
    occurrences_.emplace_back(slot, position);
}

std::uint32_t SegmentBuilder::pair_term(TermKind kind, std::uint32_t first_id,
                                        std::string_view first, std::uint32_t second_id,
                                        std::string_view second) {
    PairTable& pairs = kind == TermKind::kTitlePair ? title_pairs_ : text_pairs_;
    bool inserted = false;
    const std::size_t before = pairs.memory_bytes();
    const std::uint32_t term = pairs.find_or_insert(
        first_id, second_id, static_cast<std::uint32_t>(keys_.size()), inserted);
    if (inserted) {
        new_term(kind, pair_text(first, second));
        memory_bytes_ += pairs.memory_bytes() - before;
    }
    return term;
}

void SegmentBuilder::add_field(const TokenList& tokens, bool title, std::uint32_t text_offset) {
    pending_pairs_.clear();
    struct Previous {
        std::uint32_t id = kNone, position = 0;
        std::string_view word;
        bool common = false;
    } previous;
    for (const auto t : tokens) {
        // Copied: a later insertion may move the table's entries.
        const WordTerms w = terms_of(t.word, t.stem, title);
        const std::uint32_t text_position = text_offset + t.position;
        occur(w.text_word, text_position);
        if (title) {
            for (std::uint32_t k = 0; k < title_weight_; ++k) occur(w.text_stem, text_position);
            occur(w.title_word, t.position);
            occur(w.title_stem, t.position);
        } else {
            occur(w.text_stem, text_position);
        }
        if (previous.id != kNone && previous.position + 1 == t.position &&
            (previous.common || w.common)) {
            pending_pairs_.push_back(
                {previous.id, w.text_word, previous.word, t.word, previous.position});
            text_pairs_.prefetch(previous.id, w.text_word);
            if (title) title_pairs_.prefetch(previous.id, w.text_word);
        }
        previous = {w.text_word, t.position, t.word, w.common};
    }
    // Each pair term's occurrences still arrive in position order: pairs
    // only ever occur here, title before body.
    for (const PendingPair& p : pending_pairs_) {
        occur(pair_term(TermKind::kTextPair, p.first_id, p.first, p.second_id, p.second),
              text_offset + p.position);
        if (title)
            occur(pair_term(TermKind::kTitlePair, p.first_id, p.first, p.second_id, p.second),
                  p.position);
    }
}

void SegmentBuilder::add(const AnalyzedDocument& doc) {
    const std::uint32_t doc_id = doc_count();
    if (doc_id == UINT32_MAX - 1) throw Error("a segment cannot hold more than 2^32 - 2 documents");

    // The text field numbers the title's words first, then the body's after
    // a gap, so a phrase never spans the two. Occurrences arrive in position
    // order for every term, which the grouping below keeps.
    const auto title_words = static_cast<std::uint32_t>(doc.title.size());
    const std::uint32_t body_offset = title_words + kFieldGap;
    occurrences_.clear();
    doc_terms_.clear();
    add_field(doc.title, true, 0);
    add_field(doc.body, false, body_offset);
    for (const std::string& source : doc.source_keys) {
        auto [at, fresh] = sources_.try_emplace(source, 0);
        if (fresh) at->second = new_term(TermKind::kSource, source);
        occur(at->second, 0);
    }

    // Counting sort of the positions by slot.
    slot_starts_.assign(doc_terms_.size() + 1, 0);
    for (const auto& [slot, _] : occurrences_) ++slot_starts_[slot + 1];
    for (std::size_t s = 1; s < slot_starts_.size(); ++s) slot_starts_[s] += slot_starts_[s - 1];
    grouped_positions_.resize(occurrences_.size());
    for (const auto& [slot, position] : occurrences_)
        grouped_positions_[slot_starts_[slot]++] = position;
    // slot_starts_[s] is now the end of slot s; slot s starts at the end of s - 1.

    constexpr std::size_t kAhead = 8;  // terms whose buffers are loaded ahead
    for (std::size_t s = 0; s < doc_terms_.size(); ++s) {
        if (s + kAhead < doc_terms_.size()) __builtin_prefetch(&postings_[doc_terms_[s + kAhead]]);
        const std::uint32_t term = doc_terms_[s];
        slot_of_[term] = kNone;
        const std::uint32_t begin = s == 0 ? 0 : slot_starts_[s - 1], end = slot_starts_[s];
        TermBuffer& buffer = postings_[term];
        const std::size_t before = buffer.bytes.capacity();
        put_varint32(buffer.bytes, doc_id - buffer.last_doc - 1);
        put_varint32(buffer.bytes, end - begin);
        if (buffer.positional) {
            std::uint32_t previous = 0;
            for (std::uint32_t k = begin; k < end; ++k) {
                const std::uint32_t p = grouped_positions_[k];
                put_varint32(buffer.bytes, k == begin ? p : p - previous - 1);
                previous = p;
            }
        }
        buffer.last_doc = doc_id;
        memory_bytes_ += buffer.bytes.capacity() - before;
    }

    const auto text_length =
        static_cast<std::uint32_t>(title_weight_ * doc.title.size() + doc.body.size());
    const std::size_t serializer_before = serializer_.memory_bytes();
    serializer_.add_document(doc.stored, text_length, title_words, doc.stored.date, doc.file_id);
    memory_bytes_ += serializer_.memory_bytes() - serializer_before;
}

SegmentSummary SegmentBuilder::finish() {
    serializer_.finish_documents();

    std::vector<std::uint32_t> order(keys_.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return keys_[a] < keys_[b]; });

    std::vector<std::uint32_t> positions;
    for (std::uint32_t id : order) {
        const std::string& key = keys_[id];
        const bool positional = has_positions(key_kind(key));
        serializer_.start_term(key);
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
            serializer_.add_posting(doc, freq, positions);
        }
        serializer_.finish_term();
        std::string().swap(postings_[id].bytes);  // give memory back as we go
    }
    return serializer_.finish();
}

}  // namespace scoop
