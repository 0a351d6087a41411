// markov_corpus: generates a large synthetic news corpus for the benchmarks
// (issue 5), deterministically from a seed, with word-level Markov models
// trained on real articles, so that term frequencies and phrases follow
// real news.
//
//   markov_corpus --train reuters.jsonl --articles 1000000 --seed 42 --out DIR
//                 [--per-file 10000] [--threads 1] [--backoff-percent 25]
//
// writes DIR/part-00000.jsonl, part-00001.jsonl, ... with --per-file
// articles each (the last one may hold fewer), one JSON object a line:
//   {"title": ..., "body": ..., "date": "2003-05-17T08:12:44Z",
//    "source": "...", "url": "markov:N"}      (N = 1 .. --articles)
//
// The models. Training text is split into tokens that keep punctuation:
// words ("U.S.", "5.93", "<SRD>", "Inc." stay whole), the punctuation
// peeled off their ends ("," "." ")" opening and closing quotes...), and a
// paragraph break where a body line starts indented or follows a blank
// line. Tokens keep their case, so capitals after full stops, proper nouns
// and the all-capitals Reuters titles come out of the model as they went
// in. Two models are built, one on bodies and one on titles, each an
// order-2 model (next token given the two before) that backs off to order 1
// with probability w * T/(T+C), the Witten-Bell weight of the context (T
// distinct successors seen, C occurrences) scaled by w = --backoff-percent
// (25% by default), and to the unigram distribution when the previous
// token was never followed by anything. Backing off keeps rare contexts
// from replaying their training sentence word for word; at the full
// Witten-Bell weight the text loses its grammar, at 25% it reads like wire
// copy with odd turns.
//
// An article:
//  - body: its length in words is drawn from the lengths of the non-empty
//    training bodies (the empirical distribution); the body is generated
//    from the start-of-text context and ends at the sentence or line end
//    nearest to that length. Training bodies start with a dateline
//    ("LONDON, March 3 -"), so generated ones do too.
//  - title: 5 to 12 words, the length drawn from the training titles of
//    that length.
//  - date: spread evenly over 1987-01-01 .. 2026-12-31 UTC in article order
//    (as an archive grows), each at a random second of its slot.
//  - source: one of a fixed list of agencies.
// Each article draws from its own std::mt19937_64 seeded from (seed,
// article number), and every draw is made from the engine's raw 64-bit
// outputs (std:: distributions differ between standard libraries), so the
// same seed gives the same bytes on every platform, whatever --per-file or
// --threads, and article N is the same whatever --articles (only the dates
// spread with the count).
//
// Memory: the model tables (60 MB for Reuters; 125 MB peak with the
// training text), then a 1 MB output buffer per thread; the corpus is
// streamed to disk. One core makes about 9,000 articles (9 MB) a second.

#include <fmt/format.h>
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "common/random.h"
#include "util/error.h"

namespace scoop {
namespace {

using Clock = std::chrono::steady_clock;

using bench::Random;
using bench::splitmix64;

// ---------------------------------------------------------------------------
// Tokens

enum class Glue : std::uint8_t {
    kNone,   // spaces on both sides: words, dashes
    kLeft,   // no space before: , . ; : ? ! ) ] and closing quotes
    kRight,  // no space after: ( [ and opening quotes
    kBreak,  // a paragraph break
};

using TokenId = std::uint32_t;
constexpr TokenId kStart = 0;  // the start-of-text context; never emitted
constexpr TokenId kParagraph = 1;

class Vocabulary {
  public:
    Vocabulary() {
        add(Glue::kNone, "");     // kStart
        add(Glue::kBreak, "\n");  // kParagraph
    }

    TokenId id(Glue glue, std::string_view text) {
        std::string key;
        key.reserve(text.size() + 1);
        key += static_cast<char>('0' + static_cast<int>(glue));
        key += text;
        const auto it = ids_.find(key);
        if (it != ids_.end()) return it->second;
        return add(glue, text, std::move(key));
    }

    std::size_t size() const { return texts_.size(); }
    const std::string& text(TokenId id) const { return texts_[id]; }
    Glue glue(TokenId id) const { return glues_[id]; }
    bool is_word(TokenId id) const { return words_[id]; }
    bool ends_sentence(TokenId id) const { return sentence_ends_[id]; }

