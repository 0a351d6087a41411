#include "index/manifest.h"

#include <gtest/gtest.h>

#include "index/envelope.h"
#include "storage/memory_directory.h"
#include "util/coding.h"
#include "util/error.h"

namespace scoop {
namespace {

Manifest sample_manifest() {
    Manifest m;
    m.generation = 17;
    m.language = "german";
    m.title_weight = 3;
    m.extraction_version = 4;
    m.next_segment = 9;
    m.next_file_id = 123456789012ULL;
    m.next_deletions = 5;
    m.catalog = catalog_file(17);
    m.segments = {SegmentMeta{segment_name(3), 1000, 10, deletions_file(segment_name(3), 4), 7777},
                  SegmentMeta{segment_name(8), 5, 0, "", 99}};
    return m;
}

std::string manifest_bytes(const MemoryDirectory& dir) {
    return read_all(dir, std::string(kManifestFile));
}

// Commits a manifest whose JSON payload is `json`, as a forger would.
void write_manifest_json(MemoryDirectory& dir, const std::string& json) {
    dir.overwrite(std::string(kManifestFile), wrap_in_envelope(kKindManifest, json));
}

const char* const kValidJson = R"({"generation": 1, "language": "english", "title_weight": 2,
    "next_segment": 2, "next_file_id": 2, "next_deletions": 1, "catalog": "catalog.1",
    "segments": [{"name": "seg-000001", "docs": 4, "deleted": 1,
                  "deletions": "seg-000001.1.del", "bytes": 10}]})";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
}

TEST(Manifest, EveryFieldSurvivesACommitAndALoad) {
    MemoryDirectory dir;
    const Manifest m = sample_manifest();
    commit_manifest(dir, m);
    const std::optional<Manifest> back = load_manifest(dir);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->generation, m.generation);
    EXPECT_EQ(back->language, m.language);
    EXPECT_EQ(back->title_weight, m.title_weight);
    EXPECT_EQ(back->extraction_version, m.extraction_version);
    EXPECT_EQ(back->next_segment, m.next_segment);
    EXPECT_EQ(back->next_file_id, m.next_file_id);
    EXPECT_EQ(back->next_deletions, m.next_deletions);
    EXPECT_EQ(back->catalog, m.catalog);
    ASSERT_EQ(back->segments.size(), m.segments.size());
    for (std::size_t i = 0; i < m.segments.size(); ++i) {
        EXPECT_EQ(back->segments[i].name, m.segments[i].name);
        EXPECT_EQ(back->segments[i].doc_count, m.segments[i].doc_count);
        EXPECT_EQ(back->segments[i].deleted_count, m.segments[i].deleted_count);
        EXPECT_EQ(back->segments[i].deletions, m.segments[i].deletions);
        EXPECT_EQ(back->segments[i].bytes, m.segments[i].bytes);
    }
    EXPECT_EQ(back->doc_count(), 1005u);
    EXPECT_EQ(back->live_doc_count(), 995u);
    // No temporary is left behind by the atomic replace.
    EXPECT_FALSE(dir.exists(std::string(kManifestTempFile)));
}

TEST(Manifest, ReferencesExactlyTheCatalogueSegmentFilesAndDeletions) {
    const std::vector<std::string> expected = {
        "catalog.17",      "seg-000003.dict",  "seg-000003.post",  "seg-000003.pos",
        "seg-000003.docs", "seg-000003.store", "seg-000003.4.del", "seg-000008.dict",
        "seg-000008.post", "seg-000008.pos",   "seg-000008.docs",  "seg-000008.store"};
    std::vector<std::string> got = sample_manifest().referenced_files();
    std::vector<std::string> want = expected;
    std::sort(got.begin(), got.end());
    std::sort(want.begin(), want.end());
    EXPECT_EQ(got, want);
}

TEST(Manifest, AFolderWithoutOneHasNone) {
    MemoryDirectory dir;
    EXPECT_FALSE(load_manifest(dir));
}

TEST(Manifest, ALaterCommitReplacesTheEarlierOne) {
    MemoryDirectory dir;
    Manifest m = sample_manifest();
    commit_manifest(dir, m);
    m.generation = 18;
    m.segments.pop_back();
    commit_manifest(dir, m);
    const auto back = load_manifest(dir);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->generation, 18u);
    EXPECT_EQ(back->segments.size(), 1u);
}

TEST(Manifest, EveryFlippedByteIsReportedAsDamage) {
    MemoryDirectory clean;
    commit_manifest(clean, sample_manifest());
    const std::string bytes = manifest_bytes(clean);
    for (std::size_t at = 0; at < bytes.size(); ++at) {
        MemoryDirectory dir;
        std::string damaged = bytes;
        damaged[at] = static_cast<char>(damaged[at] ^ 0x10);
        dir.overwrite(std::string(kManifestFile), damaged);
        EXPECT_THROW(load_manifest(dir), CorruptIndexError) << "byte " << at;
    }
}

