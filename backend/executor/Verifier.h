#pragma once

#include "common/CancelToken.h"
#include "common/Result.h"
#include "executor/BuildPlan.h"
#include "executor/ConcurrencyLimiter.h"
#include "executor/ExecutorConfig.h"
#include "executor/OutputChunk.h"
#include "executor/Sandbox.h"
#include "executor/VerifyReport.h"
#include "executor/VerifyRequest.h"

#include <memory>
#include <mutex>

namespace builder::executor {

// The VERIFYING stage's executor: resolves the build and test commands, runs
// them in the sandbox (at most MAX_CONCURRENT_EXECUTIONS at once), parses the
// reports and writes the artifacts. Fails closed: when the sandbox cannot be
// set up the answer is FailedPrecondition with the doctor's diagnostic, never
// an unsandboxed run (that takes `sandbox = none` in the config).
class Verifier
{
public:
    explicit Verifier(ExecutorConfig config);
    // With a given sandbox (tests, benchmarks).
    Verifier(ExecutorConfig config, std::shared_ptr<Sandbox> sandbox);

    common::Result<VerifyReport> verify(const VerifyRequest& request, const OutputSink& sink,
                                        const common::CancelToken& cancel);

    // The sandbox (created and probed on first use); FailedPrecondition with
    // the doctor's diagnostic when it cannot work.
    common::Result<std::shared_ptr<Sandbox>> sandbox();
    const ExecutorConfig& config() const { return m_config; }
    const ConcurrencyLimiter& limiter() const { return m_limiter; }

    static constexpr std::size_t kParseTailBytes = 256 * 1024;
    static constexpr std::uint64_t kMaxReportBytes = 64ull * 1024 * 1024;

private:
    struct Phase;
    common::Status runPhase(Phase& phase, const std::vector<std::string>& commands,
                            const BuildPlan& plan, const VerifyRequest& request, Sandbox& sandbox,
                            const OutputSink& sink, const common::CancelToken& cancel,
                            std::chrono::steady_clock::time_point deadline, VerifyReport& report);
    // Fills the counts and failures; true when they are known (report or summary line).
    bool collectTests(const BuildPlan& plan, const VerifyRequest& request, std::time_t since,
                      const Phase& tests, const OutputSink& sink, VerifyReport& report);

    ExecutorConfig m_config;
    ConcurrencyLimiter m_limiter;
    std::mutex m_sandboxMutex;
    std::shared_ptr<Sandbox> m_sandbox;
};

} // namespace builder::executor
