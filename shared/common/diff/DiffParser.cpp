#include "DiffParser.h"

#include "DiffPath.h"

#include <climits>
#include <cstring>

namespace builder::common::diff {

namespace {

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool isBlank(std::string_view text)
{
    for (const char c : text) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return false;
    }
    return true;
}

// Reads a decimal number at text[pos]; false when there is none or it exceeds INT_MAX.
bool readNumber(std::string_view text, std::size_t& pos, int& value)
{
    const std::size_t start = pos;
    long long number = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        number = number * 10 + (text[pos] - '0');
        if (number > INT_MAX)
            return false;
        ++pos;
    }
    value = static_cast<int>(number);
    return pos > start;
}

// "-start[,count]" or "+start[,count]"; a missing count means 1.
bool readRange(std::string_view text, std::size_t& pos, char sign, int& start, int& count)
{
    if (pos >= text.size() || text[pos] != sign)
        return false;
    ++pos;
    if (!readNumber(text, pos, start))
        return false;
    count = 1;
    if (pos < text.size() && text[pos] == ',') {
        ++pos;
        if (!readNumber(text, pos, count))
            return false;
    }
    return static_cast<long long>(start) + count <= INT_MAX;
}

std::string pathWithoutComponent(std::string_view name)
{
    const auto slash = name.find('/');
    return slash == std::string_view::npos ? std::string(name)
                                           : std::string(name.substr(slash + 1));
}

} // namespace

DiffParser::DiffParser(std::string_view text)
{
    m_lines.reserve(text.size() / 32 + 1);
    const char* data = text.data();
    std::size_t begin = 0;
    while (begin < text.size()) {
        const void* nl = std::memchr(data + begin, '\n', text.size() - begin);
        const std::size_t end =
            nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - data) : text.size();
        std::string_view l(data + begin, end - begin);
        if (!l.empty() && l.back() == '\r')
            l.remove_suffix(1);
        m_lines.push_back(l);
        begin = end + 1;
    }
}

Result<UnifiedDiff> DiffParser::parse(std::string_view text)
{
    DiffParser parser(text);
    if (auto status = parser.run(); !status.ok())
        return status.error();
    if (parser.m_diff.files.empty() && !isBlank(text))
        return parser.error(0, kSyntax,
                            "expected a unified diff, but no 'diff --git' line and no "
                            "'--- '/'+++ ' file header was found");
    return std::move(parser.m_diff);
}

Error DiffParser::error(std::size_t index, const char* constraint, const std::string& what) const
{
    const std::string message = "line " + std::to_string(index + 1) + ": " + what;
    return Error(StatusCode::InvalidArgument, "invalid diff: " + message,
                 {Violation{"diff", constraint, message}});
}

Status DiffParser::run()
{
    while (!atEnd()) {
        const std::string_view l = line(m_pos);
        if (startsWith(l, "diff --git ")) {
            if (auto status = parseGitFile(); !status.ok())
                return status;
        } else if (startsWith(l, "diff --cc ") || startsWith(l, "diff --combined ")) {
            return error(m_pos, kUnsupported,
                         "combined (merge) diffs are not supported; expected 'diff --git'");
        } else if (startsWith(l, "--- ") && m_pos + 1 < m_lines.size() &&
                   startsWith(line(m_pos + 1), "+++ ")) {
            if (auto status = parsePlainFile(); !status.ok())
                return status;
        } else if (startsWith(l, "@@ ")) {
            return error(m_pos, kSyntax,
                         "hunk header outside a file: expected 'diff --git' or '--- '/'+++ ' "
                         "lines before it");
        } else {
            ++m_pos; // mail headers, commit message, "Index:", signature
        }
    }
    return {};
}

