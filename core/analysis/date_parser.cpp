#include "analysis/date_parser.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <climits>
#include <cmath>

namespace scoop {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_alnum(char c) {
    return is_digit(c) || is_alpha(c);
}
char to_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equals_lower(std::string_view word, std::string_view lower) {
    if (word.size() != lower.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (to_lower(word[i]) != lower[i]) return false;
    return true;
}

bool is_leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

// A run of digits. The value stops growing after nine digits; callers
// reject such lengths anyway, and it cannot overflow.
struct Number {
    int value = 0;
    int digits = 0;
};

std::optional<Number> read_number(std::string_view s, std::size_t& pos) {
    Number n;
    while (pos < s.size() && is_digit(s[pos])) {
        if (n.digits < 9) n.value = n.value * 10 + (s[pos] - '0');
        ++n.digits;
        ++pos;
    }
    if (n.digits == 0) return std::nullopt;
    return n;
}

// A run of letters, ASCII or any script ("März", "września").
std::string_view read_word(std::string_view s, std::size_t& pos) {
    const std::size_t start = pos;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto length = static_cast<std::int32_t>(std::min<std::size_t>(s.size(), INT32_MAX));
    while (pos < s.size()) {
        if (is_alpha(s[pos])) {
            ++pos;
            continue;
        }
        if (static_cast<unsigned char>(s[pos]) < 0x80) break;
        auto i = static_cast<std::int32_t>(pos);
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0 || !u_isalpha(c)) break;
        pos = static_cast<std::size_t>(i);
    }
    return s.substr(start, pos - start);
}

// Skips a few blanks (space, tab, no-break space): dates pad with at most
// that many ("Mar  5"), and a bound keeps find_date linear.
std::size_t skip_blanks(std::string_view s, std::size_t& pos) {
    std::size_t skipped = 0;
    while (skipped < 4 && pos < s.size()) {
        if (s[pos] == ' ' || s[pos] == '\t') {
            ++pos;
        } else if (s.substr(pos, 2) == "\xC2\xA0") {
            pos += 2;
        } else {
            break;
        }
        ++skipped;
    }
    return skipped;
}

// Month names and abbreviations of the languages news pages are written
// in: English, German, French, Spanish, Italian, Dutch, Portuguese,
// Polish (nominative and genitive), Scandinavian. Lower case. Left out:
// abbreviations that are common words of English ("set", "out").
struct MonthName {
    std::string_view name;
    int month;
};
// clang-format off
constexpr MonthName kMonthNames[] = {
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
    {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11},
    {"december", 12}, {"sept", 9},
    {"januar", 1}, {"jänner", 1}, {"februar", 2}, {"feber", 2}, {"märz", 3}, {"maerz", 3},
    {"mär", 3}, {"mrz", 3}, {"mai", 5}, {"juni", 6}, {"juli", 7}, {"oktober", 10}, {"okt", 10},
    {"dezember", 12}, {"dez", 12},
    {"janvier", 1}, {"janv", 1}, {"février", 2}, {"fevrier", 2}, {"févr", 2}, {"fevr", 2},
    {"mars", 3}, {"avril", 4}, {"avr", 4}, {"juin", 6}, {"juillet", 7}, {"juil", 7},
    {"août", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11},
    {"décembre", 12}, {"decembre", 12}, {"déc", 12},
    {"enero", 1}, {"ene", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"abr", 4},
    {"mayo", 5}, {"junio", 6}, {"julio", 7}, {"agosto", 8}, {"ago", 8}, {"septiembre", 9},
    {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12}, {"dic", 12},
    {"gennaio", 1}, {"gen", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"mag", 5},
    {"giugno", 6}, {"giu", 6}, {"luglio", 7}, {"lug", 7}, {"settembre", 9}, {"ottobre", 10},
    {"ott", 10}, {"dicembre", 12},
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mrt", 3}, {"mei", 5}, {"augustus", 8},
    {"augusti", 8}, {"maj", 5}, {"marts", 3},
    {"janeiro", 1}, {"fevereiro", 2}, {"fev", 2}, {"março", 3}, {"marco", 3}, {"maio", 5},
    {"junho", 6}, {"julho", 7}, {"setembro", 9}, {"outubro", 10}, {"dezembro", 12},
    {"stycznia", 1}, {"styczeń", 1}, {"sty", 1}, {"lutego", 2}, {"luty", 2}, {"lut", 2},
    {"marca", 3}, {"marzec", 3}, {"kwietnia", 4}, {"kwiecień", 4}, {"kwi", 4}, {"maja", 5},
    {"czerwca", 6}, {"czerwiec", 6}, {"cze", 6}, {"lipca", 7}, {"lipiec", 7}, {"lip", 7},
    {"sierpnia", 8}, {"sierpień", 8}, {"sie", 8}, {"września", 9}, {"wrzesień", 9},
    {"wrz", 9}, {"października", 10}, {"październik", 10}, {"paź", 10}, {"listopada", 11},
    {"listopad", 11}, {"lis", 11}, {"grudnia", 12}, {"grudzień", 12}, {"gru", 12},
};
// clang-format on

// 1..12, or 0 when the word is not a month: the names above, and the
// three-letter abbreviations of the English ones.
int month_from_word(std::string_view word) {
    if (word.size() < 3 || word.size() > 14) return 0;
    for (const MonthName& m : kMonthNames)
        if (equals_lower(word, m.name)) return m.month;
    static constexpr std::array<std::string_view, 12> kEnglish = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    for (std::size_t i = 0; i < kEnglish.size(); ++i)
        if (equals_lower(word, kEnglish[i])) return static_cast<int>(i) + 1;
    return 0;
}

bool is_weekday(std::string_view word) {
    // clang-format off
    static constexpr std::string_view kDays[] = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend",
        "sonntag", "mo", "di", "mi", "do", "fr", "sa", "so",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela",
    };
    // clang-format on
    if (word.size() > 14) return false;
    for (std::string_view day : kDays)
        if (equals_lower(word, day)) return true;
    return false;
}

