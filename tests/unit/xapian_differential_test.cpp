// Differential test against Xapian, the reference engine DESIGN.md names
// ("What Xapian is for"): on random corpora, random query trees using every
// operator of docs/QUERY.md are answered by scoop (the query as a string,
// through Searcher) and by Xapian (a Xapian::Query built from the same tree
// by a translation written from docs/QUERY.md, not from scoop's parsed
// query), and both must match the same set of documents. The brute-force
// property test (search_property_test.cpp) checks the engine against a
// model; this one checks the meaning of the language against an
// independent implementation.
//
// Both engines get the same analysed terms: scoop's Analyzer runs once on
// each article and its tokens go to the IndexWriter and, laid out as the
// benchmark's Xapian engine lays them out (benchmarks/tools/engines/
// xapian_layout.h), to an in-memory Xapian database:
//   word        every text-field word with its position (the title's words
//               from 0, the body's after the title plus kFieldGap)
//   Z + stem    every text-field word's stem (title words with the title
//               weight as wdf)
//   S + word    every title word with its title position
//   ZS + stem   every title word's stem
// and the date, when there is one, in value slot 0 (sortable_serialise).
//
// Corpora: a Zipf vocabulary of word families with common function words
// (random_corpus.h), sometimes numbers; titles and bodies of random lengths,
// some empty; capitalised, possessive and hyphenated words; dates over a
// dozen years with boundary times and a few hot days, some around 1970,
// some documents without one. The index is written in several segments by
// explicit flushes, over several commits, with files (of one to three
// documents) deleted, sometimes whole segments, sometimes a full merge in
// between: deleted documents are absent from Xapian, and the statistics
// that decide a capped prefix expansion count them as scoop does (until
// their segment is merged away or dropped). Some words occur only in
// deleted documents, some nowhere.
//
// Queries: words (stems; title:word), "phrases" of one to four words (from
// the text, at random, with common and repeated words, across the
// title/body gap; title:"phrase"), prefix* and title:prefix*, date:YYYY,
// date:YYYY-MM, date:YYYY-MM-DD, date:A..B, open ranges, after:, before:,
// AND, OR, NOT, +required, -excluded, and groups nested a few levels,
// including groups of exclusions only. A few queries docs/QUERY.md makes
// errors of (only exclusions, an excluded side of OR) must be refused.
// Scoop's answer must also agree with itself: the exhaustive search's
// total, count(), and the pruned top 10 (only matches, as many as there
// are up to 10, a total never above the true one); a query that does not
// finish within two minutes aborts with its seed and text (watchdog.h).
// A mismatch is shrunk to a smaller query that still fails, and reported
// with the corpus seed, both query strings and the documents in one set
// and not the other.
//
// The suite runs a fixed budget (16 corpora x 125 queries; 8 x 125 under
// AddressSanitizer). By hand, for a long run:
//   SCOOP_DIFFERENTIAL_SEEDS=N        corpora to run
//   SCOOP_DIFFERENTIAL_SECONDS=T      or: new corpora until T seconds have passed
//   SCOOP_DIFFERENTIAL_QUERIES=M      queries per corpus (default 125)
//   SCOOP_DIFFERENTIAL_FIRST_SEED=S   seed of the first corpus (default 1);
//                                     with SEEDS=1, replays a reported seed
// e.g. SCOOP_DIFFERENTIAL_SECONDS=3600 build/bin/unit_tests
//          --gtest_filter='XapianDifferential.*'

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "index/index_reader.h"
#include "index/index_writer.h"
#include "index/segment_builder.h"
#include "index/term.h"
#include "ingest/document_analysis.h"
#include "query/query_parser.h"
#include "query/searcher.h"
#include "random_corpus.h"
#include "test_util.h"
#include "watchdog.h"

namespace scoop {
namespace {

using testing::Zipf;

// ---------------------------------------------------------------------------
// Calendar. Written here (H. Hinnant's civil-day algorithms) rather than
// taken from date_parser, so that the ranges Xapian filters by are
// computed independently of the query parser.

constexpr Timestamp kDay = 86400;

std::int64_t days_from_civil(int year, int month, int day) {
    year -= month <= 2;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto yoe = static_cast<int>(year - era * 400);
    const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct CivilDay {
    int year, month, day;
};

CivilDay civil_from_days(std::int64_t days) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const auto day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const auto month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2)), month,
            day};
}

CivilDay civil_of(Timestamp t) {
    return civil_from_days(t >= 0 ? t / kDay : (t - kDay + 1) / kDay);
}

int days_in_month(int year, int month) {
    const int next_year = month == 12 ? year + 1 : year, next_month = month == 12 ? 1 : month + 1;
    return static_cast<int>(days_from_civil(next_year, next_month, 1) -
                            days_from_civil(year, month, 1));
}

// A year, a month or a day, as a date query writes it: 2009, 2009-03,
// 2009-03-06 (or with '/').
struct Period {
    int year = 2000, month = 0, day = 0;  // 0: not given
    char separator = '-';

    std::string text() const {
        std::string s = fmt::format("{:04}", year);
        if (month) s += fmt::format("{}{:02}", separator, month);
        if (day) s += fmt::format("{}{:02}", separator, day);
        return s;
    }
    Timestamp first() const {
        return days_from_civil(year, month ? month : 1, day ? day : 1) * kDay;
    }
    // The last second of the period: the next one's start minus one.
    Timestamp last() const {
        if (day) return first() + kDay - 1;
        if (month)
            return days_from_civil(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1) *
                       kDay -
                   1;
        return days_from_civil(year + 1, 1, 1) * kDay - 1;
    }
};

std::string describe_date(Timestamp t) {
    if (t == kNoDate) return "no date";
    const CivilDay c = civil_of(t);
    const Timestamp s = t - days_from_civil(c.year, c.month, c.day) * kDay;
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", c.year, c.month, c.day, s / 3600,
                       s / 60 % 60, s % 60);
}

// ---------------------------------------------------------------------------
// Corpora as scripts of index operations, so that a hand-written corpus (a
// regression case) and a random one are built the same way.

struct DocumentSpec {
    std::string title, body;
    Timestamp date = kNoDate;
    std::uint64_t file = 0;  // the documents of one file are deleted together
};

struct Step {
    enum class Kind { kAdd, kFlush, kCommit, kDeleteFile, kMergeAll };
    Kind kind;
    DocumentSpec doc;        // kAdd
    std::uint64_t file = 0;  // kDeleteFile
};

struct CorpusScript {
    std::string name;  // "corpus seed 17": how failures name it
    std::vector<Step> steps;
    std::uint32_t title_weight = 2;
    std::size_t max_prefix_terms = 128;
    std::vector<std::string> vocabulary;   // most frequent first
    std::vector<std::string> ghost_words;  // only ever in documents that get deleted
};

// A document as both engines were given it.
struct DocumentRecord {
    DocumentSpec spec;
    TokenList title, body;  // scoop's analysis, fed to both engines
    bool deleted = false;
    // Still in a segment, so its terms count in scoop's document
    // frequencies (deleted or not): until a merge or the deletion of all
    // its segment's documents removes it.
    bool in_statistics = false;
};

