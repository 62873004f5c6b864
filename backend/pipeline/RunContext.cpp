#include "RunContext.h"

#include "JournaledProvider.h"
#include "Prompts.h"
#include "core/KillSwitchCheck.h"
#include "git/Workspace.h"
#include "store/Database.h"

#include <fstream>
#include <set>
#include <sstream>

namespace builder::pipeline {

namespace fv1 = feature::feature::v1;

RunContext::RunContext(PipelineServices& s, store::JobLease lease, common::CancelToken token)
    : services(s), writer(s.db, *s.jobs, *s.events, std::move(lease)), journal(writer),
      cancel(std::move(token))
{}

RunContext::~RunContext() = default;

llm::Provider& RunContext::provider(const std::string& scope)
{
    m_providers.push_back(std::make_unique<JournaledProvider>(
        services.provider, journal, scope, budgetUsd(), [this] { return stopCheck(); }));
    return *m_providers.back();
}

common::Status RunContext::ensureState(fv1::FeatureState state)
{
    if (execution.state() == state)
        return {};
    return writer.write([&](store::Connection& c) -> common::Status {
        execution = writer.transition(c, state);
        return {};
    });
}

common::Status RunContext::resetToHead()
{
    if (!cleanAt.empty() && cleanAt == headSha)
        return {};
    auto reset = workspace->resetHard(headSha);
    if (reset.ok())
        cleanAt = headSha;
    return reset;
}

common::Status RunContext::stopCheck() const
{
    if (!services.killSwitch)
        return {};
    return services.killSwitch->check(repository.id());
}

common::Status RunContext::event(const std::string& type, const std::string& summary,
                                 const google::protobuf::Struct& payload)
{
    return writer.write([&](store::Connection& c) -> common::Status {
        writer.event(c, type, summary, payload);
        return {};
    });
}

common::Status RunContext::saveProgress(int completedSteps, int currentStep,
                                        const std::string& description, float percent)
{
    return writer.write([&](store::Connection& c) -> common::Status {
        auto e = writer.load(c);
        auto* p = e.mutable_progress();
        p->set_total_steps(e.plan().steps_size());
        p->set_completed_steps(completedSteps);
        p->set_current_step(currentStep);
        p->set_current_step_description(description);
        p->set_percent_complete(percent);
        writer.save(c, e);
        execution = e;
        return {};
    });
}

std::map<std::string, std::string> RunContext::properties() const
{
    std::map<std::string, std::string> out(repository.properties().values().begin(),
                                           repository.properties().values().end());
    for (const auto& [key, value] : spec().properties().values())
        out[key] = value;
    return out;
}

double RunContext::budgetUsd() const
{
    const auto props = properties();
    if (auto it = props.find("budget_usd"); it != props.end()) {
        try {
            return std::stod(it->second);
        } catch (...) {
        }
    }
    return services.config.defaultBudgetUsd;
}

std::filesystem::path RunContext::worktreeDir() const
{
    return services.config.workspacesDir() / execution.id();
}

std::filesystem::path RunContext::artifactsDir() const
{
    return services.config.artifactsDir() / execution.id();
}

std::string RunContext::fileContext(const std::vector<std::string>& paths) const
{
    std::ostringstream out;
    std::size_t total = 0;
    std::set<std::string> seen;
    const auto& limits = services.config;
    for (const auto& path : paths) {
        if (!seen.insert(path).second)
            continue;
        const auto full = worktreeDir() / path;
        std::ifstream in(full, std::ios::binary);
        if (!in) {
            out << "(" << path << " does not exist yet)\n";
            continue;
        }
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (text.find('\0') != std::string::npos) {
            out << "(" << path << " is a binary file)\n";
            continue;
        }
        if (text.size() > limits.maxFileBytesInPrompt ||
            total + text.size() > limits.maxPromptFileBytes) {
            out << "(" << path << " is too large to show: " << text.size() << " bytes)\n";
            continue;
        }
        total += text.size();
        out << Prompts::fileBlock(path, text);
    }
    return out.str();
}

} // namespace builder::pipeline