// "st", "nd", "rd", "th" after a day number.
void skip_ordinal_suffix(std::string_view s, std::size_t& pos) {
    std::size_t p = pos;
    const std::string_view w = read_word(s, p);
    if (equals_lower(w, "st") || equals_lower(w, "nd") || equals_lower(w, "rd") ||
        equals_lower(w, "th") || equals_lower(w, "er"))  // French "1er"
        pos = p;
}

// A numeric UTC offset right at `pos`: "+02:00", "-0500", "+2".
std::optional<int> read_offset(std::string_view s, std::size_t& pos) {
    if (pos + 1 >= s.size() || (s[pos] != '+' && s[pos] != '-') || !is_digit(s[pos + 1]))
        return std::nullopt;
    const int sign = s[pos] == '-' ? -1 : 1;
    std::size_t p = pos + 1;
    const auto n = read_number(s, p);
    int hours = 0, minutes = 0;
    if (n->digits == 4) {
        hours = n->value / 100;
        minutes = n->value % 100;
    } else if (n->digits <= 2) {
        hours = n->value;
        if (p < s.size() && s[p] == ':') {
            std::size_t q = p + 1;
            const auto m = read_number(s, q);
            if (!m || m->digits != 2) return std::nullopt;
            minutes = m->value;
            p = q;
        }
    } else {
        return std::nullopt;
    }
    if (hours > 14 || minutes > 59) return std::nullopt;
    pos = p;
    return sign * (hours * 3600 + minutes * 60);
}

