#pragma once

#include <string>
#include <vector>

namespace builder::store {

// One page of a listing: the items, an opaque token for the next page (empty on
// the last page) and the number of matches across all pages.
template <typename T> struct Page
{
    std::vector<T> items;
    std::string nextPageToken;
    int totalCount = 0;
};

} // namespace builder::store
