// make_queries: the synthetic query sets of the benchmarks (issue 5), made
// from a corpus's own statistics, in the classes of Lucene's nightly
// benchmarks:
// of Lucene's nightly benchmarks:
//
//   make_queries --corpus PATH... [--per-class 100] [--seed 7] --out queries.jsonl
//                [--max-docs N] [--threads N]
//
// PATH is a JSON Lines file or a folder of them (*.jsonl, *.ndjson, *.json,
// recursively, in name order); articles are read as the indexer reads them
// and analysed with the project's analyser, so that every statistic is about
// the terms the engines index. --max-docs reads only the first N articles.
//
// Statistics: the document frequency (df) of every stem over title + body,
// and the frequency of every folded word. A stem is searched through its
// most frequent word that analyses back to exactly itself. N = documents
// read. The frequency bands, over stems whose word has a letter and at
// least two characters (numbers and initials are not what people type):
//   high    the top 1% of those stems by df, leaving out any with df > N/2
//           (function words such as "the" and "said" in Reuters);
//   medium  0.5% N <= df <= 5% N, below the high band;
//   low     2 <= df <= 20, the upper bound doubled until the band holds
//           --per-class stems (large generated corpora have few stems that
//           rare), and kept below the medium band.
// The bands actually used are printed on stderr.
//
// Classes (--per-class queries each, deterministic from --seed):
//   TermHigh, TermMed, TermLow            one word of the band
//   AndHighHigh, AndHighMed               two words, AND
//   OrHighHigh, OrHighMed, OrHighMedLow   two or three words, OR
//   Phrase2, Phrase3                      consecutive words of a document
//   Prefix                                3-5 letters of a high or medium
//                                         word, 2..50 completions
// Two- and three-word queries take their words from one document of a
// random sample (so an AND always has a hit and words co-occur as in real
// queries), each word from its band, different stems. Phrases are taken at
// random places in sampled documents, within one field; every word must be
// at least of medium frequency (so that a phrase is not made rare by one
// rare word, a number say, and position checks have work to do), and one
// word at least must not be function-like (Lucene's 33 English stop words,
// or a stem in more than 20% of documents). A prefix's completions are counted
// among the distinct words read (with --max-docs, the full corpus may have
// more). No query repeats within a class; a class that cannot be filled
// from its candidates is filled with repeats and a warning.
//
// Output: a query set, one query line each (common/query_line.h), with
// ids such as "AndHighMed-007". A classic collection's human queries
// come from convert_collection instead.

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/extractor.h"
#include "common/input_files.h"
#include "common/line_chunks.h"
#include "common/output_file.h"
#include "common/query_line.h"
#include "common/query_words.h"
#include "common/random.h"
#include "util/error.h"
#include "util/file.h"

namespace scoop {
namespace {

using Clock = std::chrono::steady_clock;

using bench::OutputFile;
using bench::query_line_json;
using bench::QueryWordCheck;
using bench::Random;

// Code points of UTF-8 text, and whether the first `n` are all letters.
std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

bool has_letter(std::string_view s) {
    std::int32_t i = 0;
    const auto length = static_cast<std::int32_t>(s.size());
    while (i < length) {
        UChar32 c;
        U8_NEXT(s.data(), i, length, c);
        if (c >= 0 && u_isalpha(c)) return true;
    }
    return false;
}

// The first `n` code points of `s` if they are all letters.
std::optional<std::string> letter_prefix(std::string_view s, std::size_t n) {
    std::int32_t i = 0;
    const auto length = static_cast<std::int32_t>(s.size());
    for (std::size_t k = 0; k < n; ++k) {
        if (i >= length) return std::nullopt;
        UChar32 c;
        U8_NEXT(s.data(), i, length, c);
        if (c < 0 || !u_isalpha(c)) return std::nullopt;
    }
    return std::string(s.substr(0, static_cast<std::size_t>(i)));
}

// ---------------------------------------------------------------------------
// Corpus statistics

// What one analysis thread has counted; merged by string at the end, so
// the result does not depend on how documents were spread over threads.
struct LocalStats {
    std::unordered_map<std::string, std::uint32_t> word_ids;
    std::vector<std::string> words;
    std::vector<std::uint64_t> word_count;
    std::vector<std::uint32_t> word_stem;
    std::unordered_map<std::string, std::uint32_t> stem_ids;
    std::vector<std::string> stems;
    std::vector<std::uint32_t> stem_df;
    std::vector<std::uint32_t> doc_stems;  // scratch

