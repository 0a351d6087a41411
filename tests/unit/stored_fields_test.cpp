// Stored fields read back as written, and a block whose zstd frame header
// claims more than the frame could hold is refused from the header alone,
// before anything is allocated for it (found by fuzz_index_reader: two
// damaged bytes made every query showing a hit from the block allocate and
// zero 2 GB).

#include "index/stored_fields.h"

#include <gtest/gtest.h>

#include <string>

#include "index/envelope.h"
#include "storage/memory_directory.h"
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
