#include "query/query_parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <unordered_set>

#include "analysis/date_parser.h"
#include "analysis/normalizer.h"
#include "analysis/word_tokenizer.h"
#include "query/edit_distance_walk.h"
#include "util/visible_text.h"

namespace scoop {
namespace {

// The query as one line of at most about kExcerptBytes, with the part
// around `offset` kept, and the caret line under the offending character.
// Columns count what the terminal shows (visible escapes, wide characters).
constexpr std::size_t kExcerptBytes = 120;

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

std::pair<std::string, std::string> excerpt_with_caret(std::string_view query, std::size_t offset) {
    offset = std::min(offset, query.size());
    std::size_t begin = 0, end = query.size();
    if (query.size() > kExcerptBytes) {
        begin = offset > kExcerptBytes / 2 ? offset - kExcerptBytes / 2 : 0;
        end = std::min(query.size(), begin + kExcerptBytes);
        while (begin > 0 && is_continuation(query[begin])) --begin;
        while (end < query.size() && is_continuation(query[end])) ++end;
    }
    std::string line = begin > 0 ? std::string("…") : std::string();
    std::size_t column = begin > 0 ? 1 : 0;
    line += visible(query.substr(begin, end - begin));
    if (end < query.size()) line += "…";
    column += display_width(query.substr(begin, offset - begin));
    return {line, std::string(column, ' ') + "^"};
}

enum class Kind { kWord, kPhrase, kLParen, kRParen, kAnd, kOr, kNot, kPlus, kMinus, kField, kEnd };

struct Lexeme {
    Kind kind;
    std::string_view text;
    std::size_t offset;
    // "~2" after a closing quote: Lucene's proximity.
    std::string_view proximity = {};
    // "~" or "~1" after a word: fuzzy search of it.
    std::string_view fuzzy = {};
    // "^2" after a word, a phrase or a ')': Lucene's boost.
    std::string_view boost = {};
};

std::string_view describe(const Lexeme& l) {
    switch (l.kind) {
        case Kind::kAnd:
        case Kind::kOr:
        case Kind::kNot:
            return l.text;  // AND, &&, OR, ||, NOT, !
        case Kind::kRParen:
            return "')'";
        case Kind::kLParen:
            return "'('";
        case Kind::kEnd:
            return "the end of the query";
        default:
            return l.text;
    }
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Letters and digits as far as the query syntax cares: ASCII ones, and any
// byte of a multi-byte UTF-8 character.
bool is_word_byte(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (static_cast<unsigned char>(c) & 0x80);
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// The signs that may stand in front of a term: +word, -word, !word.
bool is_sign(char c) {
    return c == '+' || c == '-' || c == '!';
}

// Opening and closing quote characters: ASCII and typographic double quotes.
std::size_t quote_length(std::string_view s, std::size_t i) {
    if (s[i] == '"') return 1;
    for (std::string_view q : {"\u201C", "\u201D", "\u201E"})
        if (s.substr(i, q.size()) == q) return q.size();
    return 0;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// The length of Lucene's "^2", "^2.5" (op '^', digits required) or "~",
// "~2" (op '~') starting at s[i], or 0.
std::size_t suffix_length(std::string_view s, std::size_t i, char op) {
    if (i >= s.size() || s[i] != op) return 0;
    std::size_t j = i + 1;
    while (j < s.size() && is_digit(s[j])) ++j;
    if (j < s.size() && s[j] == '.' && j + 1 < s.size() && is_digit(s[j + 1])) {
        ++j;
        while (j < s.size() && is_digit(s[j])) ++j;
    }
    if (op == '^' && j == i + 1) return 0;
    return j - i;
}

// What the lexer and the parser do with input that is not well formed: in
// strict mode, the error; in lenient mode, a note saying how it was read.
class Recovery {
  public:
    Recovery(std::string_view query, QuerySyntax syntax, std::vector<std::string>& notes)
        : q_(query), strict_(syntax == QuerySyntax::kStrict), notes_(notes) {}

    bool strict() const { return strict_; }
    // Throws QueryError(strict_message) in strict mode, records `note` otherwise.
    void note_or_fail(std::size_t offset, const std::string& strict_message, std::string note) {
        if (strict_) throw QueryError(q_, offset, strict_message);
        notes_.push_back(std::move(note));
    }
    void note(std::string note) { notes_.push_back(std::move(note)); }

  private:
    std::string_view q_;
    bool strict_;
    std::vector<std::string>& notes_;
};

class Lexer {
  public:
    Lexer(std::string_view q, Recovery& recovery) : q_(q), recovery_(recovery) {}

    std::vector<Lexeme> run() {
        std::vector<Lexeme> out;
        std::size_t i = 0;
        while (i < q_.size()) {
            if (is_space(q_[i])) {
                ++i;
                continue;
            }
            if (q_[i] == '(' || q_[i] == ')') {
                out.push_back({q_[i] == '(' ? Kind::kLParen : Kind::kRParen, q_.substr(i, 1), i});
                ++i;
                if (q_[i - 1] == ')') i = boost_after(out, i);
                continue;
            }
            if (const std::size_t ql = quote_length(q_, i)) {
                std::size_t j = i + ql;
                std::size_t close = 0;
                while (j < q_.size() && (close = quote_length(q_, j)) == 0) ++j;
                if (j >= q_.size()) {
                    // As Xapian reads it: the phrase runs to the end.
                    recovery_.note_or_fail(i, "this quote is never closed; add a closing \"",
                                           "a quote that is never closed: the rest of the query "
                                           "read as the phrase");
                    out.push_back({Kind::kPhrase, q_.substr(i + ql), i});
                    break;
                }
                out.push_back({Kind::kPhrase, q_.substr(i + ql, j - i - ql), i});
                i = j + close;
                if (const std::size_t n = suffix_length(q_, i, '~')) {
                    out.back().proximity = q_.substr(i, n);
                    i += n;
                }
                i = boost_after(out, i);
                continue;
            }
            if (is_sign(q_[i]) && (i == 0 || starts_term(i))) {
                if (sign(out, i)) continue;
            }
            std::size_t j = i;
            while (j < q_.size() && !is_space(q_[j]) && q_[j] != '(' && q_[j] != ')' &&
                   quote_length(q_, j) == 0)
                ++j;
            chunk(out, i, j);
            i = j;
        }
        out.push_back({Kind::kEnd, {}, q_.size()});
        if (!recovery_.strict()) balance(out);
        return out;
    }

  private:
    static bool is_field(std::string_view name) {
        const std::string n = lower_ascii(name);
        return n == "title" || n == "source" || n == "date" || n == "after" || n == "before";
    }
    // "body:iran", "author:orwell": a name and a value, as in the fields of
    // other engines' query languages, which must not quietly become the
    // phrase "body iran". Not "10:30", "http://host" or "Note:" at the end
    // of a word, which are text.
    static bool looks_like_field(std::string_view chunk, std::size_t colon) {
        if (colon == 0 || colon + 1 >= chunk.size()) return false;
        for (std::size_t k = 0; k < colon; ++k) {
            const char c = chunk[k];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')) return false;
        }
        return chunk.substr(colon + 1, 2) != "//";
    }
    // A sign is an operator where a term may start: after a space or '('.
    bool starts_term(std::size_t i) const { return is_space(q_[i - 1]) || q_[i - 1] == '('; }

    // The sign(s) at q_[i]. True when they were consumed (an operator, or
    // text in lenient mode); false leaves them to be read as a word.
    bool sign(std::vector<Lexeme>& out, std::size_t& i) {
        const char s = q_[i];
        const bool follows = i + 1 < q_.size() && !is_space(q_[i + 1]) && q_[i + 1] != ')';
        if (!follows) {
            // "alpha (+)- thalassemia", "the G - quadruplex": a dash or a
            // plus in text. It has no letters, so reading it as text drops it.
            recovery_.note_or_fail(
                i, fmt::format("'{}' needs a term right after it, as in {}word", s, s),
                fmt::format("'{}' with no term right after it read as text", s));
            ++i;
            return true;
        }
        if (is_sign(q_[i + 1])) {
            // "+-iran", "--iran": neither required nor excluded is what was
            // asked for, so the signs are text and the word a plain word.
            std::size_t j = i;
            while (j < q_.size() && is_sign(q_[j])) ++j;
            recovery_.note_or_fail(
                i + 1,
                fmt::format("'{}' right after '{}': a term is either required "
                            "(+word) or excluded (-word); keep one of them",
                            q_[i + 1], s),
                fmt::format("'{}' in front of a term read as text: a term is either required "
                            "(+word) or excluded (-word, !word)",
                            q_.substr(i, j - i)));
            i = j;
            return true;
        }
        // Lucene's "!word" is NOT word.
        out.push_back({s == '+'   ? Kind::kPlus
                       : s == '-' ? Kind::kMinus
                                  : Kind::kNot,
                       q_.substr(i, 1), i});
        ++i;
        return true;
    }

    // Lucene's boost "^2" right after a phrase or a ')' at q_[i], kept on
    // the last lexeme; returns the position after it.
    std::size_t boost_after(std::vector<Lexeme>& out, std::size_t i) {
        const std::size_t n = suffix_length(q_, i, '^');
        if (n == 0) return i;
        out.back().boost = q_.substr(i, n);
        return i + n;
    }

    // Text from i to j, without spaces, parentheses or quotes.
    void chunk(std::vector<Lexeme>& out, std::size_t i, std::size_t j) {
        std::string_view chunk = q_.substr(i, j - i);
        if (chunk == "AND" || chunk == "&&") return out.push_back({Kind::kAnd, chunk, i});
        if (chunk == "OR" || chunk == "||") return out.push_back({Kind::kOr, chunk, i});
        if (chunk == "NOT") return out.push_back({Kind::kNot, chunk, i});
        std::string_view fuzzy, boost;
        strip_suffixes(chunk, i, fuzzy, boost);
        if (chunk.empty()) return;
        const std::size_t before = out.size();
        question_mark(chunk, i);
        if (const std::size_t colon = chunk.find(':');
            colon != std::string_view::npos && is_field(chunk.substr(0, colon))) {
            out.push_back({Kind::kField, chunk.substr(0, colon), i});
            if (colon + 1 < chunk.size())
                out.push_back({Kind::kWord, chunk.substr(colon + 1), i + colon + 1});
        } else if (colon != std::string_view::npos && looks_like_field(chunk, colon)) {
            recovery_.note_or_fail(
                i,
                fmt::format("'{}:' is not a field; the fields are title:, source:, date:, "
                            "after: and before: (to search the words, quote them: \"{}\")",
                            chunk.substr(0, colon), chunk),
                fmt::format("'{}:' is not a field (the fields are title:, source:, date:, "
                            "after: and before:): '{}' searched as words",
                            chunk.substr(0, colon), chunk));
            out.push_back({Kind::kWord, chunk.substr(0, colon), i});
            out.push_back({Kind::kWord, chunk.substr(colon + 1), i + colon + 1});
        } else {
            out.push_back({Kind::kWord, chunk, i});
        }
        if (out.size() > before && out.back().kind == Kind::kWord) {
            out.back().fuzzy = fuzzy;
            out.back().boost = boost;
        }
    }

    // Lucene's "term^2" (a boost) and "term~" / "term~2" (fuzzy) at the end
    // of a word. Only after a letter: "10^6" and "~10" are text.
    void strip_suffixes(std::string_view& chunk, std::size_t at, std::string_view& fuzzy,
                        std::string_view& boost) {
        for (;;) {
            const std::size_t mark = chunk.find_last_of("^~");
            if (mark == std::string_view::npos || mark == 0 ||
                suffix_length(chunk, mark, chunk[mark]) != chunk.size() - mark)
                return;
            // After a letter, or a boost after a fuzzy word's "~2".
            std::size_t before = mark;
            if (chunk[mark] == '^')
                while (before > 1 && is_digit(chunk[before - 1])) --before;
            const bool after_fuzzy = chunk[mark] == '^' && before > 1 && chunk[before - 1] == '~' &&
                                     is_word_byte(chunk[before - 2]) &&
                                     !is_digit(chunk[before - 2]);
            if (!after_fuzzy && (!is_word_byte(chunk[mark - 1]) || is_digit(chunk[mark - 1])))
                return;
            const std::string_view suffix = chunk.substr(mark);
            if (suffix[0] == '^' && boost.empty()) {
                boost = suffix;  // read by primary()
            } else if (suffix[0] == '^') {
                recovery_.note_or_fail(
                    at + mark, fmt::format("'{}' after the boost '{}': remove one", suffix, boost),
                    fmt::format("'{}' ignored: the word already has the boost '{}'", suffix,
                                boost));
            } else if (fuzzy.empty()) {
                fuzzy = suffix;  // the word's, read by word()
            } else {
                recovery_.note_or_fail(
                    at + mark,
                    fmt::format("'{}' after a fuzzy word's '{}': remove one", suffix, fuzzy),
                    fmt::format("'{}' ignored: '{}' already makes the word fuzzy", suffix, fuzzy));
            }
            chunk = chunk.substr(0, mark);
        }
    }

    // Lucene's one-character wildcard: "te?t". A '?' ending a word is
    // punctuation, not this.
    void question_mark(std::string_view chunk, std::size_t at) {
        for (std::size_t k = 1; k + 1 < chunk.size(); ++k)
            if (chunk[k] == '?' && is_word_byte(chunk[k - 1]) && is_word_byte(chunk[k + 1])) {
                recovery_.note_or_fail(
                    at + k,
                    "'?' is not a wildcard; only '*' at the end of a word is (cosmo*); remove "
                    "the '?'",
                    fmt::format("'?' is not a wildcard (only '*' at the end of a word is): "
                                "'{}' read as text",
                                chunk));
                return;
            }
    }

    // Lenient mode: a ')' without its '(' is dropped, and each '(' never
    // closed is closed at the end, so the parser sees balanced parentheses.
    void balance(std::vector<Lexeme>& lexemes) {
        std::vector<Lexeme> out;
        out.reserve(lexemes.size());
        std::size_t open = 0;
        for (const Lexeme& l : lexemes) {
            if (l.kind == Kind::kRParen && open == 0) {
                recovery_.note("a ')' with no '(' before it ignored");
                continue;
            }
            if (l.kind == Kind::kLParen) ++open;
            if (l.kind == Kind::kRParen) --open;
            if (l.kind == Kind::kEnd && open > 0) {
                recovery_.note("a '(' that is never closed: closed at the end of the query");
                for (; open > 0; --open) out.push_back({Kind::kRParen, {}, q_.size()});
            }
            out.push_back(l);
        }
        lexemes = std::move(out);
    }

    std::string_view q_;
    Recovery& recovery_;
};

// A parsed piece with the modifier in front of it.
struct Part {
    Occur occur = Occur::kShould;  // kShould: no modifier
    Query query;
    std::size_t offset = 0;
};

bool only_excluded(const Query& q) {
    const auto* b = std::get_if<BooleanQuery>(&q);
    if (b == nullptr || b->clauses.empty()) return false;
    for (const auto& c : b->clauses)
        if (c.occur != Occur::kMustNot) return false;
    return true;
}

// The first second of a calendar day of the years 1 to 10000 (the year
// after the last a query can name), or nullopt for a day that does not
// exist. Query dates need not be plausible article dates: date:9999 is a
// valid period that matches nothing.
std::optional<Timestamp> day_start(int year, int month, int day) {
    static constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1 || year > 10000 || month < 1 || month > 12 || day < 1) return std::nullopt;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (day > kDaysInMonth[month - 1] + (month == 2 && leap ? 1 : 0)) return std::nullopt;
    return days_from_civil(year, month, day) * 86400;
}

class Parser {
  public:
    Parser(std::string_view query, Analyzer& analyzer, const QueryLimits& limits,
           QuerySyntax syntax)
        : q_(query),
          analyzer_(analyzer),
          limits_(limits),
          recovery_(query, syntax, warnings_),
          lexemes_(Lexer(query, recovery_).run()) {}

    ParsedQuery run() {
        ParsedQuery result;
        std::optional<Query> q = sequence();
        if (peek().kind == Kind::kRParen) fail(peek(), "this ')' has no matching '('");
        if (peek().kind != Kind::kEnd) fail(peek(), fmt::format("unexpected {}", describe(peek())));
        // Not syntax, so errors in both modes: there is nothing to answer.
        if (!q)
            throw QueryError(q_, 0,
                             warnings_.empty() ? std::string("the query has no words to search for")
                                               : "the query has no words to search for (" +
                                                     warnings_.front() + ")");
        if (only_excluded(*q) ||
            (std::holds_alternative<BooleanQuery>(*q) && !has_positive(std::get<BooleanQuery>(*q))))
            throw QueryError(
                q_, 0, "the query only excludes; add a word to search for, as in: iran -clinton");
        result.query = std::move(*q);
        // Each note once: "a - b - c" has one stray '-' to explain, not two.
        std::unordered_set<std::string> seen;
        for (std::string& w : warnings_)
            if (seen.insert(w).second) result.warnings.push_back(std::move(w));
        return result;
    }

  private:
    // Parts that restrict without scoring.
    static bool is_filter(const Query& q) {
        return std::holds_alternative<DateRangeQuery>(q) || std::holds_alternative<SourceQuery>(q);
    }

    // Lucene's "^2" on a word, a phrase or a group: multiplies its scores.
    void apply_boost(const Lexeme& l, std::optional<Part>& part) {
        if (l.boost.empty() || !part) return;
        const std::size_t at = static_cast<std::size_t>(l.boost.data() - q_.data());
        double value = 0;
        try {
            value = std::stod(std::string(l.boost.substr(1)));
        } catch (const std::exception&) {
            value = -1;  // out of range: refused below
        }
        if (!(value > 0 && value <= kMaxBoost)) {
            recovery_.note_or_fail(
                at,
                fmt::format("a boost must be above 0 and at most {} ('{}')", kMaxBoost, l.boost),
                fmt::format("'{}' ignored: a boost must be above 0 and at most {}", l.boost,
                            kMaxBoost));
            return;
        }
        if (is_filter(part->query)) {
            recovery_.note_or_fail(
                at, fmt::format("'{}' boosts a filter, which has no score; remove it", l.boost),
                fmt::format("'{}' ignored: a filter has no score", l.boost));
            return;
        }
        BooleanQuery boosted;
        boosted.clauses.push_back({Occur::kShould, std::move(part->query)});
        boosted.boost = value;
        part->query = std::move(boosted);
    }
    static constexpr double kMaxBoost = 10000;

    static bool has_positive(const BooleanQuery& b) {
        for (const auto& c : b.clauses)
            if (c.occur != Occur::kMustNot) return true;
        return false;
    }

    const Lexeme& peek() const { return lexemes_[pos_]; }
    const Lexeme& take() { return lexemes_[pos_ < lexemes_.size() - 1 ? pos_++ : pos_]; }

    [[noreturn]] void fail(const Lexeme& at, const std::string& message) const {
        throw QueryError(q_, at.offset, message);
    }
    bool strict() const { return recovery_.strict(); }
    void note_or_fail(const Lexeme& at, const std::string& message, std::string note) {
        recovery_.note_or_fail(at.offset, message, std::move(note));
    }

    static bool ends_operand(Kind k) {
        return k == Kind::kEnd || k == Kind::kRParen || k == Kind::kAnd || k == Kind::kOr;
    }

    // clause+ up to ')' or the end. nullopt when every word was skipped.
    std::optional<Query> sequence() {
        BooleanQuery b;
        std::size_t plain = 0;
        while (peek().kind != Kind::kEnd && peek().kind != Kind::kRParen) {
            if (peek().kind == Kind::kAnd || peek().kind == Kind::kOr) {
                note_or_fail(peek(), fmt::format("{} needs a term before it", describe(peek())),
                             fmt::format("'{}' with no term before it ignored", describe(peek())));
                take();
                continue;
            }
            std::optional<Part> part = or_expr();
            if (!part) continue;
            add_clause(b, std::move(*part), Occur::kShould, plain);
        }
        if (b.clauses.empty()) return std::nullopt;
        if (b.clauses.size() == 1 && b.clauses[0].occur == Occur::kShould)
            return std::move(b.clauses[0].query);
        return Query(std::move(b));
    }

    // Puts a part into a boolean: plain parts take `plain_occur`, dates are
    // filters, a group of exclusions is lifted into the parent.
    void add_clause(BooleanQuery& b, Part part, Occur plain_occur, std::size_t& plain_count) {
        if (part.occur == Occur::kShould && only_excluded(part.query)) {
            for (auto& c : std::get<BooleanQuery>(part.query).clauses)
                b.clauses.push_back(std::move(c));
            return;
        }
        Occur occur = part.occur == Occur::kShould ? plain_occur : part.occur;
        if (is_filter(part.query) && occur != Occur::kMustNot) occur = Occur::kFilter;
        if (occur == Occur::kShould) ++plain_count;
        b.clauses.push_back({occur, std::move(part.query)});
    }

    std::optional<Part> or_expr() {
        std::vector<Part> parts;
        std::optional<Part> first = and_expr();
        if (first) parts.push_back(std::move(*first));
        while (peek().kind == Kind::kOr) {
            const Lexeme& op = take();
            if (ends_operand(peek().kind)) {
                note_or_fail(op, fmt::format("{} needs a term after it", op.text),
                             fmt::format("'{}' with no term after it ignored", op.text));
                continue;
            }
            std::optional<Part> next = and_expr();
            // Lenient: a side with nothing searchable is dropped (its word
            // has its own note).
            if (!next) {
                if (!strict()) continue;
                fail(op,
                     fmt::format("{} needs a term after it with letters or digits in it", op.text));
            }
            if (!first && parts.empty() && strict())
                fail(op, fmt::format("{} needs a term before it with letters or digits in it",
                                     op.text));
            parts.push_back(std::move(*next));
        }
        if (parts.size() <= 1)
            return parts.empty() ? std::nullopt : std::optional<Part>(std::move(parts[0]));
        BooleanQuery b;
        for (Part& p : parts) {
            if (p.occur == Occur::kMustNot || only_excluded(p.query)) {
                recovery_.note_or_fail(
                    p.offset, "an excluded term cannot be one side of OR; write: a OR b -c",
                    "an excluded term as one side of OR excludes it from the whole OR (a OR -b "
                    "read as a -b)");
                if (p.occur == Occur::kMustNot)
                    b.clauses.push_back({Occur::kMustNot, std::move(p.query)});
                else
                    for (auto& c : std::get<BooleanQuery>(p.query).clauses)
                        b.clauses.push_back(std::move(c));
                continue;
            }
            if (p.occur == Occur::kMust)
                recovery_.note_or_fail(p.offset,
                                       "'+' has no meaning inside OR; remove it or use AND",
                                       "'+' has no meaning inside OR: ignored");
            if (is_filter(p.query)) {
                recovery_.note_or_fail(
                    p.offset,
                    "a date range or source cannot be one side of OR; it filters the whole query",
                    "a date range or source as one side of OR filters the whole OR");
                b.clauses.push_back({Occur::kFilter, std::move(p.query)});
                continue;
            }
            b.clauses.push_back({Occur::kShould, std::move(p.query)});
        }
        return Part{Occur::kShould, Query(std::move(b)), parts[0].offset};
    }

    std::optional<Part> and_expr() {
        std::vector<Part> parts;
        std::optional<Part> first = unary();
        while (peek().kind == Kind::kAnd) {
            const Lexeme& op = take();
            if (!first && parts.empty() && strict())
                fail(op, fmt::format("{} needs a term before it with letters or digits in it",
                                     op.text));
            if (first) {
                parts.push_back(std::move(*first));
                first.reset();
            }
            if (ends_operand(peek().kind)) {
                note_or_fail(op, fmt::format("{} needs a term after it", op.text),
                             fmt::format("'{}' with no term after it ignored", op.text));
                continue;
            }
            std::optional<Part> next = unary();
            if (!next) {
                if (!strict()) continue;
                fail(op,
                     fmt::format("{} needs a term after it with letters or digits in it", op.text));
            }
            parts.push_back(std::move(*next));
        }
        if (parts.empty()) return first;
        // Lenient: "a AND" with its AND ignored is just a.
        if (parts.size() == 1) return std::move(parts[0]);
        const std::size_t offset = parts.front().offset;
        BooleanQuery b;
        std::size_t plain = 0;
        for (Part& p : parts) add_clause(b, std::move(p), Occur::kMust, plain);
        // Lenient: "-a AND -b" is two exclusions, lifted into the parent.
        if (!has_positive(b) && strict())
            throw QueryError(q_, offset, "AND needs at least one term that is not excluded");
        return Part{Occur::kShould, Query(std::move(b)), offset};
    }

    static bool is_prefix_operator(Kind k) {
        return k == Kind::kNot || k == Kind::kMinus || k == Kind::kPlus;
    }

    std::optional<Part> unary() {
        // A loop, not recursion: "NOT NOT NOT ... a" must not grow the stack.
        while (is_prefix_operator(peek().kind)) {
            const Lexeme& l = take();
            if (ends_operand(peek().kind) || is_prefix_operator(peek().kind)) {
                note_or_fail(l, fmt::format("{} needs a term right after it", l.text),
                             fmt::format("'{}' with no term right after it ignored", l.text));
                if (ends_operand(peek().kind)) return std::nullopt;
                continue;
            }
            std::optional<Part> inner = primary();
            if (!inner) {
                if (!strict()) return std::nullopt;
                fail(l, fmt::format("{} needs a term with letters or digits in it", l.text));
            }
            if (only_excluded(inner->query)) {
                // Lenient: the outer sign is text; the exclusions stay.
                note_or_fail(l,
                             "excluding an exclusion is not supported; rewrite the query without "
                             "the double negative",
                             fmt::format("'{}' in front of a group of exclusions read as text: "
                                         "excluding an exclusion is not supported",
                                         l.text));
                return inner;
            }
            inner->occur = l.kind == Kind::kPlus ? Occur::kMust : Occur::kMustNot;
            inner->offset = l.offset;
            return inner;
        }
        return primary();
    }

    std::optional<Part> primary() {
        const Lexeme& l = take();
        switch (l.kind) {
            case Kind::kLParen: {
                if (peek().kind == Kind::kRParen) {
                    note_or_fail(l, "empty parentheses", "empty parentheses '()' ignored");
                    take();
                    return std::nullopt;
                }
                // Each level recurses: bounded, so no query can exhaust the stack.
                if (++depth_ > limits_.max_depth)
                    fail(l, fmt::format("parentheses are nested more than {} levels deep",
                                        limits_.max_depth));
                std::optional<Query> inner = sequence();
                --depth_;
                if (peek().kind != Kind::kRParen) fail(l, "this '(' is never closed; add a ')'");
                const Lexeme& close = take();
                if (!inner) {
                    note_or_fail(l, "nothing searchable inside these parentheses",
                                 "parentheses with nothing searchable inside ignored");
                    return std::nullopt;
                }
                std::optional<Part> group = Part{Occur::kShould, std::move(*inner), l.offset};
                apply_boost(close, group);
                return group;
            }
            case Kind::kWord: {
                std::optional<Part> w = word(l, Field::kTitleAndBody);
                apply_boost(l, w);
                return w;
            }
            case Kind::kPhrase:
                return phrase_part(l, Field::kTitleAndBody, l.offset);
            case Kind::kField:
                return field(l);
            case Kind::kRParen:
                fail(l, "this ')' has no matching '('");
            case Kind::kEnd:
                fail(l, "the query ends where a term was expected");
            default:
                fail(l, fmt::format("{} needs a term before it", describe(l)));
        }
    }

    std::optional<Part> phrase_part(const Lexeme& l, Field field, std::size_t offset) {
        std::optional<Query> p = phrase(l, field);
        if (!p) return std::nullopt;
        std::optional<Part> part = Part{Occur::kShould, std::move(*p), offset};
        apply_boost(l, part);
        return part;
    }

    // A field name whose value is missing or wrong, read as text: the name
    // as a word and, in lenient mode, the value (if any) as words.
    std::optional<Part> field_as_text(const Lexeme& f, const std::string& message,
                                      const std::string& note) {
        note_or_fail(f, message, note);
        return word(f, Field::kTitleAndBody);
    }

    std::optional<Part> field(const Lexeme& f) {
        const std::string name = lower_ascii(f.text);
        const Lexeme& value = peek();
        // The value must touch the colon: "title: x" is more likely a typo.
        const bool attached = value.offset == f.offset + f.text.size() + 1;
        if (name == "title") {
            if (!attached || (value.kind != Kind::kWord && value.kind != Kind::kPhrase))
                return field_as_text(f,
                                     "title: needs a word or a \"phrase\" right after the colon, "
                                     "as in title:ivanov",
                                     fmt::format("'{}:' with no word right after the colon read "
                                                 "as the word '{}'",
                                                 f.text, f.text));
            take();
            if (value.kind == Kind::kPhrase) return phrase_part(value, Field::kTitle, f.offset);
            std::optional<Part> w = word(value, Field::kTitle);
            if (!w) {
                if (!strict()) return std::nullopt;
                fail(value, "title: needs a word with letters or digits");
            }
            w->offset = f.offset;
            apply_boost(value, w);
            return w;
        }
        if (name == "source") {
            if (!attached || (value.kind != Kind::kWord && value.kind != Kind::kPhrase))
                return field_as_text(f,
                                     "source: needs a name or a \"quoted name\" right after the "
                                     "colon, as in source:presstv or source:\"press tv\"",
                                     fmt::format("'{}:' with no name right after the colon read "
                                                 "as the word '{}'",
                                                 f.text, f.text));
            take();
            std::string source = analyzer_.folded_words(value.text);
            if (source.empty()) {
                note_or_fail(value, "source: needs a name with letters or digits",
                             "a source with no letters or digits ignored");
                return std::nullopt;
            }
            count_terms(value, 1);
            std::optional<Part> s = Part{Occur::kFilter, SourceQuery{std::move(source)}, f.offset};
            apply_boost(value, s);
            return s;
        }
        if (!attached || value.kind != Kind::kWord)
            return field_as_text(
                f,
                fmt::format("{}: needs a date right after the colon, as in {}:2009-03-06", name,
                            name),
                fmt::format("'{}:' with no date right after the colon read as the word '{}'",
                            f.text, f.text));
        take();
        if (strict()) return Part{Occur::kFilter, date_range(name, value), f.offset};
        try {
            return Part{Occur::kFilter, date_range(name, value), f.offset};
        } catch (const QueryError& e) {
            // Not a date: the field's name and the value, as words.
            warnings_.push_back(
                fmt::format("{}: '{}:{}' searched as words", e.message(), f.text, value.text));
            std::optional<Part> n = word(f, Field::kTitleAndBody);
            std::optional<Part> v = word(value, Field::kTitleAndBody);
            if (!n || !v) return n ? std::move(n) : std::move(v);
            BooleanQuery b;
            b.clauses.push_back({Occur::kShould, std::move(n->query)});
            b.clauses.push_back({Occur::kShould, std::move(v->query)});
            return Part{Occur::kShould, Query(std::move(b)), f.offset};
        }
    }

    // Word tokens of `text` as a term, or a phrase when there are several.
    std::optional<Part> words(const Lexeme& l, std::string_view text, Field field) {
        std::vector<Token> tokens = analyzer_.analyze(text);
        if (tokens.empty()) {
            warnings_.push_back(nothing_in(text));
            return std::nullopt;
        }
        count_terms(l, tokens.size());
        if (tokens.size() == 1)
            return Part{Occur::kShould,
                        TermQuery{field, std::move(tokens[0].word), std::move(tokens[0].stem)},
                        l.offset};
        PhraseQuery p{field, {}};
        for (auto& t : tokens) p.words.push_back(std::move(t.word));
        return Part{Occur::kShould, std::move(p), l.offset};
    }

    // "khatamy~1", "khatamy~2", and "khatamy~": as many edits as
    // Elasticsearch's AUTO allows for the word's length (none up to two
    // characters, one up to five, two beyond), since two edits of a short
    // word reach most of the language ("oil~2": "of", "on", "all", ...).
    std::optional<Part> fuzzy_word(const Lexeme& l, Field field) {
        const std::size_t at = static_cast<std::size_t>(l.fuzzy.data() - q_.data());
        std::optional<std::uint32_t> edits;
        const std::string_view number = l.fuzzy.substr(1);
        if (!number.empty()) {
            const bool whole = number.find('.') == std::string_view::npos;
            if (whole && number.size() == 1 && number[0] <= '2') {
                edits = static_cast<std::uint32_t>(number[0] - '0');
            } else {
                edits = 2;
                recovery_.note_or_fail(
                    at,
                    fmt::format("a fuzzy word allows 0, 1 or 2 edits ({}~1), not '{}'", l.text,
                                l.fuzzy),
                    fmt::format("'{}': a fuzzy word allows at most 2 edits; 2 searched", l.fuzzy));
            }
        }
        std::vector<Token> tokens = analyzer_.analyze(l.text);
        if (l.text.find('*') != std::string_view::npos || tokens.size() != 1 ||
            tokens[0].word.size() < 2) {
            recovery_.note_or_fail(at, "'~' makes one word fuzzy; remove it here",
                                   fmt::format("'{}' ignored: fuzzy search takes one word of two "
                                               "letters or more",
                                               l.fuzzy));
            return word_without_fuzzy(l, field);
        }
        if (!edits) {
            const std::size_t characters = edit_distance(tokens[0].word, "", 1000);
            edits = characters <= 2 ? 0 : characters <= 5 ? 1 : 2;
        }
        if (*edits == 0) return words(l, l.text, field);  // the exact word, as Lucene's ~0
        count_terms(l, 1);
        return Part{Occur::kShould, FuzzyQuery{field, std::move(tokens[0].word), *edits}, l.offset};
    }

    std::optional<Part> word(const Lexeme& l, Field field) {
        if (!l.fuzzy.empty()) return fuzzy_word(l, field);
        return word_without_fuzzy(l, field);
    }

    std::optional<Part> word_without_fuzzy(const Lexeme& l, Field field) {
        std::string_view text = l.text;
        const std::size_t star = text.find('*');
        if (star == std::string_view::npos) return words(l, text, field);
        // Lenient: a '*' elsewhere than at the end is read as text, as the
        // same characters in an article are.
        if (star + 1 != text.size()) {
            note_or_fail(l, "'*' is only allowed at the end of a word, for prefix search (cosmo*)",
                         fmt::format("'*' is a wildcard only at the end of a word (cosmo*): "
                                     "'{}' read as text",
                                     text));
            return words(l, text, field);
        }
        text.remove_suffix(1);
        const std::vector<Token> tokens = analyzer_.analyze(text);
        if (tokens.empty()) {
            recovery_.note_or_fail(l.offset, "a prefix needs letters or digits before '*'",
                                   nothing_in(l.text));
            return std::nullopt;
        }
        if (tokens.size() != 1) {
            recovery_.note_or_fail(
                l.offset, "a prefix must be one word; '" + std::string(text) + "' has several",
                fmt::format("a prefix must be one word: '{}' read as text", l.text));
            return words(l, text, field);
        }
        count_terms(l, 1);
        return Part{Occur::kShould, PrefixQuery{field, tokens[0].word}, l.offset};
    }

    std::optional<Query> phrase(const Lexeme& l, Field field) {
        if (const std::size_t star = l.text.find('*'); star != std::string_view::npos)
            recovery_.note_or_fail(static_cast<std::size_t>(l.text.data() - q_.data()) + star,
                                   "'*' inside a phrase is not a wildcard; remove it, or put the "
                                   "prefix outside the quotes (cosmo*)",
                                   "'*' inside a phrase is not a wildcard: read as text");
        const std::uint32_t slop = phrase_slop(l);
        std::vector<Token> tokens = analyzer_.analyze(l.text);
        if (tokens.empty()) {
            note_or_fail(l, "this phrase has no words to search for",
                         "a phrase with no words in it ignored");
            return std::nullopt;
        }
        count_terms(l, tokens.size());
        PhraseQuery p{field, {}, slop};
        for (auto& t : tokens) p.words.push_back(std::move(t.word));
        return Query(std::move(p));
    }

    // Lucene's proximity: "iran missile"~5, the words at most 5 moves from
    // the phrase as written. 0 (an exact phrase) when there is none.
    std::uint32_t phrase_slop(const Lexeme& l) {
        if (l.proximity.empty()) return 0;
        const std::size_t at = static_cast<std::size_t>(l.proximity.data() - q_.data());
        const std::string_view number = l.proximity.substr(1);
        if (number.empty()) {
            recovery_.note_or_fail(
                at, "'~' after a phrase needs a distance, as in \"iran missile\"~5",
                "'~' with no distance after the phrase ignored: the exact phrase searched");
            return 0;
        }
        // Lucene reads "~2.5" as 2; a distance beyond the limit is the limit.
        const std::string_view whole = number.substr(0, number.find('.'));
        std::uint32_t slop = 0;
        for (const char c : whole)
            slop = std::min(slop * 10 + static_cast<std::uint32_t>(c - '0'), kMaxSlop + 1);
        const std::uint32_t searched = std::min(slop, kMaxSlop);
        if (whole.size() != number.size() || slop > kMaxSlop)
            recovery_.note_or_fail(
                at,
                fmt::format("a proximity distance is a whole number from 0 to {}, not '{}'",
                            kMaxSlop, number),
                fmt::format("'{}': a proximity distance is a whole number from 0 to {}; {} "
                            "searched",
                            l.proximity, kMaxSlop, searched));
        return searched;
    }
    // Wide enough for "in the same story" (a long article is a few thousand words).
    static constexpr std::uint32_t kMaxSlop = 1000;

    // YYYY, YYYY-MM or YYYY-MM-DD (or with '/'), as the first and last
    // second of that year, month or day.
    std::pair<Timestamp, Timestamp> period(std::string_view text, const Lexeme& at) {
        int parts[3] = {0, 1, 1};
        int count = 0;
        std::size_t i = 0, year_digits = 0;
        while (count < 3) {
            const std::size_t start = i;
            while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
            if (i == start || i - start > 4) break;
            if (count == 0) year_digits = i - start;
            parts[count++] = std::stoi(std::string(text.substr(start, i - start)));
            if (i == text.size() || count == 3) break;
            if (text[i] != '-' && text[i] != '/') break;
            ++i;
        }
        const bool year_ok = count >= 1 && year_digits == 4;
        std::optional<Timestamp> first;
        if (i == text.size() && year_ok) first = day_start(parts[0], parts[1], parts[2]);
        if (!first)
            fail(at,
                 fmt::format(
                     "'{}' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD, and A..B for a range",
                     text));
        int y = parts[0], m = parts[1];
        // Start of the next period, minus one second.
        if (count == 3) return {*first, *first + 86400 - 1};
        if (count == 1)
            ++y;
        else
            (m == 12 ? (m = 1, ++y) : ++m);
        const Timestamp last = *day_start(y, m, 1) - 1;
        return {*first, last};
    }

    DateRangeQuery date_range(const std::string& name, const Lexeme& value) {
        DateRangeQuery r;
        const std::string_view text = value.text;
        if (name == "after") {
            r.from = period(text, value).first;
        } else if (name == "before") {
            r.to = period(text, value).first - 1;
        } else if (const std::size_t dots = text.find(".."); dots != std::string_view::npos) {
            const std::string_view lo = text.substr(0, dots), hi = text.substr(dots + 2);
            if (lo.empty() && hi.empty())
                fail(value, "a date range needs at least one end, as in 2009-01-01..2009-12-31");
            if (!lo.empty()) r.from = period(lo, value).first;
            if (!hi.empty()) r.to = period(hi, value).second;
        } else {
            std::tie(r.from, r.to) = period(text, value);
        }
        if (r.from > r.to) fail(value, "this date range ends before it starts");
        return r;
    }

    // Counts words, phrase words and prefixes against the limit.
    void count_terms(const Lexeme& at, std::size_t n) {
        terms_ += n;
        if (terms_ > limits_.max_terms)
            fail(at, fmt::format("the query has more than {} words; --max-query-terms raises "
                                 "the limit",
                                 limits_.max_terms));
    }

    // Why a piece of text gave no words: nothing searchable in it, or a word
    // longer than any the index keeps.
    std::string nothing_in(std::string_view text) const {
        const bool too_long =
            std::any_of(text.begin(), text.end(),
                        [](char c) {
                            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                                   (c >= 'A' && c <= 'Z') || (static_cast<unsigned char>(c) & 0x80);
                        }) &&
            text.size() > WordTokenizer::kMaxWordBytes;
        std::string shown(text.substr(0, 40));
        while (!shown.empty() && is_continuation(shown.back())) shown.pop_back();
        if (shown.size() < text.size()) shown += "\u2026";
        if (too_long)
            return fmt::format(
                "ignored '{}': a word of more than {} bytes, longer than any indexed word", shown,
                WordTokenizer::kMaxWordBytes);
        return fmt::format("ignored '{}': nothing in it to search for", shown);
    }

    std::string_view q_;
    Analyzer& analyzer_;
    const QueryLimits& limits_;
    std::vector<std::string> warnings_;  // before recovery_ and lexemes_: the lexer writes notes
    Recovery recovery_;
    std::vector<Lexeme> lexemes_;
    std::size_t pos_ = 0;
    std::size_t depth_ = 0;
    std::size_t terms_ = 0;
};

}  // namespace

namespace {

std::string query_error_text(std::string_view query, std::size_t offset,
                             const std::string& message) {
    const auto [line, caret] = excerpt_with_caret(query, offset);
    return fmt::format("malformed query: {}\n  {}\n  {}", visible(message), line, caret);
}

}  // namespace

QueryError::QueryError(std::string_view query, std::size_t offset, const std::string& message)
    : Error(query_error_text(query, offset, message)), message_(message), offset_(offset) {}

ParsedQuery QueryParser::parse(std::string_view query) {
    if (query.size() > limits_.max_bytes)
        throw QueryError(query, limits_.max_bytes,
                         fmt::format("the query is {} bytes long; at most {} are allowed "
                                     "(--max-query-bytes raises the limit)",
                                     query.size(), limits_.max_bytes));
    return Parser(query, analyzer_, limits_, syntax_).run();
}

}  // namespace scoop
