#include "BenignSpans.h"

#include <array>

namespace builder::review {

namespace {

bool isBase64(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
           c == '/' || c == '=' || c == '-' || c == '_';
}

std::size_t base64Run(std::string_view line, std::size_t from)
{
    std::size_t end = from;
    while (end < line.size() && isBase64(line[end]))
        ++end;
    return end;
}

void markAfter(std::string_view line, std::string_view marker, std::size_t minRun,
               std::vector<BenignSpans::Span>& out)
{
    for (auto pos = line.find(marker); pos != std::string_view::npos;
         pos = line.find(marker, pos + 1)) {
        const std::size_t begin = pos + marker.size();
        const std::size_t end = base64Run(line, begin);
        if (end - begin >= minRun)
            out.emplace_back(pos, end);
    }
}

} // namespace

void BenignSpans::find(std::string_view line, std::vector<Span>& out)
{
    out.clear();
    if (line.find("sha") != std::string_view::npos) {
        static constexpr std::array<std::string_view, 6> kIntegrity = {
            "sha1-", "sha256-", "sha384-", "sha512-", "sha256:", "sha512:"};
        for (const auto marker : kIntegrity)
            markAfter(line, marker, 20, out);
    }
    markAfter(line, "h1:", 40, out);
    for (auto pos = line.find("data:"); pos != std::string_view::npos;
         pos = line.find("data:", pos + 1)) {
        const auto base64 = line.find(";base64,", pos);
        if (base64 == std::string_view::npos || base64 - pos > 80)
            continue;
        out.emplace_back(pos, base64Run(line, base64 + 8));
    }
}

bool BenignSpans::covers(const std::vector<Span>& spans, std::size_t position)
{
    for (const auto& [begin, end] : spans) {
        if (position >= begin && position < end)
            return true;
    }
    return false;
}

} // namespace builder::review
