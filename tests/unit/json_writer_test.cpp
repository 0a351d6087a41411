// JsonWriter writes the bytes nlohmann::json::dump(-1, ' ', false, replace)
// writes for the same values: checked on fixed cases and on random trees
// of random strings (control characters, invalid UTF-8), numbers and
// nesting.

#include "util/json_writer.h"

#include <gtest/gtest.h>

#include <cstring>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>

namespace scoop {
namespace {

std::string reference(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void write(const nlohmann::json& j, JsonWriter& w) {
    switch (j.type()) {
        case nlohmann::json::value_t::object:
            w.begin_object();
            for (const auto& [k, v] : j.items()) {
                w.key(k);
                write(v, w);
            }
            w.end_object();
            break;
        case nlohmann::json::value_t::array:
            w.begin_array();
            for (const auto& v : j) write(v, w);
            w.end_array();
            break;
        case nlohmann::json::value_t::string:
            w.value(j.get_ref<const std::string&>());
            break;
        case nlohmann::json::value_t::boolean:
            w.value(j.get<bool>());
            break;
        case nlohmann::json::value_t::number_integer:
            w.value(j.get<std::int64_t>());
            break;
        case nlohmann::json::value_t::number_unsigned:
            w.value(j.get<std::uint64_t>());
            break;
        case nlohmann::json::value_t::number_float:
            w.value(j.get<double>());
            break;
        default:
            w.null();
    }
}

std::string written(const nlohmann::json& j) {
    std::string out;
    JsonWriter w(out);
    write(j, w);
    return out;
}

TEST(JsonWriter, FixedCases) {
    for (const nlohmann::json& j : std::vector<nlohmann::json>{
             nlohmann::json::object(),
             nlohmann::json::array(),
             {{"a", nullptr}},
             {{"hits", nlohmann::json::array({{{"doc", 1}, {"score", 9.847642382539924}}})}},
             {1, -1, 0, 5.0, 0.1, 1e16, 1e-7, -0.0, 2.5e-300, 123456789012345678ULL},
             {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()},
             {"tab\there", "quote\"back\\slash", std::string("nul\0x", 5), "\x01\x1f\x7f",
              "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x93\xB0", "bad \xFF byte",
              "cut \xE2\x80", "overlong \xC0\xAF", "surrogate \xED\xA0\x80", true, false}})
        EXPECT_EQ(written(j), reference(j)) << reference(j);
}

TEST(JsonWriter, RandomTreesMatchNlohmann) {
    std::mt19937_64 rng(42);
    const std::string alphabet =
        std::string("ab \"\\\t\n\x01\x1f", 10) + "\xC3\xA9\xE2\x80\x9C\xFF\xF0\x9F";
    auto random_string = [&] {
        std::string s;
        const std::size_t n = rng() % 12;
        for (std::size_t i = 0; i < n; ++i) s += alphabet[rng() % alphabet.size()];
        return s;
    };
    std::function<nlohmann::json(int)> random_value = [&](int depth) -> nlohmann::json {
        switch (rng() % (depth > 3 ? 6 : 8)) {
            case 0:
                return random_string();
            case 1:
                return static_cast<std::int64_t>(rng()) >> (rng() % 64);
            case 2:
                return rng() >> (rng() % 64);
            case 3: {
                double d;
                const std::uint64_t bits = rng();
                std::memcpy(&d, &bits, sizeof d);
                return d;
            }
            case 4:
                return static_cast<double>(rng() % 100000) / 1000.0;
            case 5:
                return rng() % 2 == 0;
            case 6: {
                nlohmann::json a = nlohmann::json::array();
                for (std::size_t i = rng() % 4; i > 0; --i) a.push_back(random_value(depth + 1));
                return a;
            }
            default: {
                nlohmann::json o = nlohmann::json::object();
                for (std::size_t i = rng() % 4; i > 0; --i)
                    o[random_string()] = random_value(depth + 1);
                return o;
            }
        }
    };
    for (int round = 0; round < 20000; ++round) {
        const nlohmann::json j = random_value(0);
        ASSERT_EQ(written(j), reference(j)) << "round " << round;
    }
}

}  // namespace
}  // namespace scoop
