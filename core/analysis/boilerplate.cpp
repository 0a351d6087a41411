#include "analysis/boilerplate.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string>

namespace scoop {
namespace {

// Furniture is short; anything longer is content.
constexpr std::size_t kMaxFurnitureBytes = 200;

// Whole lines of site chrome, in matching_key() form.
constexpr std::string_view kChromeLines[] = {
    "about me",
    "about us",
    "advertisement",
    "advertisements",
    "archives",
    "back to top",
    "blog archive",
    "categories",
    "click here",
    "close",
    "comments",
    "contact us",
    "continue reading",
    "cookie policy",
    "e-mail",
    "email",
    "email this article",
    "email this story",
    "facebook",
    "follow us",
    "followers",
    "get the app",
    "home",
    "image",
    "labels",
    "leave a comment",
    "leave a reply",
    "linkedin",
    "listen",
    "loading",
    "log in",
    "login",
    "main menu",
    "menu",
    "more stories",
    "most popular",
    "most read",
    "my blog list",
    "navigation",
    "newer post",
    "newer posts",
    "newsletter",
    "next",
    "next article",
    "no comments",
    "older post",
    "older posts",
    "photo",
    "pinterest",
    "popular posts",
    "post a comment",
    "post comments (atom)",
    "powered by blogger",
    "previous",
    "previous article",
    "print",
    "print this article",
    "privacy policy",
    "read more",
    "recommended",
    "recommended for you",
    "reddit",
    "register",
    "related",
    "related articles",
    "related content",
    "related posts",
    "related stories",
    "rss",
    "search",
    "search box",
    "search this blog",
    "search this site",
    "share",
    "share this",
    "share this article",
    "share this post",
    "share this story",
    "sign in",
    "sign up",
    "skip to content",
    "skip to main content",
    "sponsored",
    "sponsored content",
    "subscribe",
    "subscribe to: post comments (atom)",
    "terms of service",
    "terms of use",
    "total pageviews",
    "trending",
    "tweet",
    "video",
    "you may also like",
};

// Chrome phrases that mark a short line wherever they occur in it.
constexpr std::string_view kChromePhrases[] = {
    "share/save/bookmark",
    "get the latest updates",
    "all rights reserved",
    "sign up for our newsletter",
    "subscribe to our newsletter",
    "please enable javascript",
    "javascript is disabled",
    "click here to",
    "follow us on",
};

// Lines that start the trailing chrome zone, in matching_key() form.
constexpr std::string_view kTrailerLines[] = {
    "about me",
    "blog archive",
    "comments",
    "followers",
    "labels",
    "leave a comment",
    "leave a reply",
    "more stories",
    "newer post",
    "no comments",
    "older post",
    "popular posts",
    "post a comment",
    "recommended for you",
    "related articles",
    "related posts",
    "related stories",
    "share this",
    "subscribe to: post comments (atom)",
    "you may also like",
};

constexpr std::string_view kTrailerPrefixes[] = {
    "labels:",
    "posted by ",
    "tags:",
    "filed under",
};

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Length of an invisible or no-break space at s[i]: U+00A0, U+200B, U+FEFF.
std::size_t invisible_space_length(std::string_view s, std::size_t i) {
    for (std::string_view sp : {"\xC2\xA0", "\xE2\x80\x8B", "\xEF\xBB\xBF"})
        if (s.substr(i, sp.size()) == sp) return sp.size();
    // U+2000..U+200A (en, em, thin, hair spaces...), U+202F, U+205F, U+3000:
    // typesetters' spaces, which text renderers indent headlines with.
    if (i + 3 <= s.size()) {
        const auto b0 = static_cast<unsigned char>(s[i]), b1 = static_cast<unsigned char>(s[i + 1]),
                   b2 = static_cast<unsigned char>(s[i + 2]);
        if (b0 == 0xE2 && b1 == 0x80 && ((b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xAF)) return 3;
        if (b0 == 0xE2 && b1 == 0x81 && b2 == 0x9F) return 3;
        if (b0 == 0xE3 && b1 == 0x80 && b2 == 0x80) return 3;
    }
    return 0;
}

bool is_edge_punctuation(char c) {
    return c == '.' || c == ',' || c == ':' || c == ';' || c == '!' || c == '?' || c == '|' ||
           c == '*' || c == '-' || c == '>' || c == '#' || c == '=' || c == '_' || c == '~';
}

// The line as the phrase tables spell it: ASCII lower case, runs of spaces
// collapsed, dashes as '-', no punctuation or bullets at either end. Empty
// when the line is too long to be furniture.
std::string matching_key(std::string_view line) {
    line = trim_line(line);
    if (line.size() > kMaxFurnitureBytes) return {};
    std::string key;
    key.reserve(line.size());
    bool space = false;
    for (std::size_t i = 0; i < line.size();) {
        if (const std::size_t n = invisible_space_length(line, i);
            n > 0 || is_ascii_space(line[i])) {
            space = true;
            i += n > 0 ? n : 1;
            continue;
        }
        std::string_view piece = line.substr(i, 1);
        const std::string_view rest = line.substr(i);
        if (rest.starts_with("\xE2\x80\x94") || rest.starts_with("\xE2\x80\x93")) {
            piece = "-";  // em and en dash
            i += 3;
        } else if (rest.starts_with("\xE2\x80\xA2") || rest.starts_with("\xC2\xBB")) {
            piece = "*";  // bullet, right guillemet: list and menu markers
            i += rest.starts_with("\xC2\xBB") ? 2 : 3;
        } else {
            ++i;
        }
        if (space && !key.empty()) key += ' ';
        space = false;
        for (char c : piece) key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    std::size_t begin = 0, end = key.size();
    while (begin < end && (is_edge_punctuation(key[begin]) || key[begin] == ' ')) ++begin;
    while (end > begin && (is_edge_punctuation(key[end - 1]) || key[end - 1] == ' ')) --end;
    return key.substr(begin, end - begin);
}

template <std::size_t N>
bool contains(const std::string_view (&table)[N], std::string_view key) {
    for (std::string_view entry : table)
        if (entry == key) return true;
    return false;
}

// "3 comments", "1 comment".
bool is_comment_count(std::string_view key) {
    std::size_t i = 0;
    while (i < key.size() && key[i] >= '0' && key[i] <= '9') ++i;
    if (i == 0) return false;
    const std::string_view rest = key.substr(i);
    return rest == " comments" || rest == " comment" || rest == " responses" || rest == " response";
}

}  // namespace

std::string_view trim_line(std::string_view line) {
    while (!line.empty()) {
        if (is_ascii_space(line.front())) {
            line.remove_prefix(1);
        } else if (const std::size_t n = invisible_space_length(line, 0)) {
            line.remove_prefix(n);
        } else {
            break;
        }
    }
    while (!line.empty()) {
        if (is_ascii_space(line.back())) {
            line.remove_suffix(1);
        } else if (line.ends_with("\xC2\xA0")) {
            line.remove_suffix(2);
        } else if (line.size() >= 3 && invisible_space_length(line, line.size() - 3) == 3) {
            line.remove_suffix(3);
        } else {
            break;
        }
    }
    return line;
}

bool is_boilerplate_line(std::string_view line) {
    const std::string key = matching_key(line);
    if (key.empty()) return false;
    if (contains(kChromeLines, key)) return true;
    if (count_words(key) > 20) return false;
    for (std::string_view phrase : kChromePhrases)
        if (key.find(phrase) != std::string::npos) return true;
    return key.starts_with("copyright \xC2\xA9") || key.starts_with("copyright (c)") ||
           key.starts_with("\xC2\xA9");
}

bool is_trailer_marker(std::string_view line) {
    const std::string key = matching_key(line);
    if (key.empty()) return false;
    if (contains(kTrailerLines, key) || is_comment_count(key)) return true;
    if (count_words(key) > 20) return false;
    for (std::string_view prefix : kTrailerPrefixes)
        if (key.starts_with(prefix)) return true;
    return false;
}

bool is_all_caps(std::string_view line) {
    int upper = 0;
    const auto* s = reinterpret_cast<const uint8_t*>(line.data());
    const auto length = static_cast<int32_t>(line.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) continue;
        if (u_islower(c)) return false;
        if (u_isupper(c)) ++upper;
    }
    return upper >= 2;
}

bool has_lowercase(std::string_view line) {
    const auto* s = reinterpret_cast<const uint8_t*>(line.data());
    const auto length = static_cast<int32_t>(line.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c >= 0 && u_islower(c)) return true;
    }
    return false;
}

bool has_letters(std::string_view line) {
    const auto* s = reinterpret_cast<const uint8_t*>(line.data());
    const auto length = static_cast<int32_t>(line.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c >= 0 && u_isalpha(c)) return true;
    }
    return false;
}

std::size_t count_words(std::string_view line) {
    std::size_t words = 0;
    bool in_word = false;
    for (char c : line) {
        if (is_ascii_space(c)) {
            in_word = false;
        } else if (!in_word) {
            in_word = true;
            ++words;
        }
    }
    return words;
}

}  // namespace scoop
