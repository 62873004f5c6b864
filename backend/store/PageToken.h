#pragma once

#include <optional>
#include <string>

namespace builder::store {

// Opaque keyset cursor: the sort key and id of the last row of a page, so the
// next page starts after it even while rows are being added.
struct PageToken
{
    std::string kind; // which listing the token belongs to
    std::string sortKey;
    std::string id;

    std::string encode() const;
    static std::optional<PageToken> decode(const std::string& token, const std::string& kind);
};

} // namespace builder::store
