#include "EnumNames.h"

#include <google/protobuf/descriptor.h>

#include <cctype>

namespace builder::ctl {

namespace {

constexpr std::string_view kUnspecified = "UNSPECIFIED";

std::string upperSnake(std::string_view text)
{
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        out += c == '-' ? '_' : static_cast<char>(std::toupper(u));
    }
    return out;
}

} // namespace

std::string EnumNames::prefix(const google::protobuf::EnumDescriptor* type)
{
    std::string out;
    for (const char c : type->name()) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isupper(u) && !out.empty())
            out += '_';
        out += static_cast<char>(std::toupper(u));
    }
    return out + "_";
}

std::string EnumNames::shortName(const google::protobuf::EnumDescriptor* type, int value)
{
    const auto* descriptor = type->FindValueByNumber(value);
    if (!descriptor)
        return std::to_string(value);
    std::string name = descriptor->name();
    const std::string p = prefix(type);
    if (name.rfind(p, 0) == 0)
        name = name.substr(p.size());
    for (char& c : name)
        c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return name;
}

std::vector<std::string> EnumNames::names(const google::protobuf::EnumDescriptor* type)
{
    std::vector<std::string> out;
    for (int i = 0; i < type->value_count(); ++i) {
        const auto* value = type->value(i);
        if (value->number() != 0)
            out.push_back(shortName(type, value->number()));
    }
    return out;
}

std::optional<int> EnumNames::parse(const google::protobuf::EnumDescriptor* type,
                                    std::string_view text)
{
    const std::string wanted = upperSnake(text);
    if (wanted.empty() || wanted == kUnspecified)
        return std::nullopt;
    const std::string p = prefix(type);
    for (int i = 0; i < type->value_count(); ++i) {
        const auto* value = type->value(i);
        if (value->number() == 0)
            continue;
        if (value->name() == wanted || value->name() == p + wanted)
            return value->number();
    }
    return std::nullopt;
}

} // namespace builder::ctl
