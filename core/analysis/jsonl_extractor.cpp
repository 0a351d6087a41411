#include "analysis/jsonl_extractor.h"

#include <simdjson.h>

#include <array>
#include <climits>
#include <string>
#include <vector>

#include "analysis/date_parser.h"

namespace scoop {
namespace {

namespace dom = simdjson::dom;

enum Field { kTitle, kBody, kDate, kSource, kUrl, kFieldCount };

struct Alias {
    std::string_view key;  // lower case
    Field field;
};

// In order of preference within each field.
// clang-format off
constexpr Alias kAliases[] = {
    {"title", kTitle}, {"headline", kTitle},
    {"body", kBody}, {"text", kBody}, {"content", kBody}, {"article", kBody},
    {"description", kBody}, {"summary", kBody},
    {"date", kDate}, {"published", kDate}, {"pubdate", kDate}, {"timestamp", kDate},
    {"publishedat", kDate}, {"published_at", kDate}, {"datepublished", kDate},
    {"source", kSource}, {"publisher", kSource}, {"site", kSource},
    {"url", kUrl}, {"link", kUrl},
};
// clang-format on

bool equals_ignoring_case(std::string_view key, std::string_view lower) {
    if (key.size() != lower.size()) return false;
    for (std::size_t i = 0; i < key.size(); ++i) {
        char c = key[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != lower[i]) return false;
    }
    return true;
}

bool is_json_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trim_json_space(std::string_view s) {
    while (!s.empty() && is_json_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_json_space(s.back())) s.remove_suffix(1);
    return s;
}

std::string_view trim_text(std::string_view s) {
    while (!s.empty() && (is_json_space(s.front()) || s.front() == '\f')) s.remove_prefix(1);
    while (!s.empty() && (is_json_space(s.back()) || s.back() == '\f')) s.remove_suffix(1);
    return s;
}

const char* type_name(dom::element_type type) {
    switch (type) {
        case dom::element_type::ARRAY:
            return "an array";
        case dom::element_type::OBJECT:
            return "an object";
        case dom::element_type::INT64:
        case dom::element_type::UINT64:
        case dom::element_type::DOUBLE:
            return "a number";
        case dom::element_type::STRING:
            return "a string";
        case dom::element_type::BOOL:
            return "a boolean";
        case dom::element_type::NULL_VALUE:
            return "null";
    }
    return "a value";
}

// Quoted for a message, cut short so one bad field cannot flood the report.
std::string quoted(std::string_view s) {
    constexpr std::size_t kMax = 60;
    std::size_t cut = s.size();
    if (cut > kMax) {
        cut = kMax;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    }
    std::string out = "\"";
    out.append(s.substr(0, cut));
    if (cut < s.size()) out += "...";
    out += '"';
    return out;
}

class ObjectReader {
  public:
    ObjectReader(std::uint32_t line, Extraction& out) : line_(line), out_(out) {}

    // Adds the article of `object` to out_, or reports why there is none.
    void read(dom::object object) {
        std::array<const Alias*, kFieldCount> chosen{};
        std::array<dom::element, kFieldCount> values{};
        for (dom::key_value_pair member : object) {
            if (member.value.is_null()) continue;
            for (const Alias& alias : kAliases) {
                if (!equals_ignoring_case(member.key, alias.key)) continue;
                const Alias*& current = chosen[alias.field];
                if (current == nullptr || &alias < current) {
                    current = &alias;
                    values[alias.field] = member.value;
                }
                break;
            }
        }

        Article article;
        article.line = line_;
        if (chosen[kTitle]) article.title = text_of(*chosen[kTitle], values[kTitle]);
        if (chosen[kBody]) article.body = body_of(*chosen[kBody], values[kBody]);
        if (chosen[kSource]) article.source = source_of(*chosen[kSource], values[kSource]);
        if (chosen[kUrl]) article.url = text_of(*chosen[kUrl], values[kUrl]);
        if (chosen[kDate]) article.date = date_of(*chosen[kDate], values[kDate]);
        if (article.title.empty() && article.body.empty()) {
            report("no title or body");
            return;
        }
        out_.articles.push_back(std::move(article));
    }

    void report(std::string message) { out_.problems.push_back({line_, std::move(message)}); }

  private:
    void report_type(const Alias& alias, dom::element value, const char* wanted) {
        report("field \"" + std::string(alias.key) + "\" is " + type_name(value.type()) + ", not " +
               wanted);
    }

    std::string text_of(const Alias& alias, dom::element value) {
        std::string_view s;
        if (value.get_string().get(s) != simdjson::SUCCESS) {
            report_type(alias, value, "a string");
            return {};
        }
        return std::string(trim_text(s));
    }

    // Bodies also come as arrays of paragraphs.
    std::string body_of(const Alias& alias, dom::element value) {
        dom::array paragraphs;
        if (value.get_array().get(paragraphs) != simdjson::SUCCESS) return text_of(alias, value);
        std::string body;
        for (dom::element paragraph : paragraphs) {
            std::string_view s;
            if (paragraph.get_string().get(s) != simdjson::SUCCESS) {
                report("field \"" + std::string(alias.key) + "\" holds " +
                       type_name(paragraph.type()) + " among its paragraphs");
                continue;
            }
            s = trim_text(s);
            if (s.empty()) continue;
            if (!body.empty()) body += "\n\n";
            body += s;
        }
        return body;
    }

