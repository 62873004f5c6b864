#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace builder::review {

// `scheme://user:password@host` inside a line: database URLs, basic auth,
// broker URLs. Only URLs whose password is not a documented dummy value count.
class UrlCredentials
{
public:
    struct Match
    {
        std::size_t begin = 0; // start of the scheme
        std::size_t end = 0;   // end of the host
        std::string scheme;    // lower-case ("postgres", "mongodb+srv")
        std::size_t passwordBegin = 0;
        std::size_t passwordEnd = 0;
        std::string host;       // lower-case
        bool localHost = false; // localhost, 127.x, ::1: a development default
    };

    // `separator` is the position of "://" in `line`.
    static std::optional<Match> at(std::string_view line, std::size_t separator);
};

} // namespace builder::review