TEST(Manifest, ATruncatedOneIsReportedAsDamage) {
    MemoryDirectory clean;
    commit_manifest(clean, sample_manifest());
    const std::string bytes = manifest_bytes(clean);
    for (const std::size_t keep :
         {std::size_t{0}, std::size_t{10}, bytes.size() / 2, bytes.size() - 1}) {
        MemoryDirectory dir;
        dir.overwrite(std::string(kManifestFile), bytes.substr(0, keep));
        EXPECT_THROW(load_manifest(dir), CorruptIndexError) << "kept " << keep;
    }
}

TEST(Manifest, AnotherFormatVersionIsRejectedNamingBoth) {
    MemoryDirectory clean;
    commit_manifest(clean, sample_manifest());
    for (const std::uint32_t version : {kFormatVersion - 1, kFormatVersion + 1}) {
        std::string bytes = manifest_bytes(clean);
        std::string field;
        put_fixed32(field, version);
        bytes.replace(12, 4, field);
        MemoryDirectory dir;
        dir.overwrite(std::string(kManifestFile), bytes);
        try {
            load_manifest(dir);
            ADD_FAILURE() << "version " << version << " was accepted";
        } catch (const IndexVersionError& e) {
            const std::string message = e.what();
            EXPECT_NE(message.find("version " + std::to_string(version)), std::string::npos)
                << message;
            EXPECT_NE(message.find("reads version " + std::to_string(kFormatVersion)),
                      std::string::npos)
                << message;
        }
    }
}

TEST(Manifest, AnotherKindOfIndexFileIsRejected) {
    MemoryDirectory dir;
    dir.overwrite(std::string(kManifestFile), wrap_in_envelope(kKindCatalog, kValidJson));
    EXPECT_THROW(load_manifest(dir), CorruptIndexError);
}

TEST(Manifest, TheForgerysTemplateIsItselfAccepted) {
    // So that the rejections below are for the one field each changes.
    MemoryDirectory dir;
    write_manifest_json(dir, kValidJson);
    const auto m = load_manifest(dir);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->segments.size(), 1u);
    EXPECT_EQ(m->extraction_version, 1u);  // absent: the first extractor
}

TEST(Manifest, NamesThisProgramWouldNotWriteAreRejected) {
    const std::vector<std::pair<std::string, std::string>> forgeries = {
        {R"("name": "seg-000001")", R"("name": "../seg-000001")"},
        {R"("name": "seg-000001")", R"("name": "/etc/passwd")"},
        {R"("name": "seg-000001")", R"("name": "notes")"},
        {R"("catalog": "catalog.1")", R"("catalog": "../catalog.1")"},
        {R"("catalog": "catalog.1")", R"("catalog": "seg-000001.dict")"},
        {R"("deletions": "seg-000001.1.del")", R"("deletions": "seg-000002.1.del")"},
        {R"("deletions": "seg-000001.1.del")", R"("deletions": "report.del")"},
    };
    for (const auto& [from, to] : forgeries) {
        MemoryDirectory dir;
        write_manifest_json(dir, replaced(kValidJson, from, to));
        EXPECT_THROW(load_manifest(dir), CorruptIndexError) << to;
    }
}

TEST(Manifest, ImpossibleCountsAndMissingFieldsAreRejected) {
    const std::vector<std::pair<std::string, std::string>> forgeries = {
        {R"("deleted": 1)", R"("deleted": 5)"},
        {R"("title_weight": 2)", R"("title_weight": 0)"},
        {R"("title_weight": 2)", R"("title_weight": 101)"},
        {R"("docs": 4)", R"("docs": -4)"},
        {R"("docs": 4)", R"("docs": "four")"},
        {R"("docs": 4)", R"("docs": 4294967296)"},
        {R"("docs": 4)", R"("docs": 4.5)"},
        {R"("bytes": 10)", R"("bytes": -10)"},
        {R"("generation": 1)", R"("generation": 1, "extraction_version": -1)"},
        {R"("generation": 1, )", ""},
        {R"(, "bytes": 10)", ""},
        {R"("segments": [)", R"("segments": 3, "x": [)"},
    };
    for (const auto& [from, to] : forgeries) {
        MemoryDirectory dir;
        write_manifest_json(dir, replaced(kValidJson, from, to));
        EXPECT_THROW(load_manifest(dir), CorruptIndexError) << to;
    }
    MemoryDirectory dir;
    write_manifest_json(dir, "not json");
    EXPECT_THROW(load_manifest(dir), CorruptIndexError);
}

}  // namespace
}  // namespace scoop
