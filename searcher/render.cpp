#include "render.h"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>

#include "util/json_writer.h"
#include "util/visible_text.h"

namespace scoop {
namespace {

// A term's frequency as --explain shows it: a count, or a sloppy phrase's
// weighted sum to three decimals.
std::string frequency_text(double freq) {
    if (freq == std::floor(freq)) return fmt::format("{}", static_cast<std::uint64_t>(freq));
    return fmt::format("{:.3f}", freq);
}

// Howard Hinnant's civil_from_days.
void civil_from_days(std::int64_t z, int& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2));
}

struct Ansi {
    bool on;
    std::string wrap(std::string_view code, std::string_view text) const {
        return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
    }
};

// Highlights as character offsets, which is what JSON consumers index by.
void write_char_offsets(const Snippet& s, JsonWriter& w) {
    std::vector<std::size_t> chars_before(s.text.size() + 1, 0);
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.text.size(); ++i) {
        chars_before[i] = n;
        n += (static_cast<unsigned char>(s.text[i]) & 0xC0) != 0x80;
    }
    chars_before[s.text.size()] = n;
    w.begin_array();
    for (const auto& [b, e] : s.highlights) {
        w.begin_array();
        w.value(chars_before[b]);
        w.value(chars_before[e]);
        w.end_array();
    }
    w.end_array();
}

std::string highlighted(const Snippet& s, const Ansi& ansi) {
    std::string out;
    std::size_t at = 0;
    const std::string_view text = s.text;
    for (const auto& [b, e] : s.highlights) {
        out += visible(text.substr(at, b - at));
        const std::string word = visible(text.substr(b, e - b));
        out += ansi.on ? ansi.wrap("1;33", word) : fmt::format("[{}]", word);
        at = e;
    }
    out += visible(text.substr(at));
    return out;
}

std::string format_score(double s) {
    return fmt::format("{:.4f}", s);
}

// Paths under the current directory are shown relative to it, as ripgrep does.
std::string display_path(const std::string& path) {
    std::error_code ec;
    const std::filesystem::path cwd = std::filesystem::current_path(ec);
    if (ec) return path;
    const std::filesystem::path relative = std::filesystem::path(path).lexically_relative(cwd);
    if (relative.empty() || relative.native().starts_with("..")) return path;
    return relative.string();
}

}  // namespace

std::string format_timestamp(Timestamp t) {
    if (t == kNoDate) return {};
    const std::int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    const std::int64_t secs = t - days * 86400;
    int y;
    unsigned m, d;
    civil_from_days(days, y, m, d);
    if (y < 0 || y > 9999) {
        if (secs == 0) return fmt::format("{:04}-{:02}-{:02}", y, m, d);
        return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", y, m, d, secs / 3600,
                           secs / 60 % 60, secs % 60);
    }
    // By hand: every JSON hit has a date, and fmt's parsing of the format
    // string cost more than the rest of the hit's line.
    std::string out;
    out.reserve(20);
    const auto digits = [&out](std::int64_t v, int n) {
        char buffer[4];
        for (int i = n - 1; i >= 0; --i, v /= 10) buffer[i] = static_cast<char>('0' + v % 10);
        out.append(buffer, static_cast<std::size_t>(n));
    };
    digits(y, 4);
    out += '-';
    digits(m, 2);
    out += '-';
    digits(d, 2);
    if (secs != 0) {
        out += 'T';
        digits(secs / 3600, 2);
        out += ':';
        digits(secs / 60 % 60, 2);
        out += ':';
        digits(secs % 60, 2);
        out += 'Z';
    }
    return out;
}

