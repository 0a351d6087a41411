// Stored fields read back as written, and a block whose zstd frame header
// claims more than the frame could hold is refused from the header alone,
// before anything is allocated for it (found by fuzz_index_reader: two
// damaged bytes made every query showing a hit from the block allocate and
// zero 2 GB).

#include "index/stored_fields.h"

#include <gtest/gtest.h>

#include <string>

#include "test_util.h"
#include "util/error.h"
#include "util/file.h"

namespace scoop {
namespace {

std::string write_store(const std::string& path, int docs) {
    {
        FileWriter out(path);
        StoredFieldsWriter writer(out, 0);
        for (int d = 0; d < docs; ++d) {
            Article a;
            a.title = "Title " + std::to_string(d);
            a.body = "The missile talks went on, day " + std::to_string(d) + ".";
            a.path = "/articles/" + std::to_string(d) + ".txt";
            a.source = "AP";
            writer.add(a);
        }
        writer.finish();
        out.finish();
    }
    return read_file(path);
}

std::span<const std::uint8_t> bytes(const std::string& s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

TEST(StoredFields, RoundTrip) {
    testing::TempDir dir;
    const std::string store = write_store(dir.file("store"), 3);
    const StoredFieldsReader reader(bytes(store), "store", 3);
    StoredFieldsReader::BlockCache cache;
    const StoredDocument d = reader.document(2, cache);
    EXPECT_EQ(d.title, "Title 2");
    EXPECT_EQ(d.body, "The missile talks went on, day 2.");
    EXPECT_EQ(d.path, "/articles/2.txt");
    EXPECT_EQ(d.source, "AP");
}

TEST(StoredFields, FrameClaimingMoreThanItCanHoldIsRefused) {
    testing::TempDir dir;
    std::string store = write_store(dir.file("store"), 3);
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

    const StoredFieldsReader reader(bytes(store), "store", 3);
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
