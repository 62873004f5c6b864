#include "Utf8Sanitizer.h"

namespace builder::executor {

namespace {

constexpr const char* kReplacement = "\xEF\xBF\xBD";

// Length of the valid sequence starting at `data[0]`: >0 valid, 0 incomplete
// (more bytes could make it valid), -1 invalid.
int sequenceLength(const unsigned char* data, std::size_t size)
{
    const unsigned char lead = data[0];
    if (lead < 0x80)
        return 1;
    int length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0;
        if (lead == 0xED)
            high = 0x9F; // no UTF-16 surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90;
        if (lead == 0xF4)
            high = 0x8F; // nothing past U+10FFFF
    } else {
        return -1;
    }
    for (int i = 1; i < length; ++i) {
        if (static_cast<std::size_t>(i) >= size)
            return 0;
        const unsigned char c = data[i];
        const unsigned char lo = i == 1 ? low : 0x80;
        const unsigned char hi = i == 1 ? high : 0xBF;
        if (c < lo || c > hi)
            return -1;
    }
    return length;
}

} // namespace

std::string Utf8Sanitizer::feed(std::string_view bytes)
{
    std::string input = std::move(m_pending);
    input.append(bytes);
    m_pending.clear();
    std::string out;
    out.reserve(input.size());
    const auto* data = reinterpret_cast<const unsigned char*>(input.data());
    std::size_t i = 0;
    while (i < input.size()) {
        const int length = sequenceLength(data + i, input.size() - i);
        if (length > 0) {
            out.append(input, i, static_cast<std::size_t>(length));
            i += static_cast<std::size_t>(length);
        } else if (length == 0) {
            m_pending.assign(input, i, std::string::npos);
            break;
        } else {
            out += kReplacement;
            ++i;
        }
    }
    return out;
}

std::string Utf8Sanitizer::flush()
{
    if (m_pending.empty())
        return {};
    m_pending.clear();
    return kReplacement;
}

std::string Utf8Sanitizer::sanitize(std::string_view bytes)
{
    Utf8Sanitizer sanitizer;
    std::string out = sanitizer.feed(bytes);
    out += sanitizer.flush();
    return out;
}

std::string Utf8Sanitizer::tail(std::string_view text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes)
        return std::string(text);
    std::size_t start = text.size() - maxBytes;
    while (start < text.size() && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
        ++start;
    return std::string(text.substr(start));
}

} // namespace builder::executor
