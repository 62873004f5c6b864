#include "localize/CFamilyRules.h"

#include "localize/LineCursor.h"
#include "localize/SourceWords.h"
#include "localize/WordSet.h"

#include <algorithm>
#include <array>

namespace builder::localize {

namespace {

using Symbols = std::vector<Symbol>;
using W = SourceWords;

const WordSet& modifiers()
{
    static const WordSet kWords = {
        "public",      "private",      "protected", "internal",    "static",      "final",
        "abstract",    "sealed",       "open",      "override",    "virtual",     "inline",
        "extern",      "export",       "friend",    "async",       "partial",     "readonly",
        "unsafe",      "data",         "suspend",   "fileprivate", "mutating",    "required",
        "explicit",    "synchronized", "native",    "default",     "constexpr",   "consteval",
        "constinit",   "volatile",     "mutable",   "lateinit",    "Q_INVOKABLE", "indirect",
        "convenience", "nonisolated"};
    return kWords;
}

// First words that can open a declaration without a '(' on the line.
const WordSet& declarationWords()
{
    static const WordSet kWords = {
        "typedef",   "using", "enum",     "class",   "struct",  "union",     "interface", "record",
        "object",    "trait", "protocol", "message", "service", "typealias", "extension", "mixin",
        "namespace", "rpc",   "fun",      "func",    "def",     "function",  "const"};
    return kWords;
}

bool allowedInTypePrefix(char c)
{
    return LineCursor::isIdentifierChar(c) || c == ' ' || c == '\t' || c == '<' || c == '>' ||
           c == ',' || c == '*' || c == '&' || c == ':' || c == '[' || c == ']' || c == '?' ||
           c == '~';
}

// "Type name(" or "Type Scope::name(" at the start of `line`: a C-family function
// declaration or definition. Calls ("foo(x);", "a.b(c)", "x = f()") do not fit.
std::string_view declaredFunction(std::string_view line, bool& qualified)
{
    qualified = false;
    const auto paren = line.find('(');
    if (paren == std::string_view::npos || paren == 0)
        return {};
    const std::string_view before = W::trimRight(line.substr(0, paren));
    if (before.find("<<") != std::string_view::npos || before.find("->") != std::string_view::npos)
        return {};
    const std::string_view name = W::trailingIdentifier(before);
    if (name.empty() || W::isControlWord(name))
        return {};
    std::string_view prefix = before.substr(0, before.size() - name.size());
    if (prefix.size() >= 2 && prefix.substr(prefix.size() - 2) == "::") {
        qualified = true;
        // Strip "Scope::Inner::" (and a "~" of a destructor before the name).
        while (prefix.size() >= 2 && prefix.substr(prefix.size() - 2) == "::") {
            prefix.remove_suffix(2);
            prefix.remove_suffix(W::trailingIdentifier(prefix).size());
        }
        prefix = W::trimRight(prefix);
        if (prefix.empty())
            return name; // a constructor defined out of line
    }
    if (!qualified && !prefix.empty() && prefix.back() == '~')
        prefix.remove_suffix(1);
    const std::string_view typePart = W::trimRight(prefix);
    if (typePart.empty())
        return {};
    const char last = prefix.back();
    const bool separated = last == ' ' || last == '\t' || last == '*' || last == '&' ||
                           last == '>' || last == ']' || last == '?';
    if (!separated && !qualified)
        return {};
    if (!std::all_of(typePart.begin(), typePart.end(), allowedInTypePrefix))
        return {};
    LineCursor cursor(typePart);
    const std::string_view first = cursor.identifier();
    if (first.empty() || W::isControlWord(first))
        return {};
    return name;
}

// "class Foo", "struct Foo {", "enum class Foo : int", "interface Foo<T> extends"; not
// a forward declaration ("class Foo;") nor a variable ("struct stat st;").
void typeDeclaration(LineCursor& cursor, SymbolKind kind, std::uint32_t number, Symbols& out)
{
    std::string_view name = cursor.identifier();
    // An export macro between keyword and name: "class BUILDER_API Foo".
    if (W::isAllCaps(name) && LineCursor::isIdentifierStart(cursor.peek())) {
        LineCursor probe = cursor;
        const std::string_view next = probe.identifier();
        if (next != "final" && next != "extends" && next != "implements" && !next.empty()) {
            name = next;
            cursor = probe;
        }
    }
    if (name.empty())
        return;
    const char next = cursor.peek();
    if (next == ';' || next == '=' || next == ',' || next == ')' || next == '*' || next == '&')
        return;
    if (LineCursor::isIdentifierStart(next)) {
        LineCursor probe = cursor;
        const std::string_view word = probe.identifier();
        static constexpr std::string_view kContinuations[] = {
            "final", "extends", "implements", "sealed", "permits", "where",
            "of",    "with",    "is",         "as",     "derives"};
        if (std::find(std::begin(kContinuations), std::end(kContinuations), word) ==
            std::end(kContinuations))
            return;
    }
    W::add(out, name, kind, number);
}

void keywordDeclaration(LineCursor cursor, std::uint32_t number, std::size_t indent, Symbols& out)
{
    struct Keyword
    {
        std::string_view word;
        SymbolKind kind;
    };
    static constexpr std::array kTypeKeywords = {
        Keyword{"class", SymbolKind::Class},     Keyword{"struct", SymbolKind::Struct},
        Keyword{"union", SymbolKind::Struct},    Keyword{"interface", SymbolKind::Interface},
        Keyword{"record", SymbolKind::Class},    Keyword{"object", SymbolKind::Class},
        Keyword{"trait", SymbolKind::Interface}, Keyword{"protocol", SymbolKind::Interface},
        Keyword{"message", SymbolKind::Struct},  Keyword{"service", SymbolKind::Interface},
        Keyword{"typealias", SymbolKind::Type},  Keyword{"extension", SymbolKind::Class},
        Keyword{"mixin", SymbolKind::Class},
    };
    if (cursor.word("enum")) {
        if (!cursor.word("class"))
            cursor.word("struct");
        typeDeclaration(cursor, SymbolKind::Enum, number, out);
        return;
    }
    for (const auto& keyword : kTypeKeywords) {
        if (cursor.word(keyword.word)) {
            typeDeclaration(cursor, keyword.kind, number, out);
            return;
        }
    }
    if (cursor.word("namespace")) {
        W::add(out, cursor.identifier(), SymbolKind::Namespace, number);
        return;
    }
    if (cursor.word("rpc")) {
        W::add(out, cursor.identifier(), SymbolKind::Method, number);
        return;
    }
    if (cursor.word("fun") || cursor.word("func") || cursor.word("def") ||
        cursor.word("function")) {
        cursor.skipGroup('<', '>');
        std::string_view name = cursor.identifier();
        // Kotlin extension functions: "fun String.slug()".
        while (cursor.literal("."))
            name = cursor.identifier();
        W::add(out, name, W::callableKind(indent), number);
        return;
    }
    if (cursor.word("const") && cursor.word("val")) {
        W::add(out, cursor.identifier(), SymbolKind::Constant, number);
        return;
    }
}

} // namespace

void CFamilyRules::line(Language language, std::string_view trimmed, std::uint32_t number,
                        std::size_t indent, std::vector<Symbol>& out)
{
    const bool cpp =
        language == Language::C || language == Language::Cpp || language == Language::ObjectiveC;
    if (trimmed.front() == '#') {
        LineCursor cursor(trimmed.substr(1));
        if (cpp && cursor.word("define"))
            W::add(out, cursor.identifier(), SymbolKind::Macro, number);
        return;
    }
    // Statements and braces open with punctuation: no declaration there.
    const char first = trimmed.front();
    if (!LineCursor::isIdentifierStart(first) && first != '@' && first != '[' && first != '~')
        return;
    LineCursor cursor(trimmed);
    W::skipAnnotations(cursor);
    const bool constant = cpp && (cursor.rest().substr(0, 10) == "constexpr " ||
                                  cursor.rest().substr(0, 6) == "const " ||
                                  cursor.rest().substr(0, 13) == "static const ");
    cursor.skipWords(modifiers());
    if (cursor.word("template")) {
        cursor.skipGroup('<', '>');
        cursor.skipWords(modifiers());
    }
    // Most lines are statements: leave them after one identifier lookup.
    {
        LineCursor probe = cursor;
        const std::string_view head = probe.identifier();
        if (head != "using" && W::isControlWord(head))
            return;
        if (!constant && cursor.rest().find('(') == std::string_view::npos &&
            !declarationWords().contains(head))
            return;
    }
    if (cpp) {
        if (cursor.word("typedef")) {
            const auto semicolon = cursor.rest().rfind(';');
            if (semicolon == std::string_view::npos)
                return;
            std::string_view head = cursor.rest().substr(0, semicolon);
            // "typedef int (*Handler)(int);"
            if (const auto pointer = head.find("(*"); pointer != std::string_view::npos) {
                LineCursor inner(head.substr(pointer + 2));
                W::add(out, inner.identifier(), SymbolKind::Type, number);
                return;
            }
            if (const auto bracket = head.find('['); bracket != std::string_view::npos)
                head = head.substr(0, bracket);
            W::add(out, W::trailingIdentifier(W::trimRight(head)), SymbolKind::Type, number);
            return;
        }
        if (cursor.word("using")) {
            const std::string_view name = cursor.identifier();
            if (cursor.literal("="))
                W::add(out, name, SymbolKind::Type, number);
            return;
        }
    }
    const std::size_t before = out.size();
    keywordDeclaration(cursor, number, indent, out);
    if (out.size() != before)
        return;
    const std::string_view rest = cursor.rest();
    if (constant && indent == 0) {
        const auto equals = rest.find('=');
        if (equals != std::string_view::npos && rest.find('(') > equals &&
            W::trimRight(rest).back() == ';') {
            std::string_view head = W::trimRight(rest.substr(0, equals));
            if (const auto brace = head.find('['); brace != std::string_view::npos)
                head = W::trimRight(head.substr(0, brace));
            W::add(out, W::trailingIdentifier(head), SymbolKind::Constant, number);
            return;
        }
    }
    // Languages whose functions always start with a keyword stop here.
    if (language == Language::Kotlin || language == Language::Scala ||
        language == Language::Swift || language == Language::Php || language == Language::Protobuf)
        return;
    bool qualified = false;
    const std::string_view name = declaredFunction(rest, qualified);
    if (name.empty())
        return;
    // "foo(a, b);" at the top of a C file is a call inside a macro, not a prototype:
    // declaredFunction already required a return type, so only check the tail.
    const std::string_view tail = W::trimRight(rest);
    if (tail.back() == ',' || (tail.back() == ';' && tail.find(')') == std::string_view::npos))
        return;
    W::add(out, name, qualified || indent > 0 ? SymbolKind::Method : SymbolKind::Function, number);
}

} // namespace builder::localize
