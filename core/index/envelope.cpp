#include "index/envelope.h"

#include <cstring>
#include <string>

#include "util/coding.h"
#include "util/error.h"
#include "util/file.h"

namespace scoop {
namespace {

constexpr std::string_view kHeaderMagic{"SCOOPIX\0", 8};
constexpr std::string_view kFooterMagic{"SCOOPEND", 8};

std::string header_bytes(std::string_view kind) {
    std::string h(kHeaderMagic);
    h.append(kind.substr(0, 4));
    put_fixed32(h, kFormatVersion);
    return h;
}

// The page table and footer that follow `payload_size` payload bytes.
std::string tail_bytes(const std::vector<std::uint32_t>& pages, std::uint64_t payload_size) {
    std::string table;
    table.reserve(pages.size() * 4);
    for (const std::uint32_t c : pages) put_fixed32(table, c);
    std::string tail = table;
    put_fixed64(tail, payload_size);
    put_fixed64(tail, xxh3_64({reinterpret_cast<const std::uint8_t*>(table.data()), table.size()}));
    tail.append(kFooterMagic);
    return tail;
}

std::uint64_t page_count(std::uint64_t covered_bytes) {
    return (covered_bytes + kChecksumPageBytes - 1) / kChecksumPageBytes;
}

}  // namespace

bool starts_as_envelope(std::string_view head, std::string_view kind) {
    return head.size() >= kHeaderMagic.size() + 4 && head.starts_with(kHeaderMagic) &&
           head.substr(kHeaderMagic.size(), 4) == kind.substr(0, 4);
}

void write_envelope_header(FileWriter& out, std::string_view kind) {
    out.append(header_bytes(kind));
}

void finish_envelope(FileWriter& out) {
    const std::uint64_t payload_size = out.offset() - kEnvelopeHeaderSize;
    out.append(tail_bytes(out.seal_pages(), payload_size));
    out.finish();
}

std::string wrap_in_envelope(std::string_view kind, std::string_view payload) {
    std::string file = header_bytes(kind);
    file.append(payload);
    std::vector<std::uint32_t> pages;
    const auto* p = reinterpret_cast<const std::uint8_t*>(file.data());
    for (std::size_t at = 0; at < file.size(); at += kChecksumPageBytes)
        pages.push_back(page_checksum(p + at, std::min(kChecksumPageBytes, file.size() - at)));
    file.append(tail_bytes(pages, payload.size()));
    return file;
}

EnvelopeFile::EnvelopeFile(std::shared_ptr<const ReadableFile> file, std::string_view kind,
                           std::string path, bool verify_all)
    : file_(std::move(file)), bytes_(file_->bytes()), path_(std::move(path)) {
    const std::span<const std::uint8_t> b = bytes_;
    if (b.size() < kEnvelopeHeaderSize + kEnvelopeFooterSize)
        throw CorruptIndexError(path_,
                                "file is truncated (" + std::to_string(b.size()) + " bytes)");
    if (std::memcmp(b.data(), kHeaderMagic.data(), kHeaderMagic.size()) != 0)
        throw CorruptIndexError(path_, "not a scoop index file (bad magic number)");
    if (std::memcmp(b.data() + 8, kind.data(), 4) != 0)
        throw CorruptIndexError(path_,
                                "wrong file kind '" +
                                    std::string(reinterpret_cast<const char*>(b.data() + 8), 4) +
                                    "', expected '" + std::string(kind) + "'");
    const std::uint32_t version = load_fixed32(b.data() + 12);
    if (version != kFormatVersion) throw IndexVersionError(path_, version, kFormatVersion);
    const std::uint8_t* footer = b.data() + b.size() - kEnvelopeFooterSize;
    if (std::memcmp(footer + 16, kFooterMagic.data(), kFooterMagic.size()) != 0)
        throw CorruptIndexError(path_, "file is truncated or its end is overwritten (no footer)");
    const std::uint64_t payload_size = load_fixed64(footer);
    const std::uint64_t room = b.size() - kEnvelopeHeaderSize - kEnvelopeFooterSize;
    pages_ = page_count(kEnvelopeHeaderSize + std::min(payload_size, room));
    if (payload_size > room || room - payload_size != pages_ * 4)
        throw CorruptIndexError(path_, "file size does not match its footer");
    table_ = b.data() + kEnvelopeHeaderSize + payload_size;
    if (xxh3_64({table_, pages_ * 4}) != load_fixed64(footer + 8))
        throw CorruptIndexError(path_, "the page checksum table is damaged");
    payload_ = b.subspan(kEnvelopeHeaderSize, payload_size);
    verified_ = std::make_unique<std::atomic<std::uint64_t>[]>((pages_ + 63) / 64);
    // The header was checked field by field; its page holds payload too.
    if (verify_all) this->verify_all();
}

void EnvelopeFile::verify_page(std::uint64_t page) const {
    if (page >= pages_) throw CorruptIndexError(path_, "a read past the end of the file");
    const std::uint64_t covered = kEnvelopeHeaderSize + payload_.size();
    const std::uint64_t begin = page * kChecksumPageBytes;
    const std::size_t size =
        static_cast<std::size_t>(std::min<std::uint64_t>(kChecksumPageBytes, covered - begin));
    if (page_checksum(bytes_.data() + begin, size) != load_fixed32(table_ + 4 * page))
        throw CorruptIndexError(path_, "checksum mismatch in bytes " + std::to_string(begin) +
                                           ".." + std::to_string(begin + size - 1));
    verified_[page / 64].fetch_or(std::uint64_t{1} << (page % 64), std::memory_order_relaxed);
}

void EnvelopeFile::verify_all() const {
    for (std::uint64_t page = 0; page < pages_; ++page) verify_page(page);
}

EnvelopeFile open_envelope(const Directory& dir, const std::string& name, std::string_view kind,
                           bool verify_all) {
    return EnvelopeFile(dir.open(name), kind, dir.describe(name), verify_all);
}

}  // namespace scoop