  private:
    TokenId add(Glue glue, std::string_view text, std::string key = {}) {
        const auto id = static_cast<TokenId>(texts_.size());
        texts_.emplace_back(text);
        glues_.push_back(glue);
        const bool word = std::any_of(text.begin(), text.end(), [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                   static_cast<unsigned char>(c) >= 0x80;
        });
        words_.push_back(word);
        sentence_ends_.push_back(glue == Glue::kLeft &&
                                 (text == "." || text == "?" || text == "!"));
        if (key.empty())
            key = std::string(1, static_cast<char>('0' + static_cast<int>(glue))) += text;
        ids_.emplace(std::move(key), id);
        return id;
    }

    std::unordered_map<std::string, TokenId> ids_;
    std::vector<std::string> texts_;
    std::vector<Glue> glues_;
    std::vector<bool> words_;
    std::vector<bool> sentence_ends_;
};

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// Words that keep their full stop: a stop after them is part of the word
// more often than it ends a sentence.
bool is_abbreviation(std::string_view w) {
    static constexpr std::array<std::string_view, 32> kAbbreviations = {
        "Inc", "Corp", "Co",   "Ltd", "Mr",  "Mrs", "Ms",  "Dr",   "St",   "Jr",  "Sr",
        "vs",  "Gov",  "Sen",  "Rep", "Gen", "Jan", "Feb", "Mar",  "Apr",  "Jun", "Jul",
        "Aug", "Sep",  "Sept", "Oct", "Nov", "Dec", "No",  "Bros", "Dept", "Cos"};
    return std::find(kAbbreviations.begin(), kAbbreviations.end(), w) != kAbbreviations.end();
}

// Splits one whitespace-free chunk into tokens: opening punctuation, the
// word, closing punctuation.
void tokenize_chunk(std::string_view chunk, Vocabulary& vocab, std::vector<TokenId>& out) {
    auto opening = [](char c) { return c == '(' || c == '[' || c == '"' || c == '\'' || c == '`'; };
    auto closing = [](char c) {
        return c == ',' || c == '.' || c == ';' || c == ':' || c == '?' || c == '!' || c == ')' ||
               c == ']' || c == '"' || c == '\'';
    };
    while (chunk.size() > 1 && opening(chunk.front())) {
        out.push_back(vocab.id(Glue::kRight, chunk.substr(0, 1)));
        chunk.remove_prefix(1);
    }
    std::vector<TokenId> tail;
    while (chunk.size() > 1 && closing(chunk.back())) {
        const char c = chunk.back();
        if (c == '.') {
            const std::string_view stem = chunk.substr(0, chunk.size() - 1);
            // "U.S." and "N.A." keep their last dot, as do abbreviations and
            // single letters ("J." of a name).
            if (stem.find('.') != std::string_view::npos || is_abbreviation(stem) ||
                stem.size() == 1)
                break;
        }
        if (c == '\'' && chunk.size() >= 2 && (chunk[chunk.size() - 2] == 's')) {
            // "banks'" is a possessive more often than a closing quote.
            break;
        }
        tail.push_back(vocab.id(Glue::kLeft, chunk.substr(chunk.size() - 1)));
        chunk.remove_suffix(1);
    }
    if (!chunk.empty()) {
        const bool lone_opening = chunk.size() == 1 && (chunk[0] == '(' || chunk[0] == '"');
        const bool lone_closing = chunk.size() == 1 && closing(chunk[0]) && chunk[0] != '"';
        const Glue glue = lone_opening ? Glue::kRight : lone_closing ? Glue::kLeft : Glue::kNone;
        out.push_back(vocab.id(glue, chunk));
    }
    out.insert(out.end(), tail.rbegin(), tail.rend());
}

// Tokens of a text; with `paragraphs`, an indented line or one after a
// blank line starts a paragraph.
std::vector<TokenId> tokenize(std::string_view text, bool paragraphs, Vocabulary& vocab) {
    std::vector<TokenId> out;
    bool blank_before = false;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        const std::string_view line = text.substr(pos, eol - pos);
        pos = eol + 1;
        std::size_t i = 0;
        while (i < line.size() && is_blank(line[i])) ++i;
        if (i == line.size()) {
            blank_before = true;
            continue;
        }
        if (paragraphs && !out.empty() && out.back() != kParagraph && (i >= 2 || blank_before))
            out.push_back(kParagraph);
        blank_before = false;
        while (i < line.size()) {
            std::size_t j = i;
            while (j < line.size() && !is_blank(line[j])) ++j;
            tokenize_chunk(line.substr(i, j - i), vocab, out);
            while (j < line.size() && is_blank(line[j])) ++j;
            i = j;
        }
    }
    if (!out.empty() && out.back() == kParagraph) out.pop_back();
    return out;
}

std::size_t count_words(const std::vector<TokenId>& tokens, const Vocabulary& vocab) {
    return static_cast<std::size_t>(
        std::count_if(tokens.begin(), tokens.end(), [&](TokenId t) { return vocab.is_word(t); }));
}

// ---------------------------------------------------------------------------
// The model

// Successor lists: for each context, a run of (token, cumulative count).
struct Successors {
    std::vector<TokenId> tokens;
    std::vector<std::uint32_t> cumulative;

