#include "JournalKeys.h"

#include "JournalStore.h"

#include <cstdio>

namespace builder::store {

std::string JournalKeys::stepDone(int step)
{
    char key[32];
    std::snprintf(key, sizeof key, "done/step/%03d", step);
    return key;
}

std::string JournalKeys::stepScope(int step)
{
    char scope[32];
    std::snprintf(scope, sizeof scope, "step-%03d", step);
    return scope;
}

std::string JournalKeys::llmPrefix(const std::string& stage, const std::string& scope)
{
    return "llm/" + stage + "/" + scope + "#";
}

std::vector<std::string> JournalKeys::reusableByRetry(Connection& c, const std::string& parent,
                                                      int fromStep)
{
    std::vector<std::string> prefixes;
    auto done = [&](const std::string& key) {
        return JournalStore::get(c, parent, key).has_value();
    };
    if (!done(kNormalizeDone))
        return prefixes;
    prefixes.push_back(llmPrefix("normalize_spec", "spec"));
    if (!done(kImpactDone))
        return prefixes;
    prefixes.push_back(llmPrefix("analyze_impact", "impact"));
    if (!done(kPlanDone))
        return prefixes;
    prefixes.push_back(llmPrefix("generate_plan", "plan"));
    for (int step = 0; step < fromStep && done(stepDone(step)); ++step)
        prefixes.push_back(llmPrefix("generate_code", stepScope(step)));
    return prefixes;
}

} // namespace builder::store
