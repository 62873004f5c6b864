#include "PageInfo.h"

#include "TextWidth.h"

#include <charconv>

namespace builder::ctl {

PageInfo::PageInfo(std::string nextPageToken, std::optional<std::int64_t> totalCount)
    : m_nextPageToken(std::move(nextPageToken)), m_totalCount(totalCount)
{}

PageInfo PageInfo::fromTrailers(const std::multimap<grpc::string_ref, grpc::string_ref>& trailers)
{
    PageInfo info;
    if (const auto it = trailers.find(kNextPageTokenKey); it != trailers.end())
        info.m_nextPageToken.assign(it->second.data(), it->second.size());
    if (const auto it = trailers.find(kTotalCountKey); it != trailers.end()) {
        std::int64_t total = 0;
        const char* begin = it->second.data();
        const char* end = begin + it->second.size();
        const auto [ptr, ec] = std::from_chars(begin, end, total);
        if (ec == std::errc() && ptr == end && total >= 0)
            info.m_totalCount = total;
    }
    return info;
}

std::string PageInfo::footer(std::size_t shown) const
{
    if (m_nextPageToken.empty() && !m_totalCount)
        return {};
    std::string out = std::to_string(shown);
    if (m_totalCount)
        out += " of " + std::to_string(*m_totalCount);
    out += " shown";
    if (!m_nextPageToken.empty())
        out += "; next page: --page-token " + TextWidth::sanitize(m_nextPageToken);
    return out + "\n";
}

} // namespace builder::ctl
