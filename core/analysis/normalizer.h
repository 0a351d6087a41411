#pragma once

#include <unicode/uversion.h>

#include <string>
#include <string_view>

U_NAMESPACE_BEGIN
class Edits;
U_NAMESPACE_END

namespace scoop {

// NFKC with case folding (ICU's nfkc_cf): "Ｆｕｌｌ" and "full", "Straße" and
// "strasse", "ﬁle" and "file" all become the same text. Soft hyphens and
// other default-ignorable characters disappear. Appends to `out`; when
// `edits` is given it records how offsets in `out` map back to `utf8`.
void normalize_fold(std::string_view utf8, std::string& out, icu::Edits* edits = nullptr);

std::string normalize_fold(std::string_view utf8);

// normalize_fold where it keeps every offset: appends the folded text and
// returns true when each byte of it stands at its source byte's offset
// (ASCII, and the typographic quotes, dashes and ellipsis the fast path
// folds to as many bytes), or returns false and appends nothing. What
// snippets use to skip ICU's offset mapping for most news text.
bool normalize_fold_keeping_offsets(std::string_view utf8, std::string& out);

// normalize_fold through ICU always, without the fast path for ASCII and
// common punctuation: the reference the fast path is tested against.
std::string normalize_fold_icu(std::string_view utf8);

}  // namespace scoop