Xapian::Document xapian_document(const DocumentRecord& d, std::uint32_t title_weight) {
    Xapian::Document doc;
    const auto body_offset = static_cast<Xapian::termpos>(d.title.size() + kFieldGap);
    for (const auto t : d.title) {
        const std::string word(t.word), stem(t.stem);
        doc.add_posting(word, t.position);
        doc.add_term("Z" + stem, title_weight);
        doc.add_posting("S" + word, t.position);
        doc.add_term("ZS" + stem);
    }
    for (const auto t : d.body) {
        doc.add_posting(std::string(t.word), body_offset + t.position);
        doc.add_term("Z" + std::string(t.stem));
    }
    if (d.spec.date != kNoDate)
        doc.add_value(0, Xapian::sortable_serialise(static_cast<double>(d.spec.date)));
    return doc;
}

class Corpus {
  public:
    explicit Corpus(CorpusScript script) : script_(std::move(script)) {}

    // Runs the script on a new scoop index and a new Xapian database, and
    // checks that the index has the segments and deletions the script
    // implies (what the prefix statistics below rely on).
    void build();

    const CorpusScript& script() const { return script_; }
    const std::vector<DocumentRecord>& documents() const { return documents_; }
    Searcher& searcher() { return *searcher_; }
    const Xapian::Database& xapian() const { return xapian_; }

    // Per word, the deleted documents holding it that scoop's statistics
    // still count (text words, or title words).
    const std::map<std::string, std::uint64_t>& uncollected_df(bool title) const {
        return title ? uncollected_title_df_ : uncollected_text_df_;
    }

    // Scoop's answer. Throws QueryError.
    struct ScoopAnswer {
        std::vector<std::uint32_t> documents;  // sorted record numbers
        std::string parsed;
        std::string problem;  // the engine disagreeing with itself
    };
    ScoopAnswer scoop_matches(const std::string& query);
    std::vector<std::uint32_t> xapian_matches(const Xapian::Query& query) const;

  private:
    CorpusScript script_;
    testing::TempDir dir_;
    std::vector<DocumentRecord> documents_;
    std::unique_ptr<Searcher> searcher_;
    std::vector<std::uint32_t> record_of_scoop_doc_;  // global document number -> record
    Xapian::WritableDatabase xapian_{std::string(), Xapian::DB_BACKEND_INMEMORY};
    std::map<std::string, std::uint64_t> uncollected_text_df_, uncollected_title_df_;
};

void Corpus::build() {
    using Segments = std::vector<std::vector<std::uint32_t>>;
    Segments committed, flushed;
    std::vector<std::uint32_t> open_segment;
    std::set<std::uint64_t> pending_deletes;
    auto end_segment = [&] {
        if (!open_segment.empty()) flushed.push_back(std::move(open_segment));
        open_segment.clear();
    };
    // What IndexWriter::commit does to the segments: deletions apply to
    // every committed document of the files, and a segment left with no
    // live document is dropped.
    auto commit = [&] {
        end_segment();
        for (auto& s : flushed) committed.push_back(std::move(s));
        flushed.clear();
        Segments kept;
        for (auto& segment : committed) {
            bool live = false;
            for (const std::uint32_t d : segment) {
                if (pending_deletes.count(documents_[d].spec.file)) documents_[d].deleted = true;
                live = live || !documents_[d].deleted;
            }
            if (live) kept.push_back(std::move(segment));
        }
        committed = std::move(kept);
        pending_deletes.clear();
    };

    Analyzer analyzer;
    {
        WriterOptions options;  // the default RAM budget: segments end where the script flushes
        options.title_weight = script_.title_weight;
        IndexWriter writer(dir_.str(), options);
        for (const Step& step : script_.steps) {
            switch (step.kind) {
                case Step::Kind::kAdd: {
                    const auto number = static_cast<std::uint32_t>(documents_.size());
                    Article article;
                    article.title = step.doc.title;
                    article.body = step.doc.body;
                    article.date = step.doc.date;
                    article.path = fmt::format("doc/{}", number);
                    const AnalyzedDocument doc = analyze_article(analyzer, article, step.doc.file);
                    writer.add(doc);
                    documents_.push_back({step.doc, doc.title, doc.body});
                    open_segment.push_back(number);
                    break;
                }
                case Step::Kind::kFlush:
                    writer.flush();
                    end_segment();
                    break;
                case Step::Kind::kCommit:
                    writer.commit();
                    commit();
                    break;
                case Step::Kind::kDeleteFile:
                    writer.delete_file_documents(step.file);
                    pending_deletes.insert(step.file);
                    break;
                case Step::Kind::kMergeAll: {
                    writer.merge(true);
                    commit();
                    bool needed = committed.size() > 1;
                    for (const auto& segment : committed)
                        for (const std::uint32_t d : segment)
                            needed = needed || documents_[d].deleted;
                    if (!needed) break;
                    std::vector<std::uint32_t> merged;
                    for (const auto& segment : committed)
                        for (const std::uint32_t d : segment)
                            if (!documents_[d].deleted) merged.push_back(d);
                    committed.clear();
                    if (!merged.empty()) committed.push_back(std::move(merged));
                    break;
                }
            }
        }
        writer.commit();
        commit();
    }

    searcher_ = std::make_unique<Searcher>(IndexReader::open(dir_.str()));
    const IndexReader& reader = searcher_->reader();
    ASSERT_EQ(reader.segments().size(), committed.size()) << "segments unlike the script's";
    for (std::size_t si = 0; si < committed.size(); ++si) {
        const Segment& segment = *reader.segments()[si];
        ASSERT_EQ(segment.doc_count(), committed[si].size()) << "segment " << si;
        ASSERT_EQ(reader.doc_base(si), record_of_scoop_doc_.size());
        StoredFieldsReader::BlockCache cache;
        for (std::uint32_t local = 0; local < segment.doc_count(); ++local) {
            const std::string path = segment.stored().document(local, cache, false).path;
            const std::uint32_t record = committed[si][local];
            ASSERT_EQ(path, fmt::format("doc/{}", record)) << "segment " << si << " doc " << local;
            ASSERT_EQ(segment.deleted(local), documents_[record].deleted) << path;
            record_of_scoop_doc_.push_back(record);
            documents_[record].in_statistics = true;
        }
    }

    for (const DocumentRecord& d : documents_) {
        xapian_.add_document(xapian_document(d, script_.title_weight));
        if (!d.deleted || !d.in_statistics) continue;
        std::set<std::string> text_words, title_words;
        for (const auto t : d.title) {
            text_words.emplace(t.word);
            title_words.emplace(t.word);
        }
        for (const auto t : d.body) text_words.emplace(t.word);
        for (const auto& w : text_words) ++uncollected_text_df_[w];
        for (const auto& w : title_words) ++uncollected_title_df_[w];
    }
    for (std::size_t i = 0; i < documents_.size(); ++i)
        if (documents_[i].deleted) xapian_.delete_document(static_cast<Xapian::docid>(i + 1));
    xapian_.commit();
}

