#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace scoop {

struct Token;

// The tokens of one field, packed for indexing: each word and its stem
// side by side in one buffer and 12 bytes of bookkeeping, against about a
// hundred for a Token with its two strings. Analysed text waits in memory
// between the analysis threads and the writer, so this is what bounds the
// indexer's memory beyond its postings budget.
class TokenList {
  public:
    struct View {
        std::string_view word;
        std::string_view stem;
        std::uint32_t position;
    };

    void push_back(std::string_view word, std::string_view stem, std::uint32_t position) {
        entries_.push_back({static_cast<std::uint32_t>(text_.size()),
                            static_cast<std::uint16_t>(word.size()),
                            static_cast<std::uint16_t>(stem.size()), position});
        text_.append(word);
        text_.append(stem);
    }
    void push_back(const Token& token);

    std::size_t size() const { return entries_.size(); }
    bool empty() const { return entries_.empty(); }
    void clear() {
        text_.clear();
        entries_.clear();
    }
    std::size_t memory_bytes() const {
        return text_.capacity() + entries_.capacity() * sizeof(Entry);
    }

    View operator[](std::size_t i) const {
        const Entry& e = entries_[i];
        const std::string_view all(text_);
        return {all.substr(e.offset, e.word_length),
                all.substr(e.offset + e.word_length, e.stem_length), e.position};
    }

    class Iterator {
      public:
        Iterator(const TokenList* list, std::size_t i) : list_(list), i_(i) {}
        View operator*() const { return (*list_)[i_]; }
        Iterator& operator++() {
            ++i_;
            return *this;
        }
        bool operator!=(const Iterator& o) const { return i_ != o.i_; }

      private:
        const TokenList* list_;
        std::size_t i_;
    };
    Iterator begin() const { return {this, 0}; }
    Iterator end() const { return {this, entries_.size()}; }

  private:
    struct Entry {
        std::uint32_t offset;  // of the word in text_; the stem follows it
        std::uint16_t word_length;
        std::uint16_t stem_length;
        std::uint32_t position;
    };
    std::string text_;
    std::vector<Entry> entries_;
};

}  // namespace scoop
