#include "localize/Language.h"

namespace builder::localize {

std::string_view languageName(Language language)
{
    switch (language) {
    case Language::Other:
        return "other";
    case Language::C:
        return "c";
    case Language::Cpp:
        return "cpp";
    case Language::CSharp:
        return "csharp";
    case Language::Go:
        return "go";
    case Language::Python:
        return "python";
    case Language::JavaScript:
        return "javascript";
    case Language::TypeScript:
        return "typescript";
    case Language::Java:
        return "java";
    case Language::Kotlin:
        return "kotlin";
    case Language::Scala:
        return "scala";
    case Language::Swift:
        return "swift";
    case Language::Rust:
        return "rust";
    case Language::Ruby:
        return "ruby";
    case Language::Php:
        return "php";
    case Language::Perl:
        return "perl";
    case Language::Lua:
        return "lua";
    case Language::ObjectiveC:
        return "objective-c";
    case Language::Dart:
        return "dart";
    case Language::Elixir:
        return "elixir";
    case Language::Haskell:
        return "haskell";
    case Language::Shell:
        return "shell";
    case Language::PowerShell:
        return "powershell";
    case Language::Sql:
        return "sql";
    case Language::CMake:
        return "cmake";
    case Language::Make:
        return "make";
    case Language::Meson:
        return "meson";
    case Language::Bazel:
        return "bazel";
    case Language::Dockerfile:
        return "dockerfile";
    case Language::Protobuf:
        return "protobuf";
    case Language::Html:
        return "html";
    case Language::Css:
        return "css";
    case Language::Xml:
        return "xml";
    case Language::Markdown:
        return "markdown";
    case Language::ReStructuredText:
        return "restructuredtext";
    case Language::Json:
        return "json";
    case Language::Yaml:
        return "yaml";
    case Language::Toml:
        return "toml";
    case Language::Ini:
        return "ini";
    case Language::Text:
        return "text";
    }
    return "other";
}

bool isProgrammingLanguage(Language language)
{
    switch (language) {
    case Language::Other:
    case Language::Html:
    case Language::Css:
    case Language::Xml:
    case Language::Markdown:
    case Language::ReStructuredText:
    case Language::Json:
    case Language::Yaml:
    case Language::Toml:
    case Language::Ini:
    case Language::Text:
        return false;
    default:
        return true;
    }
}

} // namespace builder::localize
