#include "JsonExtractor.h"

#include "llm/JsonText.h"

#include <vector>

namespace builder::llm {

using common::Error;
using common::StatusCode;

std::size_t JsonExtractor::balancedEnd(const std::string& text, std::size_t open)
{
    std::vector<char> expected;
    bool inString = false;
    bool escaped = false;
    for (std::size_t i = open; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            expected.push_back(c == '{' ? '}' : ']');
        } else if (c == '}' || c == ']') {
            if (expected.empty() || expected.back() != c)
                return std::string::npos;
            expected.pop_back();
            if (expected.empty())
                return i + 1;
        }
    }
    return std::string::npos;
}

common::Result<QJsonValue> JsonExtractor::extract(const std::string& reply)
{
    std::string firstProblem;
    for (std::size_t i = reply.find_first_of("{["); i != std::string::npos;
         i = reply.find_first_of("{[", i + 1)) {
        const std::size_t end = balancedEnd(reply, i);
        if (end == std::string::npos) {
            if (firstProblem.empty())
                firstProblem = "a JSON value starting at offset " + std::to_string(i) +
                               " is never closed (cut off?)";
            continue;
        }
        auto parsed = JsonText::parse(reply.substr(i, end - i));
        if (parsed.ok())
            return parsed;
        if (firstProblem.empty())
            firstProblem = "the JSON starting at offset " + std::to_string(i) +
                           " does not parse: " + parsed.error().message();
    }
    return Error(StatusCode::InvalidArgument, firstProblem.empty()
                                                  ? "the reply contains no JSON object or array"
                                                  : firstProblem);
}

} // namespace builder::llm
