// Deletion bitmaps: what the writer stores reads back the same, and a
// bitmap that is malformed (but whose file's checksum holds, so nothing
// before this catches it) is refused instead of crashing CRoaring.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "index/segment.h"
#include "util/error.h"

namespace scoop {
namespace {

std::span<const std::uint8_t> bytes(const std::string& s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

std::vector<std::uint32_t> round_trip(const std::vector<std::uint32_t>& docs,
                                      std::uint32_t doc_count) {
    Deletions d(doc_count);
    for (std::uint32_t doc : docs) d.add(doc);
    return Deletions::parse(bytes(d.serialize()), doc_count, "seg.del").to_vector();
}

TEST(Deletions, RoundTripEveryContainerKind) {
    constexpr std::uint32_t kDocs = 300'000;  // five 64K chunks: offsets are written
    std::vector<std::uint32_t> docs;
    for (std::uint32_t d = 5; d < 4000; d += 7) docs.push_back(d);         // array
    for (std::uint32_t d = 70'000; d < 90'000; d += 2) docs.push_back(d);  // bitset
    for (std::uint32_t d = 140'000; d < 150'000; ++d) docs.push_back(d);   // run
    for (std::uint32_t d : {200'000u, 200'001u, 260'000u, kDocs - 1}) docs.push_back(d);
    EXPECT_EQ(round_trip(docs, kDocs), docs);
    EXPECT_EQ(round_trip({}, kDocs), std::vector<std::uint32_t>{});
    EXPECT_EQ(round_trip({0, 1, 2, 3}, 4), (std::vector<std::uint32_t>{0, 1, 2, 3}));
}

void expect_refused(const std::string& payload) {
    EXPECT_THROW(Deletions::parse(bytes(payload), 100, "seg.del"), CorruptIndexError);
}

// The portable format, written out: cookie 12347 with one container and
// runs, the run flags, key and cardinality - 1, then the container.
std::string one_run_container(std::uint16_t cardinality_minus_one, const std::string& container) {
    std::string s("\x3B\x30\x00\x00\x01", 5);
    s += std::string("\x00\x00", 2);
    s += static_cast<char>(cardinality_minus_one & 0xFF);
    s += static_cast<char>(cardinality_minus_one >> 8);
    return s + container;
}

TEST(Deletions, MalformedBitmapsAreRefused) {
    // Found by fuzz_index_reader: a run container without runs, which
    // CRoaring accepted and then crashed iterating.
    expect_refused(one_run_container(0x0100, std::string("\x00\x00", 2)));
    // Overlapping runs [1, 3] and [2, 2].
    expect_refused(
        one_run_container(3, std::string("\x02\x00\x01\x00\x02\x00\x02\x00\x00\x00", 10)));
    // A run [10, 12] declared as 5 values.
    expect_refused(one_run_container(4, std::string("\x01\x00\x0A\x00\x02\x00", 6)));
    // The same run, rightly declared, then a stray byte.
    expect_refused(one_run_container(2, std::string("\x01\x00\x0A\x00\x02\x00\x00", 7)));
    EXPECT_EQ(
        Deletions::parse(bytes(one_run_container(2, std::string("\x01\x00\x0A\x00\x02\x00", 6))),
                         100, "seg.del")
            .to_vector(),
        (std::vector<std::uint32_t>{10, 11, 12}));
    // No runs (cookie 12346), one array container of values 5, 3: unsorted.
    expect_refused(
        std::string("\x3A\x30\x00\x00\x01\x00\x00\x00"
                    "\x00\x00\x01\x00"
                    "\x10\x00\x00\x00"
                    "\x05\x00\x03\x00",
                    20));
    expect_refused("");
    expect_refused(std::string("\x3A\x30\x00\x00\xFF\xFF\xFF\xFF", 8));  // 4 billion containers
    // A document past the end of the segment.
    Deletions big(1000);
    big.add(999);
    EXPECT_THROW(Deletions::parse(bytes(big.serialize()), 100, "seg.del"), CorruptIndexError);
}

}  // namespace
}  // namespace scoop
