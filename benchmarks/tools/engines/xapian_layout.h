#pragma once

// How scoop's analysed articles are laid out as Xapian terms: exactly the
// terms scoop's analyser emits, as Xapian's own TermGenerator would lay
// them out (STEM_SOME). Positions as scoop numbers them: the title's words
// from 0, the body's after the title plus kFieldGap.
//   word         every text-field word, with its position
//   Z + stem     every text-field word's stem, wdf only; a title word's
//                stem with wdf title_weight, as scoop counts it
//   S + word     every title word, with its title position
//   ZS + stem    every title word's stem, wdf only
// Z is TermGenerator's stem prefix and S Xapian's conventional subject
// prefix. Unlike TermGenerator, numbers get a Z term too: scoop matches
// keywords through stems for every word, and the hit counts must agree.
// Document data is scoop's own serialisation of the stored fields, so that
// fetching a hit costs Xapian the same kind of work as scoop.
// tests/unit/xapian_differential_test.cpp lays its databases out the same.

#include <xapian.h>

#include <string>
#include <string_view>

#include "engines/analysed_corpus.h"
#include "engines/result_record.h"
#include "index/term.h"

namespace scoop::bench {

// The Xapian term of a folded word of `field` (positional).
inline std::string xapian_word_term(Field field, std::string_view word) {
    // Appended rather than added with operator+, which GCC 12 warns about
    // wrongly (-Wrestrict, GCC bug 105329).
    std::string term(field == Field::kTitle ? "S" : "");
    term.append(word);
    return term;
}

// The Xapian term of a stem of `field` (frequencies only).
inline std::string xapian_stem_term(Field field, std::string_view stem) {
    std::string term(field == Field::kTitle ? "ZS" : "Z");
    term.append(stem);
    return term;
}

inline Xapian::Document xapian_document(const AnalysedArticle& a, Xapian::termcount title_weight) {
    Xapian::Document doc;
    // Body positions continue after the title with a gap, exactly as
    // SegmentBuilder::add numbers them, so phrases cannot span the two.
    const auto body_offset = static_cast<Xapian::termpos>(a.title.size() + kFieldGap);
    for (const Token& t : a.title) {
        doc.add_posting(xapian_word_term(Field::kTitleAndBody, t.word), t.position);
        // scoop's title weight: a title word counts this many times in the
        // text field's stem frequencies (Xapian's own way of boosting titles).
        doc.add_term(xapian_stem_term(Field::kTitleAndBody, t.stem), title_weight);
        doc.add_posting(xapian_word_term(Field::kTitle, t.word), t.position);
        doc.add_term(xapian_stem_term(Field::kTitle, t.stem));
    }
    for (const Token& t : a.body) {
        doc.add_posting(xapian_word_term(Field::kTitleAndBody, t.word), body_offset + t.position);
        doc.add_term(xapian_stem_term(Field::kTitleAndBody, t.stem));
    }
    doc.set_data(serialize_meta(a.article));
    return doc;
}

}  // namespace scoop::bench
