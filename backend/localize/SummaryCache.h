#pragma once

#include "common/Result.h"
#include "localize/Symbol.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace builder::localize {

// What the scanner learned from one file's content, as read back from the cache.
struct CachedFacts
{
    bool binary = false;
    std::uint32_t contentLength = 0;
    std::vector<Symbol> symbols;
    // Term fingerprint -> count as 6-byte records (the high 32 bits of the term
    // hash, a u16 count saturating at 65535 as ScanResult does) inside the cache
    // bytes, unsorted: a scan tests each record against the query's table, as
    // fast as a binary search per query term and sparing a sort per file on
    // write. 32 bits keep the cache small enough to load in a fraction of a cold
    // scan; the price is a 2^-32 chance per (file term, query term) pair of a
    // stray count, about one per ten queries over 50,000 files (see
    // shared/docs/localize.md).
    std::string_view termRecords;

    static constexpr std::size_t kRecordBytes = 6;
    static std::uint32_t fingerprint(std::uint64_t hash)
    {
        return static_cast<std::uint32_t>(hash >> 32);
    }

    std::uint32_t termCount() const
    {
        return static_cast<std::uint32_t>(termRecords.size() / kRecordBytes);
    }
    template <typename Fn> void forEachTerm(Fn&& fn) const
    {
        for (std::size_t at = 0; at + kRecordBytes <= termRecords.size(); at += kRecordBytes) {
            std::uint32_t print = 0;
            std::uint16_t count = 0;
            std::memcpy(&print, termRecords.data() + at, sizeof print);
            std::memcpy(&count, termRecords.data() + at + 4, sizeof count);
            fn(print, count);
        }
    }
};

// Per-file facts (content term counts, symbols, binary flag) on disk, keyed by
// git blob id when the work-tree file still holds the indexed blob, else by
// path, size and mtime. One file per scope (a repository root, or a name the
// caller gives to share it between work trees) and symbol extractor, read
// whole and written whole (to a temporary, then renamed) so a crash never leaves
// a torn cache; a missing, foreign or corrupt file is an empty cache, never an
// error. The encoding is native-endian: the cache is local to one machine.
class SummaryCache
{
public:
    static constexpr std::uint32_t kVersion = 3;

    // "<dir>/localize-<hash of scope>-<extractor>.cache"
    static std::string pathFor(const std::string& cacheDir, const std::string& scope,
                               std::string_view extractor);
    static SummaryCache load(const std::string& path);

    std::size_t size() const { return m_entries.size(); }
    // The encoded entry for `key`, or an empty view.
    std::string_view find(std::string_view key) const;
    static bool decode(std::string_view entry, CachedFacts& out);

    // Appends one entry to a writer's buffer.
    static void encode(std::string& buffer, std::string_view key, bool binary,
                       std::uint32_t contentLength,
                       const std::vector<std::pair<std::uint64_t, std::uint32_t>>& terms,
                       const std::vector<Symbol>& symbols);
    // Appends an entry read from a loaded cache unchanged.
    static void appendEncoded(std::string& buffer, std::string_view key, std::string_view entry);
    // Writes the new cache file: the entries of `reused` keys from this (loaded)
    // cache, then the freshly encoded buffers.
    common::Status save(const std::string& path, const std::vector<std::string_view>& reused,
                        const std::vector<std::string>& buffers) const;

private:
    std::string m_bytes;
    std::unordered_map<std::string_view, std::string_view> m_entries;
};

} // namespace builder::localize
