#include "EditApplier.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

namespace builder::pipeline {

namespace fs = std::filesystem;

namespace {

std::optional<std::string> readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<std::string> splitLines(const std::string& text)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, end - start + 1));
        start = end + 1;
    }
    return lines;
}

std::string trimmed(const std::string& line)
{
    const auto first = line.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    const auto last = line.find_last_not_of(" \t\r\n");
    return line.substr(first, last - first + 1);
}

std::size_t countOccurrences(const std::string& text, const std::string& needle)
{
    std::size_t count = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
        ++count;
    return count;
}

// The file states the edits lead to: content, or nullopt for deleted.
using Overlay = std::map<std::string, std::optional<std::string>>;

bool writeAtomically(const fs::path& path, const std::string& content)
{
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    const auto temp = path.parent_path() / (".builder-edit-" + path.filename().string());
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out.write(content.data(), static_cast<std::streamsize>(content.size())))
            return false;
    }
    // Keep the mode of a file that is being replaced (executable scripts stay executable).
    if (fs::exists(path, ec))
        fs::permissions(temp, fs::status(path, ec).permissions(), ec);
    fs::rename(temp, path, ec);
    return !ec;
}

} // namespace

std::string EditApplier::replaceOnce(std::string& text, const ReplaceBlock& block, bool& fuzzy)
{
    fuzzy = false;
    if (block.search.empty())
        return "the search text is empty";
    const auto exact = countOccurrences(text, block.search);
    if (exact == 1) {
        text.replace(text.find(block.search), block.search.size(), block.replace);
        return {};
    }
    if (exact > 1)
        return "the search text occurs " + std::to_string(exact) +
               " times; include more surrounding lines so that it matches exactly once";

    // Line-wise, ignoring indentation and trailing whitespace.
    const auto lines = splitLines(text);
    std::vector<std::string> wanted;
    for (const auto& line : splitLines(block.search))
        wanted.push_back(trimmed(line));
    while (!wanted.empty() && wanted.back().empty())
        wanted.pop_back();
    while (!wanted.empty() && wanted.front().empty())
        wanted.erase(wanted.begin());
    if (wanted.empty())
        return "the search text is only whitespace";
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i + wanted.size() <= lines.size(); ++i) {
        bool same = true;
        for (std::size_t k = 0; k < wanted.size() && same; ++k)
            same = trimmed(lines[i + k]) == wanted[k];
        if (same)
            starts.push_back(i);
    }
    if (starts.empty())
        return "the search text was not found in the file (not even ignoring whitespace)";
    if (starts.size() > 1)
        return "the search text matches " + std::to_string(starts.size()) +
               " places when whitespace is ignored; include more surrounding lines";
    std::string out;
    for (std::size_t i = 0; i < starts[0]; ++i)
        out += lines[i];
    std::string replacement = block.replace;
    const bool lastLineHadNewline = lines[starts[0] + wanted.size() - 1].back() == '\n';
    if (!replacement.empty() && replacement.back() != '\n' && lastLineHadNewline)
        replacement += '\n';
    out += replacement;
    for (std::size_t i = starts[0] + wanted.size(); i < lines.size(); ++i)
        out += lines[i];
    text = std::move(out);
    fuzzy = true;
    return {};
}

common::Result<ApplyOutcome> EditApplier::apply(const std::vector<FileEdit>& edits) const
{
    // 1. Every path passes the policy before anything else is looked at.
    std::vector<std::string> paths(edits.size());
    std::vector<std::string> newPaths(edits.size());
    for (std::size_t i = 0; i < edits.size(); ++i) {
        auto checked = m_policy.check(edits[i].path);
        if (!checked.ok())
            return checked.error();
        paths[i] = checked.value();
        if (edits[i].action == FileEdit::Action::Rename) {
            auto target = m_policy.check(edits[i].newPath);
            if (!target.ok())
                return target.error();
            newPaths[i] = target.value();
        }
    }

    // 2. Work out the resulting files in memory.
    ApplyOutcome outcome;
    Overlay overlay;
    const auto current = [&](const std::string& path) -> std::optional<std::string> {
        if (auto it = overlay.find(path); it != overlay.end())
            return it->second;
        const auto full = m_policy.root() / path;
        std::error_code ec;
        if (!fs::is_regular_file(full, ec))
            return std::nullopt;
        return readFile(full);
    };
    for (std::size_t i = 0; i < edits.size(); ++i) {
        const auto& edit = edits[i];
        const auto& path = paths[i];
        const int index = static_cast<int>(i);
        auto existing = current(path);
        switch (edit.action) {
        case FileEdit::Action::Create:
            if (existing && *existing != edit.content) {
                outcome.failures.push_back(
                    {index, -1, path, "the file already exists; use a modify edit to change it"});
                break;
            }
            overlay[path] = edit.content;
            break;
        case FileEdit::Action::Delete:
            if (!existing) {
                outcome.failures.push_back({index, -1, path, "the file does not exist"});
                break;
            }
            overlay[path] = std::nullopt;
            break;
        case FileEdit::Action::Rename: {
            if (!existing) {
                outcome.failures.push_back({index, -1, path, "the file to rename does not exist"});
                break;
            }
            if (current(newPaths[i])) {
                outcome.failures.push_back(
                    {index, -1, path, "the rename target " + newPaths[i] + " already exists"});
                break;
            }
            overlay[newPaths[i]] = *existing;
            overlay[path] = std::nullopt;
            break;
        }
        case FileEdit::Action::Modify: {
            if (!existing) {
                outcome.failures.push_back(
                    {index, -1, path, "the file does not exist; use a create edit for new files"});
                break;
            }
            if (edit.blocks.empty()) {
                outcome.failures.push_back({index, -1, path, "a modify edit needs blocks"});
                break;
            }
            std::string text = *existing;
            bool failed = false;
            for (std::size_t b = 0; b < edit.blocks.size(); ++b) {
                bool fuzzy = false;
                const auto reason = replaceOnce(text, edit.blocks[b], fuzzy);
                if (!reason.empty()) {
                    outcome.failures.push_back({index, static_cast<int>(b), path, reason});
                    failed = true;
                } else if (fuzzy) {
                    ++outcome.fuzzyMatches;
                }
            }
            if (!failed)
                overlay[path] = std::move(text);
            break;
        }
        }
    }
    if (!outcome.ok())
        return outcome;

    // 3. Write: deletions first (a rename's source), then contents.
    for (const auto& [path, content] : overlay) {
        if (content)
            continue;
        std::error_code ec;
        fs::remove(m_policy.root() / path, ec);
        if (ec)
            return common::Error::internal("cannot delete " + path + ": " + ec.message());
        outcome.changedPaths.push_back(path);
    }
    for (const auto& [path, content] : overlay) {
        if (!content)
            continue;
        if (!writeAtomically(m_policy.root() / path, *content))
            return common::Error::internal("cannot write " + path);
        outcome.changedPaths.push_back(path);
    }
    return outcome;
}

} // namespace builder::pipeline