    // Token of the run [begin, end) whose cumulative interval holds r.
    TokenId pick(std::size_t begin, std::size_t end, std::uint64_t r) const {
        const auto first = cumulative.begin() + static_cast<std::ptrdiff_t>(begin);
        const auto last = cumulative.begin() + static_cast<std::ptrdiff_t>(end);
        const auto it = std::upper_bound(first, last, static_cast<std::uint32_t>(r));
        return tokens[static_cast<std::size_t>(it - cumulative.begin())];
    }
};

class MarkovModel {
  public:
    // Learns from token sequences; each is read as starting after two
    // kStart tokens. No end-of-text event: lengths are chosen outside.
    void train(const std::vector<std::vector<TokenId>>& texts, std::size_t vocabulary_size) {
        std::vector<std::array<TokenId, 3>> trigrams;
        std::size_t total = 0;
        for (const auto& t : texts) total += t.size();
        trigrams.reserve(total);
        std::vector<std::uint32_t> unigram_counts(vocabulary_size, 0);
        for (const auto& text : texts) {
            TokenId a = kStart, b = kStart;
            for (TokenId c : text) {
                trigrams.push_back({a, b, c});
                ++unigram_counts[c];
                a = b;
                b = c;
            }
        }
        std::sort(trigrams.begin(), trigrams.end());

        // Order 2: one context per distinct (a, b).
        for (std::size_t i = 0; i < trigrams.size();) {
            const std::uint64_t key = context_key(trigrams[i][0], trigrams[i][1]);
            const auto begin = static_cast<std::uint32_t>(order2_.tokens.size());
            std::uint32_t cumulative = 0;
            std::size_t j = i;
            while (j < trigrams.size() && context_key(trigrams[j][0], trigrams[j][1]) == key) {
                std::size_t k = j;
                while (k < trigrams.size() && trigrams[k] == trigrams[j]) ++k;
                cumulative += static_cast<std::uint32_t>(k - j);
                order2_.tokens.push_back(trigrams[j][2]);
                order2_.cumulative.push_back(cumulative);
                j = k;
            }
            contexts_.push_back({key, begin, static_cast<std::uint32_t>(order2_.tokens.size())});
            i = j;
        }
        build_table();

        // Order 1: bigram counts are the trigram counts summed over the
        // first token; re-sort by (b, c) to gather them.
        for (auto& t : trigrams) t = {t[1], t[2], 0};
        std::sort(trigrams.begin(), trigrams.end());
        order1_begin_.assign(vocabulary_size + 1, 0);
        for (std::size_t i = 0; i < trigrams.size();) {
            const TokenId b = trigrams[i][0];
            std::uint32_t cumulative = 0;
            std::size_t j = i;
            while (j < trigrams.size() && trigrams[j][0] == b) {
                std::size_t k = j;
                while (k < trigrams.size() && trigrams[k][1] == trigrams[j][1] &&
                       trigrams[k][0] == b)
                    ++k;
                cumulative += static_cast<std::uint32_t>(k - j);
                order1_.tokens.push_back(trigrams[j][1]);
                order1_.cumulative.push_back(cumulative);
                j = k;
            }
            order1_begin_[b + 1] = static_cast<std::uint32_t>(order1_.tokens.size());
            i = j;
        }
        // Contexts never followed by anything get empty runs.
        for (std::size_t b = 1; b <= vocabulary_size; ++b)
            order1_begin_[b] = std::max(order1_begin_[b], order1_begin_[b - 1]);

        std::uint32_t cumulative = 0;
        for (TokenId t = 0; t < vocabulary_size; ++t) {
            if (unigram_counts[t] == 0 || t == kParagraph) continue;
            cumulative += unigram_counts[t];
            unigram_.tokens.push_back(t);
            unigram_.cumulative.push_back(cumulative);
        }
        if (unigram_.tokens.empty()) throw Error("the training text has no words");
    }