std::string render_text(std::string_view query, const SearchResult& r, std::size_t offset,
                        const RenderStyle& style) {
    const Ansi ansi{style.color};
    std::string out;
    // Everything from articles, paths and the query goes through visible():
    // an escape sequence in a scraped title must not reach the terminal.
    for (const auto& w : r.warnings) out += ansi.wrap("33", "note: " + visible(w)) + "\n";
    const std::string shown_query = visible(query);
    for (std::size_t i = 0; i < r.hits.size(); ++i) {
        const Hit& h = r.hits[i];
        const std::string title =
            h.document.title.empty() ? "(untitled)" : visible(h.document.title);
        out += fmt::format("{} {}  {}\n", ansi.wrap("2", fmt::format("{:>3}.", offset + i + 1)),
                           ansi.wrap("1", title), ansi.wrap("2", "score " + format_score(h.score)));
        std::string meta;
        for (const std::string& part : {format_timestamp(h.document.date), h.document.source}) {
            if (part.empty()) continue;
            if (!meta.empty()) meta += " · ";
            meta += visible(part);
        }
        std::string where = visible(display_path(h.document.path)) +
                            (h.document.line ? fmt::format(":{}", h.document.line) : "");
        if (!h.index.empty()) where += "  (index " + visible(display_path(h.index)) + ")";
        out += fmt::format("     {}{}\n", meta.empty() ? "" : meta + " · ", ansi.wrap("36", where));
        if (!h.snippet.text.empty()) out += fmt::format("     {}\n", highlighted(h.snippet, ansi));
        if (style.explain) {
            for (const ScorePart& p : h.explanation)
                out += ansi.wrap(
                    "2",
                    fmt::format("       {:<28} tf={:<4} len={:<6} idf={:.4f}  score={:.4f}\n",
                                visible(p.term), frequency_text(p.freq), p.length, p.idf, p.score));
        }
        out += "\n";
    }
    const std::string took =
        r.took_ms < 1 ? fmt::format("{:.2f} ms", r.took_ms) : fmt::format("{:.1f} ms", r.took_ms);
    if (r.total == 0) {
        out += fmt::format("no results for {}  ({})\n", shown_query, took);
        if (!r.suggestions.empty()) {
            std::string list;
            for (const auto& s : r.suggestions)
                list += fmt::format("{}{} (for {})", list.empty() ? "" : ", ",
                                    ansi.wrap("1", visible(s.correction)), visible(s.word));
            out += fmt::format("did you mean: {}\n", list);
        }
    } else {
        const std::string count =
            r.total_is_exact ? fmt::format("{}", r.total) : fmt::format("at least {}", r.total);
        const std::string shown =
            r.hits.empty() ? std::string("none shown")
                           : fmt::format("showing {}-{}", offset + 1, offset + r.hits.size());
        out += fmt::format("{} result{} for {}, {}  ({})\n", count, r.total == 1 ? "" : "s",
                           shown_query, shown, took);
    }
    return out;
}

std::string render_json(std::string_view query, const SearchResult& r, std::size_t offset,
                        bool explain) {
    // Keys in byte order: the order nlohmann::json (a std::map) wrote them
    // in before, so that scripts diffing outputs see no change.
    std::string text;
    JsonWriter w(text);
    w.begin_object();
    w.key("hits");
    w.begin_array();
    for (std::size_t i = 0; i < r.hits.size(); ++i) {
        const Hit& h = r.hits[i];
        w.begin_object();
        w.key("date");
        if (h.document.date == kNoDate)
            w.null();
        else
            w.value(format_timestamp(h.document.date));
        w.key("doc");
        w.value(h.doc);
        if (explain) {
            w.key("explain");
            w.begin_array();
            for (const ScorePart& p : h.explanation) {
                w.begin_object();
                w.key("idf");
                w.value(p.idf);
                w.key("length");
                w.value(p.length);
                w.key("score");
                w.value(p.score);
                w.key("term");
                w.value(p.term);
                w.key("tf");
                if (p.freq == std::floor(p.freq))
                    w.value(static_cast<std::uint64_t>(p.freq));
                else
                    w.value(p.freq);
                w.end_object();
            }
            w.end_array();
        }
        w.key("highlights");
        write_char_offsets(h.snippet, w);
        if (!h.index.empty()) {
            w.key("index");
            w.value(h.index);
        }
        if (h.document.line) {
            w.key("line");
            w.value(h.document.line);
        }
        w.key("path");
        w.value(h.document.path);
        w.key("rank");
        w.value(offset + i + 1);
        w.key("score");
        w.value(h.score);
        w.key("snippet");
        w.value(h.snippet.text);
        w.key("source");
        w.value(h.document.source);
        w.key("timestamp");
        if (h.document.date == kNoDate)
            w.null();
        else
            w.value(h.document.date);
        w.key("title");
        w.value(h.document.title);
        if (!h.document.url.empty()) {
            w.key("url");
            w.value(h.document.url);
        }
        w.end_object();
    }
    w.end_array();
    w.key("parsed");
    w.value(r.parsed);
    w.key("query");
    w.value(query);
    if (!r.suggestions.empty()) {
        w.key("suggestions");
        w.begin_array();
        for (const auto& x : r.suggestions) {
            w.begin_object();
            w.key("correction");
            w.value(x.correction);
            w.key("word");
            w.value(x.word);
            w.end_object();
        }
        w.end_array();
    }
    w.key("took_ms");
    w.value(std::round(r.took_ms * 1000) / 1000);
    w.key("total");
    w.value(r.total);
    w.key("total_exact");
    w.value(r.total_is_exact);
    if (!r.warnings.empty()) {
        w.key("warnings");
        w.begin_array();
        for (const auto& x : r.warnings) w.value(x);
        w.end_array();
    }
    w.end_object();
    return text;
}

}  // namespace scoop
