#include "ArgValues.h"

#include "EnumNames.h"
#include "UsageError.h"

#include <charconv>
#include <limits>

namespace builder::ctl {

namespace {

template <typename T>
common::Result<T> parseInteger(const std::string& option, const std::string& text)
{
    T value{};
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec == std::errc::invalid_argument || ptr != end)
        return usageError("--" + option + ": expected a whole number, got '" + text + "'");
    if (ec == std::errc::result_out_of_range)
        return usageError("--" + option + ": " + text + " is out of range");
    return value;
}

} // namespace

common::Result<std::int32_t> ArgValues::int32(const std::string& option, const std::string& text)
{
    return parseInteger<std::int32_t>(option, text);
}

common::Result<std::uint64_t> ArgValues::uint64(const std::string& option, const std::string& text)
{
    if (!text.empty() && text[0] == '-')
        return usageError("--" + option + ": expected a non-negative number, got '" + text + "'");
    return parseInteger<std::uint64_t>(option, text);
}

common::Result<std::pair<std::string, std::string>> ArgValues::property(const std::string& option,
                                                                        const std::string& text)
{
    const auto eq = text.find('=');
    if (eq == std::string::npos)
        return usageError("--" + option + ": expected KEY=VALUE, got '" + text + "'");
    if (eq == 0)
        return usageError("--" + option + ": empty key in '" + text + "'");
    return std::make_pair(text.substr(0, eq), text.substr(eq + 1));
}

common::Result<std::map<std::string, std::string>>
ArgValues::properties(const std::string& option, const std::vector<std::string>& texts)
{
    std::map<std::string, std::string> out;
    for (const auto& text : texts) {
        auto kv = property(option, text);
        if (!kv.ok())
            return kv.error();
        if (!out.emplace(kv->first, kv->second).second)
            return usageError("--" + option + ": key '" + kv->first + "' given more than once");
    }
    return out;
}

std::vector<std::string> ArgValues::splitList(const std::vector<std::string>& texts)
{
    std::vector<std::string> out;
    for (const auto& text : texts) {
        std::size_t start = 0;
        while (start <= text.size()) {
            const auto comma = text.find(',', start);
            const auto item = text.substr(start, comma - start);
            if (!item.empty())
                out.push_back(item);
            if (comma == std::string::npos)
                break;
            start = comma + 1;
        }
    }
    return out;
}

common::Result<std::vector<int>> ArgValues::enumValues(const std::string& option,
                                                       const std::vector<std::string>& texts,
                                                       const google::protobuf::EnumDescriptor* type)
{
    std::vector<int> out;
    for (const auto& text : splitList(texts)) {
        const auto value = EnumNames::parse(type, text);
        if (!value) {
            std::string valid;
            for (const auto& name : EnumNames::names(type))
                valid += (valid.empty() ? "" : ", ") + name;
            return usageError("--" + option + ": unknown value '" + text + "' (valid: " + valid +
                              ")");
        }
        out.push_back(*value);
    }
    return out;
}

} // namespace builder::ctl
