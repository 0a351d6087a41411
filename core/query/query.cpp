#include "query/query.h"

#include <fmt/format.h>

namespace scoop {
namespace {

std::string_view field_name(Field f) {
    return f == Field::kTitle ? "title" : "text";
}

struct Printer {
    std::string operator()(const TermQuery& q) const {
        return fmt::format("{}~{}", field_name(q.field), q.stem);
    }
    std::string operator()(const PhraseQuery& q) const {
        std::string words;
        for (const auto& w : q.words) {
            if (!words.empty()) words += ' ';
            words += w;
        }
        if (q.words.size() == 1) return fmt::format("{}:{}", field_name(q.field), words);
        if (q.slop > 0) return fmt::format("{}:\"{}\"~{}", field_name(q.field), words, q.slop);
        return fmt::format("{}:\"{}\"", field_name(q.field), words);
    }
    std::string operator()(const PrefixQuery& q) const {
        return fmt::format("{}:{}*", field_name(q.field), q.prefix);
    }
    std::string operator()(const FuzzyQuery& q) const {
        return fmt::format("{}:{}~{}", field_name(q.field), q.word, q.max_edits);
    }
    std::string operator()(const SourceQuery& q) const {
        return q.source.find(' ') == std::string::npos ? fmt::format("source:{}", q.source)
                                                       : fmt::format("source:\"{}\"", q.source);
    }
    std::string operator()(const DateRangeQuery& q) const {
        return fmt::format("date:[{}..{}]", q.from, q.to);
    }
    std::string operator()(const BooleanQuery& q) const {
        // A boost on one part: "text~iran^2", "(text~a text~b)^2".
        if (q.boost != 1.0 && q.clauses.size() == 1 && q.clauses[0].occur == Occur::kShould)
            return fmt::format("{}^{}", std::visit(*this, q.clauses[0].query), q.boost);
        std::string out = "(";
        for (std::size_t i = 0; i < q.clauses.size(); ++i) {
            if (i) out += ' ';
            const auto& c = q.clauses[i];
            if (c.occur == Occur::kMust) out += '+';
            if (c.occur == Occur::kMustNot) out += '-';
            if (c.occur == Occur::kFilter) out += '#';
            out += std::visit(*this, c.query);
        }
        out += ')';
        if (q.boost != 1.0) out += fmt::format("^{}", q.boost);
        return out;
    }
};

}  // namespace

std::string to_string(const Query& query) {
    return std::visit(Printer{}, query);
}

}  // namespace scoop
