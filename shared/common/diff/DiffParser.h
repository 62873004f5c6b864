#pragma once

#include "UnifiedDiff.h"
#include "common/Result.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace builder::common::diff {

// Parses git-style (`git diff`, `git format-patch`) and plain `diff -u` patches
// into a UnifiedDiff. Text outside file sections (mail headers, commit
// messages, "Index:" lines, signatures) is skipped; a broken file section is an
// InvalidArgument error whose message names the line and what was expected.
// Line ends may be LF or CRLF; the CR is not part of a line's content.
class DiffParser
{
public:
    static Result<UnifiedDiff> parse(std::string_view text);

    // The constraint ids errors carry in their violation (field "diff").
    static constexpr const char* kSyntax = "diff.syntax";
    static constexpr const char* kHunkHeader = "diff.hunk_header";
    static constexpr const char* kHunkBody = "diff.hunk_body";
    static constexpr const char* kUnsupported = "diff.unsupported";

private:
    explicit DiffParser(std::string_view text);

    Status run();
    Status parseGitFile();
    Status parsePlainFile();
    Status parseMarkers(DiffFile& file, bool git);
    Status parseHunks(DiffFile& file);
    Status parseHunk(DiffFile& file);
    void skipBinaryPatch();
    void finishFile(DiffFile& file);

    Error error(std::size_t index, const char* constraint, const std::string& what) const;
    std::string_view line(std::size_t index) const { return m_lines[index]; }
    bool atEnd() const { return m_pos >= m_lines.size(); }

    std::vector<std::string_view> m_lines;
    std::size_t m_pos = 0;
    UnifiedDiff m_diff;
};

} // namespace builder::common::diff
