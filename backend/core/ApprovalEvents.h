#pragma once

namespace builder::core {

// The approval.* event names of the execution log (shared/docs/approval.md).
// approval.requested is written by the pipeline when it stops at the gate.
struct ApprovalEvents
{
    static constexpr const char* kRequested = "approval.requested";
    static constexpr const char* kGranted = "approval.granted";
    static constexpr const char* kChangesRequested = "approval.changes_requested";
    static constexpr const char* kRejected = "approval.rejected";
};

} // namespace builder::core
