#pragma once

#include <string_view>

namespace scoop {

// Whether a folded word is one of the common English function words ("the",
// "of", "which"...) next to which the index keeps word pairs (TermKind
// kTextPair, kTitlePair). Their lists are the longest in any news archive,
// so a phrase holding one is answered from the pair's short list instead of
// an intersection of long lists with position checks.
//
// The list is part of the index format: an index built with one list is
// only read by a program with the same list, which the envelopes' format
// version guarantees. For other languages the English words rarely occur;
// their phrases are answered from positions alone, exactly, just slower.
bool is_common_word(std::string_view word);

}  // namespace scoop
