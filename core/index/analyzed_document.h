#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/token_list.h"
#include "index/stored_document.h"

namespace scoop {

// A document as the index takes it: its fields as analysed tokens, to be
// inverted, and what is stored to show it (ingest/document_analysis.h
// makes one from an article).
struct AnalyzedDocument {
    StoredDocument stored;
    TokenList title;
    TokenList body;
    // The source's folded words, whole and (for "AP, Reuters") each name
    // of it: its kSource terms, distinct.
    std::vector<std::string> source_keys;
    std::uint64_t file_id = 0;

    std::size_t memory_bytes() const {
        return title.memory_bytes() + body.memory_bytes() + stored.body.capacity() +
               stored.title.capacity();
    }
};

}  // namespace scoop
