#pragma once

#include "common/Result.h"

#include <QJsonValue>

#include <string>

namespace builder::llm {

// Finds the JSON in a model's reply: the first balanced top-level object or array that parses,
// so ```json fences and prose around the value are tolerated.
struct JsonExtractor
{
    // InvalidArgument when the reply holds no such value; the message says why.
    static common::Result<QJsonValue> extract(const std::string& reply);
    // The index just past the bracket closing the one at `open`, std::string::npos when it is
    // never closed or closed by the wrong kind. Brackets inside JSON strings do not count.
    static std::size_t balancedEnd(const std::string& text, std::size_t open);
};

} // namespace builder::llm
