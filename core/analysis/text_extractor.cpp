#include "analysis/text_extractor.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "analysis/boilerplate.h"
#include "analysis/date_parser.h"
#include "analysis/text_blocks.h"

namespace scoop {
namespace {

// Headlines and date lines are short; longer lines are always content.
constexpr std::size_t kMaxTitleBytes = 200;
constexpr std::size_t kMaxTitleWords = 30;
constexpr std::size_t kMaxDateLineBytes = 200;
constexpr std::size_t kMaxSourceBytes = 80;
constexpr std::size_t kMaxSourceWords = 6;
// A date's label in any language, and what may follow the date ("Uhr").
constexpr std::size_t kMaxDateLabelBytes = 48;
constexpr std::size_t kMaxDateLabelWords = 6;
constexpr std::size_t kMaxDateTrailerBytes = 4;
// Prose that marks where an article is: a paragraph of at least this many
// characters that jusText calls good.
constexpr std::size_t kMinProseChars = 200;
// A paragraph jusText does not keep stays in the article's prose when it
// is a sentence this long.
constexpr std::size_t kMinKeptSentenceChars = 100;
// How far above the prose a headline is looked for, in non-blank lines.
constexpr std::size_t kMaxLinesAboveProse = 25;

enum class Kind { kBlank, kFurniture, kTrailer, kDate, kSource, kByline, kContent };

struct Line {
    std::string_view text;  // trimmed
    Kind kind = Kind::kBlank;
    FoundDate date;           // for kDate
    std::string_view source;  // for kDate (a dateline's) and kSource
};

// Labels that may precede the date on a date line, in lower case.
constexpr std::string_view kDateLabels[] = {
    "created",       "date",         "date published", "dated",     "first published",
    "last modified", "last update",  "last updated",   "modified",  "on",
    "posted",        "posted at",    "posted on",      "published", "published at",
    "published on",  "release date", "released",       "updated",   "updated at",
    "updated on",
};

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool is_date_label(std::string_view text) {
    if (text.size() > 40) return false;
    const std::string key = ascii_lower(text);
    for (std::string_view label : kDateLabels)
        if (key == label) return true;
    return false;
}

// Length of a dateline separator at the start of `s`: | - / • · — –. Not
// ':', which after a date introduces a sentence ("March 6: talks resumed").
std::size_t separator_length(std::string_view s) {
    if (s.empty()) return 0;
    if (s[0] == '|' || s[0] == '-' || s[0] == '/') return 1;
    for (std::string_view sep : {"\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\xA2", "\xC2\xB7"})
        if (s.starts_with(sep)) return sep.size();
    return 0;
}

std::size_t trailing_separator_length(std::string_view s) {
    if (s.empty()) return 0;
    const char last = s.back();
    if (last == '|' || last == '-' || last == '/' || last == ':' || last == ',') return 1;
    for (std::string_view sep : {"\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\xA2", "\xC2\xB7"})
        if (s.ends_with(sep)) return sep.size();
    return 0;
}

// A publisher's name: "PressTV", "The Moscow Times", "AP, Reuters".
bool is_source_like(std::string_view s) {
    return !s.empty() && s.size() <= kMaxSourceBytes && count_words(s) <= kMaxSourceWords &&
           has_letters(s) && !s.ends_with('.') && s.find(". ") == std::string_view::npos;
}

bool starts_with_lower(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && ascii_lower(s.substr(0, prefix.size())) == prefix;
}

// "By John Smith", "by admin", "By Sam Lee, Reuters": short, no full stop.
bool is_byline(std::string_view text) {
    return text.size() > 3 && text.size() <= 100 && starts_with_lower(text, "by ") &&
           count_words(text) <= 8 && !text.ends_with('.') &&
           text.find_first_of(".!?") == std::string_view::npos;
}

// Fills `line` as a date line when the date is all there is to it besides
// a label, a byline or a source.
bool read_labelled_date_line(Line& line) {
    const std::string_view text = line.text;
    if (text.size() > kMaxDateLineBytes) return false;
    const auto found = find_date(text);
    if (!found) return false;
    std::string_view source;

    // Before the date: nothing, a label ("Last Updated:"), or a source
    // followed by a separator ("PressTV | ").
    std::string_view before = trim_line(text.substr(0, found->begin));
    bool separated = false;  // by a separator that may follow a source name
    while (const std::size_t n = trailing_separator_length(before)) {
        separated = separated || (before.back() != ':' && before.back() != ',');
        before = trim_line(before.substr(0, before.size() - n));
    }
    while (!before.empty() && (before.front() == '.' || before.front() == '*')) {
        before = trim_line(before.substr(1));
    }
    if (!before.empty() && !is_date_label(before) && !is_byline(before)) {
        if (!separated || !is_source_like(before)) return false;
        source = before;
    }

    // After it: nothing, a byline, or a separator and a source (" | PressTV").
    std::string_view after = trim_line(text.substr(found->end));
    while (!after.empty() && (after.front() == '.' || after.front() == ',')) {
        after = trim_line(after.substr(1));
    }
    if (!after.empty()) {
        if (const std::size_t n = separator_length(after)) {
            after = trim_line(after.substr(n));
            if (!is_source_like(after)) return false;
            if (source.empty()) source = after;
        } else if (!is_byline(after)) {
            return false;
        }
    }
    line.kind = Kind::kDate;
    line.date = *found;
    line.source = source;
    return true;
}

// A date line whose label is in any language: a few words, then the date
// at the end of the line ("Veröffentlicht am: 6. August 2009", "Erstellt am
// 09.08.2013, 06:00 Uhr", "Posted by Konstantin 21.10.2019"). Not a
// sentence, and not a headline that mentions a date ("Geneva Talks Of March
// 6, 2009 Recalled": the date is not at its end).
bool read_date_line(Line& line) {
    if (read_labelled_date_line(line)) return true;
    const std::string_view text = line.text;
    if (text.size() > kMaxDateLineBytes || text.ends_with('.')) return false;
    const auto found = find_date(text);
    if (!found) return false;
    const std::string_view before = trim_line(text.substr(0, found->begin));
    const std::string_view after = trim_line(text.substr(found->end));
    if (before.size() > kMaxDateLabelBytes || count_words(before) > kMaxDateLabelWords)
        return false;
    if (after.size() > kMaxDateTrailerBytes && !after.starts_with('(')) return false;
    line.kind = Kind::kDate;
    line.date = *found;
    return true;
}

// "Source: Reuters".
bool read_source_line(Line& line) {
    if (!starts_with_lower(line.text, "source:")) return false;
    const std::string_view name = trim_line(line.text.substr(7));
    if (!is_source_like(name)) return false;
    line.kind = Kind::kSource;
    line.source = name;
    return true;
}

void classify(Line& line) {
    if (line.text.empty()) {
        line.kind = Kind::kBlank;
    } else if (is_trailer_marker(line.text)) {
        line.kind = Kind::kTrailer;
    } else if (is_boilerplate_line(line.text)) {
        line.kind = Kind::kFurniture;
    } else if (read_date_line(line) || read_source_line(line)) {
        // The reader has set the kind.
    } else if (is_byline(line.text) && line.text[3] >= 'A' && line.text[3] <= 'Z') {
        line.kind = Kind::kByline;  // "By John Smith"; "by the way" is not one
    } else {
        line.kind = Kind::kContent;
    }
}

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != '\n' && text[i] != '\r') continue;
        Line line;
        line.text = trim_line(text.substr(start, i - start));
        classify(line);
        lines.push_back(line);
        if (i + 1 < text.size() && text[i] == '\r' && text[i + 1] == '\n') ++i;
        start = i + 1;
    }
    return lines;
}