    std::uint32_t word_id(const Token& t) {
        const auto it = word_ids.find(t.word);
        if (it != word_ids.end()) return it->second;
        auto [stem_it, added] =
            stem_ids.try_emplace(t.stem, static_cast<std::uint32_t>(stems.size()));
        if (added) {
            stems.push_back(t.stem);
            stem_df.push_back(0);
        }
        const auto id = static_cast<std::uint32_t>(words.size());
        word_ids.emplace(t.word, id);
        words.push_back(t.word);
        word_count.push_back(0);
        word_stem.push_back(stem_it->second);
        return id;
    }

    void add_document(const std::vector<Token>& title, const std::vector<Token>& body) {
        doc_stems.clear();
        for (const auto* field : {&title, &body}) {
            for (const Token& t : *field) {
                const std::uint32_t w = word_id(t);
                ++word_count[w];
                doc_stems.push_back(word_stem[w]);
            }
        }
        std::sort(doc_stems.begin(), doc_stems.end());
        doc_stems.erase(std::unique(doc_stems.begin(), doc_stems.end()), doc_stems.end());
        for (std::uint32_t s : doc_stems) ++stem_df[s];
    }
};

// A sampled document: its analysed fields, kept for pairs and phrases.
struct SampleDoc {
    std::vector<Token> title;
    std::vector<Token> body;
};

struct Stem {
    std::string stem;
    std::uint32_t df = 0;
    std::string word;        // the word a query uses for it; empty: none analyses back
    bool term_like = false;  // word has a letter and 2+ characters
};

struct CorpusStats {
    std::uint64_t documents = 0;
    std::uint64_t files = 0;
    std::uint64_t bytes = 0;
    std::uint64_t tokens = 0;
    std::vector<Stem> stems;  // by df descending, then stem
    std::unordered_map<std::string, std::uint32_t> stem_index;
    std::vector<std::string> vocabulary;  // distinct words, sorted bytewise
    std::vector<SampleDoc> sample;
};

CorpusStats gather(const std::vector<std::string>& files, std::uint64_t max_docs, unsigned threads,
                   std::size_t sample_size, std::uint64_t seed) {
    CorpusStats stats;
    std::vector<std::unique_ptr<Analyzer>> analyzers;
    std::vector<LocalStats> locals(threads);
    for (unsigned i = 0; i < threads; ++i)
        analyzers.push_back(std::make_unique<Analyzer>("english"));
    std::vector<std::uint64_t> local_tokens(threads, 0);

    // Reservoir sampling (Algorithm R) of documents in input order; the
    // draws depend only on document numbers, never on thread timing.
    Random reservoir(seed ^ 0x5eed5a3b1eull);
    stats.sample.resize(sample_size);
    std::uint64_t doc_number = 0;

    for (const std::string& path : files) {
        if (doc_number >= max_docs) break;
        ++stats.files;
        MappedFile file(path);
        const std::string_view all(reinterpret_cast<const char*>(file.bytes().data()), file.size());
        stats.bytes += all.size();
        bench::for_each_line_chunk(all, [&](std::string_view chunk, std::uint32_t line_offset) {
            if (doc_number >= max_docs) return false;
            Extraction extraction = extract_articles(chunk, path, InputFormat::kJsonLines);
            for (const auto& p : extraction.problems) {
                fmt::print(stderr, "make_queries: {}:{}: {}\n", path,
                           p.line ? p.line + line_offset : 0, p.message);
            }

            auto& articles = extraction.articles;
            if (articles.size() > max_docs - doc_number)
                articles.resize(static_cast<std::size_t>(max_docs - doc_number));
            // Sample slots of this chunk's documents; a slot taken twice in
            // the chunk goes to the later document.
            std::vector<std::int64_t> slot_of(articles.size(), -1);
            std::unordered_map<std::uint64_t, std::size_t> taker;
            for (std::size_t i = 0; i < articles.size(); ++i) {
                const std::uint64_t n = doc_number + i;
                std::uint64_t slot = sample_size;
                if (n < sample_size)
                    slot = n;
                else if (const std::uint64_t j = reservoir.below(n + 1); j < sample_size)
                    slot = j;
                if (slot < sample_size) {
                    if (auto it = taker.find(slot); it != taker.end()) slot_of[it->second] = -1;
                    taker[slot] = i;
                    slot_of[i] = static_cast<std::int64_t>(slot);
                }
            }
            auto work = [&](unsigned t) {
                Analyzer& analyzer = *analyzers[t];
                std::vector<Token> title, body;
                for (std::size_t i = t; i < articles.size(); i += threads) {
                    title.clear();
                    body.clear();
                    analyzer.analyze(articles[i].title, title);
                    analyzer.analyze(articles[i].body, body);
                    locals[t].add_document(title, body);
                    local_tokens[t] += title.size() + body.size();
                    if (slot_of[i] >= 0) {
                        SampleDoc& doc = stats.sample[static_cast<std::size_t>(slot_of[i])];
                        doc.title = title;
                        doc.body = body;
                    }
                }
            };
            std::vector<std::thread> helpers;
            for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(work, t);
            work(0);
            for (auto& h : helpers) h.join();
            doc_number += articles.size();
            return true;
        });
    }
    stats.documents = doc_number;
    if (stats.documents == 0) throw Error("the corpus has no articles");
    if (stats.documents < sample_size)
        stats.sample.resize(static_cast<std::size_t>(stats.documents));
    for (auto n : local_tokens) stats.tokens += n;

    // Merge. Per stem: df; per word: count, for the stem's query word.
    std::unordered_map<std::string, std::uint32_t> stem_ids;
    std::vector<Stem> stems;
    struct WordEntry {
        std::uint64_t count = 0;
        std::uint32_t stem = 0;
    };
    std::unordered_map<std::string, WordEntry> words;
    for (LocalStats& local : locals) {
        std::vector<std::uint32_t> global_stem(local.stems.size());
        for (std::size_t s = 0; s < local.stems.size(); ++s) {
            auto [it, added] =
                stem_ids.try_emplace(local.stems[s], static_cast<std::uint32_t>(stems.size()));
            if (added) stems.push_back({local.stems[s], 0, {}, false});
            stems[it->second].df += local.stem_df[s];
            global_stem[s] = it->second;
        }
        for (std::size_t w = 0; w < local.words.size(); ++w) {
            WordEntry& e = words[local.words[w]];
            e.count += local.word_count[w];
            e.stem = global_stem[local.word_stem[w]];
        }
        local = LocalStats{};
    }

    // Each stem's query word: its most frequent word that analyses back to
    // itself with that stem (ties: the smaller string).
    std::vector<std::tuple<std::uint32_t, std::uint64_t, const std::string*>> by_stem;
    by_stem.reserve(words.size());
    stats.vocabulary.reserve(words.size());
    for (const auto& [word, e] : words) {
        by_stem.emplace_back(e.stem, e.count, &word);
        stats.vocabulary.push_back(word);
    }
    std::sort(stats.vocabulary.begin(), stats.vocabulary.end());
    std::sort(by_stem.begin(), by_stem.end(), [](const auto& a, const auto& b) {
        if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) < std::get<0>(b);
        if (std::get<1>(a) != std::get<1>(b)) return std::get<1>(a) > std::get<1>(b);
        return *std::get<2>(a) < *std::get<2>(b);
    });
    QueryWordCheck analyses_back(*analyzers[0]);
    for (std::size_t i = 0; i < by_stem.size();) {
        const std::uint32_t s = std::get<0>(by_stem[i]);
        std::size_t j = i;
        for (; j < by_stem.size() && std::get<0>(by_stem[j]) == s; ++j) {
            if (stems[s].df < 2 || !stems[s].word.empty()) continue;  // rare stems are never used
            const std::string& w = *std::get<2>(by_stem[j]);
            if (analyses_back(w, &stems[s].stem)) stems[s].word = w;
        }
        stems[s].term_like =
            !stems[s].word.empty() && has_letter(stems[s].word) && code_points(stems[s].word) >= 2;
        i = j;
    }
    std::sort(stems.begin(), stems.end(), [](const Stem& a, const Stem& b) {
        return a.df != b.df ? a.df > b.df : a.stem < b.stem;
    });
    for (std::size_t i = 0; i < stems.size(); ++i)
        stats.stem_index.emplace(stems[i].stem, static_cast<std::uint32_t>(i));
    stats.stems = std::move(stems);
    return stats;
}

// ---------------------------------------------------------------------------
// Bands and queries

struct Band {
    std::string name;
    std::uint64_t min_df = 0;
    std::uint64_t max_df = 0;
    std::vector<std::uint32_t> stems;  // indexes into CorpusStats::stems, by df descending
    std::unordered_set<std::uint32_t> members;

