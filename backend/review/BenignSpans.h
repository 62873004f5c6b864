#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace builder::review {

// Parts of a line that look random but are known not to be credentials:
// subresource-integrity and lock-file hashes ("sha512-…"), go.sum "h1:" hashes,
// "sha256:<hex>" image digests and base64 data URIs ("data:image/png;base64,…").
// A secret candidate starting inside one of them is dropped.
class BenignSpans
{
public:
    using Span = std::pair<std::size_t, std::size_t>; // [begin, end)

    static void find(std::string_view line, std::vector<Span>& out);
    static bool covers(const std::vector<Span>& spans, std::size_t position);
};

} // namespace builder::review
