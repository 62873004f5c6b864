#pragma once

// Private to builder_git: includes libgit2.
#include <git2.h>

#include <string>

namespace builder::git {

// A git_buf that libgit2 fills and this object disposes.
class GitBuffer
{
public:
    GitBuffer() = default;
    ~GitBuffer() { git_buf_dispose(&m_buf); }
    GitBuffer(const GitBuffer&) = delete;
    GitBuffer& operator=(const GitBuffer&) = delete;

    git_buf* get() { return &m_buf; }
    std::string str() const
    {
        return m_buf.ptr != nullptr ? std::string(m_buf.ptr, m_buf.size) : "";
    }

private:
    git_buf m_buf = GIT_BUF_INIT;
};

} // namespace builder::git
