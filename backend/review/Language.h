#pragma once

#include <string_view>

namespace builder::review {

// The languages the security patterns know, told apart by file name.
enum class Language
{
    Unknown,
    Cpp,        // .c .cc .cpp .cxx .h .hh .hpp .hxx .ipp .m .mm
    Go,         // .go
    Python,     // .py .pyw
    JavaScript, // .js .jsx .mjs .cjs .ts .tsx .mts .cts .vue .svelte
    Java,       // .java .kt .kts
    Rust,       // .rs
    Ruby,       // .rb .rake, Rakefile, Gemfile
    Shell,      // .sh .bash .zsh, Dockerfile, YAML (CI steps are shell)
};

// Language from a path's extension or well-known file name.
class LanguageOf
{
public:
    static Language path(std::string_view path);
    static const char* name(Language language);
};

} // namespace builder::review
