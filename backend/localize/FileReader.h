#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace builder::localize {

// Reads small files fast (one open, one fstat, a read loop into a reused buffer,
// no streams) and tells text from binary the way git does: a NUL byte in the
// first 8 KiB.
class FileReader
{
public:
    static constexpr std::size_t kBinaryProbeBytes = 8192;

    enum class Outcome
    {
        Read,
        Missing,    // no such file (or a parent is not a folder)
        Symlink,    // never followed
        NotRegular, // a folder, fifo, device
        TooLarge,   // over maxBytes: not read
        Failed,     // open or read error
    };
    struct Info
    {
        Outcome outcome = Outcome::Failed;
        std::uint64_t size = 0;
        std::int64_t mtimeNs = 0;
    };

    // Replaces `out` with the file's content when it is a regular file of at most
    // `maxBytes`.
    static Info read(const std::string& path, std::uint64_t maxBytes, std::string& out);
    static bool looksBinary(std::string_view content);
};

} // namespace builder::localize
