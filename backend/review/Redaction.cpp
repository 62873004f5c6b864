#include "Redaction.h"

#include <algorithm>

namespace builder::review {

std::string Redaction::mask(std::string_view secret, std::size_t shown)
{
    shown = std::min({shown, kMaxShown, secret.size() / 4});
    return std::string(secret.substr(0, shown)) + "\xE2\x80\xA6(redacted)";
}

} // namespace builder::review