    TokenId next(TokenId a, TokenId b, Random& random) const {
        if (const Context* c = find(context_key(a, b))) {
            const std::uint64_t distinct = c->end - c->begin;
            const std::uint64_t total = order2_.cumulative[c->end - 1];
            // Witten-Bell: back off with probability w * T / (T + C).
            if (random.below((distinct + total) * 100) >= distinct * backoff_percent_)
                return order2_.pick(c->begin, c->end, random.below(total));
        }
        const std::uint32_t begin = order1_begin_[b], end = order1_begin_[b + 1];
        if (begin < end) return order1_.pick(begin, end, random.below(order1_.cumulative[end - 1]));
        return unigram_.pick(0, unigram_.tokens.size(), random.below(unigram_.cumulative.back()));
    }

    void set_backoff_percent(std::uint32_t percent) { backoff_percent_ = percent; }
    std::size_t contexts() const { return contexts_count_; }
    std::size_t bytes() const {
        return (order2_.tokens.size() + order1_.tokens.size() + unigram_.tokens.size()) * 8 +
               table_.size() * sizeof(Context) + order1_begin_.size() * 4;
    }

  private:
    struct Context {
        std::uint64_t key;
        std::uint32_t begin;
        std::uint32_t end;
    };

    static std::uint64_t context_key(TokenId a, TokenId b) {
        return (static_cast<std::uint64_t>(a) << 32) | b;
    }

    // Open addressing with linear probing, the contexts themselves in the
    // slots: generation is bound by this lookup's cache miss, so it is one
    // miss, not two. An empty slot has begin == end.
    void build_table() {
        std::size_t size = 16;
        while (size < contexts_.size() * 2) size <<= 1;
        table_.assign(size, Context{0, 0, 0});
        mask_ = size - 1;
        for (const Context& c : contexts_) {
            std::size_t slot = splitmix64(c.key) & mask_;
            while (table_[slot].begin != table_[slot].end) slot = (slot + 1) & mask_;
            table_[slot] = c;
        }
        contexts_count_ = contexts_.size();
        contexts_.clear();
        contexts_.shrink_to_fit();
    }

    const Context* find(std::uint64_t key) const {
        std::size_t slot = splitmix64(key) & mask_;
        while (table_[slot].begin != table_[slot].end) {
            if (table_[slot].key == key) return &table_[slot];
            slot = (slot + 1) & mask_;
        }
        return nullptr;
    }

