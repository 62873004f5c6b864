#include "localize/LanguageDetector.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>

namespace builder::localize {

namespace {

struct NameRule
{
    std::string_view name;
    Language language;
};

// Whole file names, compared case-insensitively.
constexpr std::array kNames = {
    NameRule{"makefile", Language::Make},
    NameRule{"gnumakefile", Language::Make},
    NameRule{"cmakelists.txt", Language::CMake},
    NameRule{"dockerfile", Language::Dockerfile},
    NameRule{"containerfile", Language::Dockerfile},
    NameRule{"meson.build", Language::Meson},
    NameRule{"meson_options.txt", Language::Meson},
    NameRule{"build", Language::Bazel},
    NameRule{"build.bazel", Language::Bazel},
    NameRule{"workspace", Language::Bazel},
    NameRule{"rakefile", Language::Ruby},
    NameRule{"gemfile", Language::Ruby},
    NameRule{"podfile", Language::Ruby},
    NameRule{"vagrantfile", Language::Ruby},
    NameRule{".bashrc", Language::Shell},
    NameRule{".profile", Language::Shell},
    NameRule{".zshrc", Language::Shell},
    NameRule{"go.mod", Language::Go},
    NameRule{"cargo.lock", Language::Toml},
    NameRule{"pipfile", Language::Toml},
    NameRule{".gitignore", Language::Text},
    NameRule{".gitattributes", Language::Text},
    NameRule{"license", Language::Text},
    NameRule{"copying", Language::Text},
    NameRule{"readme", Language::Text},
};

// Extensions without the dot, lower-case.
constexpr std::array kExtensions = {
    NameRule{"c", Language::C},
    NameRule{"h", Language::C},
    NameRule{"cc", Language::Cpp},
    NameRule{"cpp", Language::Cpp},
    NameRule{"cxx", Language::Cpp},
    NameRule{"c++", Language::Cpp},
    NameRule{"hh", Language::Cpp},
    NameRule{"hpp", Language::Cpp},
    NameRule{"hxx", Language::Cpp},
    NameRule{"h++", Language::Cpp},
    NameRule{"ipp", Language::Cpp},
    NameRule{"inl", Language::Cpp},
    NameRule{"tpp", Language::Cpp},
    NameRule{"cu", Language::Cpp},
    NameRule{"cs", Language::CSharp},
    NameRule{"go", Language::Go},
    NameRule{"py", Language::Python},
    NameRule{"pyi", Language::Python},
    NameRule{"pyw", Language::Python},
    NameRule{"js", Language::JavaScript},
    NameRule{"mjs", Language::JavaScript},
    NameRule{"cjs", Language::JavaScript},
    NameRule{"jsx", Language::JavaScript},
    NameRule{"ts", Language::TypeScript},
    NameRule{"tsx", Language::TypeScript},
    NameRule{"mts", Language::TypeScript},
    NameRule{"cts", Language::TypeScript},
    NameRule{"java", Language::Java},
    NameRule{"kt", Language::Kotlin},
    NameRule{"kts", Language::Kotlin},
    NameRule{"scala", Language::Scala},
    NameRule{"sc", Language::Scala},
    NameRule{"swift", Language::Swift},
    NameRule{"rs", Language::Rust},
    NameRule{"rb", Language::Ruby},
    NameRule{"rake", Language::Ruby},
    NameRule{"gemspec", Language::Ruby},
    NameRule{"php", Language::Php},
    NameRule{"phtml", Language::Php},
    NameRule{"pl", Language::Perl},
    NameRule{"pm", Language::Perl},
    NameRule{"lua", Language::Lua},
    NameRule{"m", Language::ObjectiveC},
    NameRule{"mm", Language::ObjectiveC},
    NameRule{"dart", Language::Dart},
    NameRule{"ex", Language::Elixir},
    NameRule{"exs", Language::Elixir},
    NameRule{"hs", Language::Haskell},
    NameRule{"sh", Language::Shell},
    NameRule{"bash", Language::Shell},
    NameRule{"zsh", Language::Shell},
    NameRule{"ksh", Language::Shell},
    NameRule{"fish", Language::Shell},
    NameRule{"ps1", Language::PowerShell},
    NameRule{"psm1", Language::PowerShell},
    NameRule{"sql", Language::Sql},
    NameRule{"cmake", Language::CMake},
    NameRule{"mk", Language::Make},
    NameRule{"mak", Language::Make},
    NameRule{"bzl", Language::Bazel},
    NameRule{"bazel", Language::Bazel},
    NameRule{"dockerfile", Language::Dockerfile},
    NameRule{"proto", Language::Protobuf},
    NameRule{"html", Language::Html},
    NameRule{"htm", Language::Html},
    NameRule{"css", Language::Css},
    NameRule{"scss", Language::Css},
    NameRule{"sass", Language::Css},
    NameRule{"less", Language::Css},
    NameRule{"xml", Language::Xml},
    NameRule{"xsd", Language::Xml},
    NameRule{"svg", Language::Xml},
    NameRule{"ui", Language::Xml},
    NameRule{"qrc", Language::Xml},
    NameRule{"md", Language::Markdown},
    NameRule{"markdown", Language::Markdown},
    NameRule{"rst", Language::ReStructuredText},
    NameRule{"json", Language::Json},
    NameRule{"jsonc", Language::Json},
    NameRule{"json5", Language::Json},
    NameRule{"yaml", Language::Yaml},
    NameRule{"yml", Language::Yaml},
    NameRule{"toml", Language::Toml},
    NameRule{"ini", Language::Ini},
    NameRule{"cfg", Language::Ini},
    NameRule{"conf", Language::Ini},
    NameRule{"txt", Language::Text},
    NameRule{"text", Language::Text},
};

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

template <std::size_t N>
const NameRule* findRule(const std::array<NameRule, N>& rules, std::string_view key)
{
    for (const auto& rule : rules) {
        if (rule.name == key)
            return &rule;
    }
    return nullptr;
}

} // namespace

Language LanguageDetector::detect(std::string_view path)
{
    const auto slash = path.rfind('/');
    const std::string name = lower(slash == std::string_view::npos ? path : path.substr(slash + 1));
    if (const auto* rule = findRule(kNames, name))
        return rule->language;
    // "Dockerfile.dev", "Makefile.am": the well-known stem decides.
    const auto dot = name.find('.');
    if (dot != std::string::npos && dot > 0) {
        const std::string_view stem = std::string_view(name).substr(0, dot);
        if (stem == "dockerfile" || stem == "containerfile")
            return Language::Dockerfile;
        if (stem == "makefile")
            return Language::Make;
    }
    const auto lastDot = name.rfind('.');
    if (lastDot == std::string::npos || lastDot + 1 == name.size())
        return Language::Other;
    // Hidden names (".env") are looked up by their extension like any other name.
    if (const auto* rule = findRule(kExtensions, std::string_view(name).substr(lastDot + 1)))
        return rule->language;
    return Language::Other;
}

} // namespace builder::localize
