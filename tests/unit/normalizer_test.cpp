#include "analysis/normalizer.h"

#include <gtest/gtest.h>
#include <unicode/edits.h>

#include <string>

namespace scoop {
namespace {

TEST(Normalizer, CaseFoldsAndCompatibilityMaps) {
    EXPECT_EQ(normalize_fold("New Iran Arms Deals"), "new iran arms deals");
    EXPECT_EQ(normalize_fold("already lower-case ascii, 1992."), "already lower-case ascii, 1992.");
    EXPECT_EQ(normalize_fold("\uFF26\uFF35\uFF2C\uFF2C"), "full");  // full width
    EXPECT_EQ(normalize_fold("Stra\u00DFe"), "strasse");            // ß -> ss
    EXPECT_EQ(normalize_fold("\u1E9E"), "ss");                      // capital ẞ
    EXPECT_EQ(normalize_fold("\uFB01le \uFB03"), "file ffi");       // ligatures
    EXPECT_EQ(normalize_fold("\u0420\u041E\u0421\u0421\u0418\u042F"),
              "\u0440\u043E\u0441\u0441\u0438\u044F");
    EXPECT_EQ(normalize_fold("\u00BD \u2474 \u2162"), "1\u20442 (1) iii");
    EXPECT_EQ(normalize_fold("\u00A0"), " ");  // no-break space
}

TEST(Normalizer, ComposesAndDropsIgnorables) {
    EXPECT_EQ(normalize_fold("Cafe\u0301"), "caf\u00E9");
    EXPECT_EQ(normalize_fold("\u212B"), "\u00E5");  // angstrom sign
    EXPECT_EQ(normalize_fold("de\u00ADfended"), "defended");
    EXPECT_EQ(normalize_fold("a\u200Bb\u200Cc\u200Dd\uFEFFe"), "abcde");
}

// Plain NFKC_Casefold: U+0130 becomes i + U+0307 here; the tokenizer drops
// the dot (see AnalyzerFolding.TurkishDottedCapitalI). The dotless ı stays.
TEST(Normalizer, TurkishI) {
    EXPECT_EQ(normalize_fold("\u0130"), "i\u0307");
    EXPECT_EQ(normalize_fold("\u0131I"), "\u0131i");
}

TEST(Normalizer, CurlyQuotesAreLeftToTheTokenizer) {
    // NFKC does not map typographic quotes; the tokenizer treats U+2019 and
    // its kin as apostrophes.
    EXPECT_EQ(normalize_fold("Iran\u2019s \u201CQuote\u201D"), "iran\u2019s \u201Cquote\u201D");
}

TEST(Normalizer, AppendsAndRecordsEdits) {
    std::string out = "prefix:";
    icu::Edits edits;
    normalize_fold("Fu\u00DF", out, &edits);
    EXPECT_EQ(out, "prefix:fuss");
    UErrorCode status = U_ZERO_ERROR;
    icu::Edits::Iterator it = edits.getFineIterator();
    // "Fuß" (4 bytes) -> "fuss" (4 bytes): F->f and ß->ss are changes.
    EXPECT_EQ(edits.lengthDelta(), 0);
    EXPECT_TRUE(edits.hasChanges());
    EXPECT_EQ(it.sourceIndexFromDestinationIndex(1, status), 1);
    EXPECT_EQ(it.sourceIndexFromDestinationIndex(3, status), 4);  // inside ß -> its end
    EXPECT_TRUE(U_SUCCESS(status));

    // Lower-case ASCII, with edits wanted: still recorded, no changes.
    icu::Edits none;
    std::string plain;
    normalize_fold("abc", plain, &none);
    EXPECT_EQ(plain, "abc");
    EXPECT_FALSE(none.hasChanges());
    EXPECT_EQ(normalize_fold(""), "");
}

}  // namespace
}  // namespace scoop
