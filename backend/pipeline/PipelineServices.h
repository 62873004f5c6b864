#pragma once

#include "PipelineConfig.h"

#include <memory>

namespace builder::store {
class Database;
}
namespace builder::queue {
class JobQueue;
}
namespace builder::core {
class EventRecorder;
class KillSwitchCheck;
class RepositoryManager;
class RunningExecutions;
} // namespace builder::core
namespace builder::llm {
class Provider;
}
namespace builder::git {
class MirrorCache;
}
namespace builder::executor {
class Verifier;
}

namespace builder::pipeline {

class ReviewGate;

// What every execution run shares: owned by builderd, borrowed by the runner.
struct PipelineServices
{
    std::shared_ptr<store::Database> db;
    queue::JobQueue* jobs = nullptr;
    core::EventRecorder* events = nullptr;
    core::RepositoryManager* repositories = nullptr;
    core::RunningExecutions* running = nullptr;
    std::shared_ptr<llm::Provider> provider;
    git::MirrorCache* mirrors = nullptr;
    executor::Verifier* verifier = nullptr;
    ReviewGate* review = nullptr;
    const core::KillSwitchCheck* killSwitch = nullptr; // null: no kill switch
    PipelineConfig config;
};

} // namespace builder::pipeline