    void add(std::uint32_t s) {
        stems.push_back(s);
        members.insert(s);
    }
};

struct Bands {
    Band high, medium, low;
};

Bands choose_bands(const CorpusStats& stats, std::size_t per_class) {
    const std::uint64_t n = stats.documents;
    Bands b;
    b.high.name = "high";
    b.medium.name = "medium";
    b.low.name = "low";

    std::size_t term_like = 0;
    for (const Stem& s : stats.stems) term_like += s.term_like;
    const std::size_t high_count = std::max<std::size_t>(1, (term_like + 99) / 100);
    for (std::uint32_t i = 0; i < stats.stems.size() && b.high.stems.size() < high_count; ++i) {
        const Stem& s = stats.stems[i];
        if (s.term_like && s.df * 2 <= n) b.high.add(i);
    }
    b.high.max_df = b.high.stems.empty() ? 0 : stats.stems[b.high.stems.front()].df;
    b.high.min_df = b.high.stems.empty() ? n + 1 : stats.stems[b.high.stems.back()].df;

    b.low.min_df = 2;
    b.low.max_df = 20;
    b.medium.min_df = std::max<std::uint64_t>((n + 199) / 200, b.low.max_df + 1);
    b.medium.max_df = std::min<std::uint64_t>(n / 20, b.high.min_df - 1);
    for (std::uint32_t i = 0; i < stats.stems.size(); ++i) {
        const Stem& s = stats.stems[i];
        if (s.term_like && s.df >= b.medium.min_df && s.df <= b.medium.max_df &&
            !b.high.members.count(i))
            b.medium.add(i);
    }

    const std::uint64_t low_ceiling = std::max<std::uint64_t>(b.low.max_df, b.medium.min_df - 1);
    for (;;) {
        b.low.stems.clear();
        b.low.members.clear();
        for (std::uint32_t i = 0; i < stats.stems.size(); ++i) {
            const Stem& s = stats.stems[i];
            if (s.term_like && s.df >= b.low.min_df && s.df <= b.low.max_df) b.low.add(i);
        }
        if (b.low.stems.size() >= per_class || b.low.max_df >= low_ceiling) break;
        b.low.max_df = std::min(b.low.max_df * 2, low_ceiling);
    }
    return b;
}

class QueryWriter {
  public:
    QueryWriter(OutputFile& out, std::size_t per_class) : out_(out), per_class_(per_class) {}

