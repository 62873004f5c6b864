#include "Entropy.h"

#include <array>
#include <cmath>

namespace builder::review {

double Entropy::bitsPerByte(std::string_view value)
{
    if (value.empty())
        return 0.0;
    std::array<int, 256> counts{};
    for (const char c : value)
        ++counts[static_cast<unsigned char>(c)];
    const double size = static_cast<double>(value.size());
    double bits = 0.0;
    for (const int count : counts) {
        if (count == 0)
            continue;
        const double p = count / size;
        bits -= p * std::log2(p);
    }
    return bits;
}

} // namespace builder::review
