#include "localize/SummaryCache.h"

#include "localize/TermHash.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace builder::localize {

namespace {

constexpr char kMagic[8] = {'B', 'L', 'D', 'L', 'O', 'C', 'Z', '\n'};
constexpr std::size_t kHeaderSize = sizeof kMagic + sizeof(std::uint32_t);
constexpr std::size_t kTermRecord = CachedFacts::kRecordBytes;

template <typename T> void put(std::string& out, T value)
{
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// Reads a T at `at` and advances; false when the bytes run out.
template <typename T> bool take(std::string_view bytes, std::size_t& at, T& value)
{
    if (at + sizeof value > bytes.size())
        return false;
    std::memcpy(&value, bytes.data() + at, sizeof value);
    at += sizeof value;
    return true;
}

bool writeAll(int fd, const char* data, std::size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

} // namespace

std::string SummaryCache::pathFor(const std::string& cacheDir, const std::string& scope,
                                  std::string_view extractor)
{
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(termHash(scope)));
    return cacheDir + "/localize-" + hex + "-" + std::string(extractor) + ".cache";
}

SummaryCache SummaryCache::load(const std::string& path)
{
    SummaryCache cache;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return cache;
    struct stat st
    {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
        cache.m_bytes.resize(static_cast<std::size_t>(st.st_size));
        std::size_t done = 0;
        while (done < cache.m_bytes.size()) {
            const ssize_t n = ::read(fd, cache.m_bytes.data() + done, cache.m_bytes.size() - done);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            done += static_cast<std::size_t>(n);
        }
        cache.m_bytes.resize(done);
    }
    ::close(fd);

    const std::string_view bytes = cache.m_bytes;
    std::uint32_t version = 0;
    std::size_t at = sizeof kMagic;
    if (bytes.size() < kHeaderSize || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0 ||
        !take(bytes, at, version) || version != kVersion) {
        cache.m_bytes.clear();
        return cache;
    }
    while (at < bytes.size()) {
        std::uint32_t total = 0;
        std::uint16_t keyLength = 0;
        const std::size_t start = at;
        if (!take(bytes, at, total) || start + sizeof total + total > bytes.size() ||
            !take(bytes, at, keyLength) || keyLength + sizeof keyLength > total) {
            cache.m_entries.clear(); // a torn file: trust none of it
            cache.m_bytes.clear();
            return cache;
        }
        const std::string_view key = bytes.substr(at, keyLength);
        const std::size_t bodyStart = at + keyLength;
        const std::size_t end = start + sizeof total + total;
        cache.m_entries[key] = bytes.substr(bodyStart, end - bodyStart);
        at = end;
    }
    return cache;
}

std::string_view SummaryCache::find(std::string_view key) const
{
    const auto it = m_entries.find(key);
    return it == m_entries.end() ? std::string_view() : it->second;
}

bool SummaryCache::decode(std::string_view entry, CachedFacts& out)
{
    std::size_t at = 0;
    std::uint8_t flags = 0;
    std::uint32_t terms = 0;
    if (!take(entry, at, flags) || !take(entry, at, out.contentLength) || !take(entry, at, terms) ||
        at + std::size_t{terms} * kTermRecord > entry.size())
        return false;
    out.binary = (flags & 1u) != 0;
    out.termRecords = entry.substr(at, std::size_t{terms} * kTermRecord);
    at += out.termRecords.size();
    std::uint32_t symbols = 0;
    if (!take(entry, at, symbols))
        return false;
    out.symbols.clear();
    out.symbols.reserve(symbols);
    for (std::uint32_t i = 0; i < symbols; ++i) {
        Symbol symbol;
        std::uint8_t kind = 0;
        std::uint16_t length = 0;
        if (!take(entry, at, symbol.line) || !take(entry, at, kind) || !take(entry, at, length) ||
            at + length > entry.size() || kind > static_cast<std::uint8_t>(SymbolKind::Other))
            return false;
        symbol.kind = static_cast<SymbolKind>(kind);
        symbol.name = std::string(entry.substr(at, length));
        at += length;
        out.symbols.push_back(std::move(symbol));
    }
    return at == entry.size();
}

void SummaryCache::encode(std::string& buffer, std::string_view key, bool binary,
                          std::uint32_t contentLength,
                          const std::vector<std::pair<std::uint64_t, std::uint32_t>>& terms,
                          const std::vector<Symbol>& symbols)
{
    if (key.size() > 0xffff)
        return;
    // Written in place; the entry's length is patched in at the end.
    const std::size_t start = buffer.size();
    put<std::uint32_t>(buffer, 0);
    put<std::uint16_t>(buffer, static_cast<std::uint16_t>(key.size()));
    buffer.append(key);
    put<std::uint8_t>(buffer, binary ? 1 : 0);
    put<std::uint32_t>(buffer, contentLength);
    put<std::uint32_t>(buffer, static_cast<std::uint32_t>(terms.size()));
    const std::size_t records = buffer.size();
    buffer.resize(records + terms.size() * kTermRecord);
    char* out = buffer.data() + records;
    for (const auto& [hash, count] : terms) {
        const std::uint32_t print = CachedFacts::fingerprint(hash);
        const auto n = static_cast<std::uint16_t>(std::min<std::uint32_t>(count, 0xffff));
        std::memcpy(out, &print, sizeof print);
        std::memcpy(out + sizeof print, &n, sizeof n);
        out += kTermRecord;
    }
    std::uint32_t kept = 0;
    for (const auto& symbol : symbols)
        kept += symbol.name.size() <= 0xffff ? 1 : 0;
    put<std::uint32_t>(buffer, kept);
    for (const auto& symbol : symbols) {
        if (symbol.name.size() > 0xffff)
            continue;
        put<std::uint32_t>(buffer, symbol.line);
        put<std::uint8_t>(buffer, static_cast<std::uint8_t>(symbol.kind));
        put<std::uint16_t>(buffer, static_cast<std::uint16_t>(symbol.name.size()));
        buffer += symbol.name;
    }
    const auto total = static_cast<std::uint32_t>(buffer.size() - start - sizeof(std::uint32_t));
    std::memcpy(buffer.data() + start, &total, sizeof total);
}

void SummaryCache::appendEncoded(std::string& buffer, std::string_view key, std::string_view entry)
{
    if (key.size() > 0xffff)
        return;
    put<std::uint32_t>(
        buffer, static_cast<std::uint32_t>(sizeof(std::uint16_t) + key.size() + entry.size()));
    put<std::uint16_t>(buffer, static_cast<std::uint16_t>(key.size()));
    buffer.append(key);
    buffer.append(entry);
}

common::Status SummaryCache::save(const std::string& path,
                                  const std::vector<std::string_view>& reused,
                                  const std::vector<std::string>& buffers) const
{
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    const std::string temporary = path + ".tmp." + std::to_string(::getpid());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return common::Error::internal("cannot write the localize cache " + temporary + ": " +
                                       std::strerror(errno));
    std::string staging(kMagic, sizeof kMagic);
    put<std::uint32_t>(staging, kVersion);
    bool ok = true;
    constexpr std::size_t kFlushBytes = 1u << 20;
    for (const auto key : reused) {
        const auto entry = find(key);
        if (entry.empty())
            continue;
        appendEncoded(staging, key, entry);
        if (staging.size() >= kFlushBytes) {
            ok = ok && writeAll(fd, staging.data(), staging.size());
            staging.clear();
        }
    }
    ok = ok && writeAll(fd, staging.data(), staging.size());
    for (const auto& buffer : buffers)
        ok = ok && writeAll(fd, buffer.data(), buffer.size());
    ok = ::close(fd) == 0 && ok;
    if (!ok || ::rename(temporary.c_str(), path.c_str()) != 0) {
        ::unlink(temporary.c_str());
        return common::Error::internal("cannot write the localize cache " + path);
    }
    return {};
}

} // namespace builder::localize