    std::uint32_t backoff_percent_ = 25;
    std::vector<Context> contexts_;  // only while training
    std::size_t contexts_count_ = 0;
    std::vector<Context> table_;
    std::size_t mask_ = 0;
    Successors order2_;
    std::vector<std::uint32_t> order1_begin_;
    Successors order1_;
    Successors unigram_;
};

// ---------------------------------------------------------------------------
// Training

struct Training {
    Vocabulary vocab;
    MarkovModel body_model;
    MarkovModel title_model;
    std::vector<std::uint32_t> body_lengths;   // words, non-empty bodies
    std::vector<std::uint32_t> title_lengths;  // words, titles of 5..12 words
    std::size_t articles = 0;
    std::size_t body_tokens = 0;
    std::size_t title_tokens = 0;
};

constexpr std::uint32_t kMinTitleWords = 5;
constexpr std::uint32_t kMaxTitleWords = 12;

std::string string_field(const nlohmann::json& object, std::initializer_list<const char*> names) {
    for (const char* name : names) {
        const auto it = object.find(name);
        if (it != object.end() && it->is_string()) return it->get<std::string>();
    }
    return {};
}

Training train(const std::vector<std::string>& paths) {
    Training t;
    std::vector<std::vector<TokenId>> bodies;
    std::vector<std::vector<TokenId>> titles;
    for (const auto& path : paths) {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw Error(path + ": cannot open the training file");
        std::string line;
        std::size_t line_number = 0;
        while (std::getline(in, line)) {
            ++line_number;
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            nlohmann::json object;
            try {
                object = nlohmann::json::parse(line);
            } catch (const nlohmann::json::exception& e) {
                throw Error(fmt::format("{}:{}: not valid JSON: {}", path, line_number, e.what()));
            }
            if (!object.is_object()) continue;
            ++t.articles;
            auto body = tokenize(string_field(object, {"body", "text", "content"}), true, t.vocab);
            if (const std::size_t words = count_words(body, t.vocab); words > 0) {
                t.body_lengths.push_back(static_cast<std::uint32_t>(words));
                t.body_tokens += body.size();
                bodies.push_back(std::move(body));
            }
            auto title = tokenize(string_field(object, {"title", "headline"}), false, t.vocab);
            if (!title.empty()) {
                const auto words = static_cast<std::uint32_t>(count_words(title, t.vocab));
                if (words >= kMinTitleWords && words <= kMaxTitleWords)
                    t.title_lengths.push_back(words);
                t.title_tokens += title.size();
                titles.push_back(std::move(title));
            }
        }
        if (in.bad()) throw Error(path + ": read error");
    }
    if (bodies.empty()) throw Error("the training files have no article bodies");
    if (t.title_lengths.empty()) {
        throw Error(fmt::format("the training files have no titles of {} to {} words",
                                kMinTitleWords, kMaxTitleWords));
    }
    t.body_model.train(bodies, t.vocab.size());
    t.title_model.train(titles, t.vocab.size());
    return t;
}

// ---------------------------------------------------------------------------
// Generation

constexpr std::array<std::string_view, 8> kSources = {
    "Reuters", "Associated Press",  "Agence France-Presse",      "Bloomberg", "Dow Jones",
    "Kyodo",   "Press Association", "United Press International"};

// 1987-01-01T00:00:00Z and 2027-01-01T00:00:00Z.
constexpr std::int64_t kFirstSecond = 536457600;
constexpr std::int64_t kEndSecond = 1798761600;
constexpr std::uint64_t kMaxArticles = 1'000'000'000;

std::string iso_date(std::int64_t t) {
    // civil_from_days (H. Hinnant), so no time zone or locale is involved.
    const std::int64_t days = t / 86400;
    const std::int64_t secs = t % 86400;
    const std::int64_t z = days + 719468;
    const std::int64_t era = z / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", y, m, d, secs / 3600, secs / 60 % 60,
                       secs % 60);
}

void append_token(std::string& out, const Vocabulary& vocab, TokenId token, Glue& previous) {
    const Glue glue = vocab.glue(token);
    if (glue == Glue::kBreak) {
        out += '\n';
    } else {
        if (!out.empty() && previous != Glue::kRight && previous != Glue::kBreak &&
            glue != Glue::kLeft)
            out += ' ';
        out += vocab.text(token);
    }
    previous = glue;
}

class Generator {
  public:
    Generator(const Training& training, std::uint64_t seed, std::uint64_t articles)
        : t_(training), seed_(splitmix64(seed)), articles_(articles) {}

    // Article `n` (0-based) as a JSON line, appended to `out`.
    void article(std::uint64_t n, std::string& out) const {
        Random random(seed_ + n);
        std::string title = generate_title(random, pick(t_.title_lengths, random));
        std::string body = generate_body(random, pick(t_.body_lengths, random));
        // span * n stays below 2^63 for up to kMaxArticles articles.
        constexpr auto kSpan = static_cast<std::uint64_t>(kEndSecond - kFirstSecond);
        const std::uint64_t slot_begin = kSpan * n / articles_;
        const std::uint64_t slot_end = kSpan * (n + 1) / articles_;
        const std::int64_t date =
            kFirstSecond +
            static_cast<std::int64_t>(
                slot_begin + random.below(std::max<std::uint64_t>(1, slot_end - slot_begin)));
        const std::string_view source = kSources[random.below(kSources.size())];

        nlohmann::ordered_json j;
        j["title"] = std::move(title);
        j["body"] = std::move(body);
        j["date"] = iso_date(date);
        j["source"] = source;
        j["url"] = fmt::format("markov:{}", n + 1);
        out += j.dump();
        out += '\n';
    }

  private:
    static std::uint32_t pick(const std::vector<std::uint32_t>& lengths, Random& random) {
        return lengths[random.below(lengths.size())];
    }

