#include "PageToken.h"

#include <array>

namespace builder::store {

namespace {
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64Url(const std::string& in)
{
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(in[i]) << 16) |
                           (static_cast<unsigned char>(in[i + 1]) << 8) |
                           static_cast<unsigned char>(in[i + 2]);
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
        out += kAlphabet[v & 63];
    }
    const std::size_t rest = in.size() - i;
    if (rest > 0) {
        unsigned v = static_cast<unsigned char>(in[i]) << 16;
        if (rest == 2)
            v |= static_cast<unsigned char>(in[i + 1]) << 8;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        if (rest == 2)
            out += kAlphabet[(v >> 6) & 63];
    }
    return out;
}

std::optional<std::string> unbase64Url(const std::string& in)
{
    std::array<int, 256> map{};
    map.fill(-1);
    for (int i = 0; i < 64; ++i)
        map[static_cast<unsigned char>(kAlphabet[i])] = i;
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (char ch : in) {
        const int v = map[static_cast<unsigned char>(ch)];
        if (v < 0)
            return std::nullopt;
        buffer = (buffer << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xff);
        }
    }
    return out;
}
} // namespace

// Fields are length-prefixed ("<length>:<bytes>"), so a sort key may contain
// any byte, separators included.
std::string PageToken::encode() const
{
    std::string raw = "v2";
    for (const std::string* field : {&kind, &sortKey, &id})
        raw += std::to_string(field->size()) + ":" + *field;
    return base64Url(raw);
}

std::optional<PageToken> PageToken::decode(const std::string& token, const std::string& kind)
{
    auto raw = unbase64Url(token);
    if (!raw || raw->rfind("v2", 0) != 0)
        return std::nullopt;
    std::array<std::string, 3> fields;
    std::size_t pos = 2;
    for (auto& field : fields) {
        const auto colon = raw->find(':', pos);
        if (colon == std::string::npos || colon == pos || colon - pos > 9)
            return std::nullopt;
        std::size_t length = 0;
        for (std::size_t i = pos; i < colon; ++i) {
            if ((*raw)[i] < '0' || (*raw)[i] > '9')
                return std::nullopt;
            length = length * 10 + static_cast<std::size_t>((*raw)[i] - '0');
        }
        if (length > raw->size() - colon - 1)
            return std::nullopt;
        field = raw->substr(colon + 1, length);
        pos = colon + 1 + length;
    }
    if (pos != raw->size() || fields[0] != kind || fields[2].empty())
        return std::nullopt;
    return PageToken{fields[0], fields[1], fields[2]};
}

} // namespace builder::store
