#pragma once

#include "common/Result.h"

#include <cstddef>
#include <string>

namespace builder::security {

// Owner-only key files: created atomically with random bytes, refused when loose.
class SecretFile
{
public:
    // Reads the key at path, or creates it (and missing parent directories,
    // mode 0700) with `bytes` random bytes. Refuses a file readable or writable
    // by group/others, owned by another user, not a regular file, or of another size.
    static common::Result<std::string> loadOrCreate(const std::string& path, std::size_t bytes);

    // Replaces path atomically with content, mode 0600 (temp file, fsync, rename).
    static common::Result<void> writePrivate(const std::string& path, const std::string& content);
};

} // namespace builder::security
