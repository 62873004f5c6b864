#include "Language.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace builder::review {

Language LanguageOf::path(std::string_view path)
{
    const auto slash = path.rfind('/');
    std::string name(slash == std::string_view::npos ? path : path.substr(slash + 1));
    std::transform(name.begin(), name.end(), name.begin(), [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    });
    if (name == "dockerfile" || name.rfind("dockerfile.", 0) == 0 || name.rfind(".env", 0) == 0)
        return Language::Shell;
    if (name == "rakefile" || name == "gemfile")
        return Language::Ruby;
    const auto dot = name.rfind('.');
    if (dot == std::string::npos)
        return Language::Unknown;
    const std::string ext = name.substr(dot + 1);
    static const std::array<std::pair<std::string_view, Language>, 37> kExtensions = {{
        {"c", Language::Cpp},          {"cc", Language::Cpp},
        {"cpp", Language::Cpp},        {"cxx", Language::Cpp},
        {"h", Language::Cpp},          {"hh", Language::Cpp},
        {"hpp", Language::Cpp},        {"hxx", Language::Cpp},
        {"ipp", Language::Cpp},        {"m", Language::Cpp},
        {"mm", Language::Cpp},         {"go", Language::Go},
        {"py", Language::Python},      {"pyw", Language::Python},
        {"js", Language::JavaScript},  {"jsx", Language::JavaScript},
        {"mjs", Language::JavaScript}, {"cjs", Language::JavaScript},
        {"ts", Language::JavaScript},  {"tsx", Language::JavaScript},
        {"mts", Language::JavaScript}, {"cts", Language::JavaScript},
        {"vue", Language::JavaScript}, {"svelte", Language::JavaScript},
        {"java", Language::Java},      {"kt", Language::Java},
        {"kts", Language::Java},       {"rs", Language::Rust},
        {"rb", Language::Ruby},        {"rake", Language::Ruby},
        {"sh", Language::Shell},       {"bash", Language::Shell},
        {"zsh", Language::Shell},      {"yml", Language::Shell},
        {"yaml", Language::Shell},     {"mk", Language::Shell},
        {"ps1", Language::Unknown},
    }};
    for (const auto& [extension, language] : kExtensions) {
        if (ext == extension)
            return language;
    }
    return Language::Unknown;
}

const char* LanguageOf::name(Language language)
{
    switch (language) {
    case Language::Cpp:
        return "C/C++";
    case Language::Go:
        return "Go";
    case Language::Python:
        return "Python";
    case Language::JavaScript:
        return "JavaScript/TypeScript";
    case Language::Java:
        return "Java/Kotlin";
    case Language::Rust:
        return "Rust";
    case Language::Ruby:
        return "Ruby";
    case Language::Shell:
        return "shell";
    case Language::Unknown:
        break;
    }
    return "unknown";
}

} // namespace builder::review
