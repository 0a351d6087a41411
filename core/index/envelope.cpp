#include "index/envelope.h"

#include <cstring>
#include <string>

#include "util/coding.h"
#include "util/error.h"

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

}  // namespace

void write_envelope_header(FileWriter& out, std::string_view kind) {
    out.append(header_bytes(kind));
}

void finish_envelope(FileWriter& out) {
    std::string footer;
    put_fixed64(footer, out.digest());
    footer.append(kFooterMagic);
    out.append(footer);
    out.finish();
}

std::string wrap_in_envelope(std::string_view kind, std::string_view payload) {
    std::string file = header_bytes(kind);
    file.append(payload);
    const std::uint64_t digest =
        xxh3_64({reinterpret_cast<const std::uint8_t*>(file.data()), file.size()});
    put_fixed64(file, digest);
    file.append(kFooterMagic);
    return file;
}

std::span<const std::uint8_t> open_envelope(std::span<const std::uint8_t> file,
                                            std::string_view kind, const std::string& path,
                                            bool verify_checksum) {
    if (file.size() < kEnvelopeHeaderSize + kEnvelopeFooterSize)
        throw CorruptIndexError(path,
                                "file is truncated (" + std::to_string(file.size()) + " bytes)");
    const auto* p = file.data();
    if (std::memcmp(p, kHeaderMagic.data(), kHeaderMagic.size()) != 0)
        throw CorruptIndexError(path, "not a scoop index file (bad magic number)");
    if (std::memcmp(p + 8, kind.data(), 4) != 0)
        throw CorruptIndexError(path, "wrong file kind '" +
                                          std::string(reinterpret_cast<const char*>(p + 8), 4) +
                                          "', expected '" + std::string(kind) + "'");
    const std::uint32_t version = load_fixed32(p + 12);
    if (version != kFormatVersion) throw IndexVersionError(path, version, kFormatVersion);
    const auto* footer = p + file.size() - kEnvelopeFooterSize;
    if (std::memcmp(footer + 8, kFooterMagic.data(), kFooterMagic.size()) != 0)
        throw CorruptIndexError(path, "file is truncated or its end is overwritten (no footer)");
    if (verify_checksum) {
        const std::uint64_t stored = load_fixed64(footer);
        const std::uint64_t actual = xxh3_64(file.first(file.size() - kEnvelopeFooterSize));
        if (stored != actual) throw CorruptIndexError(path, "checksum mismatch");
    }
    return file.subspan(kEnvelopeHeaderSize,
                        file.size() - kEnvelopeHeaderSize - kEnvelopeFooterSize);
}

}  // namespace scoop
