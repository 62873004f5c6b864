#include "RepoGenerator.h"

#include <sys/stat.h>

#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

namespace builder::bench {

namespace {

namespace fs = std::filesystem;

// Everyday code words: frequent across the repository, as in real code.
const std::vector<std::string> kCommon = {
    "request", "response", "client", "server", "handler", "config", "error",  "value",
    "buffer",  "cache",    "user",   "data",   "message", "event",  "state",  "result",
    "context", "service",  "index",  "file",   "path",    "name",   "count",  "size",
    "update",  "create",   "delete", "load",   "save",    "parse",  "format", "build",
    "start",   "stop",     "run",    "queue",  "worker",  "thread", "lock",   "timer",
    "http",    "json",     "store",  "record", "field",   "option", "report", "status",
    "token",   "session",  "limit",  "time",   "retry",   "stream", "node",   "graph"};

// Words of the needle files; a few also appear elsewhere, rarely.
const std::vector<std::string> kRare = {"rate",    "bucket",   "throttle", "refill",
                                        "gateway", "capacity", "limiter"};

const char* const kSyllables[] = {"ka",  "lo",  "mi",  "ra",  "ten", "vo",  "zu",  "pe",
                                  "dor", "lin", "sa",  "qui", "mon", "tra", "vel", "ex",
                                  "or",  "ban", "cel", "ti",  "nu",  "fa",  "gro", "hil",
                                  "jun", "pra", "ste", "wen", "yor", "bi"};

struct Language
{
    const char* extension;
    int weight;
};
const Language kLanguages[] = {{"cpp", 14}, {"h", 10},    {"py", 14}, {"go", 10}, {"ts", 10},
                               {"js", 8},   {"java", 10}, {"rs", 6},  {"md", 6},  {"json", 4},
                               {"yaml", 4}, {"sh", 2},    {"txt", 2}};

class Writer
{
public:
    explicit Writer(std::uint64_t seed) : m_random(seed)
    {
        for (int i = 0; i < 6000; ++i) {
            std::string word;
            const int parts = 2 + static_cast<int>(m_random() % 2);
            for (int p = 0; p < parts; ++p)
                word += kSyllables[m_random() % std::size(kSyllables)];
            m_words.push_back(word);
        }
        for (const auto& l : kLanguages)
            m_totalWeight += l.weight;
    }

    // Zipf-like: common words most of the time, the long tail otherwise.
    std::string word()
    {
        const auto roll = m_random() % 1000;
        if (roll < 450)
            return kCommon[m_random() % kCommon.size()];
        if (roll < 452)
            return kRare[m_random() % kRare.size()];
        const std::size_t rank = static_cast<std::size_t>(
            std::pow(static_cast<double>(m_random() % 1000000) / 1e6, 2.5) * m_words.size());
        return m_words[std::min(rank, m_words.size() - 1)];
    }

    static std::string camel(const std::vector<std::string>& parts, bool upperFirst)
    {
        std::string out;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            std::string part = parts[i];
            if ((i > 0 || upperFirst) && !part.empty())
                part[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(part[0])));
            out += part;
        }
        return out;
    }

    std::string identifier(bool upperFirst)
    {
        std::vector<std::string> parts;
        const int n = 1 + static_cast<int>(m_random() % 3);
        for (int i = 0; i < n; ++i)
            parts.push_back(word());
        return camel(parts, upperFirst);
    }

    std::string sentence(int words)
    {
        std::string out;
        for (int i = 0; i < words; ++i)
            out += (i ? " " : "") + word();
        return out;
    }

    const char* extension()
    {
        int roll = static_cast<int>(m_random() % static_cast<std::uint64_t>(m_totalWeight));
        for (const auto& l : kLanguages) {
            if ((roll -= l.weight) < 0)
                return l.extension;
        }
        return "txt";
    }

    std::string directory()
    {
        static const char* const kTop[] = {"src", "lib",      "services", "tools", "pkg",
                                           "app", "internal", "docs",     "tests", "modules"};
        std::string dir = kTop[m_random() % std::size(kTop)];
        const int depth = 1 + static_cast<int>(m_random() % 4);
        for (int i = 0; i < depth; ++i)
            dir += "/" + m_words[m_random() % 300];
        return dir;
    }

    std::string body(const std::string& ext, std::size_t targetBytes)
    {
        std::string out;
        const bool hash = ext == "py" || ext == "sh" || ext == "yaml";
        const std::string comment = hash ? "# " : (ext == "md" || ext == "txt" ? "" : "// ");
        out += comment + sentence(12) + "\n\n";
        while (out.size() < targetBytes) {
            const std::string name = identifier(false);
            const std::string type = identifier(true);
            if (ext == "py") {
                out += "def " + name + "(" + word() + ", " + word() + "):\n";
                for (int i = 0; i < 6; ++i)
                    out += "    " + word() + " = " + identifier(false) + "(" + word() + ")\n";
                out += "    return " + word() + "\n\n";
            } else if (ext == "go") {
                out += "func " + type + "(" + word() + " int) error {\n";
                for (int i = 0; i < 6; ++i)
                    out += "\t" + word() + " := " + identifier(false) + "(" + word() + ")\n";
                out += "\treturn nil\n}\n\n";
            } else if (ext == "rs") {
                out += "pub fn " + name + "(" + word() + ": u32) -> u32 {\n";
                for (int i = 0; i < 6; ++i)
                    out += "    let " + word() + " = " + identifier(false) + "(" + word() + ");\n";
                out += "    0\n}\n\n";
            } else if (ext == "md" || ext == "txt") {
                out += "## " + sentence(4) + "\n\n" + sentence(40) + ".\n\n";
            } else if (ext == "json") {
                out += "{\"" + name + "\": \"" + sentence(6) + "\", \"" + word() + "\": 42}\n";
            } else if (ext == "yaml") {
                out += name + ":\n  " + word() + ": " + sentence(5) + "\n";
            } else if (ext == "sh") {
                out += name + "() {\n  " + word() + " \"$1\" " + sentence(5) + "\n}\n";
            } else {
                out += "class " + type + " {\npublic:\n";
                for (int i = 0; i < 3; ++i) {
                    out += "    int " + identifier(false) + "(int " + word() + ") {\n";
                    out += "        return " + identifier(false) + "(" + word() + ", " + word() +
                           ");\n    }\n";
                }
                out += "};\n\n";
            }
        }
        return out;
    }