    // A body of about `words` words from the start-of-text context, ending
    // at a sentence or line end (tables have no full stops): of the last
    // such boundary before `words` and the first one after it (at most
    // kRunOn words after), the nearer one, so that lengths keep the
    // training distribution instead of all growing by half a sentence.
    std::string generate_body(Random& random, std::uint32_t words) const {
        constexpr std::uint32_t kRunOn = 30;
        const Vocabulary& vocab = t_.vocab;
        std::vector<TokenId> tokens;
        std::size_t boundary_tokens = 0;  // tokens up to the last boundary
        std::uint32_t boundary_words = 0;
        TokenId a = kStart, b = kStart;
        std::uint32_t count = 0;
        for (;;) {
            const TokenId c = t_.body_model.next(a, b, random);
            const bool at_boundary = vocab.ends_sentence(b) || c == kParagraph;
            if (at_boundary && count >= words) break;
            if (count >= words + kRunOn) break;
            if (at_boundary && count > 0) {
                boundary_tokens = tokens.size();
                boundary_words = count;
            }
            tokens.push_back(c);
            count += vocab.is_word(c);
            a = b;
            b = c;
        }
        if (boundary_words > 0 && words - boundary_words < count - words)
            tokens.resize(boundary_tokens);
        return render(tokens, false);
    }

    // A title of exactly `words` words, without trailing punctuation other
    // than closing brackets and quotes.
    std::string generate_title(Random& random, std::uint32_t words) const {
        const Vocabulary& vocab = t_.vocab;
        std::vector<TokenId> tokens;
        TokenId a = kStart, b = kStart;
        for (std::uint32_t count = 0; count < words;) {
            const TokenId c = t_.title_model.next(a, b, random);
            if (c == kParagraph) continue;
            if (count + vocab.is_word(c) > words) break;
            tokens.push_back(c);
            count += vocab.is_word(c);
            a = b;
            b = c;
        }
        return render(tokens, true);
    }

    std::string render(std::vector<TokenId>& tokens, bool title) const {
        const Vocabulary& vocab = t_.vocab;
        auto dangling = [&](TokenId t) {
            if (t == kParagraph || vocab.glue(t) == Glue::kRight) return true;
            return title && vocab.glue(t) == Glue::kLeft && vocab.text(t) != ")" &&
                   vocab.text(t) != "\"";
        };
        while (!tokens.empty() && dangling(tokens.back())) tokens.pop_back();
        std::string out;
        Glue previous = Glue::kBreak;
        for (TokenId token : tokens) append_token(out, vocab, token, previous);
        return out;
    }

    const Training& t_;
    std::uint64_t seed_;
    std::uint64_t articles_;
};

// Writes shard `shard` through a temporary name, so a shard that is there
// is complete.
std::uint64_t write_shard(const Generator& generator, const std::string& dir, std::uint64_t shard,
                          std::uint64_t per_file, std::uint64_t articles) {
    const std::string path = fmt::format("{}/part-{:05}.jsonl", dir, shard);
    const std::string temp = path + ".tmp";
    std::FILE* file = std::fopen(temp.c_str(), "wb");
    if (!file) throw Error(temp + ": cannot create: " + std::strerror(errno));
    std::string buffer;
    std::uint64_t bytes = 0;
    const std::uint64_t first = shard * per_file;
    const std::uint64_t last = std::min(articles, first + per_file);
    bool ok = true;
    for (std::uint64_t n = first; n < last && ok; ++n) {
        generator.article(n, buffer);
        if (buffer.size() >= (std::size_t{1} << 20) || n + 1 == last) {
            ok = std::fwrite(buffer.data(), 1, buffer.size(), file) == buffer.size();
            bytes += buffer.size();
            buffer.clear();
        }
    }
    ok = std::fclose(file) == 0 && ok;
    if (!ok) {
        std::remove(temp.c_str());
        throw Error(path + ": write failed (disk full?)");
    }
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    if (ec) throw Error(path + ": cannot rename into place: " + ec.message());
    return bytes;
}

// Part files from an earlier, larger run would be read as part of this
// corpus; they are removed (only names this program writes).
void remove_stale_shards(const std::string& dir, std::uint64_t shards) {
    namespace fs = std::filesystem;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.size() < 12 || !name.starts_with("part-")) continue;
        const bool tmp = name.ends_with(".jsonl.tmp");
        if (!tmp && !name.ends_with(".jsonl")) continue;
        const std::string digits = name.substr(5, name.find('.') - 5);
        if (digits.empty() ||
            !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
            continue;
        if (tmp || std::stoull(digits) >= shards) {
            fmt::print(stderr, "markov_corpus: removing {} (left from an earlier run)\n",
                       entry.path().string());
            fs::remove(entry.path());
        }
    }
}