Corpus::ScoopAnswer Corpus::scoop_matches(const std::string& query) {
    ScoopAnswer answer;
    SearchOptions all;
    all.limit = record_of_scoop_doc_.size() + 1;
    all.exhaustive = true;
    all.exact_total = true;
    all.snippets = false;
    all.load_documents = false;
    all.suggest = false;
    all.max_prefix_terms = script_.max_prefix_terms;
    // Xapian's query is every word of scoop's: common words kept.
    all.common_word_weight = 1.0;
    const SearchResult result = searcher_->search(query, all);
    answer.parsed = result.parsed;
    for (const Hit& h : result.hits) answer.documents.push_back(record_of_scoop_doc_[h.doc]);
    std::sort(answer.documents.begin(), answer.documents.end());
    const std::set<std::uint32_t> matches(answer.documents.begin(), answer.documents.end());

    if (matches.size() != answer.documents.size())
        answer.problem = "the exhaustive search returned a document twice";
    else if (result.total != answer.documents.size() || !result.total_is_exact)
        answer.problem = fmt::format("the exhaustive search counted {} matches and returned {}",
                                     result.total, answer.documents.size());
    else if (const std::uint64_t n = searcher_->count(query, all); n != answer.documents.size())
        answer.problem =
            fmt::format("count() says {}, the exhaustive search {}", n, answer.documents.size());
    if (!answer.problem.empty()) return answer;

    // The pruned top 10 may count fewer, but never anything else.
    SearchOptions top = all;
    top.limit = 10;
    top.exhaustive = false;
    top.exact_total = false;
    top.exact_total_up_to = 0;
    const SearchResult pruned = searcher_->search(query, top);
    for (const Hit& h : pruned.hits)
        if (!matches.count(record_of_scoop_doc_[h.doc]))
            answer.problem = fmt::format("the pruned top 10 holds doc/{}, not a match",
                                         record_of_scoop_doc_[h.doc]);
    if (pruned.hits.size() != std::min<std::size_t>(10, matches.size()))
        answer.problem = fmt::format("the pruned top 10 holds {} of {} matches", pruned.hits.size(),
                                     matches.size());
    if (pruned.total > matches.size() || (pruned.total_is_exact && pruned.total != matches.size()))
        answer.problem =
            fmt::format("the pruned search counted {} ({}), the exhaustive one {}", pruned.total,
                        pruned.total_is_exact ? "exact" : "lower bound", matches.size());
    return answer;
}

std::vector<std::uint32_t> Corpus::xapian_matches(const Xapian::Query& query) const {
    Xapian::Enquire enquire(xapian_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    const Xapian::doccount n = xapian_.get_doccount();
    const Xapian::MSet mset = enquire.get_mset(0, n, n);
    std::vector<std::uint32_t> out;
    for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(*it - 1);
    std::sort(out.begin(), out.end());
    return out;
}

// ---------------------------------------------------------------------------
// Query trees: what a query string means, in the grammar of docs/QUERY.md.

enum class Modifier { kNone, kRequired, kExcluded, kNot };  // -, +, NOT in front

bool excluding(Modifier m) {
    return m == Modifier::kExcluded || m == Modifier::kNot;
}

struct Node {
    enum class Kind { kWord, kPhrase, kPrefix, kDate, kGroup, kAnd, kOr };
    explicit Node(Kind k = Kind::kWord) : kind(k) {}

    Kind kind;
    Modifier modifier = Modifier::kNone;  // only on leaves and groups, in a group or an AND
    bool title = false;                   // title:
    // kWord: the word as typed; kPhrase: its words, space-separated;
    // kPrefix: what comes before '*'; kDate: the whole date:/after:/before: term.
    std::string text;
    bool typographic_quotes = false;
    std::optional<Timestamp> from, to;  // kDate, both ends included
    std::vector<Node> children;         // kGroup: clauses; kAnd, kOr: operands

    bool leaf() const { return kind != Kind::kGroup && kind != Kind::kAnd && kind != Kind::kOr; }
};

using Kind = Node::Kind;

// A group of exclusions only ("(-a -b)"), counting groups of exclusions in
// it as exclusions: in a group or an AND it excludes from that instead.
bool only_excludes(const Node& n) {
    if (n.kind != Kind::kGroup) return false;
    return std::all_of(n.children.begin(), n.children.end(), [](const Node& c) {
        return excluding(c.modifier) || (c.modifier == Modifier::kNone && only_excludes(c));
    });
}

bool searches_something(const Node& clause) {
    return !excluding(clause.modifier) &&
           !(clause.modifier == Modifier::kNone && only_excludes(clause));
}

enum class Place { kTop, kClause, kAndOperand, kOrOperand };

// Whether the parser must accept the tree: docs/QUERY.md's errors (only
// exclusions, an excluded side of OR), and the parser's rules for the
// rest (no '+' or date as a side of OR, no exclusion of an exclusion).
bool valid(const Node& n, Place place) {
    if (place == Place::kOrOperand && n.modifier != Modifier::kNone) return false;
    if ((n.kind == Kind::kAnd || n.kind == Kind::kOr) && n.modifier != Modifier::kNone)
        return false;
    switch (n.kind) {
        case Kind::kDate:
            return place != Place::kOrOperand;
        case Kind::kWord:
        case Kind::kPhrase:
        case Kind::kPrefix:
            return true;
        case Kind::kGroup:
            if (n.children.empty()) return false;
            if (only_excludes(n) && (n.modifier != Modifier::kNone || place == Place::kTop ||
                                     place == Place::kOrOperand))
                return false;
            return std::all_of(n.children.begin(), n.children.end(),
                               [](const Node& c) { return valid(c, Place::kClause); });
        case Kind::kAnd:
            if (n.children.size() < 2 || place == Place::kAndOperand) return false;
            return std::all_of(n.children.begin(), n.children.end(),
                               [](const Node& c) {
                                   return c.kind != Kind::kAnd && c.kind != Kind::kOr &&
                                          valid(c, Place::kAndOperand);
                               }) &&
                   std::any_of(n.children.begin(), n.children.end(), searches_something);
        case Kind::kOr:
            if (n.children.size() < 2 || place == Place::kAndOperand || place == Place::kOrOperand)
                return false;
            return std::all_of(n.children.begin(), n.children.end(), [](const Node& c) {
                return c.kind != Kind::kOr && valid(c, Place::kOrOperand);
            });
    }
    return false;
}

bool valid_query(const Node& top) {
    return top.kind == Kind::kGroup && top.modifier == Modifier::kNone && valid(top, Place::kTop);
}

std::string render(const Node& n) {
    std::string out;
    switch (n.modifier) {
        case Modifier::kNone:
            break;
        case Modifier::kRequired:
            out = "+";
            break;
        case Modifier::kExcluded:
            out = "-";
            break;
        case Modifier::kNot:
            out = "NOT ";
            break;
    }
    if (n.title) out += "title:";
    auto join = [&](std::string_view separator) {
        std::string s;
        for (const Node& c : n.children) {
            if (!s.empty()) s += separator;
            s += render(c);
        }
        return s;
    };
    switch (n.kind) {
        case Kind::kWord:
        case Kind::kDate:
            return out + n.text;
        case Kind::kPhrase:
            return n.typographic_quotes ? out + "\u201C" + n.text + "\u201D"
                                        : out + "\"" + n.text + "\"";
        case Kind::kPrefix:
            return out + n.text + "*";
        case Kind::kGroup:
            return out + "(" + join(" ") + ")";
        case Kind::kAnd:
            return join(" AND ");
        case Kind::kOr:
            return join(" OR ");
    }
    return out;
}

// The top level is a group without its parentheses.
std::string render_query(const Node& top) {
    std::string s;
    for (const Node& c : top.children) s += (s.empty() ? "" : " ") + render(c);
    return s;
}

// ---------------------------------------------------------------------------
// The translation into Xapian: docs/QUERY.md's meaning of each construct.

class XapianTranslation {
  public:
    XapianTranslation(const Corpus& corpus, Analyzer& analyzer)
        : corpus_(corpus), analyzer_(analyzer) {}

    Xapian::Query operator()(const Node& n) const {
        switch (n.kind) {
            case Kind::kWord:
                return word(n);
            case Kind::kPhrase:
                return phrase(n.text, n.title);
            case Kind::kPrefix:
                return prefix(n);
            case Kind::kDate:
                return date(n);
            case Kind::kGroup:
            case Kind::kAnd: {
                Clauses clauses;
                for (const Node& c : n.children) add(clauses, c, n.kind == Kind::kAnd);
                return clauses.combine();
            }
            case Kind::kOr: {
                std::vector<Xapian::Query> sides;
                for (const Node& c : n.children) sides.push_back((*this)(c));
                return any(sides);
            }
        }
        return {};
    }

  private:
    static Xapian::Query any(const std::vector<Xapian::Query>& q) {
        return Xapian::Query(Xapian::Query::OP_OR, q.begin(), q.end());
    }
    static Xapian::Query all(const std::vector<Xapian::Query>& q) {
        return Xapian::Query(Xapian::Query::OP_AND, q.begin(), q.end());
    }

    struct Clauses {
        std::vector<Xapian::Query> required, optional, excluded, dates;

        Xapian::Query combine() const {
            std::vector<Xapian::Query> needed = required;
            // Plain words are optional next to +words ("+iran missile") but
            // not next to dates alone: "iran date:2009" is iran, within 2009.
            if (required.empty() && !optional.empty()) needed.push_back(any(optional));
            Xapian::Query q = needed.empty() ? Xapian::Query::MatchAll : all(needed);
            if (!dates.empty()) q = Xapian::Query(Xapian::Query::OP_FILTER, q, all(dates));
            if (!excluded.empty()) q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, any(excluded));
            return q;
        }
    };

    // `part` in a group, or as an operand of AND (where plain means required).
    void add(Clauses& clauses, const Node& part, bool in_and) const {
        if (part.modifier == Modifier::kNone && only_excludes(part)) {
            for (const Node& c : part.children) add(clauses, c, false);  // "a AND (-b)": a -b
            return;
        }
        Xapian::Query q = (*this)(part);
        if (excluding(part.modifier))
            clauses.excluded.push_back(std::move(q));
        else if (part.kind == Kind::kDate)
            clauses.dates.push_back(std::move(q));  // "+date:2009" is the same filter
        else if (in_and || part.modifier == Modifier::kRequired)
            clauses.required.push_back(std::move(q));
        else
            clauses.optional.push_back(std::move(q));
    }

    // A word is its stem; one that analyses into several words (S-300,
    // vark-zop) is the phrase of them.
    Xapian::Query word(const Node& n) const {
        const std::vector<Token> tokens = analyzer_.analyze(n.text);
        if (tokens.size() != 1) return phrase(n.text, n.title);
        return Xapian::Query((n.title ? "ZS" : "Z") + tokens[0].stem);
    }

    // The folded words at consecutive positions; one word is that exact word.
    Xapian::Query phrase(const std::string& text, bool title) const {
        std::vector<std::string> terms;
        for (const Token& t : analyzer_.analyze(text)) terms.push_back((title ? "S" : "") + t.word);
        if (terms.size() == 1) return Xapian::Query(terms[0]);
        return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                             static_cast<Xapian::termcount>(terms.size()));
    }

    // Every indexed word starting with the prefix; past the cap, the most
    // frequent ones, ties in byte order. Frequencies as scoop counts them:
    // deleted documents count until their segment goes.
    Xapian::Query prefix(const Node& n) const {
        const std::vector<Token> tokens = analyzer_.analyze(n.text);
        const std::string& start = tokens.at(0).word;
        const std::string term_prefix = (n.title ? "S" : "") + start;
        std::map<std::string, std::uint64_t> df;
        const Xapian::Database& db = corpus_.xapian();
        // The database's frequency, not the term iterator's: the in-memory
        // backend's iterator still counts documents deleted since.
        for (auto it = db.allterms_begin(term_prefix); it != db.allterms_end(term_prefix); ++it)
            df[*it] += db.get_termfreq(*it);
        for (const auto& [word, count] : corpus_.uncollected_df(n.title))
            if (word.starts_with(start)) df[(n.title ? "S" : "") + word] += count;
        std::vector<std::pair<std::string, std::uint64_t>> words;
        for (const auto& [term, count] : df)
            if (count > 0) words.emplace_back(term, count);
        const std::size_t cap = corpus_.script().max_prefix_terms;
        if (words.size() > cap) {
            std::stable_sort(words.begin(), words.end(),
                             [](const auto& a, const auto& b) { return a.second > b.second; });
            words.resize(cap);
        }
        std::vector<Xapian::Query> terms;
        for (const auto& [term, _] : words) terms.emplace_back(term);
        return any(terms);
    }

    static Xapian::Query date(const Node& n) {
        if (n.from && n.to)
            return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, 0, serialise(*n.from),
                                 serialise(*n.to));
        if (n.from) return Xapian::Query(Xapian::Query::OP_VALUE_GE, 0, serialise(*n.from));
        return Xapian::Query(Xapian::Query::OP_VALUE_LE, 0, serialise(*n.to));
    }
    static std::string serialise(Timestamp t) {
        return Xapian::sortable_serialise(static_cast<double>(t));
    }

    const Corpus& corpus_;
    Analyzer& analyzer_;
};

