// A merged segment must be the segment the same live documents make when
// indexed in one go: byte for byte, in every one of its five files. So a
// merge can neither lose nor invent a posting, a position, an impact, a
// stored field or a dictionary entry, and a term only deleted documents
// held is gone from the dictionary.

#include <gtest/gtest.h>

#include <random>
#include <set>

#include "index/envelope.h"
#include "index/file_names.h"
#include "index/segment_builder.h"
#include "index/segment_files.h"
#include "index/segment_merger.h"
#include "ingest/document_analysis.h"
#include "random_corpus.h"
#include "storage/memory_directory.h"

namespace scoop {
namespace {

// News-like articles: Zipf-distributed words of a vocabulary with word
// families and common words, so there are stems, pairs and phrases.
std::vector<AnalyzedDocument> make_documents(std::size_t count, std::uint32_t seed) {
    std::mt19937 rng(seed);
    const auto vocabulary = testing::make_vocabulary(rng, 400);
    const testing::Zipf zipf(vocabulary.size(), 1.0);
    Analyzer analyzer;
    std::vector<AnalyzedDocument> docs;
    for (std::size_t d = 0; d < count; ++d) {
        auto words = [&](std::size_t n) {
            std::string text;
            for (std::size_t i = 0; i < n; ++i) text.append(vocabulary[zipf(rng)]).append(" ");
            return text;
        };
        Article article;
        article.title = words(1 + rng() % 8);
        article.body = words(rng() % 300);  // some bodies are empty
        article.date =
            d % 7 == 0 ? kNoDate : 1'200'000'000 + static_cast<Timestamp>(rng() % 1000000);
        article.source = d % 2 ? "Reuters" : "";
        article.path = "/articles/" + std::to_string(d) + ".txt";
        docs.push_back(analyze_article(analyzer, std::move(article), 1000 + d));
    }
    return docs;
}

void build(MemoryDirectory& dir, const std::string& name, std::span<const AnalyzedDocument> docs) {
    SegmentBuilder builder(dir, name, 2);
    for (const AnalyzedDocument& doc : docs) builder.add(doc);
    builder.finish();
}

struct Input {
    std::size_t first, count;       // documents [first, first + count)
    std::set<std::size_t> deleted;  // indexes into all documents
};

// Builds every input as its own segment with its deletions, merges them,
// and checks the result against one segment of the live documents.
void expect_merge_equals_one_go(const std::vector<AnalyzedDocument>& docs,
                                const std::vector<Input>& inputs) {
    MemoryDirectory dir;
    std::vector<std::shared_ptr<const Segment>> segments;
    std::vector<AnalyzedDocument> live;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const Input& in = inputs[i];
        const std::string name = segment_name(i + 1);
        build(dir, name, std::span(docs).subspan(in.first, in.count));
        SegmentMeta meta{name, static_cast<std::uint32_t>(in.count), 0, "", 0};
        Deletions deletions(meta.doc_count);
        for (std::size_t d = in.first; d < in.first + in.count; ++d) {
            if (in.deleted.contains(d))
                deletions.add(static_cast<std::uint32_t>(d - in.first));
            else
                live.push_back(docs[d]);
        }
        if (!deletions.empty()) {
            meta.deleted_count = deletions.count();
            meta.deletions = deletions_file(name, 1);
            dir.overwrite(meta.deletions, wrap_in_envelope(kKindDeletions, deletions.serialize()));
        }
        segments.push_back(std::make_shared<const Segment>(dir, meta, true));
    }
    const std::string merged = segment_name(100);
    const SegmentSummary summary = merge_segments(dir, segments, merged);
    EXPECT_EQ(summary.doc_count, live.size());

    MemoryDirectory one_go_dir;
    const std::string one_go = segment_name(100);
    build(one_go_dir, one_go, live);
    for (const auto& kind : kSegmentFiles) {
        const std::string file = segment_file(merged, kind.extension);
        const std::string got = read_all(dir, file);
        const std::string want = read_all(one_go_dir, segment_file(one_go, kind.extension));
        EXPECT_EQ(got.size(), want.size()) << file;
        EXPECT_TRUE(got == want) << file << " differs from the one-go segment's";
    }
    // And it reads back as a segment, every checksum right.
    const Segment check(dir, SegmentMeta{merged, summary.doc_count, 0, "", summary.bytes}, true);
    EXPECT_EQ(check.doc_count(), live.size());
}

TEST(SegmentMerge, SegmentsWithoutDeletionsMergeIntoTheOneGoSegment) {
    const auto docs = make_documents(400, 1);
    expect_merge_equals_one_go(docs, {{0, 150, {}}, {150, 1, {}}, {151, 249, {}}});
}

TEST(SegmentMerge, ASingleSegmentMergesIntoItsCopy) {
    const auto docs = make_documents(120, 2);
    expect_merge_equals_one_go(docs, {{0, 120, {}}});
}

TEST(SegmentMerge, DeletedDocumentsAreLeftOutAndTheRestRenumbered) {
    const auto docs = make_documents(400, 3);
    std::set<std::size_t> first, second;
    for (std::size_t d = 0; d < 200; d += 3) first.insert(d);
    for (std::size_t d = 200; d < 400; d += 7) second.insert(d);
    second.insert(399);  // the last document of the last input
    first.insert(0);
    expect_merge_equals_one_go(docs, {{0, 200, first}, {200, 200, second}});
}

TEST(SegmentMerge, AnInputWithEveryDocumentDeletedContributesNothing) {
    const auto docs = make_documents(300, 4);
    std::set<std::size_t> all;
    for (std::size_t d = 100; d < 200; ++d) all.insert(d);
    expect_merge_equals_one_go(docs, {{0, 100, {}}, {100, 100, all}, {200, 100, {5 + 200}}});
}

TEST(SegmentMerge, TermsOnlyDeletedDocumentsHeldLeaveTheDictionary) {
    auto docs = make_documents(60, 5);
    Analyzer analyzer;
    Article only;
    only.title = "zyzzyva quokka";
    only.body = "the zyzzyva of quokkas";
    only.path = "/articles/only.txt";
    docs[30] = analyze_article(analyzer, only, 4242);
    MemoryDirectory dir;
    build(dir, segment_name(1), docs);
    Deletions deletions(60);
    deletions.add(30);
    const SegmentMeta meta{segment_name(1), 60, 1, deletions_file(segment_name(1), 1), 0};
    dir.overwrite(meta.deletions, wrap_in_envelope(kKindDeletions, deletions.serialize()));
    const std::vector<std::shared_ptr<const Segment>> inputs = {
        std::make_shared<const Segment>(dir, meta, true)};
    ASSERT_TRUE(inputs[0]->find(term_key(TermKind::kTextWord, "zyzzyva")));
    const SegmentSummary s = merge_segments(dir, inputs, segment_name(2));
    const Segment merged(dir, SegmentMeta{s.name, s.doc_count, 0, "", s.bytes}, true);
    EXPECT_EQ(merged.doc_count(), 59u);
    EXPECT_FALSE(merged.find(term_key(TermKind::kTextWord, "zyzzyva")));
    EXPECT_FALSE(merged.find(term_key(TermKind::kTitleWord, "quokka")));
    std::uint64_t terms = 0;
    for (auto it = merged.dictionary().begin(); it.valid(); it.next()) ++terms;
    EXPECT_EQ(terms, s.term_count);
}

}  // namespace
}  // namespace scoop
