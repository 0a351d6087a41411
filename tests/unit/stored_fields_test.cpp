// Stored fields read back as written, and a block whose zstd frame header
// claims more than the frame could hold is refused from the header alone,
// before anything is allocated for it (found by fuzz_index_reader: two
// damaged bytes made every query showing a hit from the block allocate and
// zero 2 GB).

#include "index/stored_fields.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "index/envelope.h"
#include "storage/memory_directory.h"
#include "util/coding.h"
#include "util/error.h"

namespace scoop {
namespace {

// The payload of a .store file (its offsets are payload offsets).
std::string write_store(int docs) {
    MemoryDirectory dir;
    {
        FileWriter out(dir, "store");
        StoredFieldsWriter writer(out, 0);
        for (int d = 0; d < docs; ++d) {
            StoredDocument a;
            a.title = "Title " + std::to_string(d);
            a.body = "The missile talks went on, day " + std::to_string(d) + ".";
            a.path = "/articles/" + std::to_string(d) + ".txt";
            a.source = "AP";
            writer.add(a);
        }
        writer.finish();
        out.finish();
    }
    return read_all(dir, "store");
}

// A body of news-like text, different for every document.
std::string news_body(std::uint32_t d) {
    static const char* const words[] = {"missile", "talks",  "Iran",    "Moscow",  "said",
                                        "the",     "agency", "Tuesday", "defence", "minister",
                                        "of",      "deal",   "oil",     "prices",  "rose"};
    std::string body = "MOSCOW, July " + std::to_string(d % 28 + 1) + " (Reuters) - ";
    std::uint32_t x = d * 2654435761u + 1;
    const std::uint32_t length = 40 + d % 120;
    for (std::uint32_t i = 0; i < length; ++i) {
        x = x * 1103515245u + 12345u;
        body.append(words[(x >> 16) % std::size(words)]).append(" ");
    }
    return body + std::to_string(d) + ".";
}

// A .store payload of `bodies`, and its trailer's dictionary size.
struct WrittenStore {
    std::string payload;
    std::uint32_t dictionary_bytes = 0;
};

WrittenStore write_bodies(const std::vector<std::string>& bodies) {
    MemoryDirectory dir;
    {
        FileWriter out(dir, "store");
        StoredFieldsWriter writer(out, 0);
        for (const std::string& body : bodies) {
            StoredDocument a;
            a.title = "T";
            a.body = body;
            a.path = "/p";
            writer.add(a);
        }
        writer.finish();
        out.finish();
    }
    WrittenStore w{read_all(dir, "store")};
    w.dictionary_bytes = load_fixed32(reinterpret_cast<const std::uint8_t*>(w.payload.data()) +
                                      w.payload.size() - 4);
    return w;
}

// A payload in a sound envelope: a file whose checksums hold, so that only
// the reader's own checks stand between damage and use.
struct StoreFile {
    MemoryDirectory dir;
    EnvelopeFile file;
    explicit StoreFile(const std::string& payload) {
        dir.overwrite("store", wrap_in_envelope(kKindStore, payload));
        file = open_envelope(dir, "store", kKindStore, false);
    }
};

TEST(StoredFields, RoundTrip) {
    const StoreFile store(write_store(3));
    const StoredFieldsReader reader(store.file, 3);
    StoredFieldsReader::BlockCache cache;
    const StoredDocument d = reader.document(2, cache);
    EXPECT_EQ(d.title, "Title 2");
    EXPECT_EQ(d.body, "The missile talks went on, day 2.");
    EXPECT_EQ(d.path, "/articles/2.txt");
    EXPECT_EQ(d.source, "AP");
    EXPECT_EQ(reader.body(1, cache, 7), "The mis") << "a prefix of the body";
}

TEST(StoredFields, ASegmentOfManyBodiesIsCompressedWithADictionaryAndReadsBack) {
    std::vector<std::string> bodies;
    for (std::uint32_t d = 0; d < 5000; ++d) bodies.push_back(news_body(d));
    const WrittenStore w = write_bodies(bodies);
    EXPECT_GT(w.dictionary_bytes, 1000u);
    std::size_t raw = 0;
    for (const auto& b : bodies) raw += b.size();
    EXPECT_LT(w.payload.size(), raw / 2) << "the dictionary must pay for itself";
    const StoreFile store(w.payload);
    const StoredFieldsReader reader(store.file, 5000);
    // Every body, in order and then at random (each block read anew).
    StoredFieldsReader::BlockCache cache;
    for (std::uint32_t d = 0; d < 5000; ++d) ASSERT_EQ(reader.body(d, cache), bodies[d]) << d;
    for (std::uint32_t d = 4999, n = 0; n < 300; ++n, d = (d * 7919 + 13) % 5000) {
        StoredFieldsReader::BlockCache fresh;
        ASSERT_EQ(reader.body(d, fresh), bodies[d]) << d;
        ASSERT_EQ(reader.body(d, cache, 10), bodies[d].substr(0, 10)) << d;
    }
}

TEST(StoredFields, AFewBodiesGetNoDictionary) {
    std::vector<std::string> bodies;
    for (std::uint32_t d = 0; d < 50; ++d) bodies.push_back(news_body(d));
    const WrittenStore w = write_bodies(bodies);
    EXPECT_EQ(w.dictionary_bytes, 0u);
    const StoreFile store(w.payload);
    const StoredFieldsReader reader(store.file, 50);
    StoredFieldsReader::BlockCache cache;
    for (std::uint32_t d = 0; d < 50; ++d) ASSERT_EQ(reader.body(d, cache), bodies[d]);
}

TEST(StoredFields, AHugeFirstBodyAndEmptyBodiesReadBack) {
    std::vector<std::string> bodies = {std::string(3 << 20, 'x') + news_body(1), ""};
    for (std::uint32_t d = 2; d < 3000; ++d) bodies.push_back(d % 10 == 0 ? "" : news_body(d));
    const WrittenStore w = write_bodies(bodies);
    const StoreFile store(w.payload);
    const StoredFieldsReader reader(store.file, 3000);
    StoredFieldsReader::BlockCache cache;
    EXPECT_EQ(reader.body(0, cache, 5), "xxxxx");
    for (std::uint32_t d = 0; d < 3000; ++d) ASSERT_EQ(reader.body(d, cache), bodies[d]) << d;
}

TEST(StoredFields, ADamagedDictionaryIsReportedNotUsed) {
    std::vector<std::string> bodies;
    for (std::uint32_t d = 0; d < 5000; ++d) bodies.push_back(news_body(d));
    WrittenStore w = write_bodies(bodies);
    ASSERT_GT(w.dictionary_bytes, 1000u);
    const auto* trailer =
        reinterpret_cast<const std::uint8_t*>(w.payload.data()) + w.payload.size() - 12;
    const std::uint64_t at = load_fixed64(trailer);
    // Damage in the dictionary's content, sealed in a sound envelope: the
    // frames' content checksums (or zstd's own checks) catch it.
    for (const std::uint64_t offset : {w.dictionary_bytes / 2u, w.dictionary_bytes - 10u}) {
        std::string damaged = w.payload;
        damaged[at + offset] = static_cast<char>(damaged[at + offset] ^ 0x55);
        const StoreFile store(damaged);
        try {
            const StoredFieldsReader reader(store.file, 5000);
            StoredFieldsReader::BlockCache cache;
            for (std::uint32_t d = 0; d < 5000; ++d)
                if (reader.body(d, cache) != bodies[d]) FAIL() << "document " << d << " changed";
            ADD_FAILURE() << "damage at " << offset << " went unnoticed";
        } catch (const CorruptIndexError&) {
        }
    }
}

TEST(StoredFields, DamageAnywhereInADictionaryStoreIsReportedNeverSilent) {
    // Flips one byte at a time across the whole payload (dictionary,
    // frames, block index, metadata, trailer), sealed so that only the
    // reader's own checks and zstd's content checksums stand guard: every
    // body read is either the one written or an error.
    std::vector<std::string> bodies;
    for (std::uint32_t d = 0; d < 3000; ++d) bodies.push_back(news_body(d));
    const WrittenStore w = write_bodies(bodies);
    ASSERT_GT(w.dictionary_bytes, 0u);
    std::size_t reported = 0, harmless = 0;
    for (std::size_t at = 0; at < w.payload.size(); at += w.payload.size() / 97 + 1) {
        std::string damaged = w.payload;
        damaged[at] = static_cast<char>(damaged[at] ^ 0x20);
        const StoreFile store(damaged);
        try {
            const StoredFieldsReader reader(store.file, 3000);
            StoredFieldsReader::BlockCache cache;
            for (std::uint32_t d = 0; d < 3000; d += 7)
                ASSERT_EQ(reader.body(d, cache), bodies[d]) << "byte " << at << ", document " << d;
            ++harmless;  // a byte no read of these documents depends on
        } catch (const CorruptIndexError&) {
            ++reported;
        }
    }
    // Most bytes matter to some read (73 of 97 when written); the rest lie
    // in metadata body() does not read, or unused parts of the dictionary.
    EXPECT_GT(reported, harmless) << harmless << " flips changed nothing that was read";
}

TEST(StoredFields, FrameClaimingMoreThanItCanHoldIsRefused) {
    std::string store = write_store(3);
    // The body block's frame comes first: magic, then the frame header
    // descriptor. A single-segment frame without a dictionary has its
    // content size right after the descriptor; make it a 4-byte size of
    // 2 GiB - 64 KiB (under the reader's 2 GiB cap, far over what the
    // frame's hundred-odd bytes can expand to).
    ASSERT_EQ(store.substr(0, 4), std::string("\x28\xB5\x2F\xFD", 4));
    const auto descriptor = static_cast<unsigned char>(store[4]);
    ASSERT_TRUE(descriptor & 0x20) << "expected a single-segment frame";
    ASSERT_EQ(descriptor & 0x03, 0) << "expected no dictionary id";
    store[4] = static_cast<char>((descriptor & 0x3F) | 0x80);
    store.replace(5, 4, std::string("\x00\x00\xFF\x7F", 4));

    const StoreFile sealed(store);
    const StoredFieldsReader reader(sealed.file, 3);
    StoredFieldsReader::BlockCache cache;
    try {
        reader.document(0, cache);
        FAIL() << "a damaged block was read";
    } catch (const CorruptIndexError& e) {
        // Refused at the header check, not after a failed decompression
        // (whose message names the zstd error).
        EXPECT_NE(std::string(e.what()).find("a stored block is damaged ("), std::string::npos)
            << e.what();
    }
}

}  // namespace
}  // namespace scoop
