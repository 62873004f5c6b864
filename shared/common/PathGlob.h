#pragma once

#include <string_view>

namespace builder::common {

// gitignore-like path globs for every path list: allowed_paths and
// forbidden_paths (the pipeline's path policy), the reviewer's policy lists
// and plan targets. `*`, `?` and `[...]` stay within one path component,
// `**` crosses components; a
// pattern without '/' matches any component at any depth ("*.pem", "secrets");
// a pattern with '/' is anchored at the repository root ("config/prod/**",
// "/deploy"); a pattern also matches everything below a folder it names, and
// a trailing '/' names a folder.
class PathGlob
{
public:
    static bool matches(std::string_view pattern, std::string_view path);
    // Plain glob on a whole string, '/' special as above.
    static bool globMatch(std::string_view pattern, std::string_view text);
};

} // namespace builder::common
