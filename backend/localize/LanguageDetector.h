#pragma once

#include "localize/Language.h"

#include <string_view>

namespace builder::localize {

// Names a file's language from its name alone (extension, or well-known names such
// as Makefile, CMakeLists.txt, Dockerfile), so listing 50,000 files reads nothing.
class LanguageDetector
{
public:
    // `path` is '/'-separated; only its last segment is looked at.
    static Language detect(std::string_view path);
};

} // namespace builder::localize
