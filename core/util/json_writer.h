#pragma once

// JSON text written straight into a string, without building a tree:
// for output that is written once per query (searcher --json, a server),
// where nlohmann::json's tree and its map of keys cost more than the
// search. The bytes are those nlohmann::json::dump(-1, ' ', false,
// error_handler_t::replace) writes for the same values, keys written in
// the order given: callers that want the output of a std::map-ordered
// nlohmann object write their keys sorted. Invalid UTF-8 in a string is
// replaced by U+FFFD exactly as nlohmann replaces it.

#include <charconv>
#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace scoop {

class JsonWriter {
  public:
    explicit JsonWriter(std::string& out) : out_(out) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    // The next value is this member's.
    void key(std::string_view name);

    void value(std::string_view s);
    void value(const char* s) { value(std::string_view(s)); }
    void value(const std::string& s) { value(std::string_view(s)); }
    void value(bool b) {
        separate();
        out_.append(b ? "true" : "false");
    }
    void value(double d);
    template <std::integral T>
    requires(!std::same_as<T, bool>) void value(T n) {
        separate();
        char buffer[24];
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, n).ptr;
        out_.append(buffer, static_cast<std::size_t>(end - buffer));
    }
    void null() {
        separate();
        out_.append("null");
    }

  private:
    // A comma before every element of a container but its first; none
    // after a key.
    void separate();
    void open(char bracket);
    void close(char bracket);
    void string(std::string_view s);

    std::string& out_;
    std::vector<bool> has_element_;  // per open container
    bool after_key_ = false;
};

}  // namespace scoop
