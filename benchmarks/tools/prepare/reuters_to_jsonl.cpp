// reuters_to_jsonl: converts the Reuters-21578 SGML files to the indexer's
// JSON Lines input, one line per <REUTERS> element (issue 5).
//
//   reuters_to_jsonl --out FILE.jsonl SGM_OR_FOLDER...
//
// A folder stands for its *.sgm files in name order. Each article becomes
//   {"title": ..., "body": ..., "date": "1987-02-26T15:01:01Z",
//    "source": "Reuters", "url": "reuters21578:NEWID"}
// in input order (NEWID order in the distribution). The choices:
//  - The files are SGML in Latin-1, not XML: &lt; &gt; &amp; &quot; and
//    &#N; are decoded; the wire-protocol control entities (&#2; &#3; &#5;
//    &#22; &#31; ..., and &#127;) are dropped, as are raw control bytes;
//    bytes >= 0x80 (just one 0xFC in reut2-017) are read as Latin-1, so the
//    output is valid UTF-8.
//  - Normal articles: body = the DATELINE ("SALVADOR, Feb 26 -") then the
//    BODY, as the wire printed them, so every body starts with its place.
//    The closing "Reuter"/"REUTER" sign-off line is dropped: it is a
//    trailer on every article, not text anyone searches for.
//  - TYPE="BRIEF": a title only; the "Blah blah blah." placeholder after it
//    is not a body, so body is "".
//  - TYPE="UNPROC": no TITLE or BODY tags; the whole TEXT content is the
//    body (sign-off dropped as above) and the title is "". One of them
//    (NEWID 12793) has an empty TEXT: its line is kept, with title and body
//    "", so that there is a line per article; the indexer skips it.
//  - Titles have their line breaks and runs of spaces collapsed; bodies keep
//    their lines.
//  - DATE "26-FEB-1987 15:01:01.79" becomes UTC ISO 8601 to the second. The
//    one malformed DATE (NEWID 17192, "31-MAR-1987 605:12:19.12") keeps the
//    last two digits of the hour (05:12:19); a date that cannot be read at
//    all is left out of the article and counted.
// A one-line summary goes to stderr. Exit status 1 on unreadable input, a
// <REUTERS> element without NEWID or end tag, or an unwritable output.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/input_files.h"
#include "util/error.h"
#include "util/file.h"
#include "util/utf8.h"

