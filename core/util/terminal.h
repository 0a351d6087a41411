#pragma once

#include <cstdint>
#include <string>

namespace scoop {

// Whether output on this descriptor should be styled for a person: a
// terminal, and no NO_COLOR in the environment (https://no-color.org).
bool is_terminal(int fd);
bool use_color(int fd);
int terminal_width(int fd, int fallback = 80);

std::string format_bytes(std::uint64_t bytes);  // "1.5 MB"
std::string format_duration(double seconds);    // "0.42 s", "3 min 12 s"
std::string format_count(std::uint64_t n);      // "1,234,567"

}  // namespace scoop
