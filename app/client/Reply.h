#pragma once

#include "common/Result.h"

#include <functional>
#include <string>
#include <vector>

namespace builder::client {

// The GUI-thread callback of an asynchronous call.
template <typename T> using Reply = std::function<void(common::Result<T>)>;

// One page of a List/Search stream with the page trailers.
template <typename T> struct Page
{
    std::vector<T> items;
    std::string nextPageToken;
    int totalCount = -1; // -1 when the server did not say
};

} // namespace builder::client
