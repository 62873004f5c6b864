#pragma once

#include "PipelineServices.h"
#include "StageFailure.h"
#include "common/CancelToken.h"
#include "common/Result.h"
#include "store/JobStore.h"

#include <chrono>
#include <functional>

namespace builder::pipeline {

class RunContext;

// One worker's turn at one execution, from its lease to the end: loads the
// execution, walks the stages (each skipping what the journal says is done),
// and ends the job: completed, failed (with the ErrorCode), retried later, or
// dead-lettered. A fenced writer, a cancelled execution or a shutdown end the
// turn without writing anything more.
class ExecutionRun
{
public:
    // Told the execution's deadline (its first start + timeout_minutes) once known.
    using DeadlineSink =
        std::function<void(std::chrono::system_clock::time_point, int timeoutMinutes)>;

    ExecutionRun(PipelineServices& services, store::JobLease lease, common::CancelToken cancel,
                 DeadlineSink deadline);
    void run();

private:
    common::Status stages(RunContext& ctx);
    // The human gate after the automated review of `round`; sets m_parked when
    // the execution waits for a reviewer, returns whether to deliver now.
    common::Result<bool> humanGate(RunContext& ctx, int round, bool manualReview);
    void fail(RunContext& ctx, const StageFailure& failure);
    // The kill switch stopped this turn: the job waits, nothing fails.
    void pause(RunContext& ctx, const common::Error& stop);

    PipelineServices& m_services;
    store::JobLease m_lease;
    common::CancelToken m_cancel;
    DeadlineSink m_deadline;
    int m_stageCode = 0;
    bool m_parked = false;
};

} // namespace builder::pipeline