// A time zone at `pos`: a numeric offset, "Z", "UTC"/"GMT" (with an optional
// offset: "GMT+2"), or a common abbreviation. Returns seconds east of UTC.
std::optional<int> read_zone(std::string_view s, std::size_t& pos) {
    if (auto offset = read_offset(s, pos)) return offset;
    std::size_t p = pos;
    const std::string_view word = read_word(s, p);
    if (word.empty() || (p < s.size() && is_digit(s[p]))) return std::nullopt;
    if (equals_lower(word, "z") || equals_lower(word, "utc") || equals_lower(word, "gmt") ||
        equals_lower(word, "ut")) {
        int offset = 0;
        if (auto extra = read_offset(s, p)) offset = *extra;
        pos = p;
        return offset;
    }
    struct Zone {
        std::string_view name;
        int hours;
    };
    static constexpr std::array<Zone, 18> kZones = {{{"est", -5},
                                                     {"edt", -4},
                                                     {"cst", -6},
                                                     {"cdt", -5},
                                                     {"mst", -7},
                                                     {"mdt", -6},
                                                     {"pst", -8},
                                                     {"pdt", -7},
                                                     {"bst", 1},
                                                     {"cet", 1},
                                                     {"cest", 2},
                                                     {"eet", 2},
                                                     {"eest", 3},
                                                     {"msk", 3},
                                                     {"jst", 9},
                                                     {"hkt", 8},
                                                     {"aest", 10},
                                                     {"aedt", 11}}};
    for (const Zone& zone : kZones) {
        if (equals_lower(word, zone.name)) {
            pos = p;
            return zone.hours * 3600;
        }
    }
    return std::nullopt;
}

// "am", "pm", "a.m.", "p.m.": returns 'a' or 'p'.
char read_meridiem(std::string_view s, std::size_t& pos) {
    if (pos >= s.size()) return 0;
    const char c = to_lower(s[pos]);
    if (c != 'a' && c != 'p') return 0;
    std::size_t p = pos + 1;
    if (p < s.size() && s[p] == '.') ++p;
    if (p >= s.size() || to_lower(s[p]) != 'm') return 0;
    ++p;
    if (p < s.size() && s[p] == '.') {
        ++p;
    } else if (p < s.size() && is_alpha(s[p])) {
        return 0;  // "amber", "pmt": a word, not a meridiem
    }
    pos = p;
    return c;
}

struct TimeOfDay {
    int seconds = 0;      // since midnight, local to the zone below
    int zone_offset = 0;  // seconds east of UTC
    bool has_zone = false;
};

// "22:24:36", "15:01:01.79", "10:30 PM", "22:24:36Z", "22:24 +0200 ", "9:05 a.m. EST".
std::optional<TimeOfDay> read_time(std::string_view s, std::size_t& pos) {
    std::size_t p = pos;
    const auto h = read_number(s, p);
    if (!h || h->digits > 2 || p >= s.size() || s[p] != ':') return std::nullopt;
    ++p;
    const auto m = read_number(s, p);
    if (!m || m->digits != 2 || m->value > 59) return std::nullopt;
    int second = 0;
    if (p + 1 < s.size() && s[p] == ':' && is_digit(s[p + 1])) {
        ++p;
        const auto sec = read_number(s, p);
        if (sec->digits != 2 || sec->value > 60) return std::nullopt;
        second = sec->value;
        if (p + 1 < s.size() && (s[p] == '.' || s[p] == ',') && is_digit(s[p + 1])) {
            ++p;
            read_number(s, p);  // fractions of a second do not matter to a news date
        }
    }
    int hour = h->value;
    std::size_t q = p;
    skip_blanks(s, q);
    if (const char half = read_meridiem(s, q)) {
        if (hour < 1 || hour > 12) return std::nullopt;
        hour = hour % 12 + (half == 'p' ? 12 : 0);
        p = q;
    }
    if (hour > 23) return std::nullopt;

    TimeOfDay time;
    time.seconds = hour * 3600 + m->value * 60 + second;
    q = p;
    if (auto zone = read_zone(s, q)) {
        time.zone_offset = *zone;
        time.has_zone = true;
        p = q;
    } else {
        q = p;
        if (skip_blanks(s, q) > 0) {
            if (auto spaced_zone = read_zone(s, q)) {
                time.zone_offset = *spaced_zone;
                time.has_zone = true;
                p = q;
            }
        }
    }
    pos = p;
    return time;
}