Status DiffParser::parseGitFile()
{
    const std::size_t headerIndex = m_pos;
    DiffFile file;
    bool haveNames = false;
    if (auto names = DiffPath::gitHeaderNames(line(m_pos).substr(11))) {
        file.oldPath = std::string(DiffPath::stripGitPrefix(names->first));
        file.newPath = std::string(DiffPath::stripGitPrefix(names->second));
        haveNames = true;
    }
    bool added = false, deleted = false, renamed = false, copied = false;
    auto name = [](std::string_view text) { return DiffPath::markerName(text); };
    for (++m_pos; !atEnd(); ++m_pos) {
        const std::string_view l = line(m_pos);
        if (startsWith(l, "old mode ")) {
            file.oldMode = std::string(l.substr(9));
        } else if (startsWith(l, "new mode ")) {
            file.newMode = std::string(l.substr(9));
        } else if (startsWith(l, "deleted file mode ")) {
            deleted = true;
            file.oldMode = std::string(l.substr(18));
        } else if (startsWith(l, "new file mode ")) {
            added = true;
            file.newMode = std::string(l.substr(14));
        } else if (startsWith(l, "rename from ") || startsWith(l, "copy from ") ||
                   startsWith(l, "rename old ") || startsWith(l, "rename to ") ||
                   startsWith(l, "copy to ") || startsWith(l, "rename new ")) {
            // "<verb> <side> <name>": the name starts after the second space.
            const std::size_t split = l.find(' ', l.find(' ') + 1);
            auto n = name(l.substr(split + 1));
            if (!n || n->empty())
                return error(m_pos, kSyntax,
                             "expected a file name after '" + std::string(l.substr(0, split)) +
                                 "'");
            (startsWith(l, "copy") ? copied : renamed) = true;
            const bool from = startsWith(l, "rename from ") || startsWith(l, "copy from ") ||
                              startsWith(l, "rename old ");
            (from ? file.oldPath : file.newPath) = std::move(*n);
            haveNames = true;
        } else if (startsWith(l, "similarity index ")) {
            std::size_t pos = 17;
            int percent = 0;
            if (readNumber(l, pos, percent))
                file.similarity = percent;
        } else if (startsWith(l, "dissimilarity index ")) {
            continue;
        } else if (startsWith(l, "index ")) {
            const std::string_view ids = l.substr(6, l.find(' ', 6) - 6);
            const auto dots = ids.find("..");
            if (dots != std::string_view::npos) {
                file.oldIndex = std::string(ids.substr(0, dots));
                file.newIndex = std::string(ids.substr(dots + 2));
            }
            const auto space = l.find(' ', 6);
            if (space != std::string_view::npos && file.oldMode.empty() && file.newMode.empty())
                file.oldMode = file.newMode = std::string(l.substr(space + 1));
        } else {
            break;
        }
    }
    file.status = added     ? FileStatus::Added
                  : deleted ? FileStatus::Deleted
                  : renamed ? FileStatus::Renamed
                  : copied  ? FileStatus::Copied
                            : FileStatus::Modified;
    if (!atEnd()) {
        const std::string_view l = line(m_pos);
        if (startsWith(l, "Binary files ") && endsWith(l, " differ")) {
            file.binary = true;
            ++m_pos;
        } else if (l == "GIT binary patch") {
            file.binary = true;
            ++m_pos;
            skipBinaryPatch();
        } else if (startsWith(l, "--- ")) {
            if (auto status = parseMarkers(file, true); !status.ok())
                return status;
            if (auto status = parseHunks(file); !status.ok())
                return status;
        } else if (startsWith(l, "@@")) {
            return error(m_pos, kSyntax, "expected '--- ' and '+++ ' lines before the first hunk");
        }
    }
    if (!haveNames && file.oldPath.empty() && file.newPath.empty())
        return error(headerIndex, kSyntax, "expected two file names after 'diff --git'");
    finishFile(file);
    return {};
}

Status DiffParser::parsePlainFile()
{
    DiffFile file;
    if (auto status = parseMarkers(file, false); !status.ok())
        return status;
    if (auto status = parseHunks(file); !status.ok())
        return status;
    // diff -u has no "new file" line: an all-added or all-removed single hunk says it.
    if (file.status == FileStatus::Modified && file.hunks.size() == 1) {
        const DiffHunk& hunk = file.hunks.front();
        if (hunk.oldStart == 0 && hunk.oldCount == 0)
            file.status = FileStatus::Added;
        else if (hunk.newStart == 0 && hunk.newCount == 0)
            file.status = FileStatus::Deleted;
    }
    finishFile(file);
    return {};
}

