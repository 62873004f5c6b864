#include "localize/FileScanner.h"

#include "localize/BuiltinSymbolExtractor.h"
#include "localize/CtagsExtractor.h"
#include "localize/FileReader.h"
#include "localize/StopWords.h"
#include "localize/SummaryCache.h"
#include "localize/TermCounter.h"
#include "localize/Tokenizer.h"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

namespace builder::localize {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

void bump(std::uint16_t& slot)
{
    if (slot != 0xffff)
        ++slot;
}

// Per-thread state: scratch buffers, timings and the cache entries it wrote.
struct Worker
{
    TermCounter counter;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> terms;
    std::string content;
    std::string cacheBuffer;
    double statMs = 0, readMs = 0, tokenizeMs = 0, symbolsMs = 0;
};

class Scan
{
public:
    Scan(const RepositoryMap& map, const Query& query, const ScanOptions& options,
         ScanResult& result)
        : m_map(map), m_query(query), m_options(options), m_result(result),
          m_terms(query.terms().size())
    {}

    SummaryCache cache;
    bool writeCache = false;
    std::unordered_map<std::string, std::vector<Symbol>> ctagsSymbols;
    bool useCtags = false;
    std::vector<std::string> keys; // cache key per file ("" when it has none)
    std::vector<char> pending;     // 1: content still to be read
    std::vector<char> hit;         // 1: facts came from the cache

    std::uint16_t* tf(std::size_t file) { return &m_result.tf[file * m_terms * kFieldCount]; }

    // Phase 1: stat, cache key, and everything a cache hit provides.
    void examine(std::size_t i, Worker& worker)
    {
        const FileEntry& entry = m_map.files()[i];
        ScannedFile& file = m_result.files[i];
        countPath(entry.path, file, tf(i));
        if (entry.submodule) {
            file.status = ContentStatus::Submodule;
            return;
        }
        // With nothing cached, the read's own open and fstat tell all a stat would.
        if (cache.size() == 0) {
            pending[i] = 1;
            return;
        }
        const auto start = Clock::now();
        struct stat st
        {};
        const std::string full = m_map.root() + "/" + entry.path;
        const int rc = ::lstat(full.c_str(), &st);
        worker.statMs += msSince(start);
        if (rc != 0) {
            file.status = ContentStatus::Missing;
            return;
        }
        if (S_ISLNK(st.st_mode) || entry.symlink) {
            file.status = ContentStatus::Symlink;
            return;
        }
        if (!S_ISREG(st.st_mode)) {
            file.status = ContentStatus::Unreadable;
            return;
        }
        if (static_cast<std::uint64_t>(st.st_size) > m_options.maxFileBytes) {
            file.status = ContentStatus::TooLarge;
            return;
        }
        const std::int64_t mtime =
            static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
        keys[i] = keyFor(entry, static_cast<std::uint64_t>(st.st_size), mtime);
        if (const auto encoded = cache.find(keys[i]); !encoded.empty()) {
            CachedFacts facts;
            if (SummaryCache::decode(encoded, facts)) {
                applyCached(i, facts, worker);
                hit[i] = 1;
                ++m_hits;
                return;
            }
        }
        pending[i] = 1;
    }

    // The cache key: the blob id when the file provably still holds the indexed
    // blob (git's own test: size and mtime as the index recorded them, and not
    // modified in the instant the index was written, "racily clean"), else the
    // path with its size and mtime.
    std::string keyFor(const FileEntry& entry, std::uint64_t size, std::int64_t mtime) const
    {
        const bool clean = !entry.blobId.empty() && size == entry.indexedSize &&
                           mtime == entry.indexedMtimeNs && mtime < m_map.indexMtimeNs();
        return clean
                   ? "b" + entry.blobId
                   : "s" + entry.path + "\n" + std::to_string(size) + "\n" + std::to_string(mtime);
    }

