#include "localize/FlatJson.h"

namespace builder::localize {

namespace {

class Reader
{
public:
    explicit Reader(std::string_view text) : m_text(text) {}

    void spaces()
    {
        while (m_at < m_text.size() && (m_text[m_at] == ' ' || m_text[m_at] == '\t' ||
                                        m_text[m_at] == '\n' || m_text[m_at] == '\r'))
            ++m_at;
    }
    bool consume(char c)
    {
        spaces();
        if (m_at < m_text.size() && m_text[m_at] == c) {
            ++m_at;
            return true;
        }
        return false;
    }
    char peek()
    {
        spaces();
        return m_at < m_text.size() ? m_text[m_at] : '\0';
    }

    static void appendUtf8(std::string& out, unsigned code)
    {
        if (code < 0x80) {
            out += static_cast<char>(code);
        } else if (code < 0x800) {
            out += static_cast<char>(0xc0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3f));
        } else if (code < 0x10000) {
            out += static_cast<char>(0xe0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
            out += static_cast<char>(0x80 | (code & 0x3f));
        } else {
            out += static_cast<char>(0xf0 | (code >> 18));
            out += static_cast<char>(0x80 | ((code >> 12) & 0x3f));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
            out += static_cast<char>(0x80 | (code & 0x3f));
        }
    }

    bool hex4(unsigned& code)
    {
        if (m_at + 4 > m_text.size())
            return false;
        code = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_at++];
            code <<= 4;
            if (c >= '0' && c <= '9')
                code |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f')
                code |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                code |= static_cast<unsigned>(c - 'A' + 10);
            else
                return false;
        }
        return true;
    }

    std::optional<std::string> string()
    {
        if (!consume('"'))
            return std::nullopt;
        std::string out;
        while (m_at < m_text.size()) {
            const char c = m_text[m_at++];
            if (c == '"')
                return out;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_at >= m_text.size())
                return std::nullopt;
            const char e = m_text[m_at++];
            switch (e) {
            case 'n':
                out += '\n';
                break;
            case 't':
                out += '\t';
                break;
            case 'r':
                out += '\r';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'u': {
                unsigned code = 0;
                if (!hex4(code))
                    return std::nullopt;
                if (code >= 0xd800 && code < 0xdc00 && m_at + 1 < m_text.size() &&
                    m_text[m_at] == '\\' && m_text[m_at + 1] == 'u') {
                    m_at += 2;
                    unsigned low = 0;
                    if (!hex4(low))
                        return std::nullopt;
                    code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
                }
                appendUtf8(out, code);
                break;
            }
            default:
                out += e;
                break;
            }
        }
        return std::nullopt;
    }

    // A nested object or array, skipped with its strings.
    bool skipNested()
    {
        int depth = 0;
        while (m_at < m_text.size()) {
            const char c = m_text[m_at];
            if (c == '"') {
                if (!string())
                    return false;
                continue;
            }
            ++m_at;
            if (c == '{' || c == '[')
                ++depth;
            else if ((c == '}' || c == ']') && --depth == 0)
                return true;
        }
        return false;
    }

    std::string scalar()
    {
        spaces();
        const std::size_t start = m_at;
        while (m_at < m_text.size() && m_text[m_at] != ',' && m_text[m_at] != '}' &&
               m_text[m_at] != ' ')
            ++m_at;
        return std::string(m_text.substr(start, m_at - start));
    }

private:
    std::string_view m_text;
    std::size_t m_at = 0;
};

} // namespace

std::optional<std::map<std::string, std::string>> FlatJson::parseObject(std::string_view text)
{
    Reader reader(text);
    std::map<std::string, std::string> out;
    if (!reader.consume('{'))
        return std::nullopt;
    if (reader.consume('}'))
        return out;
    while (true) {
        auto key = reader.string();
        if (!key || !reader.consume(':'))
            return std::nullopt;
        const char next = reader.peek();
        if (next == '"') {
            auto value = reader.string();
            if (!value)
                return std::nullopt;
            out[*key] = std::move(*value);
        } else if (next == '{' || next == '[') {
            if (!reader.skipNested())
                return std::nullopt;
        } else {
            const std::string value = reader.scalar();
            if (value.empty())
                return std::nullopt;
            out[*key] = value;
        }
        if (reader.consume('}'))
            return out;
        if (!reader.consume(','))
            return std::nullopt;
    }
}

} // namespace builder::localize
