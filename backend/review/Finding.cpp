#include "Finding.h"

#include "common/Fnv1a.h"

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
    // Ids are stored with reviews, so the seed stays what it has always been
    // (it is not FNV's offset basis), and so does the 0xff field separator.
    common::Fnv1a hash(1469598103934665603ull);
    hash.addField(finding.ruleId, 0xff);
    hash.addField(finding.file, 0xff);
    hash.addField(std::to_string(finding.line), 0xff);
    hash.addField(finding.message, 0xff);
    return hash.hex();
}

} // namespace builder::review
