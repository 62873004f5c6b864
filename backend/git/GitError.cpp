#include "git/GitError.h"

#include <git2.h>

namespace builder::git {

GitError GitError::capture(int code)
{
    GitError error;
    error.m_code = code;
    if (const git_error* last = git_error_last(); last != nullptr && last->message != nullptr) {
        error.m_class = last->klass;
        error.m_message = last->message;
    } else {
        error.m_message = "libgit2 error " + std::to_string(code);
    }
    return error;
}

common::Error GitError::toError(common::StatusCode status, const std::string& context) const
{
    return {status, context + ": " + m_message};
}

} // namespace builder::git
