#include "analysis/html_prefilter.h"

#include <algorithm>
#include <initializer_list>
#include <unordered_map>

namespace scoop {
namespace {

constexpr std::size_t kNpos = std::string_view::npos;
// How far down the modelled stack an end tag looks for its element: real
// pages close what they opened a few levels up; a stray end tag whose
// element is further down is taken to close nothing.
constexpr std::size_t kEndTagSearch = 64;

char to_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_void(std::string_view name) {
    return one_of(
        name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
               "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image"});
}

// Elements whose text the page never shows.
bool is_dropped_raw_text(std::string_view name) {
    return one_of(
        name, {"script", "style", "noscript", "template", "iframe", "noembed", "noframes", "xmp"});
}

// A start tag of one of these closes an open element of the same group.
int sibling_group(std::string_view name) {
    if (name == "p") return 1;
    if (name == "li") return 2;
    if (name == "dt" || name == "dd") return 3;
    if (name == "option" || name == "optgroup") return 4;
    if (name == "tr") return 5;
    if (name == "td" || name == "th") return 6;
    if (name == "a") return 7;
    return 0;
}

class Prefilter {
  public:
    explicit Prefilter(std::string_view html) : in_(html) { out_.html.reserve(html.size()); }

    PrefilteredHtml run() {
        std::size_t i = 0;
        while (i < in_.size()) {
            const std::size_t lt = in_.find('<', i);
            if (lt == kNpos) {
                out_.html.append(in_.substr(i));
                break;
            }
            out_.html.append(in_.substr(i, lt - i));
            i = markup(lt);
        }
        return std::move(out_);
    }

  private:
    // Handles what starts at in_[lt] == '<'; returns where to go on.
    std::size_t markup(std::size_t lt) {
        const std::string_view rest = in_.substr(lt);
        if (rest.starts_with("<!--")) {
            // "<!-->" and "<!--->" are complete (empty) comments in HTML5.
            if (rest.starts_with("<!-->")) return lt + 5;
            if (rest.starts_with("<!--->")) return lt + 6;
            const std::size_t close = in_.find("-->", lt + 4);
            return close == kNpos ? in_.size() : close + 3;
        }
        const bool end_tag = rest.starts_with("</");
        const std::size_t name_start = lt + (end_tag ? 2 : 1);
        if (name_start >= in_.size() || !is_alpha(in_[name_start])) {
            // "<!DOCTYPE", "<?xml", "</ x>", "a < b": the parser's business.
            out_.html += '<';
            return lt + 1;
        }
        std::size_t name_end = name_start;
        while (name_end < in_.size() && !is_space(in_[name_end]) && in_[name_end] != '/' &&
               in_[name_end] != '>')
            ++name_end;
        name_.clear();
        for (std::size_t k = name_start; k < name_end && name_.size() < 32; ++k)
            name_ += to_lower(in_[k]);
        const std::size_t tag_end = find_tag_end(name_end);
        const std::string_view tag = in_.substr(lt, tag_end - lt);
        if (end_tag) return end_element(tag, tag_end);
        return start_element(tag, tag_end);
    }

    // Just past the '>' ending the tag whose name ends at `pos`: quotes
    // count only in attribute values, as in the tokenizer.
    std::size_t find_tag_end(std::size_t pos) const {
        std::size_t i = pos;
        while (i < in_.size()) {
            const char c = in_[i];
            if (c == '>') return i + 1;
            if (c == '=') {
                ++i;
                while (i < in_.size() && is_space(in_[i])) ++i;
                if (i < in_.size() && (in_[i] == '"' || in_[i] == '\'')) {
                    const std::size_t close = in_.find(in_[i], i + 1);
                    if (close == kNpos) return in_.size();
                    i = close + 1;
                }
                continue;
            }
            ++i;
        }
        return in_.size();
    }

    // Where "</name" followed by a tag-name boundary starts, at or after
    // `from`; npos when nowhere.
    std::size_t find_end_tag(std::string_view name, std::size_t from) const {
        for (std::size_t i = in_.find("</", from); i != kNpos; i = in_.find("</", i + 2)) {
            const std::size_t after = i + 2 + name.size();
            if (after > in_.size()) return kNpos;
            bool match = true;
            for (std::size_t k = 0; k < name.size() && match; ++k)
                match = to_lower(in_[i + 2 + k]) == name[k];
            if (match && (after == in_.size() || is_space(in_[after]) || in_[after] == '/' ||
                          in_[after] == '>'))
                return i;
        }
        return kNpos;
    }

    std::size_t start_element(std::string_view tag, std::size_t tag_end) {
        if (is_dropped_raw_text(name_)) {
            const std::size_t close = find_end_tag(name_, tag_end);
            const std::size_t content_end = close == kNpos ? in_.size() : close;
            if (name_ == "script" && is_json_ld(tag))
                out_.json_ld.emplace_back(in_.substr(tag_end, content_end - tag_end));
            if (close == kNpos) return in_.size();
            const std::size_t gt = in_.find('>', close);
            return gt == kNpos ? in_.size() : gt + 1;
        }
        if (name_ == "title" || name_ == "textarea") {
            // Text only up to the end tag: copy it through unread.
            const std::size_t close = find_end_tag(name_, tag_end);
            const std::size_t end = close == kNpos ? in_.size() : close;
            out_.html.append(in_.substr(tag.data() - in_.data(), end - (tag.data() - in_.data())));
            return end;
        }
        if (name_ == "plaintext") {
            out_.html.append(in_.substr(tag.data() - in_.data()));
            return in_.size();
        }
        if (!is_void(name_) && !tag.ends_with("/>")) {
            if (!open(name_)) {
                ++dropped_[name_];
                ++out_.dropped_start_tags;
                return tag_end;
            }
        }
        out_.html.append(tag);
        return tag_end;
    }

    std::size_t end_element(std::string_view tag, std::size_t tag_end) {
        if (auto it = dropped_.find(name_); it != dropped_.end() && it->second > 0) {
            --it->second;  // closes one of the dropped, innermost, elements
            return tag_end;
        }
        close(name_);
        out_.html.append(tag);
        return tag_end;
    }

    // Models a start tag; false when it would nest too deep.
    bool open(const std::string& name) {
        if (const int group = sibling_group(name)) {
            const std::size_t lowest = stack_.size() > 8 ? stack_.size() - 8 : 0;
            for (std::size_t k = stack_.size(); k > lowest; --k) {
                if (sibling_group(stack_[k - 1]) == group) {
                    stack_.resize(k - 1);
                    break;
                }
            }
        }
        if (stack_.size() >= kMaxHtmlNesting) return false;
        stack_.push_back(name);
        return true;
    }

    void close(const std::string& name) {
        const std::size_t lowest =
            stack_.size() > kEndTagSearch ? stack_.size() - kEndTagSearch : 0;
        for (std::size_t k = stack_.size(); k > lowest; --k) {
            if (stack_[k - 1] == name) {
                stack_.resize(k - 1);
                return;
            }
        }
    }

    static bool is_json_ld(std::string_view tag) {
        std::string lower;
        lower.reserve(tag.size());
        for (char c : tag) lower += to_lower(c);
        return lower.find("application/ld+json") != std::string::npos;
    }

    std::string_view in_;
    PrefilteredHtml out_;
    std::string name_;
    std::vector<std::string> stack_;
    std::unordered_map<std::string, std::size_t> dropped_;
};

}  // namespace

PrefilteredHtml prefilter_html(std::string_view html) {
    return Prefilter(html).run();
}

}  // namespace scoop
