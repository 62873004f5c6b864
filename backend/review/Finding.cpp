#include "Finding.h"

#include <cstdint>
#include <tuple>

namespace builder::review {

bool findingBefore(const Finding& a, const Finding& b)
{
    const int sa = -static_cast<int>(a.severity);
    const int sb = -static_cast<int>(b.severity);
    return std::tie(sa, a.file, a.line, a.ruleId, a.source, a.message, a.fixHint) <
           std::tie(sb, b.file, b.line, b.ruleId, b.source, b.message, b.fixHint);
}

std::string findingId(const Finding& finding)
{
    std::uint64_t hash = 1469598103934665603ull;
    auto mix = [&hash](const std::string& text) {
        for (const unsigned char c : text) {
            hash ^= c;
            hash *= 1099511628211ull;
        }
        hash ^= 0xff; // field separator, so "ab"+"c" differs from "a"+"bc"
        hash *= 1099511628211ull;
    };
    mix(finding.ruleId);
    mix(finding.file);
    mix(std::to_string(finding.line));
    mix(finding.message);
    static const char* kHex = "0123456789abcdef";
    std::string id(16, '0');
    for (int i = 15; i >= 0; --i) {
        id[static_cast<std::size_t>(i)] = kHex[hash & 0xf];
        hash >>= 4;
    }
    return id;
}

} // namespace builder::review
