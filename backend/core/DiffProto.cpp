#include "DiffProto.h"

namespace builder::core {

namespace rv1 = feature::review::v1;
namespace diff = common::diff;

namespace {

// On the wire, a hunk's header is only the section heading git prints after
// the second "@@" (the enclosing function, say): its numbers have fields of their own.
std::string sectionHeading(const std::string& line)
{
    if (line.rfind("@@", 0) != 0)
        return line;
    const auto end = line.find("@@", 2);
    if (end == std::string::npos)
        return {};
    auto rest = line.substr(end + 2);
    const auto first = rest.find_first_not_of(' ');
    return first == std::string::npos ? std::string() : rest.substr(first);
}

rv1::FileStatus statusOf(diff::FileStatus status)
{
    switch (status) {
    case diff::FileStatus::Added:
    case diff::FileStatus::Copied: // the contract has no "copied": a copy is a new file
        return rv1::FILE_STATUS_ADDED;
    case diff::FileStatus::Modified:
        return rv1::FILE_STATUS_MODIFIED;
    case diff::FileStatus::Deleted:
        return rv1::FILE_STATUS_DELETED;
    case diff::FileStatus::Renamed:
        return rv1::FILE_STATUS_RENAMED;
    }
    return rv1::FILE_STATUS_MODIFIED;
}

} // namespace

void DiffProto::toProto(const diff::UnifiedDiff& d,
                        google::protobuf::RepeatedPtrField<rv1::DiffFile>* out)
{
    out->Reserve(static_cast<int>(d.files.size()));
    for (const auto& file : d.files)
        toProto(file, out->Add());
}

void DiffProto::toProto(const diff::DiffFile& file, rv1::DiffFile* out)
{
    out->set_path(file.path());
    out->set_old_path(file.oldPath); // empty for an added file
    out->set_status(statusOf(file.status));
    out->set_binary(file.binary);
    out->set_additions(file.additions);
    out->set_deletions(file.deletions);
    out->mutable_hunks()->Reserve(static_cast<int>(file.hunks.size()));
    for (const auto& hunk : file.hunks) {
        auto* h = out->add_hunks();
        h->set_old_start(hunk.oldStart);
        h->set_old_lines(hunk.oldCount);
        h->set_new_start(hunk.newStart);
        h->set_new_lines(hunk.newCount);
        h->set_header(sectionHeading(hunk.header));
        h->mutable_lines()->Reserve(static_cast<int>(hunk.lines.size()));
        for (const auto& line : hunk.lines) {
            auto* l = h->add_lines();
            // LineKind shares its numbers with the contract's.
            l->set_kind(static_cast<rv1::LineKind>(static_cast<int>(line.kind)));
            l->set_old_line(line.oldLine);
            l->set_new_line(line.newLine);
            l->set_content(line.content);
        }
    }
}

} // namespace builder::core