    // Phase 3: read, tokenize and extract symbols of a file the cache lacked.
    void index(std::size_t i, Worker& worker)
    {
        const FileEntry& entry = m_map.files()[i];
        ScannedFile& file = m_result.files[i];
        if (entry.symlink) {
            file.status = ContentStatus::Symlink;
            return;
        }
        auto start = Clock::now();
        const auto info = FileReader::read(m_map.root() + "/" + entry.path, m_options.maxFileBytes,
                                           worker.content);
        worker.readMs += msSince(start);
        switch (info.outcome) {
        case FileReader::Outcome::Read:
            break;
        case FileReader::Outcome::Missing:
            file.status = ContentStatus::Missing;
            return;
        case FileReader::Outcome::Symlink:
            file.status = ContentStatus::Symlink;
            return;
        case FileReader::Outcome::TooLarge:
            file.status = ContentStatus::TooLarge;
            return;
        case FileReader::Outcome::NotRegular:
        case FileReader::Outcome::Failed:
            file.status = ContentStatus::Unreadable;
            return;
        }
        if (keys[i].empty())
            keys[i] = keyFor(entry, info.size, info.mtimeNs);
        if (FileReader::looksBinary(worker.content)) {
            file.status = ContentStatus::Binary;
            if (writeCache)
                SummaryCache::encode(worker.cacheBuffer, keys[i], true, 0, {}, {});
            return;
        }
        std::uint16_t* counts = tf(i);
        start = Clock::now();
        if (writeCache) {
            worker.counter.clear();
            Tokenizer::forEachTerm(
                worker.content, false,
                [&](std::uint64_t hash, std::string_view) { worker.counter.add(hash); });
            file.length[kContentField] = worker.counter.total();
            for (std::size_t t = 0; t < m_terms; ++t) {
                const auto n = worker.counter.count(m_query.terms()[t].hash);
                counts[t * kFieldCount + kContentField] =
                    static_cast<std::uint16_t>(std::min<std::uint32_t>(n, 0xffff));
            }
        } else {
            std::uint32_t length = 0;
            Tokenizer::forEachTerm(worker.content, false,
                                   [&](std::uint64_t hash, std::string_view) {
                                       ++length;
                                       const int t = m_query.indexOf(hash);
                                       if (t >= 0)
                                           bump(counts[t * kFieldCount + kContentField]);
                                   });
            file.length[kContentField] = length;
        }
        worker.tokenizeMs += msSince(start);

        start = Clock::now();
        std::vector<Symbol> symbols;
        if (useCtags) {
            if (const auto it = ctagsSymbols.find(entry.path); it != ctagsSymbols.end())
                symbols = std::move(it->second);
        } else {
            symbols = BuiltinSymbolExtractor::extract(entry.language, worker.content);
        }
        worker.symbolsMs += msSince(start);
        countSymbols(symbols, file, counts);
        if (writeCache) {
            // Stop words never match a query: keep them out of the cache.
            worker.terms.clear();
            worker.counter.forEach([&](std::uint64_t hash, std::uint32_t n) {
                if (!StopWords::containsHash(hash))
                    worker.terms.emplace_back(hash, n);
            });
            SummaryCache::encode(worker.cacheBuffer, keys[i], false, file.length[kContentField],
                                 worker.terms, symbols);
        }
    }

    std::size_t hits() const { return m_hits.load(); }

private:
    void applyCached(std::size_t i, CachedFacts& facts, Worker& worker)
    {
        ScannedFile& file = m_result.files[i];
        if (facts.binary) {
            file.status = ContentStatus::Binary;
            return;
        }
        const auto start = Clock::now();
        std::uint16_t* counts = tf(i);
        file.length[kContentField] = facts.contentLength;
        facts.forEachTerm([&](std::uint32_t print, std::uint32_t n) {
            const int t = m_query.indexOfFingerprint(print);
            if (t >= 0)
                counts[t * kFieldCount + kContentField] =
                    static_cast<std::uint16_t>(std::min<std::uint32_t>(n, 0xffff));
        });
        countSymbols(facts.symbols, file, counts);
        worker.tokenizeMs += msSince(start);
    }

    void countPath(const std::string& path, ScannedFile& file, std::uint16_t* counts)
    {
        Tokenizer::forEachTerm(path, true, [&](std::uint64_t hash, std::string_view) {
            ++file.length[kPathField];
            const int t = m_query.indexOf(hash);
            if (t >= 0)
                bump(counts[t * kFieldCount + kPathField]);
        });
    }

    void countSymbols(const std::vector<Symbol>& symbols, ScannedFile& file, std::uint16_t* counts)
    {
        file.symbolCount = static_cast<std::uint32_t>(symbols.size());
        for (const auto& symbol : symbols) {
            bool matched = false;
            Tokenizer::forEachTerm(symbol.name, true, [&](std::uint64_t hash, std::string_view) {
                ++file.length[kSymbolField];
                const int t = m_query.indexOf(hash);
                if (t >= 0) {
                    bump(counts[t * kFieldCount + kSymbolField]);
                    matched = true;
                }
            });
            if (matched)
                file.matchedSymbols.push_back(symbol);
        }
    }