bool is_headline_like(std::string_view text) {
    if (text.size() > kMaxTitleBytes || !has_letters(text)) return false;
    if (count_words(text) > kMaxTitleWords || text.ends_with(':')) return false;
    // A full stop ends a sentence; an ellipsis may end a headline.
    return !text.ends_with('.') || text.ends_with("...");
}

// "(AP, Reuters)" closing a wire story: the agencies it came from.
std::optional<std::string_view> credit_of(std::string_view text) {
    if (text.size() < 3 || text.front() != '(' || text.back() != ')') return std::nullopt;
    const std::string_view inner = trim_line(text.substr(1, text.size() - 2));
    if (inner.find_first_of("()") != std::string_view::npos || !is_source_like(inner))
        return std::nullopt;
    if (inner.front() < 'A' || inner.front() > 'Z') return std::nullopt;
    return inner;
}

// At most kMaxTitleBytes, cut at a space, marked with an ellipsis.
std::string shorten(std::string_view text) {
    if (text.size() <= kMaxTitleBytes) return std::string(text);
    std::size_t cut = text.rfind(' ', kMaxTitleBytes);
    if (cut == std::string_view::npos || cut < kMaxTitleBytes / 2) {
        cut = kMaxTitleBytes;
        // Never split a UTF-8 sequence.
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    return std::string(trim_line(text.substr(0, cut))) + "\u2026";
}

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

struct Layout {
    std::size_t title = kNone;        // the headline line
    std::size_t body_begin = 0;       // first line that may be body
    std::size_t body_end = 0;         // the trailer marker, or the end
    bool title_is_shortened = false;  // title taken from the first content line
    std::vector<bool> chrome;         // per line, when prose was found: not the article's
    std::string title_text;           // when set, the title (a headline wrapped over lines)
};

bool is_menu_line(std::string_view text);

Layout find_layout(const std::vector<Line>& lines) {
    Layout layout;
    std::size_t banner = kNone, first_content = kNone;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].kind != Kind::kContent) continue;
        if (first_content == kNone) first_content = i;
        if (!is_headline_like(lines[i].text)) break;
        if (is_menu_line(lines[i].text)) continue;  // "• Registrieren"
        // A headline stands alone; a short line with more text right under
        // it opens a hard-wrapped paragraph.
        if (i + 1 < lines.size() && lines[i + 1].kind == Kind::kContent) break;
        if (is_all_caps(lines[i].text)) {
            if (banner == kNone) banner = i;
            continue;
        }
        layout.title = i;
        break;
    }
    if (layout.title == kNone) layout.title = banner;
    if (layout.title != kNone) {
        layout.body_begin = layout.title + 1;
    } else if (first_content != kNone) {
        layout.title = first_content;
        layout.title_is_shortened = true;
        layout.body_begin = first_content;
    } else {
        layout.body_begin = lines.size();
    }

    layout.body_end = lines.size();
    bool seen_content = false;
    for (std::size_t i = layout.body_begin; i < lines.size(); ++i) {
        if (lines[i].kind == Kind::kContent) seen_content = true;
        if (lines[i].kind == Kind::kTrailer && seen_content) {
            layout.body_end = i;
            break;
        }
    }
    return layout;
}

