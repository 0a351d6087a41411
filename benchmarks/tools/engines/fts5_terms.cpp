#include "engines/fts5_terms.h"

#include <variant>
#include <vector>

#include "engines/clauses_by_occur.h"
#include "util/error.h"

namespace scoop::bench {
namespace {

// An FTS5 string: double quotes around it, inner quotes doubled.
void append_quoted(std::string_view text, std::string& out) {
    out.push_back('"');
    for (const char c : text) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

// The words of a phrase or prefix as one FTS5 string.
std::string quoted_tokens(const std::vector<std::string>& words) {
    std::string tokens;
    for (const std::string& w : words) {
        if (!tokens.empty()) tokens.push_back(' ');
        append_fts5_token(w, tokens);
    }
    std::string out;
    append_quoted(tokens, out);
    return out;
}

// "(" + text + ")", appended: GCC 12 warns wrongly about operator+ with a
// literal first (-Wrestrict, GCC bug 105329).
std::string parenthesised(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out.push_back('(');
    out.append(text);
    out.push_back(')');
    return out;
}

std::string_view word_columns(Field field) {
    return field == Field::kTitle ? "title : " : "{title body} : ";
}

std::string expression(const Query& query);

// A clause inside a boolean: parenthesised when it is a boolean itself,
// since FTS5's NOT binds tighter than AND, and AND than OR.
std::string operand(const Query& query) {
    const std::string e = expression(query);
    return std::holds_alternative<BooleanQuery>(query) ? parenthesised(e) : e;
}

std::string joined(const std::vector<std::string>& parts, std::string_view op) {
    std::string out;
    for (const std::string& p : parts) {
        if (!out.empty()) out += op;
        out += p;
    }
    return out;
}

// Several parts joined as one operand.
std::string grouped(const std::vector<std::string>& parts, std::string_view op) {
    return parts.size() == 1 ? parts[0] : parenthesised(joined(parts, op));
}

struct Translate {
    std::string operator()(const TermQuery& q) const {
        if (q.field == Field::kTitle)
            throw Error(
                "fts5 engine: title:word cannot be answered: the FTS5 table has no column of "
                "title stems; use title:\"word\" (the exact word) or leave it out of the query "
                "set");
        std::string out("stems : ");
        out.append(quoted_tokens({q.stem}));
        return out;
    }
    std::string operator()(const PhraseQuery& q) const {
        if (q.slop > 0)
            return "NEAR(" + std::string(word_columns(q.field)) + quoted_tokens(q.words) + ", " +
                   std::to_string(q.slop) + ")";
        return std::string(word_columns(q.field)) + quoted_tokens(q.words);
    }
    std::string operator()(const PrefixQuery& q) const {
        return std::string(word_columns(q.field)) + quoted_tokens({q.prefix}) + " *";
    }
    std::string operator()(const FuzzyQuery&) const {
        throw Error(
            "fts5 engine: fuzzy words (word~) cannot be answered: FTS5 has no fuzzy search; "
            "leave them out of the query set");
    }
    std::string operator()(const DateRangeQuery&) const {
        throw Error(
            "fts5 engine: date ranges (date:, after:, before:) cannot be answered: the FTS5 "
            "table keeps no dates; leave them out of the query set");
    }
    std::string operator()(const SourceQuery&) const {
        throw Error(
            "fts5 engine: source filters (source:) cannot be answered: the FTS5 table keeps no "
            "sources; leave them out of the query set");
    }
    std::string operator()(const BooleanQuery& q) const {
        auto [required, optional, excluded, filters] =
            clauses_by_occur<std::string>(q, [](const Query& clause) { return operand(clause); });
        // Plain clauses match as a group unless required clauses are there;
        // filters leave them required.
        std::vector<std::string> all = required;
        all.insert(all.end(), filters.begin(), filters.end());
        if (required.empty() && !optional.empty())
            all.push_back(all.empty() && excluded.empty() ? joined(optional, " OR ")
                                                          : grouped(optional, " OR "));
        if (excluded.empty()) return joined(all, " AND ");
        return grouped(all, " AND ") + " NOT " + grouped(excluded, " OR ");
    }
};

std::string expression(const Query& query) {
    return std::visit(Translate{}, query);
}

}  // namespace

void append_fts5_token(std::string_view word, std::string& out) {
    static constexpr char kHex[] = "0123456789abcdef";
    for (const char ch : word) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out.push_back(ch);
        } else {
            out.push_back('~');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 15]);
        }
    }
}

std::string fts5_token(std::string_view word) {
    std::string out;
    append_fts5_token(word, out);
    return out;
}

std::string fts5_match(const Query& query) {
    return expression(query);
}

}  // namespace scoop::bench