    // Publishers also come as {"name": "..."} (NewsAPI, schema.org).
    std::string source_of(const Alias& alias, dom::element value) {
        dom::object object;
        if (value.get_object().get(object) == simdjson::SUCCESS) {
            std::string_view name;
            if (object["name"].get_string().get(name) == simdjson::SUCCESS) {
                return std::string(trim_text(name));
            }
            report("field \"" + std::string(alias.key) + "\" is an object without a \"name\"");
            return {};
        }
        return text_of(alias, value);
    }

    Timestamp date_of(const Alias& alias, dom::element value) {
        std::string_view s;
        if (value.get_string().get(s) == simdjson::SUCCESS) {
            if (trim_text(s).empty()) return kNoDate;
            if (const auto parsed = parse_date(s)) return *parsed;
            report("field \"" + std::string(alias.key) + "\": unrecognised date " + quoted(s));
            return kNoDate;
        }
        double number = 0;
        if (value.is_number() && value.get_double().get(number) == simdjson::SUCCESS) {
            if (const auto stamp = timestamp_from_epoch(number)) return *stamp;
            report("field \"" + std::string(alias.key) + "\": " + simdjson::to_string(value) +
                   " is not a date between " + std::to_string(kMinDateYear) + " and " +
                   std::to_string(kMaxDateYear));
            return kNoDate;
        }
        report_type(alias, value, "a date");
        return kNoDate;
    }

    std::uint32_t line_;
    Extraction& out_;
};

std::uint32_t to_line_number(std::size_t n) {
    return n >= UINT32_MAX ? UINT32_MAX : static_cast<std::uint32_t>(n);
}

// Where each element of a top-level JSON array starts, as 1-based line
// numbers. REQUIRES: `text` is a valid JSON array (so strings are closed).
std::vector<std::uint32_t> array_element_lines(std::string_view text) {
    std::vector<std::uint32_t> lines;
    std::size_t line = 1;
    int depth = 0;
    bool in_string = false, expect_element = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') ++line;
        if (in_string) {
            if (c == '\\') {
                ++i;  // an escaped character; never a newline in valid JSON
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        if (depth == 1 && expect_element && !is_json_space(c) && c != ']') {
            lines.push_back(to_line_number(line));
            expect_element = false;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth == 1) expect_element = true;
        } else if (c == ']' || c == '}') {
            --depth;
        } else if (c == ',' && depth == 1) {
            expect_element = true;
        }
    }
    return lines;
}

std::uint32_t line_of_offset(std::string_view text, std::size_t offset) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        if (text[i] == '\n') ++line;
    return to_line_number(line);
}

// A whole-text array of objects, or one object spread over several lines.
// Returns false, touching nothing, when the text is not one such document.
bool read_whole_document(std::string_view text, dom::parser& parser, Extraction& out) {
    dom::element document;
    if (parser.parse(text.data(), text.size()).get(document) != simdjson::SUCCESS) return false;

    dom::object object;
    if (document.get_object().get(object) == simdjson::SUCCESS) {
        const std::size_t start = text.size() - trim_json_space(text).size();
        ObjectReader(line_of_offset(text, start), out).read(object);
        return true;
    }
    dom::array array;
    if (document.get_array().get(array) != simdjson::SUCCESS) return false;
    const std::vector<std::uint32_t> lines = array_element_lines(text);
    std::size_t index = 0;
    for (dom::element element : array) {
        const std::uint32_t line = index < lines.size() ? lines[index] : 0;
        ++index;
        ObjectReader reader(line, out);
        if (element.get_object().get(object) != simdjson::SUCCESS) {
            reader.report(std::string("array element is ") + type_name(element.type()) +
                          ", not an object");
            continue;
        }
        reader.read(object);
    }
    return true;
}

}  // namespace

Extraction extract_json_articles(std::string_view utf8) {
    Extraction out;
    dom::parser parser;
    const std::string_view trimmed = trim_json_space(utf8);
    if (trimmed.empty()) return out;

    // One line per object is the common case and is read line by line. A
    // text that opens an array, or whose first line is not a whole value,
    // may be a single document.
    const std::size_t first_line_end = trimmed.find('\n');
    bool try_whole = trimmed.front() == '[';
    if (!try_whole && trimmed.front() == '{' && first_line_end != std::string_view::npos) {
        const std::string_view first_line = trimmed.substr(0, first_line_end);
        dom::element ignored;
        try_whole =
            parser.parse(first_line.data(), first_line.size()).get(ignored) != simdjson::SUCCESS;
    }
    if (try_whole && read_whole_document(utf8, parser, out)) return out;

    std::size_t line_number = 0;
    std::size_t start = 0;
    while (start <= utf8.size()) {
        std::size_t end = utf8.find('\n', start);
        if (end == std::string_view::npos) end = utf8.size();
        ++line_number;
        const std::string_view line = trim_json_space(utf8.substr(start, end - start));
        start = end + 1;
        if (line.empty()) continue;

        ObjectReader reader(to_line_number(line_number), out);
        dom::element document;
        if (const auto error = parser.parse(line.data(), line.size()).get(document)) {
            reader.report(std::string("invalid JSON: ") + simdjson::error_message(error));
            continue;
        }
        dom::object object;
        if (document.get_object().get(object) != simdjson::SUCCESS) {
            reader.report(std::string("line is ") + type_name(document.type()) +
                          ", not a JSON object");
            continue;
        }
        reader.read(object);
    }
    return out;
}

}  // namespace scoop