// The article's date: see the header comment for the order of preference.
void choose_date(const std::vector<Line>& lines, std::size_t first_body_line, std::size_t body_end,
                 Article& article) {
    const Line* chosen = nullptr;
    for (std::size_t i = 0; i < first_body_line && i < lines.size(); ++i) {
        if (lines[i].kind != Kind::kDate) continue;
        if (chosen == nullptr || (!chosen->date.has_time && lines[i].date.has_time)) {
            chosen = &lines[i];
        }
        if (chosen->date.has_time) break;
    }
    for (std::size_t i = first_body_line; chosen == nullptr && i < body_end; ++i) {
        if (lines[i].kind == Kind::kDate) chosen = &lines[i];
    }
    // The date as written: its day never shifted by its zone (article.h).
    const auto take = [&article](std::string_view text, const FoundDate& found) {
        article.date = found.local;
        article.date_utc_offset = found.utc_offset;
        article.date_text = std::string(text.substr(found.begin, found.end - found.begin));
    };
    if (chosen != nullptr) {
        take(chosen->text, chosen->date);
        if (!chosen->source.empty()) article.source = std::string(chosen->source);
        return;
    }
    // No date line: a date may still be written into a header line
    // ("By John Smith, March 6, 2009, Reuters").
    for (std::size_t i = 0; i < first_body_line && i < lines.size(); ++i) {
        if (lines[i].kind == Kind::kBlank || lines[i].text.size() > kMaxDateLineBytes) continue;
        if (const auto found = find_date(lines[i].text)) {
            take(lines[i].text, *found);
            return;
        }
    }
}

