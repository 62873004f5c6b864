#include "BuilderToml.h"

#include "WorkspaceFiles.h"

#include <sys/stat.h>
#include <variant>

namespace builder::executor {

namespace {

using common::Error;

using Value = std::variant<std::string, std::vector<std::string>, long long, bool>;

// A cursor over the text that knows its line, for error messages.
class Reader
{
public:
    explicit Reader(std::string_view text) : m_text(text) {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }
    char take()
    {
        const char c = m_text[m_pos++];
        if (c == '\n')
            ++m_line;
        return c;
    }
    int line() const { return m_line; }
    // Spaces and tabs (and, when asked, newlines and comments).
    void skipBlank(bool newlines)
    {
        while (!atEnd()) {
            const char c = peek();
            if (c == ' ' || c == '\t' || c == '\r' || (newlines && c == '\n'))
                take();
            else if (c == '#' && newlines)
                skipComment();
            else
                break;
        }
    }
    void skipComment()
    {
        while (!atEnd() && peek() != '\n')
            take();
    }

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_line = 1;
};

Error syntax(const Reader& reader, const std::string& field, const std::string& message)
{
    return Error::invalid(std::string(".builder.toml") + (field.empty() ? "" : ":" + field),
                          "toml.syntax",
                          ".builder.toml line " + std::to_string(reader.line()) + ": " + message);
}

bool bareChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

void appendUtf8(std::string& out, unsigned long code)
{
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

common::Result<std::string> parseString(Reader& reader, const std::string& field)
{
    const char quote = reader.take();
    std::string out;
    while (true) {
        if (reader.atEnd() || reader.peek() == '\n')
            return syntax(reader, field, "unterminated string");
        const char c = reader.take();
        if (c == quote)
            return out;
        if (quote == '\'' || c != '\\') {
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t')
                return syntax(reader, field, "control character in a string");
            out += c;
            continue;
        }
        if (reader.atEnd())
            return syntax(reader, field, "unterminated escape");
        const char e = reader.take();
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
        case '"':
        case '\\':
            out += e;
            break;
        case 'u':
        case 'U': {
            const int digits = e == 'u' ? 4 : 8;
            std::string hex;
            for (int i = 0; i < digits && !reader.atEnd(); ++i)
                hex += reader.take();
            if (hex.size() != static_cast<std::size_t>(digits) ||
                hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
                return syntax(reader, field, "bad \\u escape");
            const unsigned long code = std::stoul(hex, nullptr, 16);
            if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
                return syntax(reader, field, "\\u escape is not a valid character");
            appendUtf8(out, code);
            break;
        }
        default:
            return syntax(reader, field, std::string("unknown escape \\") + e);
        }
    }
}

common::Result<Value> parseValue(Reader& reader, const std::string& field)
{
    const char c = reader.peek();
    if (c == '"' || c == '\'') {
        if (reader.peek() == c) {
            auto text = parseString(reader, field);
            if (!text.ok())
                return text.error();
            return Value(std::move(text).value());
        }
    }
    if (c == '[') {
        reader.take();
        std::vector<std::string> items;
        for (;;) {
            reader.skipBlank(true);
            if (reader.peek() == ']') {
                reader.take();
                return Value(std::move(items));
            }
            if (reader.peek() != '"' && reader.peek() != '\'')
                return syntax(reader, field, "arrays may only hold strings");
            auto item = parseString(reader, field);
            if (!item.ok())
                return item.error();
            items.push_back(std::move(item).value());
            reader.skipBlank(true);
            if (reader.peek() == ',') {
                reader.take();
                continue;
            }
            if (reader.peek() != ']')
                return syntax(reader, field, "expected , or ] in an array");
        }
    }
    std::string word;
    while (!reader.atEnd() && (bareChar(reader.peek()) || reader.peek() == '+'))
        word += reader.take();
    if (word == "true")
        return Value(true);
    if (word == "false")
        return Value(false);
    if (!word.empty() && word.find_first_not_of("+-0123456789_") == std::string::npos) {
        std::string digits;
        for (char d : word)
            if (d != '_')
                digits += d;
        try {
            return Value(std::stoll(digits));
        } catch (...) {
        }
    }
    return syntax(reader, field, "expected a string, an array of strings, an integer or a boolean");
}

common::Result<std::vector<std::string>> commands(const Value& value, const Reader& reader,
                                                  const std::string& field)
{
    std::vector<std::string> list;
    if (const auto* text = std::get_if<std::string>(&value))
        list.push_back(*text);
    else if (const auto* items = std::get_if<std::vector<std::string>>(&value))
        list = *items;
    else
        return syntax(reader, field, field + " must be a string or an array of strings");
    for (const auto& command : list)
        if (command.find_first_not_of(" \t") == std::string::npos)
            return syntax(reader, field, field + " must not hold an empty command");
    return list;
}

} // namespace

common::Result<BuilderToml> BuilderToml::parse(std::string_view text)
{
    BuilderToml config;
    Reader reader(text);
    std::string table;
    for (;;) {
        reader.skipBlank(true);
        if (reader.atEnd())
            break;
        if (reader.peek() == '[') {
            reader.take();
            if (reader.peek() == '[')
                return syntax(reader, "", "arrays of tables ([[...]]) are not supported");
            std::string name;
            while (!reader.atEnd() && bareChar(reader.peek()))
                name += reader.take();
            if (reader.peek() != ']')
                return syntax(reader, name, "malformed table header");
            reader.take();
            if (name != "build" && name != "test" && name != "env")
                return syntax(reader, name,
                              "unknown table [" + name + "] (known: [build], [test], [env])");
            table = name;
        } else {
            std::string key;
            if (reader.peek() == '"') {
                auto quoted = parseString(reader, table);
                if (!quoted.ok())
                    return quoted.error();
                key = std::move(quoted).value();
            } else {
                while (!reader.atEnd() && bareChar(reader.peek()))
                    key += reader.take();
            }
            const std::string field = table.empty() ? key : table + "." + key;
            if (key.empty())
                return syntax(reader, table, "expected a key or a [table]");
            reader.skipBlank(false);
            if (reader.peek() != '=')
                return syntax(reader, field, "expected = after " + key);
            reader.take();
            reader.skipBlank(false);
            auto value = parseValue(reader, field);
            if (!value.ok())
                return value.error();
            if (field == "version") {
                const auto* number = std::get_if<long long>(&*value);
                if (!number || *number != 1)
                    return syntax(reader, field, "version must be 1");
            } else if (field == "build.command" || field == "test.command") {
                auto list = commands(*value, reader, field);
                if (!list.ok())
                    return list.error();
                (field == "build.command" ? config.buildCommands : config.testCommands) =
                    std::move(list).value();
            } else if (field == "test.reports" || field == "test.coverage") {
                std::vector<std::string> globs;
                if (const auto* one = std::get_if<std::string>(&*value))
                    globs.push_back(*one);
                else if (const auto* many = std::get_if<std::vector<std::string>>(&*value))
                    globs = *many;
                else
                    return syntax(reader, field,
                                  field + " must be a string or an array of strings");
                for (const auto& glob : globs)
                    if (glob.empty() || glob.front() == '/' || glob.find("..") != std::string::npos)
                        return syntax(reader, field,
                                      field + " paths must be relative and stay inside the "
                                              "repository");
                (field == "test.reports" ? config.reports : config.coverage) = globs;
            } else if (table == "env") {
                const auto* text = std::get_if<std::string>(&*value);
                if (!text)
                    return syntax(reader, field, "environment values must be strings");
                if (key.empty() || (key[0] >= '0' && key[0] <= '9') ||
                    key.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                          "0123456789_") != std::string::npos)
                    return syntax(reader, field,
                                  "environment name " + key + " must match [A-Za-z_][A-Za-z0-9_]*");
                config.env[key] = *text;
            } else {
                return syntax(reader, field, "unknown key " + field);
            }
            reader.skipBlank(false);
            if (reader.peek() == '#')
                reader.skipComment();
            if (!reader.atEnd() && reader.peek() != '\n')
                return syntax(reader, field, "unexpected text after the value of " + field);
        }
    }
    return config;
}

common::Result<std::optional<BuilderToml>> BuilderToml::load(const std::filesystem::path& workspace)
{
    struct stat st;
    if (lstat((workspace / kFileName).c_str(), &st) != 0)
        return std::optional<BuilderToml>();
    auto text = WorkspaceFiles::read(workspace, kFileName, kMaxBytes);
    if (!text.ok())
        return Error::invalid(".builder.toml", "file.readable",
                              ".builder.toml cannot be read: " + text.error().message());
    auto parsed = parse(*text);
    if (!parsed.ok())
        return parsed.error();
    return std::optional<BuilderToml>(std::move(parsed).value());
}

} // namespace builder::executor
