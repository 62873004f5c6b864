#pragma once

#include <grpcpp/support/string_ref.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace builder::ctl {

// Page metadata of a List/Search stream. Each response message carries one
// object only, so builderd sends these as trailing metadata.
class PageInfo
{
public:
    static constexpr const char* kNextPageTokenKey = "x-next-page-token";
    static constexpr const char* kTotalCountKey = "x-total-count";

    PageInfo() = default;
    PageInfo(std::string nextPageToken, std::optional<std::int64_t> totalCount);
    static PageInfo fromTrailers(const std::multimap<grpc::string_ref, grpc::string_ref>& trailers);

    const std::string& nextPageToken() const { return m_nextPageToken; }
    std::optional<std::int64_t> totalCount() const { return m_totalCount; }
    // "2 of 7 shown; next page: --page-token T"; empty when there is nothing to say.
    std::string footer(std::size_t shown) const;

private:
    std::string m_nextPageToken;
    std::optional<std::int64_t> m_totalCount;
};

} // namespace builder::ctl