int run(int argc, char** argv) {
    CLI::App app{
        "Generate a synthetic news corpus with word-level Markov models trained on real "
        "articles (JSON Lines in, JSON Lines shards out). Deterministic from --seed."};
    std::vector<std::string> train_paths;
    std::uint64_t articles = 0;
    std::uint64_t seed = 42;
    std::string out_dir;
    std::uint64_t per_file = 10000;
    unsigned threads = 1;
    std::uint32_t backoff_percent = 25;
    app.add_option("--train", train_paths, "Training JSON Lines file(s), e.g. reuters.jsonl")
        ->required();
    app.add_option("--articles,-n", articles, "Articles to generate")
        ->required()
        ->check(CLI::Range(std::uint64_t{1}, kMaxArticles));
    app.add_option("--seed", seed, "Random seed")->capture_default_str();
    app.add_option("--out,-o", out_dir, "Output folder for part-NNNNN.jsonl shards")->required();
    app.add_option("--per-file", per_file, "Articles per shard")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    app.add_option("--threads,-j", threads, "Shards generated in parallel (output is the same)")
        ->capture_default_str()
        ->check(CLI::Range(1u, 256u));
    app.add_option("--backoff-percent", backoff_percent,
                   "Scales the Witten-Bell back-off from order 2 to order 1: 100 mixes more, "
                   "0 replays training sentences more")
        ->capture_default_str()
        ->check(CLI::Range(0u, 100u));
    CLI11_PARSE(app, argc, argv);

    try {
        const auto start = Clock::now();
        Training training = train(train_paths);
        training.body_model.set_backoff_percent(backoff_percent);
        training.title_model.set_backoff_percent(backoff_percent);
        const double train_seconds = std::chrono::duration<double>(Clock::now() - start).count();
        fmt::print(
            stderr,
            "markov_corpus: trained on {} articles ({} body tokens, {} title tokens, {} "
            "distinct tokens; {} + {} order-2 contexts, {:.0f} MB) in {:.1f} s\n",
            training.articles, training.body_tokens, training.title_tokens, training.vocab.size(),
            training.body_model.contexts(), training.title_model.contexts(),
            (training.body_model.bytes() + training.title_model.bytes()) / 1e6, train_seconds);

        std::filesystem::create_directories(out_dir);
        const std::uint64_t shards = (articles + per_file - 1) / per_file;
        remove_stale_shards(out_dir, shards);

        const Generator generator(training, seed, articles);
        const auto gen_start = Clock::now();
        std::atomic<std::uint64_t> next_shard{0};
        std::atomic<std::uint64_t> bytes{0};
        std::mutex error_mutex;
        std::string error;
        auto worker = [&] {
            for (;;) {
                const std::uint64_t shard = next_shard++;
                if (shard >= shards) return;
                try {
                    bytes += write_shard(generator, out_dir, shard, per_file, articles);
                } catch (const std::exception& e) {
                    std::lock_guard lock(error_mutex);
                    if (error.empty()) error = e.what();
                    next_shard = shards;
                    return;
                }
            }
        };
        std::vector<std::thread> pool;
        for (unsigned i = 1; i < threads; ++i) pool.emplace_back(worker);
        worker();
        for (auto& thread : pool) thread.join();
        if (!error.empty()) throw Error(error);

        const double seconds = std::chrono::duration<double>(Clock::now() - gen_start).count();
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        fmt::print(stderr,
                   "markov_corpus: {} articles in {} files, {:.1f} MB, in {:.1f} s ({:.0f} "
                   "articles/s, {:.1f} MB/s), peak memory {:.0f} MB -> {}\n",
                   articles, shards, bytes.load() / 1e6, seconds, articles / seconds,
                   bytes.load() / 1e6 / seconds, usage.ru_maxrss / 1024.0, out_dir);
    } catch (const std::exception& e) {
        fmt::print(stderr, "markov_corpus: {}\n", e.what());
        return 1;
    }
    return 0;
}

}  // namespace
}  // namespace scoop

int main(int argc, char** argv) {
    return scoop::run(argc, argv);
}
