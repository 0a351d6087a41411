#include "ingest/document_analysis.h"

#include <algorithm>

namespace scoop {

AnalyzedDocument analyze_article(Analyzer& analyzer, Article article, std::uint64_t file_id) {
    AnalyzedDocument doc;
    analyzer.analyze(article.title, doc.title);
    analyzer.analyze(article.body, doc.body);
    // "AP, Reuters", "AP/Reuters", "AP; Reuters": each agency on its own too.
    auto add_source = [&](std::string_view text) {
        std::string key = analyzer.folded_words(text);
        if (!key.empty() && std::find(doc.source_keys.begin(), doc.source_keys.end(), key) ==
                                doc.source_keys.end())
            doc.source_keys.push_back(std::move(key));
    };
    add_source(article.source);
    const std::string_view source = article.source;
    for (std::size_t start = 0; start < source.size();) {
        const std::size_t end = std::min(source.find_first_of(",;/|&", start), source.size());
        if (start > 0 || end < source.size()) add_source(source.substr(start, end - start));
        start = end + 1;
    }
    doc.stored.path = std::move(article.path);
    doc.stored.title = std::move(article.title);
    doc.stored.source = std::move(article.source);
    doc.stored.url = std::move(article.url);
    doc.stored.body = std::move(article.body);
    doc.stored.date = article.date;
    doc.stored.line = article.line;
    doc.file_id = file_id;
    return doc;
}

}  // namespace scoop
