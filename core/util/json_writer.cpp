#include "util/json_writer.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace scoop {
namespace {

// Whether `s` is well-formed UTF-8 (no overlong forms, surrogates or code
// points past U+10FFFF), as nlohmann's decoder accepts it.
bool valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned char b = p[i];
        if (b < 0x80) {
            ++i;
            continue;
        }
        std::size_t len;
        unsigned char lo = 0x80, hi = 0xBF;  // the second byte's range
        if (b >= 0xC2 && b <= 0xDF) {
            len = 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            len = 3;
            if (b == 0xE0) lo = 0xA0;
            if (b == 0xED) hi = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            len = 4;
            if (b == 0xF0) lo = 0x90;
            if (b == 0xF4) hi = 0x8F;
        } else {
            return false;
        }
        if (i + len > n || p[i + 1] < lo || p[i + 1] > hi) return false;
        for (std::size_t k = 2; k < len; ++k)
            if ((p[i + k] & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

}  // namespace

void JsonWriter::separate() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!has_element_.empty()) {
        if (has_element_.back()) out_ += ',';
        has_element_.back() = true;
    }
}

void JsonWriter::open(char bracket) {
    separate();
    out_ += bracket;
    has_element_.push_back(false);
}

void JsonWriter::close(char bracket) {
    has_element_.pop_back();
    out_ += bracket;
}

void JsonWriter::key(std::string_view name) {
    separate();
    string(name);
    out_ += ':';
    after_key_ = true;
}

void JsonWriter::value(std::string_view s) {
    separate();
    string(s);
}

void JsonWriter::value(double d) {
    separate();
    if (!std::isfinite(d)) {
        out_.append("null");
        return;
    }
    // nlohmann's own Grisu2 formatting ("5.0", "1e+16"), so that numbers
    // read the same whichever writer wrote them.
    char buffer[64];
    const char* end = nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, d);
    out_.append(buffer, static_cast<std::size_t>(end - buffer));
}

void JsonWriter::string(std::string_view s) {
    if (!valid_utf8(s)) {
        // Rare (text is decoded when indexed; a query line may not be):
        // nlohmann's replacement rules, byte for byte.
        out_.append(nlohmann::json(std::string(s))
                        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        return;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    out_ += '"';
    std::size_t run = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out_.append(s.substr(run, i - run));
        run = i + 1;
        switch (c) {
            case '"':
                out_.append("\\\"");
                break;
            case '\\':
                out_.append("\\\\");
                break;
            case '\b':
                out_.append("\\b");
                break;
            case '\f':
                out_.append("\\f");
                break;
            case '\n':
                out_.append("\\n");
                break;
            case '\r':
                out_.append("\\r");
                break;
            case '\t':
                out_.append("\\t");
                break;
            default:
                out_.append("\\u00");
                out_ += kHex[c >> 4];
                out_ += kHex[c & 0xF];
        }
    }
    out_.append(s.substr(run));
    out_ += '"';
}

}  // namespace scoop
