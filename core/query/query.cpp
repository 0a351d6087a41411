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
        return q.words.size() == 1 ? fmt::format("{}:{}", field_name(q.field), words)
                                   : fmt::format("{}:\"{}\"", field_name(q.field), words);
    }
    std::string operator()(const PrefixQuery& q) const {
        return fmt::format("{}:{}*", field_name(q.field), q.prefix);
    }
    std::string operator()(const FuzzyQuery& q) const {
        return fmt::format("{}:{}~{}", field_name(q.field), q.word, q.max_edits);
    }
    std::string operator()(const DateRangeQuery& q) const {
        return fmt::format("date:[{}..{}]", q.from, q.to);
    }
    std::string operator()(const BooleanQuery& q) const {
        std::string out = "(";
        for (std::size_t i = 0; i < q.clauses.size(); ++i) {
            if (i) out += ' ';
            const auto& c = q.clauses[i];
            if (c.occur == Occur::kMust) out += '+';
            if (c.occur == Occur::kMustNot) out += '-';
            if (c.occur == Occur::kFilter) out += '#';
            out += std::visit(*this, c.query);
        }
        return out + ")";
    }
};

}  // namespace

std::string to_string(const Query& query) {
    return std::visit(Printer{}, query);
}

}  // namespace scoop