// ---------------------------------------------------------------------------
// Random corpora.

const char* const kNumbers[] = {"300", "1992", "97", "2009", "7"};
const char* const kGhostWords[] = {"qox", "qoxs", "qoxing", "wyq"};  // only in deleted documents
const char* const kAbsentWords[] = {"xqz", "yxxing", "qqs"};         // nowhere

CorpusScript random_corpus_script(std::uint32_t seed) {
    std::mt19937 rng(seed);
    CorpusScript script;
    script.name = fmt::format("corpus seed {}", seed);
    const std::size_t documents = 30 + rng() % 470;
    script.vocabulary = testing::make_vocabulary(rng, 20 + rng() % 280);
    if (rng() % 2)
        for (const char* n : kNumbers)
            script.vocabulary.insert(
                script.vocabulary.begin() +
                    static_cast<std::ptrdiff_t>(rng() % script.vocabulary.size()),
                n);
    script.ghost_words.assign(std::begin(kGhostWords), std::end(kGhostWords));
    script.title_weight = 1 + rng() % 3;
    // Mostly the default; sometimes a cap that prefixes reach, so that the
    // choice of the most frequent words is compared too.
    script.max_prefix_terms = rng() % 3 == 0 ? 1 + rng() % 10 : 128;
    const Zipf zipf(script.vocabulary.size(), 0.8 + static_cast<double>(rng() % 60) / 100);

    std::vector<std::int64_t> hot_days;
    for (int i = 0; i < 4; ++i)
        hot_days.push_back(days_from_civil(2000 + static_cast<int>(rng() % 12),
                                           1 + static_cast<int>(rng() % 12),
                                           1 + static_cast<int>(rng() % 28)));
    auto random_date = [&]() -> Timestamp {
        if (rng() % 7 == 0) return kNoDate;
        std::int64_t day;
        const unsigned r = rng() % 100;
        if (r < 15) {
            day = hot_days[rng() % hot_days.size()];
        } else if (r < 20) {
            day = days_from_civil(1969, 12, 30) + static_cast<std::int64_t>(rng() % 4);
        } else if (r < 30) {  // the first or last day of a month
            const int y = 2000 + static_cast<int>(rng() % 12), m = 1 + static_cast<int>(rng() % 12);
            day = days_from_civil(y, m, rng() % 2 ? 1 : days_in_month(y, m));
        } else {
            day = days_from_civil(2000, 1, 1) + static_cast<std::int64_t>(rng() % (12 * 365 + 3));
        }
        const unsigned t = rng() % 10;
        const Timestamp second = t < 2   ? 0
                                 : t < 4 ? kDay - 1
                                         : static_cast<Timestamp>(rng() % kDay);
        return day * kDay + second;
    };

    // What becomes of each file: kept, deleted after the first commit,
    // with the second batch of additions, or at the very end.
    enum Fate { kKept, kDeletedFirst, kDeletedWithAdds, kDeletedLast };
    std::vector<Fate> fate_of_file(1, kKept);  // file ids start at 1
    std::vector<DocumentSpec> docs;
    const std::size_t first_batch = documents * (50 + rng() % 41) / 100;
    while (docs.size() < documents) {
        const std::uint64_t file = fate_of_file.size();
        const bool first = docs.size() < first_batch;
        const unsigned f = rng() % 100;
        const Fate fate = f < 75   ? kKept
                          : !first ? kDeletedLast
                          : f < 85 ? kDeletedFirst
                          : f < 92 ? kDeletedWithAdds
                                   : kDeletedLast;
        fate_of_file.push_back(fate);
        const std::size_t in_file = rng() % 7 == 0 ? 2 + rng() % 2 : 1;
        for (std::size_t k = 0; k < in_file && docs.size() < documents; ++k) {
            auto text = [&](std::size_t count) {
                std::string s;
                for (std::size_t i = 0; i < count; ++i) {
                    std::string w = script.vocabulary[zipf(rng)];
                    const unsigned d = rng() % 100;
                    if (d < 10) w[0] = static_cast<char>(std::toupper(w[0]));
                    if (d >= 10 && d < 13) w += "'s";
                    s += w;
                    const unsigned sep = rng() % 100;
                    s += i + 1 == count ? ""
                         : sep < 3      ? "-"
                         : sep < 6      ? ", "
                         : sep < 8      ? ". "
                                        : " ";
                }
                return s;
            };
            const unsigned t = rng() % 100, b = rng() % 100;
            DocumentSpec doc;
            doc.file = file;
            doc.title = text(t < 5 ? 0 : 1 + rng() % 8);
            doc.body = text(b < 4 ? 0 : b < 9 ? 100 + rng() % 200 : 1 + rng() % 60);
            doc.date = random_date();
            if (fate != kKept && rng() % 3 == 0) {
                std::string& field = rng() % 3 == 0 ? doc.title : doc.body;
                field += std::string(field.empty() ? "" : " ") +
                         script.ghost_words[rng() % script.ghost_words.size()];
            }
            docs.push_back(std::move(doc));
        }
    }

    auto add = [&](const DocumentSpec& d) { script.steps.push_back({Step::Kind::kAdd, d}); };
    auto step = [&](Step::Kind kind, std::uint64_t file = 0) {
        script.steps.push_back({kind, {}, file});
    };
    auto delete_files = [&](Fate fate) {
        for (std::uint64_t f = 1; f < fate_of_file.size(); ++f)
            if (fate_of_file[f] == fate) step(Step::Kind::kDeleteFile, f);
    };
    // Segments of 5 to 150 documents, sometimes 200 to 400 so that lists
    // span several blocks of 128 in a segment; returns where each starts.
    auto add_in_segments = [&](std::size_t from, std::size_t to) {
        std::vector<std::size_t> starts;
        for (std::size_t i = from; i < to;) {
            starts.push_back(i);
            const std::size_t size = rng() % 7 == 0 ? 200 + rng() % 201 : 5 + rng() % 146;
            const std::size_t end = std::min(to, i + size);
            for (; i < end; ++i) add(docs[i]);
            step(Step::Kind::kFlush);
        }
        return starts;
    };

    const std::vector<std::size_t> starts = add_in_segments(0, first_batch);
    step(Step::Kind::kCommit);
    // Sometimes a whole segment goes, which drops it from the index.
    if (rng() % 5 == 0 && starts.size() > 1) {
        const std::size_t s = rng() % (starts.size() - 1);
        for (std::size_t i = starts[s]; i < starts[s + 1]; ++i)
            fate_of_file[docs[i].file] = kDeletedFirst;
    }
    delete_files(kDeletedFirst);
    step(Step::Kind::kCommit);
    if (rng() % 4 == 0) step(Step::Kind::kMergeAll);
    delete_files(kDeletedWithAdds);
    add_in_segments(first_batch, docs.size());
    step(Step::Kind::kCommit);
    delete_files(kDeletedLast);
    step(Step::Kind::kCommit);
    return script;
}

