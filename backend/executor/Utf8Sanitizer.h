#pragma once

#include <string>
#include <string_view>

namespace builder::executor {

// Turns a byte stream into valid UTF-8 piece by piece: malformed bytes become
// U+FFFD, and a character split across two reads is held back until complete,
// so every chunk can go into a protobuf string or JSON as it is.
class Utf8Sanitizer
{
public:
    std::string feed(std::string_view bytes);
    // The held-back bytes of an unfinished character, as U+FFFD.
    std::string flush();

    // Valid UTF-8 of a whole buffer (no state).
    static std::string sanitize(std::string_view bytes);
    // The longest suffix of valid UTF-8 text of at most maxBytes bytes, starting
    // on a character boundary.
    static std::string tail(std::string_view text, std::size_t maxBytes);

private:
    std::string m_pending;
};

} // namespace builder::executor