struct DateMatch {
    Timestamp timestamp = kNoDate;  // UTC
    bool has_time = false;
    std::size_t end = 0;
    Timestamp local = kNoDate;  // the wall-clock time as written
    std::optional<int> zone;    // seconds east of UTC, when written

    static DateMatch of(Timestamp day, const std::optional<TimeOfDay>& time, std::size_t end) {
        DateMatch m;
        m.end = end;
        m.local = day + (time ? time->seconds : 0);
        m.has_time = time.has_value();
        if (time && time->has_zone) m.zone = time->zone_offset;
        m.timestamp = m.local - (time ? time->zone_offset : 0);
        return m;
    }
};

bool at_boundary(std::string_view s, std::size_t pos) {
    return pos >= s.size() || !is_alnum(s[pos]);
}

// A calendar date has been read up to `pos`; takes a time of day if one
// follows ("T22:24:36Z", " 15:01:01.79", ", 10:30 am", " at 9:05 EST").
std::optional<DateMatch> finish_date(std::string_view s, std::size_t pos, int y, int m, int d,
                                     bool iso) {
    const auto day = make_timestamp(y, m, d);
    if (!day) return std::nullopt;

    std::size_t p = pos;
    std::optional<TimeOfDay> time;
    // "T" before the time: ISO 8601, and the day-first "06-08-2009T14:12:32".
    if (p + 1 < s.size() && (s[p] == 'T' || (iso && s[p] == 't')) && is_digit(s[p + 1])) {
        ++p;
        time = read_time(s, p);
    } else {
        if (p < s.size() && s[p] == ',') ++p;
        if (skip_blanks(s, p) > 0) {
            std::size_t q = p;
            if (equals_lower(read_word(s, q), "at") && skip_blanks(s, q) > 0) p = q;
            time = read_time(s, p);
        }
    }
    if (time && at_boundary(s, p)) return DateMatch::of(*day, time, p);
    if (!at_boundary(s, pos)) return std::nullopt;
    return DateMatch::of(*day, std::nullopt, pos);
}

// "March 6, 2009", "Mar 6 2009", "Mar. 6th, 2009", ctime's "Mar  5 22:24:36 2009";
// `pos` is just past the month name.
std::optional<DateMatch> month_first(std::string_view s, std::size_t pos, int month) {
    std::size_t p = pos;
    if (p < s.size() && s[p] == '.') ++p;
    if (skip_blanks(s, p) == 0) return std::nullopt;
    const auto day = read_number(s, p);
    if (!day || day->digits > 2) return std::nullopt;
    skip_ordinal_suffix(s, p);
    const bool comma = p < s.size() && s[p] == ',';
    if (comma) ++p;
    if (skip_blanks(s, p) == 0 && !comma) return std::nullopt;

    if (p < s.size() && is_digit(s[p])) {
        std::size_t q = p;
        const auto year = read_number(s, q);
        if (year->digits == 4) return finish_date(s, q, year->value, month, day->value, false);
        // ctime puts the time before the year.
        q = p;
        const auto time = read_time(s, q);
        if (!time || skip_blanks(s, q) == 0) return std::nullopt;
        const auto ctime_year = read_number(s, q);
        if (!ctime_year || ctime_year->digits != 4 || !at_boundary(s, q)) return std::nullopt;
        const auto date = make_timestamp(ctime_year->value, month, day->value);
        if (!date) return std::nullopt;
        return DateMatch::of(*date, time, q);
    }
    return std::nullopt;
}

