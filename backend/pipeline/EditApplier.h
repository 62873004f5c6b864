#pragma once

#include "FileEdit.h"
#include "PathPolicy.h"
#include "common/Result.h"

#include <string>
#include <vector>

namespace builder::pipeline {

// Why one edit (or one of its blocks) could not be applied, for the corrective retry.
struct EditFailure
{
    int edit = 0;
    int block = -1; // -1: the edit as a whole
    std::string path;
    std::string reason;
};

struct ApplyOutcome
{
    std::vector<std::string> changedPaths; // every path created, modified, deleted or renamed
    std::vector<EditFailure> failures;     // empty when everything applied
    int fuzzyMatches = 0;                  // blocks matched only ignoring whitespace
    bool ok() const { return failures.empty(); }
};

// Applies a step's edits to the worktree, all or nothing: every path passes the
// PathPolicy and every block must match (exactly, else ignoring whitespace at
// line ends and indentation) before a single byte is written. A policy
// violation is an Error (PermissionDenied); edits that do not fit the current
// files are an ApplyOutcome with failures (the model gets one corrective retry).
class EditApplier
{
public:
    explicit EditApplier(const PathPolicy& policy) : m_policy(policy) {}

    common::Result<ApplyOutcome> apply(const std::vector<FileEdit>& edits) const;

    // Replaces `search` in `text` with `replace`: exact and unique first, then
    // line-wise ignoring surrounding whitespace. Returns the failure reason or
    // empty; `fuzzy` tells which way it matched.
    static std::string replaceOnce(std::string& text, const ReplaceBlock& block, bool& fuzzy);

private:
    const PathPolicy& m_policy;
};

} // namespace builder::pipeline