    // Writes `queries` (words per query) as class `name`, repeating them if
    // there are fewer than per_class.
    void write(const std::string& name, std::string_view op,
               const std::vector<std::vector<std::string>>& queries) {
        if (queries.empty()) {
            fmt::print(stderr, "make_queries: warning: no {} query could be made; class left out\n",
                       name);
            return;
        }
        if (queries.size() < per_class_) {
            fmt::print(stderr,
                       "make_queries: warning: only {} distinct {} queries; repeated to {}\n",
                       queries.size(), name, per_class_);
        }
        const std::size_t width = std::max<std::size_t>(3, std::to_string(per_class_).size());
        for (std::size_t i = 0; i < per_class_; ++i) {
            const std::string id = fmt::format("{}-{:0{}}", name, i + 1, width);
            out_.line(query_line_json(id, name, op, queries[i % queries.size()]).dump());
        }
        written_ += per_class_;
    }
    std::size_t written() const { return written_; }

  private:
    OutputFile& out_;
    std::size_t per_class_;
    std::size_t written_ = 0;
};

// `count` different stems of the band, uniformly.
std::vector<std::vector<std::string>> term_queries(const CorpusStats& stats, const Band& band,
                                                   std::size_t count, Random& random) {
    std::vector<std::uint32_t> pool = band.stems;
    std::vector<std::vector<std::string>> out;
    for (std::size_t i = 0; i < pool.size() && out.size() < count; ++i) {
        std::swap(pool[i], pool[i + random.below(pool.size() - i)]);
        out.push_back({stats.stems[pool[i]].word});
    }
    return out;
}

// Distinct stems of a sampled document, as indexes into stats.stems.
std::vector<std::uint32_t> document_stems(const CorpusStats& stats, const SampleDoc& doc) {
    std::vector<std::uint32_t> out;
    for (const auto* field : {&doc.title, &doc.body}) {
        for (const Token& t : *field) {
            const auto it = stats.stem_index.find(t.stem);
            if (it != stats.stem_index.end()) out.push_back(it->second);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// Queries of one word from each band, different stems, all from one sampled
// document. Falls back to independent draws from the bands when documents
// with such words are too rare (an AND may then match nothing; said so).
std::vector<std::vector<std::string>> multi_queries(const CorpusStats& stats,
                                                    const std::vector<const Band*>& bands,
                                                    const std::string& name, std::size_t count,
                                                    Random& random) {
    std::vector<std::vector<std::string>> out;
    std::set<std::vector<std::uint32_t>> seen;
    for (const Band* b : bands)
        if (b->stems.empty()) return out;
    const std::size_t attempts = count * 200;
    auto try_add = [&](std::vector<std::uint32_t> chosen) {
        std::vector<std::uint32_t> key = chosen;
        std::sort(key.begin(), key.end());
        if (std::adjacent_find(key.begin(), key.end()) != key.end()) return;
        if (!seen.insert(key).second) return;
        std::vector<std::string> words;
        for (std::uint32_t s : chosen) words.push_back(stats.stems[s].word);
        out.push_back(std::move(words));
    };
    for (std::size_t a = 0; a < attempts && out.size() < count && !stats.sample.empty(); ++a) {
        const std::vector<std::uint32_t> doc_stems =
            document_stems(stats, random.pick(stats.sample));
        std::vector<std::uint32_t> chosen;
        for (const Band* b : bands) {
            std::vector<std::uint32_t> in_band;
            for (std::uint32_t s : doc_stems)
                if (b->members.count(s)) in_band.push_back(s);
            if (in_band.empty()) break;
            chosen.push_back(random.pick(in_band));
        }
        if (chosen.size() == bands.size()) try_add(std::move(chosen));
    }
    if (out.size() < count) {
        fmt::print(stderr,
                   "make_queries: note: {}: {} queries from sampled documents, {} drawn "
                   "independently (these may match no document with AND)\n",
                   name, out.size(), count - out.size());
        for (std::size_t a = 0; a < attempts && out.size() < count; ++a) {
            std::vector<std::uint32_t> chosen;
            for (const Band* b : bands) chosen.push_back(random.pick(b->stems));
            try_add(std::move(chosen));
        }
    }
    return out;
}

constexpr std::array<std::string_view, 33> kLuceneStopWords = {
    "a",   "an",    "and",  "are",   "as",    "at",   "be",   "but", "by",  "for",  "if",
    "in",  "into",  "is",   "it",    "no",    "not",  "of",   "on",  "or",  "such", "that",
    "the", "their", "then", "there", "these", "they", "this", "to",  "was", "will", "with"};

std::vector<std::vector<std::string>> phrase_queries(const CorpusStats& stats, const Bands& bands,
                                                     std::size_t length, std::size_t count,
                                                     Random& random,
                                                     QueryWordCheck& analyses_back) {
    const std::uint64_t function_df = stats.documents / 5;
    auto df = [&](const Token& t) -> std::uint64_t {
        const auto it = stats.stem_index.find(t.stem);
        return it == stats.stem_index.end() ? 0 : stats.stems[it->second].df;
    };
    auto content_word = [&](const Token& t) {
        if (std::find(kLuceneStopWords.begin(), kLuceneStopWords.end(), t.word) !=
            kLuceneStopWords.end())
            return false;
        return has_letter(t.word) && df(t) <= function_df;
    };
    std::vector<std::vector<std::string>> out;
    std::set<std::vector<std::string>> seen;
    for (std::size_t a = 0; a < count * 200 && out.size() < count && !stats.sample.empty(); ++a) {
        const SampleDoc& doc = random.pick(stats.sample);
        const std::vector<Token>& field = doc.body.size() >= length ? doc.body : doc.title;
        if (field.size() < length) continue;
        const std::size_t start = random.below(field.size() - length + 1);
        bool ok = false;
        std::vector<std::string> words;
        for (std::size_t k = 0; k < length; ++k) {
            const Token& t = field[start + k];
            if (t.position != field[start].position + k || df(t) < bands.medium.min_df ||
                !analyses_back(t.word)) {
                words.clear();
                break;
            }
            ok = ok || content_word(t);
            words.push_back(t.word);
        }
        if (ok && !words.empty() && seen.insert(words).second) out.push_back(std::move(words));
    }
    return out;
}

constexpr std::size_t kMinCompletions = 2;
constexpr std::size_t kMaxCompletions = 50;

std::vector<std::vector<std::string>> prefix_queries(const CorpusStats& stats, const Bands& bands,
                                                     std::size_t count, Random& random,
                                                     QueryWordCheck& analyses_back) {
    std::vector<std::uint32_t> sources = bands.high.stems;
    sources.insert(sources.end(), bands.medium.stems.begin(), bands.medium.stems.end());
    std::vector<std::vector<std::string>> out;
    std::set<std::string> seen;
    for (std::size_t a = 0; a < count * 200 && out.size() < count && !sources.empty(); ++a) {
        const std::string& word = stats.stems[random.pick(sources)].word;
        const std::size_t letters = code_points(word);
        if (letters < 4) continue;  // the prefix must be shorter than the word
        const std::size_t longest = std::min<std::size_t>(5, letters - 1);
        const std::size_t n = 3 + random.below(longest - 3 + 1);
        const auto prefix = letter_prefix(word, n);
        if (!prefix || seen.count(*prefix) || !analyses_back(*prefix)) continue;
        const auto first =
            std::lower_bound(stats.vocabulary.begin(), stats.vocabulary.end(), *prefix);
        auto last = first;
        std::size_t completions = 0;
        while (last != stats.vocabulary.end() && last->starts_with(*prefix) &&
               completions <= kMaxCompletions) {
            ++last;
            ++completions;
        }
        if (completions < kMinCompletions || completions > kMaxCompletions) continue;
        seen.insert(*prefix);
        out.push_back({*prefix});
    }
    return out;
}

std::string describe(const Band& band, std::uint64_t n) {
    return fmt::format("{} df {}..{} ({:.3g}%..{:.3g}% of docs, {} stems)", band.name, band.min_df,
                       band.max_df, 100.0 * band.min_df / n, 100.0 * band.max_df / n,
                       band.stems.size());
}

void make_query_set(const std::vector<std::string>& corpus, std::size_t per_class,
                    std::uint64_t seed, std::uint64_t max_docs, unsigned threads,
                    const std::string& out_path) {
    const auto start = Clock::now();
    const std::vector<std::string> files =
        bench::expand_inputs(corpus, {".jsonl", ".ndjson", ".json"}, true);
    OutputFile out(out_path);
    const std::size_t sample_size = std::max<std::size_t>(2000, per_class * 20);
    const CorpusStats stats = gather(files, max_docs, threads, sample_size, seed);
    const double read_seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const Bands bands = choose_bands(stats, per_class);
    fmt::print(stderr,
               "make_queries: {} documents ({} files, {:.1f} MB, {} tokens), {} stems, {} words, "
               "read in {:.1f} s; bands: {}; {}; {}\n",
               stats.documents, stats.files, stats.bytes / 1e6, stats.tokens, stats.stems.size(),
               stats.vocabulary.size(), read_seconds, describe(bands.high, stats.documents),
               describe(bands.medium, stats.documents), describe(bands.low, stats.documents));

    Analyzer analyzer("english");
    QueryWordCheck analyses_back(analyzer);
    Random random(seed);
    QueryWriter writer(out, per_class);
    writer.write("TermHigh", "term", term_queries(stats, bands.high, per_class, random));
    writer.write("TermMed", "term", term_queries(stats, bands.medium, per_class, random));
    writer.write("TermLow", "term", term_queries(stats, bands.low, per_class, random));
    writer.write(
        "AndHighHigh", "and",
        multi_queries(stats, {&bands.high, &bands.high}, "AndHighHigh", per_class, random));
    writer.write(
        "AndHighMed", "and",
        multi_queries(stats, {&bands.high, &bands.medium}, "AndHighMed", per_class, random));
    writer.write("OrHighHigh", "or",
                 multi_queries(stats, {&bands.high, &bands.high}, "OrHighHigh", per_class, random));
    writer.write(
        "OrHighMed", "or",
        multi_queries(stats, {&bands.high, &bands.medium}, "OrHighMed", per_class, random));
    writer.write("OrHighMedLow", "or",
                 multi_queries(stats, {&bands.high, &bands.medium, &bands.low}, "OrHighMedLow",
                               per_class, random));
    writer.write("Phrase2", "phrase",
                 phrase_queries(stats, bands, 2, per_class, random, analyses_back));
    writer.write("Phrase3", "phrase",
                 phrase_queries(stats, bands, 3, per_class, random, analyses_back));
    writer.write("Prefix", "prefix",
                 prefix_queries(stats, bands, per_class, random, analyses_back));
    out.close();
    fmt::print(stderr, "make_queries: {} queries in {:.1f} s -> {}\n", writer.written(),
               std::chrono::duration<double>(Clock::now() - start).count(), out_path);
}

int run(int argc, char** argv) {
    CLI::App app{
        "Generate benchmark query sets in Lucene-style classes from a corpus's own statistics. "
        "(A classic IR collection's human queries: convert_collection.)"};
    std::vector<std::string> corpus;
    std::string out_path;
    std::size_t per_class = 100;
    std::uint64_t seed = 7;
    std::uint64_t max_docs = 0;
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    app.add_option("--corpus", corpus, "Corpus JSON Lines files or folders")->required();
    app.add_option("--out,-o", out_path, "Output query file (JSON Lines)")->required();
    app.add_option("--per-class", per_class, "Queries per class")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{1}, std::size_t{100000}));
    app.add_option("--seed", seed, "Random seed")->capture_default_str();
    app.add_option("--max-docs", max_docs, "Read only the first N articles (0: all)")
        ->capture_default_str();
    app.add_option("--threads,-j", threads, "Analysis threads (the output does not depend on it)")
        ->capture_default_str()
        ->check(CLI::Range(1u, 256u));
    CLI11_PARSE(app, argc, argv);

    try {
        make_query_set(corpus, per_class, seed,
                       max_docs ? max_docs : std::numeric_limits<std::uint64_t>::max(), threads,
                       out_path);
    } catch (const std::exception& e) {
        fmt::print(stderr, "make_queries: {}\n", e.what());
        return 1;
    }
    return 0;
}

}  // namespace
}  // namespace scoop

int main(int argc, char** argv) {
    return scoop::run(argc, argv);
}
