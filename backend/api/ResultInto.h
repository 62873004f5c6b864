#pragma once

#include "common/Result.h"

namespace builder::api {

// Moves a manager's result into the response field a handler fills, or passes
// its error on: the one line most handlers consist of.
template <typename T> common::Status resultInto(common::Result<T> result, T* out)
{
    if (!result.ok())
        return result.error();
    *out = std::move(result).value();
    return {};
}

} // namespace builder::api