// Forms that start with a number: "2009-03-05", "2023.11.02" (Korean,
// Chinese and Hungarian pages), "07/27/2016", "27.07.2016",
// "05 Mar 2009", "26-FEB-1987", "6th of March 2009".
std::optional<DateMatch> number_first(std::string_view s, std::size_t pos) {
    std::size_t p = pos;
    const auto first = read_number(s, p);
    if (!first) return std::nullopt;
    const char sep = p < s.size() ? s[p] : '\0';

    if (first->digits == 4) {
        if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
        ++p;
        const auto month = read_number(s, p);
        if (!month || month->digits > 2 || p >= s.size() || s[p] != sep) return std::nullopt;
        ++p;
        const auto day = read_number(s, p);
        if (!day || day->digits > 2) return std::nullopt;
        return finish_date(s, p, first->value, month->value, day->value, true);
    }
    if (first->digits > 2) return std::nullopt;

    if ((sep == '/' || sep == '-' || sep == '.') && p + 1 < s.size() && is_digit(s[p + 1])) {
        ++p;
        const auto second = read_number(s, p);
        if (!second || second->digits > 2 || p >= s.size() || s[p] != sep) return std::nullopt;
        ++p;
        const auto year = read_number(s, p);
        if (!year || year->digits != 4) return std::nullopt;
        int month = first->value, day = second->value;
        // Dots are the European day-first style; slashes are American
        // month-first unless the first number cannot be a month.
        // WordPress themes' hAtom stamps, "06-08-2009T14:12:32+0200"
        // (PHP's d-m-Y\TH:i:sO), are day first too.
        const bool wordpress_stamp = sep == '-' && p < s.size() && s[p] == 'T';
        if (sep == '.' || month > 12 || wordpress_stamp) std::swap(month, day);
        return finish_date(s, p, year->value, month, day, false);
    }

    // Day, then the month by name.
    skip_ordinal_suffix(s, p);
    // "1. November 2023", "25. Januar 2022": the German and Polish ordinal dot.
    if (p + 1 < s.size() && s[p] == '.' && (s[p + 1] == ' ' || s[p + 1] == '\xC2')) ++p;
    const char name_sep = p < s.size() ? s[p] : '\0';
    const bool punctuated = name_sep == '-' || name_sep == '/' || name_sep == '.';
    if (punctuated) {
        ++p;
    } else {
        if (skip_blanks(s, p) == 0) return std::nullopt;
        std::size_t q = p;
        const std::string_view joiner = read_word(s, q);  // "6th of March", "5 de enero"
        if ((equals_lower(joiner, "of") || equals_lower(joiner, "de")) && skip_blanks(s, q) > 0)
            p = q;
    }
    const int month = month_from_word(read_word(s, p));
    if (month == 0) return std::nullopt;
    if (punctuated) {
        if (p >= s.size() || s[p] != name_sep) return std::nullopt;
        ++p;
    } else {
        if (p < s.size() && s[p] == '.') ++p;
        const bool comma = p < s.size() && s[p] == ',';
        if (comma) ++p;
        if (skip_blanks(s, p) == 0 && !comma) return std::nullopt;
        std::size_t q = p;
        if (equals_lower(read_word(s, q), "de") && skip_blanks(s, q) > 0) p = q;  // "enero de 2022"
    }
    const auto year = read_number(s, p);
    if (!year || year->digits != 4) return std::nullopt;
    return finish_date(s, p, year->value, month, first->value, false);
}

// Any written or numeric date starting exactly at `pos`.
std::optional<DateMatch> match_date_at(std::string_view s, std::size_t pos) {
    if (pos >= s.size()) return std::nullopt;
    if (is_digit(s[pos])) return number_first(s, pos);
    if (!is_alpha(s[pos])) return std::nullopt;

    std::size_t p = pos;
    const std::string_view word = read_word(s, p);
    if (const int month = month_from_word(word)) return month_first(s, p, month);
    if (!is_weekday(word)) return std::nullopt;

    // "Thu, 05 Mar 2009", "Friday, March 6, 2009", "Thu Mar  5 22:24:36 2009".
    if (p < s.size() && s[p] == '.') ++p;
    const bool comma = p < s.size() && s[p] == ',';
    if (comma) ++p;
    if (skip_blanks(s, p) == 0 && !comma) return std::nullopt;
    if (p < s.size() && is_digit(s[p])) return number_first(s, p);
    std::size_t q = p;
    if (const int month = month_from_word(read_word(s, q))) return month_first(s, q, month);
    return std::nullopt;
}

