#pragma once

#include <string_view>

namespace builder::review {

// Shannon entropy of a value's bytes, in bits per byte: about 4 for random hex,
// 5–6 for random base64, under 3 for words and repeated characters.
class Entropy
{
public:
    static double bitsPerByte(std::string_view value);
};

} // namespace builder::review
