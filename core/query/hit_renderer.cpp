#include "query/hit_renderer.h"

namespace scoop {

HitRenderer::HitRenderer(const IndexReader& reader)
    : reader_(reader), caches_(reader.segments().size()) {}

std::vector<Hit> HitRenderer::render(std::span<const TopK::Entry> entries,
                                     const SearchOptions& options, const Query& query,
                                     const Weight* weight, Analyzer& analyzer) {
    const auto& segments = reader_.segments();
    const HighlightTerms terms = options.snippets ? highlight_terms(query) : HighlightTerms{};
    std::vector<Hit> hits;
    for (std::size_t i = options.offset; i < entries.size(); ++i) {
        Hit hit;
        hit.doc = entries[i].doc;
        hit.score = entries[i].score;
        const auto [si, local] = reader_.locate(hit.doc);
        if (reader_.locations().size() > 1)
            hit.index = reader_.locations()[reader_.segment_location(si)];
        if (options.load_documents)
            hit.document = segments[si]->stored().document(local, caches_[si], options.snippets,
                                                           kSnippetScanBytes);
        if (options.snippets && options.load_documents) {
            const std::string& text =
                hit.document.body.empty() ? hit.document.title : hit.document.body;
            hit.snippet = make_snippet(analyzer, text, terms, options.snippet_width);
        }
        if (options.explain && weight != nullptr)
            if (const ScorerPtr s = weight->scorer(*segments[si], si)) {
                s->advance(local);
                if (s->doc() == local) s->explain(hit.explanation);
            }
        hits.push_back(std::move(hit));
    }
    return hits;
}

}  // namespace scoop