std::string_view trim_blanks(std::string_view s) {
    auto is_space = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    };
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    while (s.starts_with("\xC2\xA0")) s.remove_prefix(2);
    while (s.ends_with("\xC2\xA0")) s.remove_suffix(2);
    return s;
}

// "1236291876", "1236291876000", "-5364662400", "1236291876.5", "20090305".
std::optional<Timestamp> parse_number_date(std::string_view s) {
    std::size_t i = s.starts_with('-') ? 1 : 0;
    const std::size_t int_start = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    const std::size_t int_digits = i - int_start;
    if (int_digits == 0) return std::nullopt;
    bool fraction = false;
    if (i < s.size() && s[i] == '.') {
        fraction = true;
        ++i;
        const std::size_t frac_start = i;
        while (i < s.size() && is_digit(s[i])) ++i;
        if (i == frac_start) return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;

    if (int_digits == 8 && int_start == 0 && !fraction) {
        const int v = std::stoi(std::string(s));
        return make_timestamp(v / 10000, v / 100 % 100, v % 100);
    }
    // Shorter numbers are years, counts or IDs far more often than epochs
    // (nine digits reach back to 1973).
    if (int_digits < 9 || int_digits > 16) return std::nullopt;
    double value = 0;
    const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (error != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return timestamp_from_epoch(value);
}

}  // namespace

std::int64_t days_from_civil(int year, int month, int day) {
    // Years are counted from March, so that the leap day is the last day of
    // its year, and in 400-year eras, which repeat exactly (146097 days).
    const std::int64_t y = year - (month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t year_of_era = y - era * 400;
    const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const std::int64_t day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;  // 719468: 0000-03-01 to 1970-01-01
}

std::optional<Timestamp> make_timestamp(int year, int month, int day, int hour, int minute,
                                        int second) {
    if (year < kMinDateYear || year > kMaxDateYear || month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, month))
        return std::nullopt;
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60)
        return std::nullopt;
    return days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
}

std::optional<Timestamp> timestamp_from_epoch(double value) {
    if (!std::isfinite(value)) return std::nullopt;
    // 1e11 seconds is the year 5138; anything that large is milliseconds.
    if (std::fabs(value) >= 1e11) value /= 1000;
    static const double kMin = static_cast<double>(days_from_civil(kMinDateYear, 1, 1) * 86400);
    static const double kEnd = static_cast<double>(days_from_civil(kMaxDateYear + 1, 1, 1) * 86400);
    if (value < kMin || value >= kEnd) return std::nullopt;
    return static_cast<Timestamp>(std::floor(value));
}

std::optional<Timestamp> parse_date(std::string_view text) {
    text = trim_blanks(text);
    if (text.empty()) return std::nullopt;
    if (is_digit(text.front()) || text.front() == '-') {
        if (auto number = parse_number_date(text)) return number;
    }
    const auto match = match_date_at(text, 0);
    if (!match || match->end != text.size()) return std::nullopt;
    return match->timestamp;
}

std::optional<WrittenDate> parse_written_date(std::string_view text) {
    text = trim_blanks(text);
    if (text.empty()) return std::nullopt;
    if (is_digit(text.front()) || text.front() == '-') {
        // An epoch number is a UTC instant: that is its only "as written".
        if (auto number = parse_number_date(text)) return WrittenDate{*number, false, 0};
    }
    const auto match = match_date_at(text, 0);
    if (!match || match->end != text.size()) return std::nullopt;
    return WrittenDate{match->local, match->has_time, match->zone};
}

std::optional<FoundDate> find_date(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (!(is_alnum(text[i]) || c >= 0xC0) || (i > 0 && is_alnum(text[i - 1]))) continue;
        if (auto match = match_date_at(text, i)) {
            FoundDate found;
            found.timestamp = match->timestamp;
            found.has_time = match->has_time;
            found.begin = i;
            found.end = match->end;
            found.local = match->local;
            found.utc_offset = match->zone;
            return found;
        }
    }
    return std::nullopt;
}

}  // namespace scoop
