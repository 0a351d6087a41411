#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/article.h"
#include "index/doc_table.h"
#include "index/segment_files.h"
#include "index/stored_fields.h"
#include "index/term.h"

namespace scoop {

// An article with its fields analysed, ready to be inverted.
struct AnalyzedDocument {
    Article article;
    std::vector<Token> title;
    std::vector<Token> body;
    std::uint64_t file_id = 0;
};

AnalyzedDocument analyze_article(Analyzer& analyzer, Article article, std::uint64_t file_id);

struct SegmentSummary {
    std::string name;
    std::uint32_t doc_count = 0;
    std::uint64_t term_count = 0;
    std::uint64_t bytes = 0;
};

// Inverts documents in memory and writes them out as one segment. Stored
// fields stream to disk as documents arrive; postings are kept as compact
// varint runs per term until finish() sorts the terms and encodes blocks.
class SegmentBuilder {
public:
    SegmentBuilder(const std::string& dir, std::string segment);

    void add(const AnalyzedDocument& doc);
    const std::string& name() const { return segment_; }
    std::uint32_t doc_count() const { return static_cast<std::uint32_t>(columns_.size()); }
    // What the buffered postings and dictionary cost, roughly: the number
    // the writer compares with its RAM budget.
    std::size_t memory_bytes() const { return memory_bytes_; }

    SegmentSummary finish();

private:
    struct TermBuffer {
        std::string bytes;                     // per doc: gap, freq, positions
        std::uint32_t last_doc = UINT32_MAX;
    };
    struct Occurrence {
        std::uint32_t term;
        std::uint32_t position;
        bool operator<(const Occurrence& o) const {
            return term != o.term ? term < o.term : position < o.position;
        }
    };
    struct KeyHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const;
    };

    std::uint32_t term_id(TermKind kind, std::string_view text);

    std::string segment_;
    SegmentFilesWriter files_;
    StoredFieldsWriter stored_;
    DocColumns columns_;
    std::unordered_map<std::string, std::uint32_t, KeyHash, std::equal_to<>> ids_;
    std::vector<std::string> keys_;
    std::vector<TermBuffer> postings_;
    std::vector<Occurrence> occurrences_;
    std::string key_scratch_;
    std::size_t memory_bytes_ = 0;
};

}  // namespace scoop
