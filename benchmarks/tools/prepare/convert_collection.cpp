// convert_collection: a classic IR test collection, converted for the
// benchmarks (issue 5): its documents as articles, its human queries as
// a query set, its judgments as TREC qrels.
//
//   convert_collection --collection cacm|cranfield|time --data DIR
//                      --out-corpus docs.jsonl --out queries.jsonl --out-qrels qrels.txt
//
// DIR is the shared data folder (DIR/cacm/smart, DIR/cranfield, DIR/time).
// Documents become articles {"title", "body", ["date",] "source", "url"}
// with url "<collection>:<the collection's own doc id>" (integer, no
// leading zeros). Queries become
//   {"id": "cacm-12", "class": "Human", "op": "or", "words": [...], "query": "...",
//    "text": "..."}
// with the analysed words of the query text in order (repeats kept, as
// BM25 over a bag of query words sees them) and the text as its author
// wrote it, whitespace collapsed. Judgments are TREC qrels
// "QID 0 DOCNO REL" where QID is the query's "id" and DOCNO the article's
// "url", so a run built from searcher output needs no id mapping.
//   cacm:      smart/cacm.all; title .T; body .W (abstract), .K (keywords)
//              and .A (authors), one paragraph each; date from .B ("CACM
//              December, 1958" -> 1958-12-01). The .N, .X and .C fields are
//              bookkeeping and left out. Queries: .W plus .A (the text
//              Anserini's topics use). qrels.text, relevance 1.
//   cranfield: title .T, body .W (records 576 and 578 have two .W parts,
//              joined). Queries are numbered 1..225 by position in cran.qry,
//              as cranqrel numbers them (the .I numbers skip). cranqrel
//              codes are inverted grades: 1->4, 2->3, 3->2, 4->1, -1->0, so
//              trec_eval's default (rel > 0) counts codes 1-4 relevant.
//   time:      body = the text lines of each *TEXT record (no titles),
//              date from its mm/dd/yy; queries *FIND; judgments TIME.REL
//              (not TIME.REL.ALL), relevance 1. TIME.REL numbers documents

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"
#include "common/output_file.h"
#include "common/query_line.h"
#include "common/query_words.h"
#include "util/error.h"
#include "util/file.h"

