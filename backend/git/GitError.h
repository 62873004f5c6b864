#pragma once

#include "common/Error.h"

#include <string>

namespace builder::git {

// A libgit2 failure captured at the failing call: libgit2 keeps its last error per
// thread, so the next git_* call (or a hop to another thread) would lose it.
class GitError
{
public:
    // Reads git_error_last() now; call it directly after the call that returned code.
    static GitError capture(int code);

    int code() const { return m_code; }
    int errorClass() const { return m_class; }
    const std::string& message() const { return m_message; }

    // The failure as an Error: "<context>: <libgit2 message>".
    common::Error toError(common::StatusCode status, const std::string& context) const;

private:
    int m_code = 0;
    int m_class = 0;
    std::string m_message;
};

} // namespace builder::git
