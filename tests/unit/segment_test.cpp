#include "index/segment.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "analysis/analyzer.h"
#include "analysis/common_words.h"
#include "index/segment_builder.h"
#include "storage/memory_directory.h"
#include "test_util.h"

namespace scoop {
namespace {

// One posting of the brute-force model: document and positions.
using Model = std::map<std::string, std::map<std::uint32_t, std::vector<std::uint32_t>>>;

Token make_token(const std::string& word, std::uint32_t position) {
    Token t;
    t.word = word;
    t.stem = word.substr(0, 3);  // several words share a "stem"
    t.position = position;
    return t;
}

// Builds a segment of `docs` documents whose bodies draw words from a
// skewed vocabulary, and records what every term's postings must be.
struct Fixture {
    MemoryDirectory dir;
    Model model;
    std::vector<AnalyzedDocument> docs;
    SegmentMeta meta;

    explicit Fixture(std::uint32_t doc_count, std::uint32_t seed = 1) {
        std::mt19937 rng(seed);
        std::vector<std::string> vocabulary;
        for (int i = 0; i < 300; ++i)
            vocabulary.push_back(std::string("w").append(std::to_string(i * 7919 % 1000)));
        // Common words among the frequent ones: pairs with them are terms.
        vocabulary[0] = "the";
        vocabulary[3] = "of";
        SegmentBuilder builder(dir, "seg-000001");
        for (std::uint32_t d = 0; d < doc_count; ++d) {
            AnalyzedDocument doc;
            doc.stored.title = "Title " + std::to_string(d);
            doc.stored.body = "body of " + std::to_string(d);
            doc.stored.path = "/articles/" + std::to_string(d) + ".txt";
            doc.stored.date = 1'000'000'000 + d;
            doc.file_id = 1000 + d;
            doc.title.push_back(make_token("the", 0));
            doc.title.push_back(make_token("title", 1));
            const std::uint32_t length = 1 + rng() % 40;
            for (std::uint32_t p = 0; p < length; ++p) {
                // Zipf-like: low ranks far more frequent.
                const std::size_t rank = static_cast<std::size_t>(
                    std::pow(rng() % 10000 / 10000.0, 3) * vocabulary.size());
                doc.body.push_back(make_token(vocabulary[rank], p));
            }
            doc.body.push_back(make_token("everywhere", length));
            if (d == doc_count - 1) doc.body.push_back(make_token("onlylast", length + 1));
            for (const auto t : doc.title) {
                model[term_key(TermKind::kTextWord, t.word)][d].push_back(t.position);
                model[term_key(TermKind::kTitleWord, t.word)][d].push_back(t.position);
            }
            const auto body_offset = static_cast<std::uint32_t>(doc.title.size()) + kFieldGap;
            for (const auto t : doc.body)
                model[term_key(TermKind::kTextWord, t.word)][d].push_back(body_offset + t.position);
            // Adjacent pairs with a common word, at the first word's position;
            // none across the title and the body.
            auto add_pairs = [&](const TokenList& tokens, TermKind kind, std::uint32_t offset) {
                for (std::size_t i = 1; i < tokens.size(); ++i)
                    if (is_common_word(tokens[i - 1].word) || is_common_word(tokens[i].word))
                        model[term_key(kind, pair_text(tokens[i - 1].word, tokens[i].word))][d]
                            .push_back(offset + tokens[i - 1].position);
            };
            add_pairs(doc.title, TermKind::kTextPair, 0);
            add_pairs(doc.title, TermKind::kTitlePair, 0);
            add_pairs(doc.body, TermKind::kTextPair, body_offset);
            builder.add(doc);
            docs.push_back(std::move(doc));
        }
        const SegmentSummary s = builder.finish();
        meta.name = s.name;
        meta.doc_count = s.doc_count;
    }
};

void expect_cursor_matches(PostingCursor c,
                           const std::map<std::uint32_t, std::vector<std::uint32_t>>& expected) {
    for (const auto& [doc, positions] : expected) {
        ASSERT_EQ(c.doc(), doc);
        EXPECT_EQ(c.freq(), positions.size());
        const auto got = c.positions();
        EXPECT_EQ(std::vector<std::uint32_t>(got.begin(), got.end()), positions) << "doc " << doc;
        c.next();
    }
    EXPECT_EQ(c.doc(), kEndDoc);
}

class SegmentSizes : public ::testing::TestWithParam<std::uint32_t> {};

TEST_P(SegmentSizes, EveryWordListMatchesTheModel) {
    Fixture f(GetParam());
    Segment segment(f.dir, f.meta, true);
    EXPECT_EQ(segment.doc_count(), GetParam());
    for (const auto& [key, postings] : f.model) {
        const auto info = segment.find(key);
        ASSERT_TRUE(info) << describe_key(key);
        EXPECT_EQ(info->df, postings.size());
        expect_cursor_matches(segment.postings(*info), postings);
    }
    EXPECT_FALSE(segment.find(term_key(TermKind::kTextWord, "absent")));
    EXPECT_FALSE(segment.find(term_key(TermKind::kTextWord, "")));
}

TEST_P(SegmentSizes, AdvanceAgreesWithLinearScan) {
    Fixture f(GetParam(), 3);
    Segment segment(f.dir, f.meta, true);
    std::mt19937 rng(5);
    for (const auto& [key, postings] : f.model) {
        std::vector<std::uint32_t> docs;
        for (const auto& [d, _] : postings) docs.push_back(d);
        const auto info = segment.find(key);
        ASSERT_TRUE(info);
        for (int trial = 0; trial < 5; ++trial) {
            PostingCursor c = segment.postings(*info);
            std::uint32_t target = 0;
            while (true) {
                // Jumps of every size: within a block, to the next, far ahead.
                const std::uint32_t jump = std::uint32_t{1} << (rng() % 12);
                target += rng() % jump;
                c.advance(target);
                const auto it = std::lower_bound(docs.begin(), docs.end(), target);
                const std::uint32_t expected = it == docs.end() ? kEndDoc : *it;
                ASSERT_EQ(c.doc(), expected) << describe_key(key) << " target " << target;
                if (expected == kEndDoc) break;
                EXPECT_EQ(c.freq(), postings.at(expected).size());
                target = expected + 1;
            }
        }
    }
}

TEST_P(SegmentSizes, ShallowImpactsBoundEveryPosting) {
    Fixture f(GetParam(), 9);
    Segment segment(f.dir, f.meta, true);
    for (const auto& [key, postings] : f.model) {
        const auto info = segment.find(key);
        ASSERT_TRUE(info);
        const Field field = field_of(key_kind(key));
        PostingCursor c = segment.postings(*info);
        PostingCursor shallow = segment.postings(*info);
        for (; c.doc() != kEndDoc; c.next()) {
            const std::uint32_t last = shallow.shallow_advance(c.doc());
            ASSERT_GE(last, c.doc());
            const std::uint32_t freq = c.freq();
            const std::uint32_t length = segment.docs().length(field, c.doc());
            // Some frontier pair has at least this frequency and at most this length.
            bool bounded = false, term_bounded = false;
            for (const Impact& i : shallow.shallow_impacts())
                bounded |= i.freq >= freq && i.length <= length;
            for (const Impact& i : info->term_impacts())
                term_bounded |= i.freq >= freq && i.length <= length;
            EXPECT_TRUE(bounded) << describe_key(key) << " doc " << c.doc();
            EXPECT_TRUE(term_bounded) << describe_key(key) << " doc " << c.doc();
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Sizes, SegmentSizes,
                         ::testing::Values(1u, 2u, 127u, 128u, 129u, 256u, 1000u, 3001u));

TEST(Segment, StoredFieldsAndDocTableRoundTrip) {
    Fixture f(700);
    Segment segment(f.dir, f.meta, true);
    StoredFieldsReader::BlockCache cache;
    for (std::uint32_t d = 0; d < 700; d += 7) {
        const StoredDocument doc = segment.stored().document(d, cache);
        EXPECT_EQ(doc.title, f.docs[d].stored.title);
        EXPECT_EQ(doc.body, f.docs[d].stored.body);
        EXPECT_EQ(doc.path, f.docs[d].stored.path);
        EXPECT_EQ(doc.date, f.docs[d].stored.date);
        EXPECT_EQ(segment.docs().date(d), f.docs[d].stored.date);
        EXPECT_EQ(segment.docs().file_id(d), f.docs[d].file_id);
        EXPECT_EQ(segment.docs().length(Field::kTitleAndBody, d), f.docs[d].body.size() + 2);
        EXPECT_EQ(segment.docs().length(Field::kTitle, d), 2u);
    }
}

TEST(Segment, DictionaryWalksEveryTermInOrder) {
    Fixture f(300);
    Segment segment(f.dir, f.meta, true);
    std::vector<std::string> keys;
    for (auto it = segment.dictionary().begin(); it.valid(); it.next()) keys.emplace_back(it.key());
    EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
    EXPECT_EQ(keys.size(), segment.dictionary().term_count());
    // Every word and pair of the model is there; stems are there too.
    std::size_t words = 0;
    for (const auto& k : keys) words += has_positions(key_kind(k));
    EXPECT_EQ(words, f.model.size());
    // Prefix walk: seek lands on the first key >= the prefix.
    const std::string prefix = term_key(TermKind::kTextWord, "w1");
    auto it = segment.dictionary().seek(prefix);
    ASSERT_TRUE(it.valid());
    EXPECT_EQ(it.key(), *std::lower_bound(keys.begin(), keys.end(), prefix));
}

}  // namespace
}  // namespace scoop
