#pragma once

#include <string_view>

namespace builder::localize {

// The languages the repository map names; Other is a text file of no known kind.
enum class Language
{
    Other,
    C,
    Cpp,
    CSharp,
    Go,
    Python,
    JavaScript,
    TypeScript,
    Java,
    Kotlin,
    Scala,
    Swift,
    Rust,
    Ruby,
    Php,
    Perl,
    Lua,
    ObjectiveC,
    Dart,
    Elixir,
    Haskell,
    Shell,
    PowerShell,
    Sql,
    CMake,
    Make,
    Meson,
    Bazel,
    Dockerfile,
    Protobuf,
    Html,
    Css,
    Xml,
    Markdown,
    ReStructuredText,
    Json,
    Yaml,
    Toml,
    Ini,
    Text,
};

// Lower-case display name ("cpp", "typescript", "other"), stable for JSON output.
std::string_view languageName(Language language);

// True for languages whose files hold code a symbol extractor can read.
bool isProgrammingLanguage(Language language);

} // namespace builder::localize