Status DiffParser::parseMarkers(DiffFile& file, bool git)
{
    if (m_pos + 1 >= m_lines.size() || !startsWith(line(m_pos + 1), "+++ "))
        return error(m_pos + 1 < m_lines.size() ? m_pos + 1 : m_pos, kSyntax,
                     "expected a '+++ ' line after the '--- ' line");
    auto oldName = DiffPath::markerName(line(m_pos).substr(4));
    if (!oldName)
        return error(m_pos, kSyntax, "expected a file name after '--- ' (unterminated quote)");
    auto newName = DiffPath::markerName(line(m_pos + 1).substr(4));
    if (!newName)
        return error(m_pos + 1, kSyntax, "expected a file name after '+++ ' (unterminated quote)");
    const bool oldNull = *oldName == DiffPath::kDevNull;
    const bool newNull = *newName == DiffPath::kDevNull;
    if (oldNull && newNull)
        return error(m_pos, kSyntax, "expected at least one real file name, got /dev/null twice");
    if (oldNull)
        file.status = FileStatus::Added;
    if (newNull)
        file.status = FileStatus::Deleted;

    std::string oldPath = oldNull ? std::string() : *oldName;
    std::string newPath = newNull ? std::string() : *newName;
    if (git) {
        oldPath = std::string(DiffPath::stripGitPrefix(oldPath));
        newPath = std::string(DiffPath::stripGitPrefix(newPath));
    } else if (!oldNull && !newNull && oldPath != newPath &&
               oldPath.find('/') != std::string::npos && newPath.find('/') != std::string::npos &&
               pathWithoutComponent(oldPath) == pathWithoutComponent(newPath)) {
        // "diff -ruN orig/src/a.c new/src/a.c": like patch -p1, drop the top folder.
        oldPath = pathWithoutComponent(oldPath);
        newPath = pathWithoutComponent(newPath);
    } else if (oldNull || newNull) {
        oldPath = std::string(DiffPath::stripGitPrefix(oldPath));
        newPath = std::string(DiffPath::stripGitPrefix(newPath));
    }
    // The markers are authoritative for names, except where a rename line said more.
    if (!oldPath.empty() && file.status != FileStatus::Renamed && file.status != FileStatus::Copied)
        file.oldPath = std::move(oldPath);
    if (!newPath.empty() && file.status != FileStatus::Renamed && file.status != FileStatus::Copied)
        file.newPath = std::move(newPath);
    m_pos += 2;
    return {};
}

Status DiffParser::parseHunks(DiffFile& file)
{
    if (atEnd() || !startsWith(line(m_pos), "@@"))
        return error(atEnd() ? m_lines.size() - 1 : m_pos, kHunkHeader,
                     "expected a hunk header '@@ -start,count +start,count @@' after the "
                     "'+++ ' line");
    while (!atEnd() && startsWith(line(m_pos), "@@")) {
        if (auto status = parseHunk(file); !status.ok())
            return status;
    }
    return {};
}