namespace scoop {
namespace {

using Clock = std::chrono::steady_clock;

using bench::OutputFile;
using bench::query_line_json;
using bench::QueryWordCheck;

// ---------------------------------------------------------------------------
// Reading the collections

struct Document {
    std::uint64_t id = 0;
    std::string title;
    std::string body;
    std::optional<std::string> date;  // ISO 8601
};

struct HumanQuery {
    std::uint64_t number = 0;  // the number the judgments use
    std::string text;
};

struct Judgment {
    std::uint64_t query = 0;
    std::uint64_t doc = 0;
    int relevance = 1;
};

struct Collection {
    std::string name;    // url and id prefix
    std::string source;  // the articles' source field
    std::vector<Document> documents;
    std::vector<HumanQuery> queries;
    std::vector<Judgment> judgments;
};

std::vector<std::string> read_lines(const std::string& path) {
    const std::string text = read_file(path);
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string::npos) eol = text.size();
        std::string line = text.substr(pos, eol - pos);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(std::move(line));
        pos = eol + 1;
    }
    return lines;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::string collapse(std::string_view s) {
    std::string out;
    for (char c : trim(s)) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

std::uint64_t parse_id(std::string_view s, const std::string& where) {
    s = trim(s);
    std::uint64_t v = 0;
    if (s.empty() || s.size() > 18)
        throw Error(where + ": expected a number, found \"" + std::string(s) + "\"");
    for (char c : s) {
        if (c < '0' || c > '9')
            throw Error(where + ": expected a number, found \"" + std::string(s) + "\"");
        v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return v;
}

std::vector<std::string> split_ws(std::string_view s) {
    std::vector<std::string> out;
    std::istringstream in{std::string(s)};
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// SMART-format records: ".I n" starts one, ".X" alone on a line starts
// field X. Fields that occur twice in a record are joined.
struct SmartRecord {
    std::string id;
    std::map<char, std::vector<std::string>> fields;  // field -> its lines
};

std::vector<SmartRecord> read_smart(const std::string& path) {
    std::vector<SmartRecord> records;
    char field = 0;
    std::size_t line_number = 0;
    for (const std::string& line : read_lines(path)) {
        ++line_number;
        if (line.starts_with(".I ") || line == ".I") {
            records.emplace_back();
            records.back().id = std::string(trim(std::string_view(line).substr(2)));
            field = 0;
        } else if (line.size() == 2 && line[0] == '.' && line[1] >= 'A' && line[1] <= 'Z') {
            if (records.empty())
                throw Error(fmt::format("{}:{}: field before any .I", path, line_number));
            field = line[1];
            records.back().fields[field];
        } else if (!records.empty() && field != 0) {
            records.back().fields[field].push_back(line);
        }
    }
    return records;
}

std::string field_text(const SmartRecord& r, char field, std::string_view separator = "\n") {
    const auto it = r.fields.find(field);
    if (it == r.fields.end()) return {};
    std::string out;
    for (const auto& line : it->second) {
        const std::string_view t = trim(line);
        if (t.empty()) continue;
        if (!out.empty()) out += separator;
        out += t;
    }
    return out;
}

std::string iso_day(int year, int month, int day) {
    return fmt::format("{:04}-{:02}-{:02}T00:00:00Z", year, month, day);
}

// "CACM December, 1958" -> 1958-12-01.
std::optional<std::string> cacm_date(std::string_view b) {
    static constexpr std::array<std::string_view, 12> kMonths = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    for (std::size_t m = 0; m < kMonths.size(); ++m) {
        const std::size_t at = b.find(kMonths[m]);
        if (at == std::string_view::npos) continue;
        std::size_t i = at + kMonths[m].size();
        while (i < b.size() && (b[i] == ',' || b[i] == ' ')) ++i;
        if (i + 4 <= b.size() && std::all_of(b.begin() + static_cast<std::ptrdiff_t>(i),
                                             b.begin() + static_cast<std::ptrdiff_t>(i + 4),
                                             [](char c) { return c >= '0' && c <= '9'; })) {
            return iso_day(std::stoi(std::string(b.substr(i, 4))), static_cast<int>(m + 1), 1);
        }
    }
    return std::nullopt;
}

std::string paragraphs(std::initializer_list<std::string> parts) {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += "\n\n";
        out += p;
    }
    return out;
}

Collection load_cacm(const std::filesystem::path& data) {
    Collection c{"cacm", "CACM", {}, {}, {}};
    const std::string dir = (data / "cacm" / "smart").string();
    for (const SmartRecord& r : read_smart(dir + "/cacm.all")) {
        Document d;
        d.id = parse_id(r.id, dir + "/cacm.all .I");
        d.title = collapse(field_text(r, 'T', " "));
        d.body = paragraphs({field_text(r, 'W'), field_text(r, 'K'), field_text(r, 'A')});
        d.date = cacm_date(field_text(r, 'B', " "));
        c.documents.push_back(std::move(d));
    }
    for (const SmartRecord& r : read_smart(dir + "/query.text")) {
        c.queries.push_back({parse_id(r.id, dir + "/query.text .I"),
                             paragraphs({field_text(r, 'W'), field_text(r, 'A')})});
    }
    for (const std::string& line : read_lines(dir + "/qrels.text")) {
        const auto f = split_ws(line);
        if (f.empty()) continue;
        if (f.size() < 2) throw Error(dir + "/qrels.text: short line \"" + line + "\"");
        c.judgments.push_back(
            {parse_id(f[0], dir + "/qrels.text"), parse_id(f[1], dir + "/qrels.text"), 1});
    }
    return c;
}

Collection load_cranfield(const std::filesystem::path& data) {
    Collection c{"cranfield", "Cranfield", {}, {}, {}};
    const std::string dir = (data / "cranfield").string();
    for (const SmartRecord& r : read_smart(dir + "/cran.all.1400")) {
        Document d;
        d.id = parse_id(r.id, dir + "/cran.all.1400 .I");
        d.title = collapse(field_text(r, 'T', " "));
        d.body = field_text(r, 'W');
        c.documents.push_back(std::move(d));
    }
    // cranqrel numbers queries by position, not by their .I numbers.
    std::uint64_t position = 0;
    for (const SmartRecord& r : read_smart(dir + "/cran.qry"))
        c.queries.push_back({++position, field_text(r, 'W')});
    for (const std::string& line : read_lines(dir + "/cranqrel")) {
        const auto f = split_ws(line);
        if (f.empty()) continue;
        if (f.size() < 3) throw Error(dir + "/cranqrel: short line \"" + line + "\"");
        const int code = std::stoi(f[2]);
        const int relevance = code >= 1 && code <= 4 ? 5 - code : 0;
        c.judgments.push_back(
            {parse_id(f[0], dir + "/cranqrel"), parse_id(f[1], dir + "/cranqrel"), relevance});
    }
    return c;
}

Collection load_time(const std::filesystem::path& data) {
    Collection c{"time", "TIME", {}, {}, {}};
    const std::string dir = (data / "time").string();
    Document* doc = nullptr;
    for (const std::string& line : read_lines(dir + "/TIME.ALL")) {
        if (line.starts_with("*STOP")) break;
        if (line.starts_with("*TEXT")) {
            // "*TEXT 017 01/04/63 PAGE 020"
            const auto f = split_ws(line);
            if (f.size() < 2) throw Error(dir + "/TIME.ALL: bad record line \"" + line + "\"");
            c.documents.emplace_back();
            doc = &c.documents.back();
            doc->id = parse_id(f[1], dir + "/TIME.ALL");
            if (f.size() >= 3 && f[2].size() == 8 && f[2][2] == '/' && f[2][5] == '/') {
                const int month = std::stoi(f[2].substr(0, 2));
                const int day = std::stoi(f[2].substr(3, 2));
                const int year = 1900 + std::stoi(f[2].substr(6, 2));
                if (month >= 1 && month <= 12 && day >= 1 && day <= 31)
                    doc->date = iso_day(year, month, day);
            }
            continue;
        }
        if (!doc || trim(line).empty()) continue;
        if (!doc->body.empty()) doc->body += '\n';
        doc->body += trim(line);
    }
    HumanQuery* query = nullptr;
    for (const std::string& line : read_lines(dir + "/TIME.QUE")) {
        if (line.starts_with("*STOP")) break;
        if (line.starts_with("*FIND")) {
            c.queries.push_back(
                {parse_id(std::string_view(line).substr(5), dir + "/TIME.QUE"), {}});
            query = &c.queries.back();
            continue;
        }
        if (!query || trim(line).empty()) continue;
        if (!query->text.empty()) query->text += ' ';
        query->text += trim(line);
    }
    // TIME.REL numbers documents by their position in the original
    // 425-document collection, not by their *TEXT ids: judged documents
    // share the query's words at those positions (about half of the
    // query's longer words) and not at the *TEXT ids (no more than random
    // documents). This TIME.ALL lacks two of the 425, between *TEXT 498
    // (position 370) and *TEXT 501 (page 041 and ids 499-500 are missing);
    // judgments from position 380 on fit only when shifted down by two, and
    // none falls in between. So number n is the document at position n up
    // to 370, at n - 2 from 373, and 371-372 are the missing two.
    std::uint64_t gap_after = 0;
    std::uint64_t gap = 0;
    if (c.documents.size() == 423 && c.documents[369].id == 498 && c.documents[370].id == 501) {
        gap_after = 370;
        gap = 2;
    } else if (c.documents.size() != 425) {
        throw Error(
            fmt::format("{}/TIME.ALL: {} documents; expected the 423-document copy "
                        "(two missing after *TEXT 498) or all 425, which TIME.REL's "
                        "positional numbering needs",
                        dir, c.documents.size()));
    }
    for (const std::string& line : read_lines(dir + "/TIME.REL")) {
        const auto f = split_ws(line);
        if (f.empty()) continue;
        const std::uint64_t q = parse_id(f[0], dir + "/TIME.REL");
        for (std::size_t i = 1; i < f.size(); ++i) {
            std::uint64_t position = parse_id(f[i], dir + "/TIME.REL");
            if (gap && position > gap_after) {
                if (position <= gap_after + gap) {
                    fmt::print(stderr,
                               "convert_collection: TIME.REL: query {} judges document {}, "
                               "which this TIME.ALL lacks; left out\n",
                               q, position);
                    continue;
                }
                position -= gap;
            }
            if (position == 0 || position > c.documents.size())
                throw Error(fmt::format("{}/TIME.REL: query {}: no document at position {}", dir, q,
                                        position));
            c.judgments.push_back({q, c.documents[position - 1].id, 1});
        }
    }
    return c;
}

void convert(const std::string& name, const std::string& data, const std::string& corpus_path,
             const std::string& queries_path, const std::string& qrels_path) {
    const auto start = Clock::now();
    if (!std::filesystem::is_directory(data)) throw Error(data + ": no such folder (--data)");
    const Collection c = name == "cacm"        ? load_cacm(data)
                         : name == "cranfield" ? load_cranfield(data)
                                               : load_time(data);
    if (c.documents.empty() || c.queries.empty())
        throw Error(name + ": no documents or no queries found");

    std::set<std::uint64_t> doc_ids;
    std::size_t empty = 0;
    OutputFile corpus(corpus_path);
    for (const Document& d : c.documents) {
        if (!doc_ids.insert(d.id).second)
            throw Error(fmt::format("{}: document {} appears twice", name, d.id));
        // The text is ASCII in all three collections; a stray byte would
        // make dump() throw, which is the right failure.
        nlohmann::ordered_json j;
        j["title"] = d.title;
        j["body"] = d.body;
        if (d.date) j["date"] = *d.date;
        j["source"] = c.source;
        j["url"] = fmt::format("{}:{}", c.name, d.id);
        if (d.title.empty() && d.body.empty()) ++empty;
        corpus.line(j.dump());
    }
    corpus.close();

    Analyzer analyzer("english");
    QueryWordCheck analyses_back(analyzer);
    std::set<std::uint64_t> query_ids;
    std::size_t dropped = 0;
    std::size_t total_words = 0;
    OutputFile queries(queries_path);
    for (const HumanQuery& q : c.queries) {
        if (!query_ids.insert(q.number).second)
            throw Error(fmt::format("{}: query {} appears twice", name, q.number));
        std::vector<std::string> words;
        for (const Token& t : analyzer.analyze(q.text)) {
            if (analyses_back(t.word))
                words.push_back(t.word);
            else
                ++dropped;
        }
        if (words.empty()) throw Error(fmt::format("{}: query {} has no words", name, q.number));
        total_words += words.size();
        nlohmann::ordered_json line =
            query_line_json(fmt::format("{}-{}", c.name, q.number), "Human", "or", words);
        // The query as its author wrote it (hyphens, dots, brackets kept),
        // for measuring how the searcher reads such text.
        line["text"] = collapse(q.text);
        queries.line(line.dump());
    }
    queries.close();

    std::size_t unknown = 0;
    std::set<std::uint64_t> judged;
    OutputFile qrels(qrels_path);
    for (const Judgment& j : c.judgments) {
        if (!query_ids.count(j.query) || !doc_ids.count(j.doc)) {
            ++unknown;
            continue;
        }
        if (j.relevance > 0) judged.insert(j.query);
        qrels.line(fmt::format("{}-{} 0 {}:{} {}", c.name, j.query, c.name, j.doc, j.relevance));
    }
    qrels.close();
    if (unknown) {
        fmt::print(stderr,
                   "convert_collection: warning: {} judgments name a query or document that is "
                   "not in the collection; left out\n",
                   unknown);
    }
    if (dropped) {
        fmt::print(stderr,
                   "convert_collection: note: {} query tokens left out (they do not analyse back "
                   "to themselves)\n",
                   dropped);
    }
    fmt::print(
        stderr,
        "convert_collection: {}: {} documents{} -> {}; {} queries ({:.1f} words on average, {} "
        "with relevant documents) -> {}; {} judgments -> {}; {:.2f} s\n",
        name, c.documents.size(),
        empty ? fmt::format(" ({} empty: the indexer skips them)", empty) : std::string(),
        corpus_path, c.queries.size(), static_cast<double>(total_words) / c.queries.size(),
        judged.size(), queries_path, c.judgments.size() - unknown, qrels_path,
        std::chrono::duration<double>(Clock::now() - start).count());
}

int run(int argc, char** argv) {
    CLI::App app{
        "Convert a classic IR test collection for the benchmarks: its documents (JSON Lines), "
        "its human queries (a query set) and its judgments (TREC qrels)."};
    std::string collection, data, out_corpus, out_queries, out_qrels;
    app.add_option("--collection", collection, "The collection to convert")
        ->required()
        ->check(CLI::IsMember({"cacm", "cranfield", "time"}));
    app.add_option("--data", data, "Folder holding cacm/, cranfield/ and time/")->required();
    app.add_option("--out-corpus", out_corpus, "Output documents, JSON Lines")->required();
    app.add_option("--out,-o", out_queries, "Output query set, JSON Lines")->required();
    app.add_option("--out-qrels", out_qrels, "Output judgments, TREC qrels")->required();
    CLI11_PARSE(app, argc, argv);

    try {
        convert(collection, data, out_corpus, out_queries, out_qrels);
    } catch (const std::exception& e) {
        fmt::print(stderr, "convert_collection: {}\n", e.what());
        return 1;
    }
    return 0;
}

}  // namespace
}  // namespace scoop

int main(int argc, char** argv) {
    return scoop::run(argc, argv);
}
