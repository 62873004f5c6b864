#include "Slug.h"

namespace builder::common {

std::string Slug::branchSlug(std::string_view title, std::size_t maxLen)
{
    const std::size_t limit = maxLen == 0 ? 1 : maxLen;

    std::string slug;
    bool pendingSeparator = false;
    for (const char ch : title) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80)
            continue; // non-ASCII is dropped, not turned into a separator
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (pendingSeparator && !slug.empty())
                slug += '-';
            pendingSeparator = false;
            slug += static_cast<char>(c);
        } else if (c >= 'A' && c <= 'Z') {
            if (pendingSeparator && !slug.empty())
                slug += '-';
            pendingSeparator = false;
            slug += static_cast<char>(c - 'A' + 'a');
        } else {
            pendingSeparator = true;
        }
    }

    if (slug.size() > limit) {
        // Prefer ending on a whole word, unless that would throw away more than half.
        const bool cutsWord = slug[limit] != '-';
        slug.resize(limit);
        if (cutsWord) {
            const std::size_t lastSeparator = slug.rfind('-');
            if (lastSeparator != std::string::npos && lastSeparator >= limit / 2)
                slug.resize(lastSeparator);
        }
        while (!slug.empty() && slug.back() == '-')
            slug.pop_back();
    }

    if (slug.empty())
        return std::string(kFallback.substr(0, limit));
    return slug;
}

} // namespace builder::common