    std::mt19937_64& random() { return m_random; }

private:
    std::mt19937_64 m_random;
    std::vector<std::string> m_words;
    int m_totalWeight = 0;
};

void writeFile(const fs::path& path, const std::string& content)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

const char* const kRateLimiterCpp = R"(// Token bucket rate limiting for the HTTP gateway.
#include "RateLimiter.h"

namespace gateway {

RateLimiter::RateLimiter(RateLimitConfig config) : m_config(config) {}

// Refills the client's bucket for the time elapsed, then takes one token.
bool RateLimiter::allowRequest(const std::string& clientId, Clock::time_point now)
{
    TokenBucket& bucket = m_buckets[clientId];
    bucket.refill(now, m_config.refillPerSecond, m_config.capacity);
    if (bucket.tokens < 1.0)
        return false; // throttle: the client exceeded its limit
    bucket.tokens -= 1.0;
    return true;
}

} // namespace gateway
)";

const char* const kRateLimiterH = R"(#pragma once
#include "TokenBucket.h"

namespace gateway {

// Per-client rate limiting of HTTP requests with token buckets.
class RateLimiter
{
public:
    explicit RateLimiter(RateLimitConfig config);
    bool allowRequest(const std::string& clientId, Clock::time_point now);

private:
    RateLimitConfig m_config;
    std::map<std::string, TokenBucket> m_buckets;
};

} // namespace gateway
)";

const char* const kTokenBucket = R"(#pragma once

namespace gateway {

struct RateLimitConfig
{
    double capacity = 100;       // bucket capacity, configurable per gateway
    double refillPerSecond = 10; // tokens added back over time
};

// A token bucket: holds up to capacity tokens, refilled over time.
struct TokenBucket
{
    double tokens = 0;
    Clock::time_point last;
    void refill(Clock::time_point now, double perSecond, double capacity);
};

} // namespace gateway
)";

} // namespace

std::string RepoGenerator::query()
{
    return "Add per-client token bucket rate limiting to the HTTP gateway. The RateLimiter "
           "must refill tokens over time and throttle requests that exceed the limit; expose "
           "allowRequest(clientId) and make the bucket capacity configurable.";
}

std::vector<std::string> RepoGenerator::needles()
{
    return {"services/gateway/src/RateLimiter.cpp", "services/gateway/src/RateLimiter.h",
            "services/gateway/src/TokenBucket.h", "services/gateway/config/rate_limit.yaml",
            "docs/gateway/throttling.md"};
}

RepoGenerator::Summary RepoGenerator::generate(const std::string& dir, std::size_t files,
                                               std::uint64_t seed)
{
    Summary summary;
    const auto start = std::chrono::steady_clock::now();
    const fs::path root(dir);
    const fs::path marker = root / ".git" / ("bench-complete-" + std::to_string(files));
    if (fs::exists(marker)) {
        summary.reused = true;
        summary.files = files;
        return summary;
    }
    fs::remove_all(root);
    fs::create_directories(root);
    Writer writer(seed);
    const auto needlePaths = needles();
    writeFile(root / needlePaths[0], kRateLimiterCpp);
    writeFile(root / needlePaths[1], kRateLimiterH);
    writeFile(root / needlePaths[2], kTokenBucket);
    writeFile(root / needlePaths[3], "rate_limit:\n  capacity: 100\n  refill_per_second: 10\n"
                                     "  throttle_status: 429\n");
    writeFile(root / needlePaths[4], "# Throttling at the gateway\n\nRequests over a client's "
                                     "rate limit are throttled with 429.\n");
    writeFile(root / ".gitignore", "build/\n*.o\n");
    summary.files = needlePaths.size() + 1;
    // Some binary assets, as real repositories have.
    for (int i = 0; i < 20 && summary.files < files; ++i, ++summary.files) {
        std::string blob(4096, '\0');
        for (auto& c : blob)
            c = static_cast<char>(writer.random()() % 256);
        writeFile(root / "assets" / ("image" + std::to_string(i) + ".png"), blob);
    }
    while (summary.files < files) {
        const std::string ext = writer.extension();
        std::string base = writer.identifier(ext == "cpp" || ext == "h" || ext == "java");
        const fs::path path =
            root / writer.directory() / (base + "_" + std::to_string(summary.files) + "." + ext);
        const std::size_t size = 1500 + writer.random()() % 5000;
        const std::string content = writer.body(ext, size);
        summary.bytes += content.size();
        writeFile(path, content);
        ++summary.files;
    }
    // gc.auto=0: a background repack after the commit would steal the CPU the
    // measurements need.
    const std::string git = "cd '" + dir + "' && git init -q . && git config gc.auto 0 && " +
                            "git add -A && git -c user.name=bench " +
                            "-c user.email=bench@example.invalid commit -q -m generated";
    if (std::system(git.c_str()) == 0)
        std::ofstream(marker) << "ok\n";
    summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

} // namespace builder::bench
