#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace builder::store {

class Connection;

// The pipeline's write-ahead record of what an execution already did: stage
// results, LLM responses, commits, pushes. A resumed execution reads its
// journal instead of redoing (or paying for) the work again.
class JournalStore
{
public:
    // Writes once: a second put of the same key keeps the first value and
    // returns false (the first writer won; its value is the truth).
    static bool put(Connection& c, const std::string& executionId, const std::string& key,
                    const std::string& value, std::int64_t nowMillis);
    static std::optional<std::string> get(Connection& c, const std::string& executionId,
                                          const std::string& key);
    // Every entry whose key starts with `prefix`, in key order.
    static std::vector<std::pair<std::string, std::string>>
    listPrefix(Connection& c, const std::string& executionId, const std::string& prefix);
    // Copies the entries of `fromExecution` whose keys start with one of
    // `prefixes` into `toExecution` (a retry reusing earlier outputs).
    static int copy(Connection& c, const std::string& fromExecution, const std::string& toExecution,
                    const std::vector<std::string>& prefixes, std::int64_t nowMillis);
    static void erase(Connection& c, const std::string& executionId, const std::string& key);
};

} // namespace builder::store