// A line of a menu or link list as text renderers draw them: "• About
// Me", "* Home", "[Suche    ]", "□ Item", "Home | News | Sport".
bool is_menu_line(std::string_view text) {
    for (std::string_view marker : {"\xE2\x80\xA2", "\xE2\x96\xA1", "\xE2\x96\xA0", "\xE2\x97\xA6",
                                    "\xE2\x96\xAA", "* ", "+ ", "[", "> "})
        if (text.starts_with(marker)) return true;
    std::size_t bars = 0;
    for (std::size_t at = text.find(" | "); at != std::string_view::npos;
         at = text.find(" | ", at + 3))
        ++bars;
    return bars >= 2;
}

// A quotation or a sentence rather than a headline: it ends in a full
// stop inside closing quotes, or holds several sentences.
bool reads_like_sentence(std::string_view text) {
    for (std::string_view end : {".\"", ".\xE2\x80\x9D", "!\"", "?\"", ".'", ".\xC2\xBB"})
        if (text.ends_with(end)) return true;
    return text.find(". ") != std::string_view::npos && count_words(text) > 12;
}

// A line that may be the article's headline in scraped text: a headline
// of at least three words, not a menu entry, a quotation or sentence, a
// form field, a credit or a line of metadata ("Juni 19th, 2018|Social
// Media|36 Kommentare").
// A word, or a pair of words, said twice in a row: "Jetzt anmelden Jetzt
// anmelden", "Kathrin Hofmeister Kathrin Hofmeister": a button or an image's
// alternative text beside its caption, not a headline.
bool repeats_itself(std::string_view text) {
    std::vector<std::string_view> words;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = std::min(text.find(' ', at), text.size());
        if (end > at) words.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    for (std::size_t i = 1; i < words.size(); ++i) {
        if (words[i] == words[i - 1] && words[i].size() >= 4) return true;
        if (i >= 3 && words[i] == words[i - 2] && words[i - 1] == words[i - 3]) return true;
    }
    return false;
}

// A w3m line that holds several table cells side by side ("Suche    Der
// Tag, an dem ...    Mehr zu"): its longest cell, else the line.
std::string_view longest_cell(std::string_view text) {
    constexpr std::string_view kCellGap = "    ";
    if (text.find(kCellGap) == std::string_view::npos) return text;
    std::string_view best;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = text.find(kCellGap, at);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view cell = trim_line(text.substr(at, end - at));
        if (cell.size() > best.size()) best = cell;
        at = end + kCellGap.size();
        while (at < text.size() && text[at] == ' ') ++at;
    }
    return best;
}

bool is_title_candidate(std::string_view text) {
    if (!is_headline_like(text) || reads_like_sentence(text) || is_menu_line(text)) return false;
    // Navigation: "← Previous post", "Home » Health » Body", a lead's dash.
    for (std::string_view start : {"\xE2\x86\x90", "\xE2\x86\x92", "\xC2\xAB", "\xC2\xBB", "-",
                                   "\xE2\x80\x93", "\xE2\x80\xB9", "\xE2\x80\xBA"})
        if (text.starts_with(start)) return false;
    if (text.find(" \xC2\xBB ") != std::string_view::npos || repeats_itself(text)) return false;
    if (text.find('[') != std::string_view::npos) return false;  // a form field, an image
    if (count_words(text) < 3 || count_words(text) > 20 || text.size() < 15) return false;
    if (text.find('|') != std::string_view::npos || text.find("\xC2\xA9") != std::string_view::npos)
        return false;
    if (text.front() == '[' || text.front() == '/' || text.front() == '(') return false;
    return !is_byline(text) && !find_date(text);
}

// The text's paragraphs: runs of content lines between blank or other
// lines, each menu line a paragraph of its own.
struct Paragraph {
    std::size_t first = 0, end = 0;  // line range
    TextBlock block;
};