// ---------------------------------------------------------------------------
// Random queries.

class QueryGenerator {
  public:
    QueryGenerator(const Corpus& corpus, Analyzer& analyzer, std::mt19937& rng)
        : corpus_(corpus),
          analyzer_(analyzer),
          rng_(rng),
          common_(std::min<std::size_t>(30, corpus.script().vocabulary.size())) {
        for (const DocumentRecord& d : corpus.documents())
            if (d.spec.date != kNoDate) dates_.push_back(d.spec.date);
    }

    // A query the parser must accept.
    Node query() {
        for (;;) {
            Node top = group(0, 1 + rng_() % 4);
            if (valid_query(top)) return top;
        }
    }

    // A query docs/QUERY.md makes an error of: only exclusions, or an
    // excluded side of OR.
    Node erroneous_query() {
        Node top{Kind::kGroup};
        if (rng_() % 2) {
            const std::size_t n = 1 + rng_() % 3;
            for (std::size_t i = 0; i < n; ++i) {
                Node c = rng_() % 4 ? leaf(true) : group(2, 1 + rng_() % 2);
                c.modifier = rng_() % 2 ? Modifier::kExcluded : Modifier::kNot;
                if (c.kind == Kind::kGroup && only_excludes(c)) c.modifier = Modifier::kNone;
                top.children.push_back(std::move(c));
            }
        } else {
            Node either{Kind::kOr};
            either.children = {leaf(false), leaf(false)};
            either.children[rng_() % 2].modifier = Modifier::kExcluded;
            top.children.push_back(std::move(either));
        }
        return top;
    }

  private:
    std::size_t pick(std::size_t n) { return rng_() % n; }
    bool chance(unsigned percent) { return rng_() % 100 < percent; }

    Modifier modifier() {
        const unsigned r = rng_() % 100;
        return r < 62   ? Modifier::kNone
               : r < 75 ? Modifier::kRequired
               : r < 90 ? Modifier::kExcluded
                        : Modifier::kNot;
    }

    Node group(int depth, std::size_t clauses) {
        Node g{Kind::kGroup};
        // A group of exclusions only, lifted into its parent.
        const bool exclusions = depth > 0 && chance(8);
        for (std::size_t i = 0; i < clauses; ++i) {
            Node c = clause(depth + 1);
            if (exclusions && (c.leaf() || c.kind == Kind::kGroup))
                c.modifier = chance(50) ? Modifier::kExcluded : Modifier::kNot;
            g.children.push_back(std::move(c));
        }
        return g;
    }

    Node clause(int depth) {
        const unsigned r = rng_() % 100;
        if (r < 14) return and_node(depth);
        if (r < 26) return or_node(depth);
        if (r < 36 && depth < 4) {
            Node g = group(depth, 1 + rng_() % 3);
            g.modifier = modifier();
            return g;
        }
        Node l = leaf(true);
        l.modifier = modifier();
        return l;
    }