namespace scoop {
namespace {

struct Stats {
    std::size_t files = 0;
    std::size_t articles = 0;
    std::size_t with_body = 0;
    std::size_t brief = 0;
    std::size_t unproc = 0;
    std::size_t untitled = 0;
    std::size_t empty = 0;
    std::size_t repaired_dates = 0;
    std::size_t missing_dates = 0;
    std::size_t latin1_bytes = 0;
    std::size_t dropped_controls = 0;
    std::uint64_t input_bytes = 0;
    std::uint64_t output_bytes = 0;
};

bool is_control(std::uint32_t cp) {
    return (cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
           (cp >= 0xD800 && cp < 0xE000) || cp > 0x10FFFF;
}

// SGML text (Latin-1, entities) to UTF-8. Unknown named entities are kept
// as written: the text is news, and "&" followed by letters is rare enough
// that guessing would do more harm than leaving it.
std::string decode_sgml(std::string_view in, Stats& stats) {
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        const auto c = static_cast<unsigned char>(in[i]);
        if (c == '&') {
            const std::size_t semi = in.find(';', i + 1);
            if (semi != std::string_view::npos && semi - i <= 10) {
                const std::string_view name = in.substr(i + 1, semi - i - 1);
                std::optional<std::uint32_t> cp;
                if (name == "lt")
                    cp = '<';
                else if (name == "gt")
                    cp = '>';
                else if (name == "amp")
                    cp = '&';
                else if (name == "quot")
                    cp = '"';
                else if (name == "apos")
                    cp = '\'';
                else if (name.size() >= 2 && name[0] == '#' &&
                         std::all_of(name.begin() + 1, name.end(),
                                     [](char d) { return d >= '0' && d <= '9'; })) {
                    std::uint32_t v = 0;
                    for (char d : name.substr(1))
                        v = std::min<std::uint32_t>(v * 10 + (d - '0'), 0x110000);
                    cp = v;
                }
                if (cp) {
                    if (is_control(*cp))
                        ++stats.dropped_controls;
                    else
                        append_utf8(out, *cp);
                    i = semi;
                    continue;
                }
            }
            out += '&';
        } else if (c >= 0x80) {
            ++stats.latin1_bytes;
            append_utf8(out, c);
        } else if (is_control(c)) {
            ++stats.dropped_controls;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    for (char c : trim(s)) {
        if (is_space(c)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

// Drops the sign-off when it is the last line of the text: "Reuter" in any
// case, sometimes indented, a few times followed by a literal "^M".
std::string_view drop_signoff(std::string_view text) {
    text = trim(text);
    const std::size_t newline = text.rfind('\n');
    const std::size_t begin = newline == std::string_view::npos ? 0 : newline + 1;
    std::string_view last = trim(text.substr(begin));
    if (last.ends_with("^M")) last.remove_suffix(2);
    if (last.size() != 6) return text;
    for (std::size_t i = 0; i < 6; ++i) {
        if (std::tolower(static_cast<unsigned char>(last[i])) != "reuter"[i]) return text;
    }
    return trim(text.substr(0, begin));
}

// The content of the first <name ...>...</name> in `element`, or nullopt.
// `attributes` receives the text between the name and '>'.
std::optional<std::string_view> find_element(std::string_view element, std::string_view name,
                                             std::string_view* attributes = nullptr) {
    const std::string open = "<" + std::string(name);
    const std::string close = "</" + std::string(name) + ">";
    std::size_t pos = 0;
    while ((pos = element.find(open, pos)) != std::string_view::npos) {
        const std::size_t after = pos + open.size();
        if (after < element.size() && (element[after] == '>' || element[after] == ' ')) break;
        pos = after;
    }
    if (pos == std::string_view::npos) return std::nullopt;
    const std::size_t gt = element.find('>', pos);
    if (gt == std::string_view::npos) return std::nullopt;
    const std::size_t end = element.find(close, gt + 1);
    if (end == std::string_view::npos) return std::nullopt;
    if (attributes) *attributes = element.substr(pos + open.size(), gt - pos - open.size());
    return element.substr(gt + 1, end - gt - 1);
}

std::optional<std::string_view> attribute(std::string_view attributes, std::string_view name) {
    const std::string key = std::string(name) + "=\"";
    std::size_t pos = 0;
    while ((pos = attributes.find(key, pos)) != std::string_view::npos) {
        if (pos == 0 || is_space(attributes[pos - 1])) {
            const std::size_t begin = pos + key.size();
            const std::size_t end = attributes.find('"', begin);
            if (end == std::string_view::npos) return std::nullopt;
            return attributes.substr(begin, end - begin);
        }
        pos += key.size();
    }
    return std::nullopt;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
// days_from_civil), so no time zone or locale enters the conversion.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// "26-FEB-1987 15:01:01.79" -> "1987-02-26T15:01:01Z". `repaired` is set
// when the time needed the tolerance described at the top.
std::optional<std::string> parse_reuters_date(std::string_view s, bool& repaired) {
    static constexpr std::array<std::string_view, 12> kMonths = {
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    s = trim(s);
    std::size_t i = 0;
    auto number = [&](std::size_t max_digits) -> std::optional<unsigned> {
        std::size_t start = i;
        unsigned v = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < max_digits)
            v = v * 10 + static_cast<unsigned>(s[i++] - '0');
        if (i == start) return std::nullopt;
        return v;
    };
    auto expect = [&](char c) {
        if (i < s.size() && s[i] == c) return ++i, true;
        return false;
    };
    const auto day = number(2);
    if (!day || !expect('-') || i + 3 > s.size()) return std::nullopt;
    std::string month_name(s.substr(i, 3));
    for (char& c : month_name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const auto month_it = std::find(kMonths.begin(), kMonths.end(), month_name);
    if (month_it == kMonths.end()) return std::nullopt;
    const unsigned month = static_cast<unsigned>(month_it - kMonths.begin()) + 1;
    i += 3;
    const auto year = expect('-') ? number(4) : std::nullopt;
    if (!year || *day < 1 || *day > 31) return std::nullopt;
    while (i < s.size() && s[i] == ' ') ++i;
    auto hour = number(6);
    std::optional<unsigned> minute, second;
    if (hour && expect(':')) minute = number(2);
    if (minute && expect(':')) second = number(2);
    if (!hour || !minute || !second) {
        repaired = true;
        hour = minute = second = 0u;
    }
    if (*hour > 23) {
        repaired = true;
        hour = *hour % 100 < 24 ? *hour % 100 : 0;
    }
    if (*minute > 59 || *second > 59) {
        repaired = true;
        minute = second = 0u;
    }
    // No "31-APR": the day must fall within its month.
    const std::int64_t month_days =
        (month == 12 ? days_from_civil(*year + 1, 1, 1) : days_from_civil(*year, month + 1, 1)) -
        days_from_civil(*year, month, 1);
    if (*day > month_days) return std::nullopt;
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", *year, month, *day, *hour, *minute,
                       *second);
}

// Converts one file, appending a line per article to `out`.
void convert_file(const std::string& path, std::ostream& out, std::set<std::string>& seen_ids,
                  Stats& stats) {
    const std::string bytes = read_file(path);
    stats.input_bytes += bytes.size();
    ++stats.files;
    const std::string_view text(bytes);
    std::size_t pos = 0;
    std::size_t in_file = 0;
    while ((pos = text.find("<REUTERS", pos)) != std::string_view::npos) {
        const std::size_t end = text.find("</REUTERS>", pos);
        const std::size_t gt = text.find('>', pos);
        if (end == std::string_view::npos || gt == std::string_view::npos || gt > end) {
            throw Error(fmt::format("{}: <REUTERS> element {} has no end tag", path, in_file + 1));
        }
        const std::string_view open_attrs = text.substr(pos + 8, gt - pos - 8);
        const std::string_view element = text.substr(gt + 1, end - gt - 1);
        pos = end + 10;
        ++in_file;

        const auto newid = attribute(open_attrs, "NEWID");
        if (!newid || newid->empty()) {
            throw Error(fmt::format("{}: <REUTERS> element {} has no NEWID", path, in_file));
        }
        const std::string id(*newid);
        if (!seen_ids.insert(id).second) {
            fmt::print(stderr, "reuters_to_jsonl: {}: NEWID {} seen before; kept both\n", path, id);
        }

        nlohmann::ordered_json article;
        std::string title;
        std::string body;
        std::string_view text_attrs;
        const auto text_element = find_element(element, "TEXT", &text_attrs);
        const std::string type(attribute(text_attrs, "TYPE").value_or(""));
        if (text_element) {
            if (type == "UNPROC") {
                ++stats.unproc;
                body = std::string(drop_signoff(decode_sgml(*text_element, stats)));
            } else {
                if (const auto t = find_element(*text_element, "TITLE"))
                    title = collapse_spaces(decode_sgml(*t, stats));
                if (type == "BRIEF") {
                    ++stats.brief;
                } else {
                    const auto dateline = find_element(*text_element, "DATELINE");
                    const auto b = find_element(*text_element, "BODY");
                    const std::string body_text =
                        b ? std::string(drop_signoff(decode_sgml(*b, stats))) : std::string();
                    if (dateline) body = collapse_spaces(decode_sgml(*dateline, stats));
                    if (!body.empty() && !body_text.empty()) body += ' ';
                    body += body_text;
                }
            }
        }
        if (!body.empty()) ++stats.with_body;
        if (title.empty()) ++stats.untitled;
        if (title.empty() && body.empty()) {
            // Kept, so that the output has a line per article; the indexer
            // reports and skips it (one UNPROC article has an empty TEXT).
            ++stats.empty;
            fmt::print(stderr, "reuters_to_jsonl: NEWID {}: no title and no text\n", id);
        }

        article["title"] = title;
        article["body"] = body;
        std::optional<std::string> date;
        if (const auto d = find_element(element, "DATE")) {
            bool repaired = false;
            date = parse_reuters_date(*d, repaired);
            if (date && repaired) {
                ++stats.repaired_dates;
                fmt::print(stderr, "reuters_to_jsonl: NEWID {}: malformed DATE \"{}\" read as {}\n",
                           id, trim(*d), *date);
            }
        }
        if (date) {
            article["date"] = *date;
        } else {
            ++stats.missing_dates;
            fmt::print(stderr, "reuters_to_jsonl: NEWID {}: no readable DATE; left out\n", id);
        }
        article["source"] = "Reuters";
        article["url"] = "reuters21578:" + id;

        const std::string line = article.dump();
        out << line << '\n';
        stats.output_bytes += line.size() + 1;
        ++stats.articles;
    }
}

int run(int argc, char** argv) {
    CLI::App app{"Convert Reuters-21578 SGML (reut2-*.sgm) to JSON Lines for the indexer."};
    std::string out_path;
    std::vector<std::string> inputs;
    app.add_option("--out,-o", out_path, "Output JSON Lines file")->required();
    app.add_option("inputs", inputs, "reut2-*.sgm files, or folders holding them")->required();
    CLI11_PARSE(app, argc, argv);

    const auto start = std::chrono::steady_clock::now();
    try {
        const std::vector<std::string> files = bench::expand_inputs(inputs, {".sgm"}, false);
        std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
        if (!out) throw Error(out_path + ": cannot open for writing");
        Stats stats;
        std::set<std::string> seen_ids;
        for (const auto& file : files) convert_file(file, out, seen_ids, stats);
        out.flush();
        if (!out) throw Error(out_path + ": write failed (disk full?)");
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        fmt::print(stderr,
                   "reuters_to_jsonl: {} files, {} articles ({} with body, {} brief, {} unproc, "
                   "{} untitled, {} empty), {} dates repaired, {} without date, {} Latin-1 bytes, "
                   "{:.1f} MB -> {:.1f} MB in {:.2f} s -> {}\n",
                   stats.files, stats.articles, stats.with_body, stats.brief, stats.unproc,
                   stats.untitled, stats.empty, stats.repaired_dates, stats.missing_dates,
                   stats.latin1_bytes, stats.input_bytes / 1e6, stats.output_bytes / 1e6, seconds,
                   out_path);
    } catch (const std::exception& e) {
        fmt::print(stderr, "reuters_to_jsonl: {}\n", e.what());
        return 1;
    }
    return 0;
}

}  // namespace
}  // namespace scoop

int main(int argc, char** argv) {
    return scoop::run(argc, argv);
}
