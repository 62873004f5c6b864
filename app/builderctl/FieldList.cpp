#include "FieldList.h"

#include "TextWidth.h"

#include <algorithm>
#include <string_view>

namespace builder::ctl {

void FieldList::add(std::string key, std::string value)
{
    m_fields.emplace_back(std::move(key), std::move(value));
}

void FieldList::addIfSet(std::string key, std::string value)
{
    if (!value.empty())
        add(std::move(key), std::move(value));
}

std::string FieldList::toString() const
{
    std::size_t keyWidth = 0;
    for (const auto& field : m_fields)
        keyWidth = std::max(keyWidth, field.first.size() + 1);
    const std::string indent(keyWidth + 1, ' ');

    std::string out;
    for (const auto& [key, value] : m_fields) {
        std::string_view rest(value);
        while (!rest.empty() && (rest.back() == '\n' || rest.back() == '\r'))
            rest.remove_suffix(1);
        bool first = true;
        do {
            const std::size_t end = rest.find('\n');
            std::string line =
                first ? TextWidth::padRight(key + ":", static_cast<int>(keyWidth)) + " " : indent;
            line += TextWidth::sanitize(rest.substr(0, end));
            while (!line.empty() && line.back() == ' ')
                line.pop_back();
            out += line + "\n";
            first = false;
            rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        } while (!rest.empty());
    }
    return out;
}

} // namespace builder::ctl