Status DiffParser::parseHunk(DiffFile& file)
{
    const std::size_t headerIndex = m_pos;
    const std::string_view l = line(m_pos);
    if (startsWith(l, "@@@"))
        return error(m_pos, kUnsupported,
                     "combined (merge) hunks are not supported; expected '@@ -… +… @@'");
    DiffHunk hunk;
    std::size_t pos = 3;
    const bool ok = startsWith(l, "@@ ") && readRange(l, pos, '-', hunk.oldStart, hunk.oldCount) &&
                    pos < l.size() && l[pos++] == ' ' &&
                    readRange(l, pos, '+', hunk.newStart, hunk.newCount) &&
                    startsWith(l.substr(pos), " @@");
    if (!ok)
        return error(m_pos, kHunkHeader,
                     "expected a hunk header '@@ -start[,count] +start[,count] @@'");
    std::string_view section = l.substr(pos + 3);
    if (!section.empty() && section[0] == ' ')
        section.remove_prefix(1);
    hunk.header = std::string(l);
    hunk.section = std::string(section);
    hunk.lines.reserve(static_cast<std::size_t>(hunk.oldCount) + hunk.newCount);

    int oldLeft = hunk.oldCount;
    int newLeft = hunk.newCount;
    int oldLine = hunk.oldStart;
    int newLine = hunk.newStart;
    auto counts = [&] {
        return " (expected " + std::to_string(oldLeft) + " more old and " +
               std::to_string(newLeft) + " more new lines for the hunk at line " +
               std::to_string(headerIndex + 1) + ")";
    };
    for (++m_pos; oldLeft > 0 || newLeft > 0; ++m_pos) {
        if (atEnd())
            return error(m_lines.size() - 1, kHunkBody, "the patch ends inside a hunk" + counts());
        const std::string_view text = line(m_pos);
        const char marker = text.empty() ? ' ' : text[0];
        const std::string_view content = text.empty() ? text : text.substr(1);
        DiffLine out;
        switch (marker) {
        case ' ':
            if (oldLeft == 0 || newLeft == 0)
                return error(m_pos, kHunkBody,
                             "expected only " + std::string(oldLeft == 0 ? "'+'" : "'-'") +
                                 " lines here, got a context line" + counts());
            out.kind = LineKind::Context;
            out.oldLine = oldLine++;
            out.newLine = newLine++;
            --oldLeft;
            --newLeft;
            break;
        case '+':
            if (newLeft == 0)
                return error(m_pos, kHunkBody,
                             "expected a ' ' or '-' line, got more '+' lines than the header "
                             "counts" +
                                 counts());
            out.kind = LineKind::Added;
            out.newLine = newLine++;
            --newLeft;
            ++file.additions;
            break;
        case '-':
            if (oldLeft == 0)
                return error(m_pos, kHunkBody,
                             "expected a ' ' or '+' line, got more '-' lines than the header "
                             "counts" +
                                 counts());
            out.kind = LineKind::Removed;
            out.oldLine = oldLine++;
            --oldLeft;
            ++file.deletions;
            break;
        case '\\':
            if (!hunk.lines.empty())
                hunk.lines.back().noNewlineAtEnd = true;
            continue;
        default:
            return error(m_pos, kHunkBody,
                         "expected a hunk line starting with ' ', '+', '-' or '\\'" + counts());
        }
        out.content = std::string(content);
        hunk.lines.push_back(std::move(out));
    }
    if (!atEnd() && startsWith(line(m_pos), "\\")) {
        if (!hunk.lines.empty())
            hunk.lines.back().noNewlineAtEnd = true;
        ++m_pos;
    }
    if (!atEnd()) {
        // A '+'/'-' line right after a complete hunk means the counts were wrong
        // (a mail signature "-- " and file markers are fine).
        const std::string_view next = line(m_pos);
        const bool extra =
            (startsWith(next, "+") && !startsWith(next, "+++ ")) ||
            (startsWith(next, "-") && !startsWith(next, "--- ") && next != "-- " && next != "--");
        if (extra)
            return error(m_pos, kHunkBody,
                         "expected a hunk or file header, got a '" + std::string(1, next[0]) +
                             "' line beyond the counts of the hunk at line " +
                             std::to_string(headerIndex + 1));
    }
    file.hunks.push_back(std::move(hunk));
    return {};
}

void DiffParser::skipBinaryPatch()
{
    // "literal N"/"delta N" blocks of base85 lines; they never start with "diff --git".
    while (!atEnd() && !startsWith(line(m_pos), "diff --git "))
        ++m_pos;
}

void DiffParser::finishFile(DiffFile& file)
{
    if (file.status == FileStatus::Added)
        file.oldPath.clear();
    if (file.status == FileStatus::Deleted)
        file.newPath.clear();
    m_diff.files.push_back(std::move(file));
}

} // namespace builder::common::diff
