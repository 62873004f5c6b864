#include "localize/BuiltinSymbolExtractor.h"

#include "localize/CFamilyRules.h"
#include "localize/LineCursor.h"
#include "localize/SourceWords.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace builder::localize {

namespace {

using Symbols = std::vector<Symbol>;
using W = SourceWords;

class Scanner
{
public:
    Scanner(Language language, Symbols& out) : m_language(language), m_out(out) {}

    void line(std::string_view text, std::uint32_t number);

private:
    bool cFamily() const;
    bool insideComment(std::string_view trimmed);
    void python(LineCursor cursor, std::string_view trimmed, std::uint32_t number,
                std::size_t indent);
    void go(LineCursor cursor, std::uint32_t number);
    void rust(LineCursor cursor, std::uint32_t number, std::size_t indent);
    void script(LineCursor cursor, std::string_view trimmed, std::uint32_t number,
                std::size_t indent);
    void build(LineCursor cursor, std::string_view text, std::uint32_t number);

    Language m_language;
    Symbols& m_out;
    bool m_inBlockComment = false;
    bool m_inDocString = false;
    bool m_inGoBlock = false;
    SymbolKind m_goBlockKind = SymbolKind::Constant;
};

bool Scanner::cFamily() const
{
    switch (m_language) {
    case Language::C:
    case Language::Cpp:
    case Language::ObjectiveC:
    case Language::CSharp:
    case Language::Java:
    case Language::Kotlin:
    case Language::Scala:
    case Language::Swift:
    case Language::Dart:
    case Language::Php:
    case Language::JavaScript:
    case Language::TypeScript:
    case Language::Go:
    case Language::Rust:
    case Language::Protobuf:
        return true;
    default:
        return false;
    }
}

// Tracks /* ... */ (C family) and """ ... """ (Python); true when the line is
// inside one and holds no declaration.
bool Scanner::insideComment(std::string_view trimmed)
{
    if (m_language == Language::Python) {
        std::size_t quotes = 0;
        for (std::size_t i = trimmed.find("\"\"\""); i != std::string_view::npos;
             i = trimmed.find("\"\"\"", i + 3))
            ++quotes;
        for (std::size_t i = trimmed.find("'''"); i != std::string_view::npos;
             i = trimmed.find("'''", i + 3))
            ++quotes;
        const bool was = m_inDocString;
        if (quotes % 2 == 1)
            m_inDocString = !m_inDocString;
        return was;
    }
    if (!cFamily())
        return false;
    if (m_inBlockComment) {
        if (trimmed.find("*/") != std::string_view::npos)
            m_inBlockComment = false;
        return true;
    }
    const auto open = trimmed.find("/*");
    if (open != std::string_view::npos && trimmed.find("*/", open + 2) == std::string_view::npos)
        m_inBlockComment = true;
    return open == 0 || trimmed.substr(0, 2) == "//" || trimmed.front() == '*';
}

void Scanner::python(LineCursor cursor, std::string_view trimmed, std::uint32_t number,
                     std::size_t indent)
{
    cursor.word("async");
    if (cursor.word("def")) {
        W::add(m_out, cursor.identifier(), W::callableKind(indent), number);
        return;
    }
    if (cursor.word("class")) {
        W::add(m_out, cursor.identifier(), SymbolKind::Class, number);
        return;
    }
    if (indent != 0)
        return;
    const std::string_view name = cursor.identifier();
    if (W::isAllCaps(name) &&
        (cursor.rest().substr(0, 1) == ":" ||
         (cursor.rest().substr(0, 1) == "=" && cursor.rest().substr(0, 2) != "==")))
        W::add(m_out, name, SymbolKind::Constant, number);
}

void Scanner::go(LineCursor cursor, std::uint32_t number)
{
    if (m_inGoBlock) {
        if (cursor.peek() == ')') {
            m_inGoBlock = false;
            return;
        }
        const std::string_view name = cursor.identifier();
        if (m_goBlockKind != SymbolKind::Type || LineCursor::isIdentifierStart(cursor.peek()))
            W::add(m_out, name, m_goBlockKind, number);
        return;
    }
    if (cursor.word("func")) {
        const bool method = cursor.skipGroup('(', ')');
        W::add(m_out, cursor.identifier(), method ? SymbolKind::Method : SymbolKind::Function,
               number);
        return;
    }
    const bool isType = cursor.word("type");
    const bool isConst = !isType && cursor.word("const");
    const bool isVar = !isType && !isConst && cursor.word("var");
    if (!isType && !isConst && !isVar)
        return;
    const SymbolKind kind =
        isType ? SymbolKind::Type : (isConst ? SymbolKind::Constant : SymbolKind::Variable);
    if (cursor.peek() == '(') {
        m_inGoBlock = true;
        m_goBlockKind = kind;
        return;
    }
    const std::string_view name = cursor.identifier();
    if (isType) {
        cursor.skipGroup('[', ']');
        if (cursor.word("struct"))
            W::add(m_out, name, SymbolKind::Struct, number);
        else if (cursor.word("interface"))
            W::add(m_out, name, SymbolKind::Interface, number);
        else
            W::add(m_out, name, SymbolKind::Type, number);
        return;
    }
    W::add(m_out, name, kind, number);
}

void Scanner::rust(LineCursor cursor, std::uint32_t number, std::size_t indent)
{
    for (bool progressed = true; progressed;) {
        progressed = false;
        if (cursor.word("pub")) {
            cursor.skipGroup('(', ')');
            progressed = true;
        }
        if (cursor.word("extern")) {
            if (cursor.peek() == '"') {
                const auto close = cursor.rest().find('"', 1);
                cursor =
                    LineCursor(close == std::string_view::npos ? std::string_view()
                                                               : cursor.rest().substr(close + 1));
            }
            progressed = true;
        }
        for (const auto word : {"async", "unsafe", "default"}) {
            if (cursor.word(word))
                progressed = true;
        }
    }
    if (cursor.word("const") && !cursor.word("fn")) {
        W::add(m_out, cursor.identifier(), SymbolKind::Constant, number);
        return;
    }
    if (cursor.word("fn")) {
        W::add(m_out, cursor.identifier(), W::callableKind(indent), number);
        return;
    }
    struct Keyword
    {
        const char* word;
        SymbolKind kind;
    };
    static constexpr std::array kKeywords = {
        Keyword{"struct", SymbolKind::Struct},  Keyword{"union", SymbolKind::Struct},
        Keyword{"enum", SymbolKind::Enum},      Keyword{"trait", SymbolKind::Interface},
        Keyword{"type", SymbolKind::Type},      Keyword{"mod", SymbolKind::Module},
        Keyword{"static", SymbolKind::Variable}};
    for (const auto& keyword : kKeywords) {
        if (cursor.word(keyword.word)) {
            cursor.word("mut");
            W::add(m_out, cursor.identifier(), keyword.kind, number);
            return;
        }
    }
    if (cursor.literal("macro_rules!"))
        W::add(m_out, cursor.identifier(), SymbolKind::Macro, number);
}

void Scanner::script(LineCursor cursor, std::string_view trimmed, std::uint32_t number,
                     std::size_t indent)
{
    W::skipAnnotations(cursor);
    cursor.skipWords({"export", "default", "declare", "abstract", "async"});
    if (cursor.word("function")) {
        cursor.literal("*");
        W::add(m_out, cursor.identifier(), SymbolKind::Function, number);
        return;
    }
    if (LineCursor probe = cursor; probe.word("const") && probe.word("enum")) {
        W::add(m_out, probe.identifier(), SymbolKind::Enum, number);
        return;
    }
    static constexpr std::array<std::pair<std::string_view, SymbolKind>, 5> kTypes = {{
        {"class", SymbolKind::Class},
        {"interface", SymbolKind::Interface},
        {"enum", SymbolKind::Enum},
        {"namespace", SymbolKind::Namespace},
        {"module", SymbolKind::Namespace},
    }};
    for (const auto& [word, kind] : kTypes) {
        if (cursor.word(word)) {
            W::add(m_out, cursor.identifier(), kind, number);
            return;
        }
    }
    if (cursor.word("type")) {
        const std::string_view name = cursor.identifier();
        if (cursor.peek() == '=' || cursor.peek() == '<')
            W::add(m_out, name, SymbolKind::Type, number);
        return;
    }
    const bool isConst = cursor.word("const");
    if (isConst || cursor.word("let") || cursor.word("var")) {
        const std::string_view name = cursor.identifier();
        if (name.empty())
            return;
        // "const f = (a) => ...", "const f = async function ..."
        const auto equals = cursor.rest().find('=');
        if (equals == std::string_view::npos)
            return;
        const std::string_view value = cursor.rest().substr(equals + 1);
        if (value.find("=>") != std::string_view::npos ||
            value.find("function") != std::string_view::npos)
            W::add(m_out, name, SymbolKind::Function, number);
        else if (isConst && indent == 0)
            W::add(m_out, name, SymbolKind::Constant, number);
        return;
    }
    if (indent == 0)
        return;
    // A class member: "async fetch(url) {", "static get name() {", "private run(): void {".
    LineCursor member(trimmed);
    member.skipWords({"static", "async", "get", "set", "public", "private", "protected", "readonly",
                      "override", "abstract"});
    const std::string_view name = member.identifier();
    if (name.empty() || W::isControlWord(name) || name == "constructor" || name == "function")
        return;
    member.skipGroup('<', '>');
    if (member.peek() == '(' && W::trimRight(trimmed).back() == '{')
        W::add(m_out, name, SymbolKind::Method, number);
}

void Scanner::build(LineCursor cursor, std::string_view text, std::uint32_t number)
{
    switch (m_language) {
    case Language::Ruby:
        if (cursor.word("def")) {
            const bool onSelf = cursor.literal("self.");
            W::add(m_out, cursor.identifier(), onSelf ? SymbolKind::Function : SymbolKind::Method,
                   number);
        } else if (cursor.word("class")) {
            W::add(m_out, cursor.identifier(), SymbolKind::Class, number);
        } else if (cursor.word("module")) {
            W::add(m_out, cursor.identifier(), SymbolKind::Module, number);
        }
        return;
    case Language::Shell:
    case Language::PowerShell: {
        if (cursor.word("function")) {
            W::add(m_out, cursor.identifier(), SymbolKind::Function, number);
            return;
        }
        const std::string_view name = cursor.identifier();
        if (!name.empty() && cursor.literal("(") && cursor.literal(")"))
            W::add(m_out, name, SymbolKind::Function, number);
        return;
    }
    case Language::Lua: {
        cursor.word("local");
        if (!cursor.word("function"))
            return;
        std::string_view name = cursor.identifier();
        while (cursor.literal(".") || cursor.literal(":"))
            name = cursor.identifier();
        W::add(m_out, name, SymbolKind::Function, number);
        return;
    }
    case Language::Perl:
        if (cursor.word("sub"))
            W::add(m_out, cursor.identifier(), SymbolKind::Function, number);
        else if (cursor.word("package"))
            W::add(m_out, cursor.identifier(), SymbolKind::Module, number);
        return;
    case Language::Elixir:
        if (cursor.word("defmodule")) {
            std::string_view name = cursor.identifier();
            while (cursor.literal("."))
                name = cursor.identifier();
            W::add(m_out, name, SymbolKind::Module, number);
        } else if (cursor.word("def") || cursor.word("defp") || cursor.word("defmacro")) {
            W::add(m_out, cursor.identifier(), SymbolKind::Function, number);
        }
        return;
    case Language::CMake: {
        std::string lowered(cursor.rest().substr(0, 32));
        std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        struct Command
        {
            std::string_view name;
            SymbolKind kind;
        };
        static constexpr std::array kCommands = {Command{"function(", SymbolKind::Function},
                                                 Command{"macro(", SymbolKind::Macro},
                                                 Command{"add_library(", SymbolKind::Module},
                                                 Command{"add_executable(", SymbolKind::Module},
                                                 Command{"add_custom_target(", SymbolKind::Module}};
        for (const auto& command : kCommands) {
            if (std::string_view(lowered).substr(0, command.name.size()) == command.name) {
                LineCursor args(cursor.rest().substr(command.name.size()));
                W::add(m_out, args.identifier(), command.kind, number);
                return;
            }
        }
        return;
    }
    case Language::Make: {
        if (text.empty() || text.front() == '\t' || text.front() == '.' || text.front() == ' ')
            return;
        const std::string_view name = cursor.identifier();
        const std::string_view rest = cursor.rest();
        if (!name.empty() && rest.substr(0, 1) == ":" && rest.substr(0, 2) != ":=")
            W::add(m_out, name, SymbolKind::Function, number);
        return;
    }
    case Language::Sql: {
        std::string lowered(text.substr(0, 64));
        std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        LineCursor words(lowered);
        if (!words.word("create"))
            return;
        if (words.word("or"))
            words.word("replace");
        SymbolKind kind = SymbolKind::Other;
        if (words.word("table"))
            kind = SymbolKind::Struct;
        else if (words.word("view"))
            kind = SymbolKind::Type;
        else if (words.word("function") || words.word("procedure"))
            kind = SymbolKind::Function;
        else
            return;
        if (words.word("if") && words.word("not"))
            words.word("exists");
        // The name keeps its original case: take it from `text` at the same offset.
        const std::size_t offset = lowered.size() - words.rest().size();
        LineCursor original(text.substr(offset));
        W::add(m_out, original.identifier(), kind, number);
        return;
    }
    default:
        return;
    }
}

void Scanner::line(std::string_view text, std::uint32_t number)
{
    std::size_t indent = 0;
    while (indent < text.size() && (text[indent] == ' ' || text[indent] == '\t'))
        ++indent;
    const std::string_view trimmed = W::trimRight(text.substr(indent));
    if (trimmed.empty())
        return;
    if (insideComment(trimmed))
        return;
    if (trimmed.front() == '#' && m_language != Language::C && m_language != Language::Cpp &&
        m_language != Language::ObjectiveC && m_language != Language::CSharp)
        return; // a comment in scripts and build files
    LineCursor cursor(trimmed);
    switch (m_language) {
    case Language::Python:
        python(cursor, trimmed, number, indent);
        return;
    case Language::Go:
        go(cursor, number);
        return;
    case Language::Rust:
        rust(cursor, number, indent);
        return;
    case Language::JavaScript:
    case Language::TypeScript:
        script(cursor, trimmed, number, indent);
        return;
    case Language::C:
    case Language::Cpp:
    case Language::ObjectiveC:
    case Language::CSharp:
    case Language::Java:
    case Language::Kotlin:
    case Language::Scala:
    case Language::Swift:
    case Language::Dart:
    case Language::Php:
    case Language::Protobuf:
        CFamilyRules::line(m_language, trimmed, number, indent, m_out);
        return;
    default:
        build(cursor, text, number);
        return;
    }
}

} // namespace

bool BuiltinSymbolExtractor::supports(Language language)
{
    switch (language) {
    case Language::Haskell:
    case Language::Meson:
    case Language::Bazel:
    case Language::Dockerfile:
        return false;
    default:
        return isProgrammingLanguage(language);
    }
}

std::vector<Symbol> BuiltinSymbolExtractor::extract(Language language, std::string_view content)
{
    Symbols out;
    if (!supports(language))
        return out;
    Scanner scanner(language, out);
    std::uint32_t number = 1;
    std::size_t start = 0;
    while (start <= content.size()) {
        const auto end = content.find('\n', start);
        const std::string_view line = content.substr(
            start, end == std::string_view::npos ? std::string_view::npos : end - start);
        scanner.line(line, number);
        if (end == std::string_view::npos)
            break;
        start = end + 1;
        ++number;
    }
    return out;
}

} // namespace builder::localize