    Node and_node(int depth) {
        Node a{Kind::kAnd};
        const std::size_t n = 2 + rng_() % 2;
        for (std::size_t i = 0; i < n; ++i) {
            Node part = depth < 4 && chance(20) ? group(depth, 1 + rng_() % 3) : leaf(true);
            part.modifier = chance(70) ? Modifier::kNone : modifier();
            a.children.push_back(std::move(part));
        }
        return a;
    }

    Node or_node(int depth) {
        Node o{Kind::kOr};
        const std::size_t n = 2 + rng_() % 2;
        for (std::size_t i = 0; i < n; ++i) {
            const unsigned r = rng_() % 100;
            if (r < 15 && depth < 4)
                o.children.push_back(and_node(depth + 1));
            else if (r < 27 && depth < 4)
                o.children.push_back(group(depth, 1 + rng_() % 3));
            else
                o.children.push_back(leaf(false));
        }
        return o;
    }

    Node leaf(bool date_allowed) {
        const unsigned r = rng_() % 100;
        if (r < 45) return word();
        if (r < 70) return phrase();
        if (r < 80) return prefix();
        if (r < 93 && date_allowed) return date();
        return word();
    }

    // A vocabulary word: mostly a frequent one, as people search.
    std::string vocabulary_word() {
        const auto& v = corpus_.script().vocabulary;
        return chance(65) ? v[pick(common_)] : v[pick(v.size())];
    }

    // The analysed words of a random document's title or body (deleted
    // documents' too).
    std::vector<std::string> text_words(bool title) {
        const auto& docs = corpus_.documents();
        const DocumentRecord& d = docs[pick(docs.size())];
        std::vector<std::string> words;
        for (const auto t : title ? d.title : d.body) words.emplace_back(t.word);
        return words;
    }

    std::string capitalised(std::string w) {
        if (!w.empty() && chance(12)) w[0] = static_cast<char>(std::toupper(w[0]));
        return w;
    }

    Node word() {
        Node n{Kind::kWord};
        n.title = chance(15);
        const unsigned r = rng_() % 100;
        if (r < 60) {
            n.text = vocabulary_word();
        } else if (r < 70) {
            const auto words = text_words(n.title);
            n.text = words.empty() ? vocabulary_word() : words[pick(words.size())];
        } else if (r < 75) {
            n.text = corpus_.script().ghost_words[pick(corpus_.script().ghost_words.size())];
        } else if (r < 80) {
            n.text = kAbsentWords[pick(std::size(kAbsentWords))];
        } else if (r < 87) {  // a word family's other members, matched by stem
            n.text = vocabulary_word() + (chance(50) ? "s" : "ing");
        } else if (r < 92) {
            n.text = vocabulary_word() + "'s";
        } else {  // hyphenated: the phrase of its words
            const auto words = text_words(n.title);
            if (words.size() >= 2 && chance(70)) {
                const std::size_t i = pick(words.size() - 1);
                n.text = words[i] + "-" + words[i + 1];
            } else {
                n.text = vocabulary_word() + "-" + vocabulary_word();
            }
        }
        n.text = capitalised(n.text);
        return n;
    }

    Node phrase() {
        Node n{Kind::kPhrase};
        n.title = chance(20);
        n.typographic_quotes = chance(10);
        std::vector<std::string> words;
        const std::size_t length = chance(12) ? 1 : 2 + pick(3);
        const unsigned r = rng_() % 100;
        if (r < 50) {  // from a text: it occurs
            const auto text = text_words(n.title);
            if (!text.empty()) {
                const std::size_t len = std::min(length, text.size());
                const std::size_t start = pick(text.size() - len + 1);
                words.assign(text.begin() + static_cast<std::ptrdiff_t>(start),
                             text.begin() + static_cast<std::ptrdiff_t>(start + len));
            }
        } else if (r < 60 && !n.title) {  // across the end of the title and the start of the body
            const auto& docs = corpus_.documents();
            const DocumentRecord& d = docs[pick(docs.size())];
            if (!d.title.empty() && !d.body.empty()) {
                words.emplace_back(d.title[d.title.size() - 1].word);
                words.emplace_back(d.body[0].word);
            }
        } else if (r < 72) {  // a repeated word
            const std::string w = chance(50) ? "the" : vocabulary_word();
            words = {w, w};
            if (chance(40)) words.insert(words.begin() + 1, vocabulary_word());
        } else if (r < 82) {  // common words only
            const char* common[] = {"the", "of", "to", "in", "and", "a", "which"};
            for (std::size_t i = 0; i < std::max<std::size_t>(length, 2); ++i)
                words.emplace_back(common[pick(std::size(common))]);
        }
        if (words.empty())
            for (std::size_t i = 0; i < length; ++i) words.push_back(vocabulary_word());
        for (const auto& w : words) n.text += (n.text.empty() ? "" : " ") + capitalised(w);
        return n;
    }

    Node prefix() {
        Node n{Kind::kPrefix};
        n.title = chance(20);
        for (;;) {
            if (chance(5)) {
                n.text = std::string(kAbsentWords[pick(std::size(kAbsentWords))]).substr(0, 2);
            } else {
                const auto text = text_words(n.title);
                const std::string w =
                    text.empty() || chance(50) ? vocabulary_word() : text[pick(text.size())];
                n.text = capitalised(w.substr(0, 1 + pick(std::min<std::size_t>(w.size(), 4))));
            }
            if (analyzer_.analyze(n.text).size() == 1) return n;
        }
    }

    // A period people would ask about: mostly one in which some document
    // is dated.
    Period period() {
        Period p;
        if (!dates_.empty() && chance(75)) {
            const CivilDay c = civil_of(dates_[pick(dates_.size())]);
            p = {c.year, c.month, c.day};
        } else {
            p.year = 1968 + static_cast<int>(pick(46));
            p.month = 1 + static_cast<int>(pick(12));
            p.day = 1 + static_cast<int>(
                            pick(static_cast<std::size_t>(days_in_month(p.year, p.month))));
        }
        const unsigned g = rng_() % 3;
        if (g == 0) p.month = p.day = 0;
        if (g == 1) p.day = 0;
        if (chance(10)) p.separator = '/';
        return p;
    }

    Node date() {
        Node n{Kind::kDate};
        const unsigned r = rng_() % 100;
        if (r < 35) {
            const Period p = period();
            n.text = "date:" + p.text();
            n.from = p.first();
            n.to = p.last();
        } else if (r < 60) {
            Period a = period(), b = period();
            if (a.first() > b.last()) std::swap(a, b);
            n.text = "date:" + a.text() + ".." + b.text();
            n.from = a.first();
            n.to = b.last();
        } else if (r < 70) {
            const Period p = period();
            if (chance(50)) {
                n.text = "date:" + p.text() + "..";
                n.from = p.first();
            } else {
                n.text = "date:.." + p.text();
                n.to = p.last();
            }
        } else if (r < 85) {
            const Period p = period();
            n.text = "after:" + p.text();
            n.from = p.first();  // on that day or later
        } else {
            const Period p = period();
            n.text = "before:" + p.text();
            n.to = p.first() - 1;  // strictly before
        }
        return n;
    }

    const Corpus& corpus_;
    Analyzer& analyzer_;
    std::mt19937& rng_;
    std::size_t common_;
    std::vector<Timestamp> dates_;
};

