#pragma once

#include <cstdint>

#include "analysis/analyzer.h"
#include "analysis/article.h"
#include "index/analyzed_document.h"

namespace scoop {

// An extracted article made into what the index takes: its title and body
// analysed, and the fields to store.
AnalyzedDocument analyze_article(Analyzer& analyzer, Article article, std::uint64_t file_id);

}  // namespace scoop
