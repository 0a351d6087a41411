#include "ingest/document_analysis.h"

namespace scoop {

AnalyzedDocument analyze_article(Analyzer& analyzer, Article article, std::uint64_t file_id) {
    AnalyzedDocument doc;
    analyzer.analyze(article.title, doc.title);
    analyzer.analyze(article.body, doc.body);
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