// ---------------------------------------------------------------------------
// Comparing, shrinking, reporting.

struct Outcome {
    std::string query;
    std::string parsed;
    std::string xapian;
    std::vector<std::uint32_t> scoop_only, xapian_only;
    std::string problem;  // empty: the engines agree
    std::size_t matches = 0;
};

std::vector<std::uint32_t> difference(const std::vector<std::uint32_t>& a,
                                      const std::vector<std::uint32_t>& b) {
    std::vector<std::uint32_t> out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

// A query that never finishes (a pruning loop that stops advancing, say)
// fails with its seed and text instead of leaving the suite to its timeout.
testing::Watchdog& watchdog() {
    static testing::Watchdog dog(120);
    return dog;
}

Outcome compare(Corpus& corpus, const XapianTranslation& translate, const Node& top) {
    Outcome o;
    o.query = render_query(top);
    watchdog().arm(corpus.script().name + ", query: " + o.query);
    const Xapian::Query xq = translate(top);
    o.xapian = xq.get_description();
    const std::vector<std::uint32_t> expected = corpus.xapian_matches(xq);
    o.matches = expected.size();
    try {
        Corpus::ScoopAnswer answer = corpus.scoop_matches(o.query);
        o.parsed = answer.parsed;
        o.problem = answer.problem;
        o.scoop_only = difference(answer.documents, expected);
        o.xapian_only = difference(expected, answer.documents);
        if (o.problem.empty() && (!o.scoop_only.empty() || !o.xapian_only.empty()))
            o.problem = fmt::format("the match sets differ (scoop {}, Xapian {})",
                                    answer.documents.size(), expected.size());
    } catch (const QueryError& e) {
        o.problem = std::string("scoop refused a well-formed query: ") + e.what();
    }
    watchdog().disarm();
    return o;
}

// The trees one step smaller than `n`: a clause or operand dropped, a
// composite replaced by one of its parts, a modifier removed.
std::vector<Node> smaller(const Node& n) {
    std::vector<Node> out;
    for (std::size_t i = 0; i < n.children.size(); ++i) {
        const Node& child = n.children[i];
        if (n.children.size() > 1) {
            Node without = n;
            without.children.erase(without.children.begin() + static_cast<std::ptrdiff_t>(i));
            if (without.children.size() == 1 && without.kind != Kind::kGroup) {
                Node only = without.children[0];  // AND or OR of one: the operand itself
                out.push_back(std::move(only));
            } else {
                out.push_back(std::move(without));
            }
        }
        for (Node& s : smaller(child)) {
            Node with = n;
            with.children[i] = std::move(s);
            out.push_back(std::move(with));
        }
        for (const Node& grandchild : child.children) {
            Node with = n;
            with.children[i] = grandchild;
            if (with.children[i].modifier == Modifier::kNone)
                with.children[i].modifier = child.modifier;
            out.push_back(std::move(with));
        }
        if (child.modifier != Modifier::kNone) {
            Node with = n;
            with.children[i].modifier = Modifier::kNone;
            out.push_back(std::move(with));
        }
    }
    return out;
}

// Greedily the smallest query that still fails.
Node shrink(Corpus& corpus, const XapianTranslation& translate, Node top) {
    for (int tries = 0; tries < 400;) {
        bool smaller_found = false;
        for (Node& candidate : smaller(top)) {
            if (candidate.kind != Kind::kGroup) {
                Node wrapped{Kind::kGroup};
                wrapped.children.push_back(std::move(candidate));
                candidate = std::move(wrapped);
            }
            if (!valid_query(candidate)) continue;
            ++tries;
            if (!compare(corpus, translate, candidate).problem.empty()) {
                top = std::move(candidate);
                smaller_found = true;
                break;
            }
        }
        if (!smaller_found) break;
    }
    return top;
}

std::string describe_documents(const Corpus& corpus, const std::vector<std::uint32_t>& docs) {
    std::string out;
    for (std::size_t i = 0; i < docs.size() && i < 4; ++i) {
        const DocumentRecord& d = corpus.documents()[docs[i]];
        std::string body = d.spec.body;
        if (body.size() > 240) body = body.substr(0, 240) + "...";
        out += fmt::format("    doc/{} (file {}, {}{}): title \"{}\", body \"{}\"\n", docs[i],
                           d.spec.file, describe_date(d.spec.date), d.deleted ? ", deleted" : "",
                           d.spec.title, body);
    }
    if (docs.size() > 4) out += fmt::format("    and {} more\n", docs.size() - 4);
    return out;
}

std::string report(const Corpus& corpus, const Outcome& first, const Outcome& shrunk) {
    std::string out = fmt::format("{}\n  query:          {}\n", first.problem, first.query);
    if (shrunk.query != first.query)
        out += fmt::format("  shrunk to:      {}\n  which fails as: {}\n", shrunk.query,
                           shrunk.problem);
    out +=
        fmt::format("  scoop parsed:   {}\n  Xapian query:   {}\n", shrunk.parsed, shrunk.xapian);
    if (!shrunk.scoop_only.empty())
        out += fmt::format("  only scoop matches ({}):\n{}", shrunk.scoop_only.size(),
                           describe_documents(corpus, shrunk.scoop_only));
    if (!shrunk.xapian_only.empty())
        out += fmt::format("  only Xapian matches ({}):\n{}", shrunk.xapian_only.size(),
                           describe_documents(corpus, shrunk.xapian_only));
    return out;
}

// What the queries covered, so that a budget that stops exercising a
// construct is noticed.
using Coverage = std::map<std::string, std::size_t>;

void count_constructs(const Node& n, Coverage& coverage, int depth = 0) {
    auto seen = [&](const std::string& what) { ++coverage[what]; };
    const std::string field = n.title ? "title:" : "";
    switch (n.kind) {
        case Kind::kWord:
            seen(field + (n.text.find('-') != std::string::npos ? "hyphenated word" : "word"));
            break;
        case Kind::kPhrase:
            seen(field + (n.text.find(' ') == std::string::npos ? "one-word phrase" : "phrase"));
            break;
        case Kind::kPrefix:
            seen(field + "prefix*");
            break;
        case Kind::kDate:
            seen(n.text.substr(0, n.text.find(':') + 1) +
                 (n.text.find("..") == std::string::npos ? "" : "range"));
            break;
        case Kind::kGroup:
            if (depth > 0) seen(only_excludes(n) ? "group of exclusions" : "(group)");
            if (depth >= 3) seen("groups three deep");
            break;
        case Kind::kAnd:
            seen("AND");
            break;
        case Kind::kOr:
            seen("OR");
            break;
    }
    if (n.modifier == Modifier::kRequired) seen("+required");
    if (n.modifier == Modifier::kExcluded) seen("-excluded");
    if (n.modifier == Modifier::kNot) seen("NOT");
    for (const Node& c : n.children)
        count_constructs(c, coverage, depth + (n.kind == Kind::kGroup ? 1 : 0));
}

struct RunStats {
    std::size_t corpora = 0, queries = 0, with_matches = 0, refused = 0, failures = 0;
    Coverage coverage;
};

constexpr std::size_t kMaxFailuresPerCorpus = 3;
constexpr std::size_t kMaxFailures = 10;

void check_random_queries(Corpus& corpus, std::uint32_t seed, std::size_t queries,
                          RunStats& stats) {
    Analyzer analyzer;
    const XapianTranslation translate(corpus, analyzer);
    std::size_t failures = 0;
    for (std::size_t q = 0; q < queries; ++q) {
        std::seed_seq seeds{seed, static_cast<std::uint32_t>(q)};
        std::mt19937 rng(seeds);
        QueryGenerator generate(corpus, analyzer, rng);
        ++stats.queries;
        if (rng() % 100 < 3) {
            const std::string query = render_query(generate.erroneous_query());
            SearchOptions strict;
            strict.syntax = QuerySyntax::kStrict;
            EXPECT_THROW(corpus.searcher().search(query, strict), QueryError)
                << "corpus seed " << seed << ", query " << q << ": " << query;
            ++stats.refused;
            continue;
        }
        const Node top = generate.query();
        count_constructs(top, stats.coverage);
        const Outcome outcome = compare(corpus, translate, top);
        stats.with_matches += outcome.matches > 0;
        if (outcome.problem.empty()) continue;
        const Node smallest = shrink(corpus, translate, top);
        ADD_FAILURE() << corpus.script().name << ", query " << q << ": "
                      << report(corpus, outcome, compare(corpus, translate, smallest));
        ++stats.failures;
        if (++failures >= kMaxFailuresPerCorpus || stats.failures >= kMaxFailures) return;
    }
}

struct Budget {
    std::size_t corpora = 16;
    std::size_t queries = 125;
    std::uint32_t first_seed = 1;
    double seconds = 0;  // > 0: corpora until this much time has passed
};

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

Budget budget() {
    Budget b;
    if (kSanitized) b.corpora = 8;  // instrumented, the index build is many times slower
    auto number = [](const char* name) -> std::optional<double> {
        const char* v = std::getenv(name);
        if (v == nullptr || *v == '\0') return std::nullopt;
        return std::stod(v);
    };
    if (auto n = number("SCOOP_DIFFERENTIAL_SEEDS")) b.corpora = static_cast<std::size_t>(*n);
    if (auto n = number("SCOOP_DIFFERENTIAL_QUERIES")) b.queries = static_cast<std::size_t>(*n);
    if (auto n = number("SCOOP_DIFFERENTIAL_FIRST_SEED"))
        b.first_seed = static_cast<std::uint32_t>(*n);
    if (auto n = number("SCOOP_DIFFERENTIAL_SECONDS")) b.seconds = *n;
    return b;
}

// ---------------------------------------------------------------------------
// The mismatches this test found, on hand-written corpora (fixed in scoop;
// the regression tests in search_regression_test.cpp pin them down too).

Node leaf_node(Kind kind, std::string text, Modifier modifier = Modifier::kNone) {
    Node n(kind);
    n.text = std::move(text);
    n.modifier = modifier;
    return n;
}

Node date_node(const Period& p) {
    Node n = leaf_node(Kind::kDate, "date:" + p.text());
    n.from = p.first();
    n.to = p.last();
    return n;
}

Node group_node(std::vector<Node> children, Modifier modifier = Modifier::kNone) {
    Node n(Kind::kGroup);
    n.children = std::move(children);
    n.modifier = modifier;
    return n;
}

// Twelve documents of 2009, so that a pruned top 10 fills and pruning starts.
CorpusScript small_dated_corpus(const std::string& name) {
    CorpusScript script;
    script.name = name;
    const char* bodies[] = {"iran talks", "iran", "talks", "missile talks"};
    for (std::uint64_t i = 0; i < 12; ++i) {
        DocumentSpec d;
        d.body = bodies[i % 4];
        d.date = days_from_civil(2009, 1 + static_cast<int>(i), 5) * kDay;
        d.file = i + 1;
        script.steps.push_back({Step::Kind::kAdd, d});
    }
    script.steps.push_back({Step::Kind::kCommit, {}});
    return script;
}

void expect_same_matches(Corpus& corpus, const Node& top) {
    Analyzer analyzer;
    const XapianTranslation translate(corpus, analyzer);
    const Outcome o = compare(corpus, translate, top);
    EXPECT_TRUE(o.problem.empty()) << corpus.script().name << ": " << report(corpus, o, o);
}

TEST(XapianDifferential, Regressions) {
    Corpus corpus(small_dated_corpus("regression corpus"));
    corpus.build();
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    const Node in_2009 = date_node(Period{2009});
    // "iran (date:2009)": the pruned disjunction with a date-only part hung.
    expect_same_matches(corpus,
                        group_node({leaf_node(Kind::kWord, "iran"), group_node({in_2009})}));
    expect_same_matches(
        corpus,
        group_node({leaf_node(Kind::kWord, "iran"),
                    group_node({in_2009, leaf_node(Kind::kWord, "talks", Modifier::kExcluded)})}));
    // "xqz date:2009", xqz nowhere: it matched all of 2009.
    expect_same_matches(corpus, group_node({leaf_node(Kind::kWord, "xqz"), in_2009}));
    expect_same_matches(corpus, group_node({leaf_node(Kind::kPrefix, "xq"), in_2009}));
    expect_same_matches(
        corpus,
        group_node({leaf_node(Kind::kWord, "talks"),
                    group_node({leaf_node(Kind::kWord, "xqz"), date_node(Period{2009, 3})})}));
    expect_same_matches(corpus, group_node({leaf_node(Kind::kWord, "talks", Modifier::kRequired),
                                            leaf_node(Kind::kWord, "xqz"), in_2009}));
}

TEST(XapianDifferential, RandomQueriesMatchWhatXapianMatches) {
    const Budget b = budget();
    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    RunStats stats;
    for (std::uint32_t seed = b.first_seed;; ++seed) {
        if (b.seconds > 0 ? elapsed() >= b.seconds : stats.corpora >= b.corpora) break;
        Corpus corpus(random_corpus_script(seed));
        corpus.build();
        ASSERT_FALSE(::testing::Test::HasFatalFailure()) << "corpus seed " << seed;
        ++stats.corpora;
        check_random_queries(corpus, seed, b.queries, stats);
        if (stats.failures >= kMaxFailures) break;
        if (b.seconds > 0 && stats.corpora % 50 == 0)
            fmt::print("{} corpora, {} queries, {:.0f} s\n", stats.corpora, stats.queries,
                       elapsed());
    }
    std::string covered;
    for (const auto& [what, n] : stats.coverage) covered += fmt::format(" {} {},", what, n);
    fmt::print(
        "{} corpora from seed {}, {} queries ({} with matches, {} refused as errors), {:.1f} s\n"
        "constructs:{}\n",
        stats.corpora, b.first_seed, stats.queries, stats.with_matches, stats.refused, elapsed(),
        covered);
    if (b.corpora < 8 && b.seconds == 0) return;  // a replay: too few queries to judge coverage
    EXPECT_GT(stats.with_matches, stats.queries / 3) << "too few queries matched anything";
    for (const char* construct : {"word",
                                  "title:word",
                                  "hyphenated word",
                                  "phrase",
                                  "one-word phrase",
                                  "title:phrase",
                                  "prefix*",
                                  "title:prefix*",
                                  "date:",
                                  "date:range",
                                  "after:",
                                  "before:",
                                  "AND",
                                  "OR",
                                  "NOT",
                                  "-excluded",
                                  "+required",
                                  "(group)",
                                  "group of exclusions",
                                  "groups three deep"})
        EXPECT_GT(stats.coverage[construct], 0u) << construct << " was never tested";
}

}  // namespace
}  // namespace scoop