std::vector<Paragraph> paragraphs_of(const std::vector<Line>& lines) {
    std::vector<Paragraph> paragraphs;
    for (std::size_t i = 0; i < lines.size();) {
        if (lines[i].kind != Kind::kContent) {
            ++i;
            continue;
        }
        Paragraph p;
        p.first = i;
        const bool menu = is_menu_line(lines[i].text);
        std::size_t j = i;
        do {
            if (!p.block.text.empty()) p.block.text += ' ';
            p.block.text += lines[j].text;
            ++j;
        } while (!menu && j < lines.size() && lines[j].kind == Kind::kContent &&
                 !is_menu_line(lines[j].text));
        p.end = j;
        measure_block(p.block);
        // Menu entries are links in the page they were rendered from.
        if (menu) p.block.link_chars = p.block.chars;
        paragraphs.push_back(std::move(p));
        i = j;
    }
    return paragraphs;
}

// Where the article's prose lies, when the text has prose enough for
// jusText to see: scraped pages put menus and chrome above and below it.
// Narrows the layout so that neither a menu line nor a trailer word before
// the prose ends the article, and takes as title the headline closest above
// the prose.
void narrow_to_prose(const std::vector<Line>& lines, Layout& layout) {
    const std::vector<Paragraph> paragraphs = paragraphs_of(lines);
    std::vector<TextBlock> blocks;
    blocks.reserve(paragraphs.size());
    WordCounts words;
    for (const Paragraph& p : paragraphs) {
        blocks.push_back(p.block);
        words.add(p.block.words);
    }
    const std::vector<bool> good = classify_blocks(blocks, words.likeliest_language());
    // The first long good paragraph anchors the prose; the good ones just
    // before it belong to it, and it runs to the last good paragraph.
    std::size_t first = kNone, last = kNone;
    for (std::size_t k = 0; k < paragraphs.size(); ++k) {
        if (!good[k]) continue;
        if (first == kNone && paragraphs[k].block.chars >= kMinProseChars) first = k;
        if (first != kNone) last = k;
    }
    if (first == kNone) return;
    // Good paragraphs just before the anchor join it, less the short ones
    // at the top of the run: the headline, a byline, a "back" link.
    while (first > 0 && good[first - 1]) --first;
    while (first < last && paragraphs[first].block.chars < kMinKeptSentenceChars &&
           !reads_like_sentence(paragraphs[first].block.text))
        ++first;
    const std::size_t prose_begin = paragraphs[first].first;
    std::size_t prose_end = paragraphs[last].end;

    // The headline: of the headline-like paragraphs (a line, or a long
    // headline wrapped over two or three) a little above the prose, the
    // fullest and nearest. Bylines, captions, "back to overview" links and
    // section names stand there too; they are shorter.
    std::size_t title = kNone;
    std::string title_text;
    double best_score = 0;
    std::size_t candidates = 0, looked = 0;
    for (std::size_t k = first; k-- > 0 && looked < kMaxLinesAboveProse;) {
        const Paragraph& p = paragraphs[k];
        looked += p.end - p.first;
        const std::string_view text = longest_cell(trim_line(p.block.text));
        if (p.end - p.first > 3 || !is_title_candidate(text)) continue;
        const double words = static_cast<double>(std::min<std::size_t>(count_words(text), 14));
        const double score = words - 0.75 * static_cast<double>(candidates++);
        if (score > best_score) {
            best_score = score;
            title = p.first;
            title_text = std::string(text);
        }
    }
    for (std::size_t i = title == kNone ? prose_begin : title; i < prose_begin; ++i)
        if (lines[i].kind == Kind::kTrailer)
            title = kNone;  // a trailer between: not this article's
    if (title != kNone) {
        layout.title = title;
        layout.title_text = std::move(title_text);
        layout.title_is_shortened = false;
        layout.body_begin = prose_begin;
    } else if (layout.title == kNone || layout.title >= prose_begin ||
               is_menu_line(lines[layout.title].text)) {
        layout.title = prose_begin;
        layout.title_is_shortened = true;
        layout.body_begin = prose_begin;
    } else {
        layout.body_begin = prose_begin;  // what lies between is chrome
    }
    // The end: a trailer marker after the prose starts, else the prose's end
    // and a credit line right after it.
    layout.body_end = lines.size();
    for (std::size_t i = prose_begin; i < lines.size(); ++i) {
        if (lines[i].kind == Kind::kTrailer) {
            layout.body_end = i;
            break;
        }
    }
    std::size_t end = prose_end;
    while (end < lines.size() && lines[end].kind == Kind::kBlank) ++end;
    if (end < lines.size() && lines[end].kind == Kind::kContent && credit_of(lines[end].text))
        prose_end = end + 1;
    layout.body_end = std::min(layout.body_end, prose_end);

    // Within the prose, what jusText does not keep is the page's furniture
    // (menus, "related" headings, share buttons), except a heading that
    // opens a good paragraph.
    layout.chrome.assign(lines.size(), false);
    for (std::size_t k = 0; k < paragraphs.size(); ++k) {
        if (good[k]) continue;
        const Paragraph& p = paragraphs[k];
        const bool opens_prose = k + 1 < paragraphs.size() && good[k + 1] && p.end - p.first == 1 &&
                                 is_headline_like(lines[p.first].text) &&
                                 !is_menu_line(lines[p.first].text);
        if (opens_prose) continue;
        // A sentence of some length is the article's even with few function
        // words ("U.S. State Department spokesman Richard Boucher ..."); so
        // is a closing credit line.
        const std::string_view last = lines[p.end - 1].text;
        const bool sentence = p.block.chars >= kMinKeptSentenceChars &&
                              (last.ends_with('.') || last.ends_with('!') || last.ends_with('?') ||
                               last.ends_with('"') || last.ends_with("\xE2\x80\x9D"));
        if ((sentence && !is_menu_line(lines[p.first].text)) || credit_of(last)) continue;
        for (std::size_t i = p.first; i < p.end; ++i) layout.chrome[i] = true;
    }
}

}  // namespace

