#pragma once

#include "DemoModel.h"
#include "FakeLlmServer.h"
#include "feature/admin/v1/admin.grpc.pb.h"
#include "feature/feature/v1/feature.grpc.pb.h"
#include "feature/repository/v1/repository.grpc.pb.h"
#include "support/BuilderdProcess.h"
#include "support/FeatureClient.h"

#include <grpcpp/grpcpp.h>

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace builder::itest {

// The whole pipeline for real: a builderd with its workers, the fake LLM vendor
// (Anthropic wire format) answering as the demo model, and the sample
// repository behind a bare remote on disk.
class PipelineFixture
{
public:
    struct Options
    {
        QStringList extraArgs;   // more builderd flags (e.g. pipeline settings)
        QStringList environment; // more KEY=VALUE
        // Repository properties; by default no human approval is required so
        // that the pipeline runs through to delivery.
        std::map<std::string, std::string> repositoryProperties{{"require_approval", "false"}};
        // Answer from this cassette (llm.replay) instead of the fake vendor.
        QString replayCassette;
        // Record every exchange with the fake vendor into this cassette (llm.record).
        QString recordCassette;
    };
    PipelineFixture();
    explicit PipelineFixture(Options options);
    ~PipelineFixture();

    bool start();
    // SIGKILL (no drain), then start again on the same data directory.
    bool killAndRestart();
    QString errorString() const { return m_error; }

    DemoModel& model() { return m_model; }
    fakes::FakeLlmServer& llm() { return m_llm; }
    testing::BuilderdProcess& builderd() { return *m_builderd; }
    QString remotePath() const { return m_scratch.path() + "/remote.git"; }
    static QString sourceDir();
    const std::string& repositoryId() const { return m_repositoryId; }

    std::unique_ptr<grpc::ClientContext> ctx(int timeoutMs = 10000) const;
    feature::feature::v1::FeatureService::Stub& features() { return m_client->features(); }
    feature::admin::v1::AdminService::Stub& admin() { return m_client->admin(); }

    // Submits the demo feature (constraints as given) and returns it.
    grpc::Status submit(feature::feature::v1::FeatureExecution* out,
                        const feature::feature::v1::FeatureConstraints& constraints = defaults());
    static feature::feature::v1::FeatureConstraints defaults();
    // Polls Get until the execution is in one of `states`, at most timeoutMs.
    feature::feature::v1::FeatureExecution
    waitForState(const std::string& id, std::vector<feature::feature::v1::FeatureState> states,
                 int timeoutMs = 60000);
    static std::vector<feature::feature::v1::FeatureState> terminal();
    // Every event of an execution so far (a replay that ends at the last one).
    std::vector<feature::feature::v1::FeatureEvent> events(const std::string& id);
    // Waits until an event of `type` was appended.
    bool waitForEvent(const std::string& id, const std::string& type, int timeoutMs = 30000);

    // Adds a commit to the remote's main: `edit` changes a clone's work tree.
    bool commitToMain(const std::function<bool(const QString& workTree)>& edit,
                      const QString& message);
    // git in the bare remote (e.g. {"log", "--format=%s", "feature/x"}).
    QString remoteGit(const QStringList& args, bool* ok = nullptr) const;

private:
    bool startBuilderd();
    bool connect();

    Options m_options;
    QTemporaryDir m_scratch;
    QString m_dataDir;
    DemoModel m_model;
    fakes::FakeLlmServer m_llm;
    std::unique_ptr<testing::BuilderdProcess> m_builderd;
    std::unique_ptr<testing::FeatureClient> m_client;
    std::string m_repositoryId;
    QString m_error;
};

} // namespace builder::itest