    const RepositoryMap& m_map;
    const Query& m_query;
    const ScanOptions& m_options;
    ScanResult& m_result;
    std::size_t m_terms;
    std::atomic<std::size_t> m_hits{0};
};

// Runs body(i, worker) for every i in `indices` on `threads` threads; stops
// handing out work once `cancel` fires.
template <typename Body>
void parallelFor(const std::vector<std::size_t>& indices, std::vector<Worker>& workers,
                 const common::CancelToken& cancel, Body&& body)
{
    std::atomic<std::size_t> next{0};
    constexpr std::size_t kChunk = 32;
    auto run = [&](Worker& worker) {
        while (!cancel.cancelled()) {
            const std::size_t begin = next.fetch_add(kChunk);
            if (begin >= indices.size())
                return;
            const std::size_t end = std::min(indices.size(), begin + kChunk);
            for (std::size_t k = begin; k < end; ++k)
                body(indices[k], worker);
        }
    };
    std::vector<std::thread> threads;
    for (std::size_t w = 1; w < workers.size(); ++w)
        threads.emplace_back(run, std::ref(workers[w]));
    run(workers[0]);
    for (auto& thread : threads)
        thread.join();
}

} // namespace

SymbolSource FileScanner::resolve(SymbolSource requested, std::size_t files)
{
    if (requested != SymbolSource::Auto)
        return requested;
    return files <= ScanOptions::kCtagsAutoMaxFiles && CtagsExtractor::available()
               ? SymbolSource::Ctags
               : SymbolSource::Builtin;
}

common::Result<ScanResult> FileScanner::scan(const RepositoryMap& map, const Query& query,
                                             const ScanOptions& options,
                                             const common::CancelToken& cancel)
{
    const std::size_t count = map.files().size();
    const SymbolSource source = resolve(options.symbols, count);
    if (source == SymbolSource::Ctags && !CtagsExtractor::available())
        return common::Error::failedPrecondition(
            "symbols: ctags was requested but universal-ctags is not installed");

    ScanResult result;
    result.symbolSource = source == SymbolSource::Ctags ? "ctags" : "builtin";
    result.files.resize(count);
    result.termCount = query.terms().size();
    result.tf.assign(count * result.termCount * kFieldCount, 0);

    Scan scan(map, query, options, result);
    scan.keys.resize(count);
    scan.pending.assign(count, 0);
    scan.hit.assign(count, 0);
    scan.useCtags = source == SymbolSource::Ctags;
    std::string cachePath;
    if (!options.cacheDir.empty()) {
        const auto start = Clock::now();
        cachePath = SummaryCache::pathFor(
            options.cacheDir, options.cacheScope.empty() ? map.root() : options.cacheScope,
            result.symbolSource);
        scan.cache = SummaryCache::load(cachePath);
        scan.writeCache = true;
        result.timings.cacheLoadMs = msSince(start);
    }

    const unsigned threads =
        options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    std::vector<Worker> workers(threads);
    std::vector<std::size_t> all(count);
    for (std::size_t i = 0; i < count; ++i)
        all[i] = i;

    const auto wall = Clock::now();
    parallelFor(all, workers, cancel, [&](std::size_t i, Worker& w) { scan.examine(i, w); });
    std::vector<std::size_t> misses;
    for (std::size_t i = 0; i < count; ++i) {
        if (scan.pending[i] != 0)
            misses.push_back(i);
    }
    if (scan.useCtags && !misses.empty() && !cancel.cancelled()) {
        const auto start = Clock::now();
        std::vector<std::string> paths;
        for (const auto i : misses)
            paths.push_back(map.files()[i].path);
        auto symbols = CtagsExtractor::extract(map.root(), paths);
        if (!symbols.ok())
            return common::Error::failedPrecondition("symbols: " + symbols.error().message());
        scan.ctagsSymbols = std::move(*symbols);
        result.timings.ctagsMs = msSince(start);
    }
    parallelFor(misses, workers, cancel, [&](std::size_t i, Worker& w) { scan.index(i, w); });
    result.timings.scanWallMs = msSince(wall) - result.timings.ctagsMs;
    if (cancel.cancelled())
        return cancel.reason().value_or(common::Error(common::StatusCode::Cancelled, "cancelled"));

    result.cacheHits = scan.hits();
    result.cacheMisses = misses.size();
    for (const auto& worker : workers) {
        result.timings.statThreadMs += worker.statMs;
        result.timings.readThreadMs += worker.readMs;
        result.timings.tokenizeThreadMs += worker.tokenizeMs;
        result.timings.symbolsThreadMs += worker.symbolsMs;
    }
    if (scan.writeCache && (!misses.empty() || scan.cache.size() != result.cacheHits)) {
        const auto start = Clock::now();
        std::vector<std::string> buffers;
        for (auto& worker : workers)
            buffers.push_back(std::move(worker.cacheBuffer));
        std::vector<std::string_view> reused;
        for (std::size_t i = 0; i < count; ++i) {
            if (scan.hit[i] != 0)
                reused.push_back(scan.keys[i]);
        }
        // A cache that cannot be written costs the next run time, not this one its result.
        result.cacheWritten = scan.cache.save(cachePath, reused, buffers).ok();
        result.timings.cacheSaveMs = msSince(start);
    }
    return result;
}

} // namespace builder::localize