Article extract_text_article(std::string_view utf8) {
    const std::vector<Line> lines = split_lines(utf8);
    Layout layout = find_layout(lines);
    narrow_to_prose(lines, layout);
    Article article;
    if (layout.title != kNone) {
        article.title = !layout.title_text.empty() ? layout.title_text
                        : layout.title_is_shortened
                            ? shorten(trim_line(lines[layout.title].text))
                            : std::string(trim_line(lines[layout.title].text));
    }

    // The body's content lines, less banners at either end and a credit.
    // Capitals only make a banner in a text that has lower case: old wire
    // copy is capitals throughout.
    bool has_lower_case = false;
    for (std::size_t i = layout.body_begin; i < layout.body_end && !has_lower_case; ++i) {
        has_lower_case = lines[i].kind == Kind::kContent && has_lowercase(lines[i].text);
    }
    const auto is_banner = [has_lower_case](std::string_view text) {
        return has_lower_case && is_headline_like(text) && is_all_caps(text);
    };
    std::vector<std::size_t> kept;
    for (std::size_t i = layout.body_begin; i < layout.body_end; ++i) {
        if (lines[i].kind != Kind::kContent) continue;
        if (!layout.chrome.empty() && layout.chrome[i]) continue;
        if (kept.empty() && !layout.title_is_shortened && is_banner(lines[i].text)) continue;
        kept.push_back(i);
    }
    std::optional<std::string_view> credit;
    while (!kept.empty()) {
        const std::string_view last = lines[kept.back()].text;
        if (is_banner(last)) {
            kept.pop_back();
        } else if (!credit && (credit = credit_of(last))) {
            kept.pop_back();
        } else {
            break;
        }
    }

    const std::size_t first_body_line = kept.empty() ? layout.body_end : kept.front();
    choose_date(lines, first_body_line, layout.body_end, article);
    for (std::size_t i = 0; article.source.empty() && i < layout.body_end; ++i) {
        if (lines[i].kind == Kind::kSource || lines[i].kind == Kind::kDate)
            article.source = std::string(lines[i].source);
    }
    if (article.source.empty() && credit) article.source = std::string(*credit);

    // Lines of a paragraph stay on their own lines; a blank line between
    // two kept lines makes a paragraph break.
    std::size_t previous = kNone;
    for (std::size_t index : kept) {
        if (previous != kNone) {
            bool blank_between = false;
            for (std::size_t i = previous + 1; i < index && !blank_between; ++i)
                blank_between = lines[i].kind == Kind::kBlank;
            article.body += blank_between ? "\n\n" : "\n";
        }
        article.body += lines[index].text;
        previous = index;
    }
    return article;
}

}  // namespace scoop
