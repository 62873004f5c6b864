#pragma once

#include "cache/OfflineCache.h"
#include "client/BackendClient.h"
#include "feature/feature/v1/feature.pb.h"
#include "feature/repository/v1/repository.pb.h"
#include "feature/review/v1/review.pb.h"
#include "support/BuilderdProcess.h"
#include "views/MainWindow.h"

#include <QObject>
#include <QTemporaryDir>

#include <memory>

namespace builder::guitest {

// One Studio window as a user with one role sees it, on the fixture's builderd.
struct StudioSession
{
    std::unique_ptr<client::BackendClient> client;
    std::unique_ptr<cache::OfflineCache> cache;
    std::unique_ptr<views::MainWindow> window;
    ~StudioSession();
};

// A real builderd (rate limits off), scratch space for bare repositories and
// Studio sessions per role. Waits are bounded and event-driven (qWaitFor).
class StudioFixture
{
public:
    // demoPipeline: builderd runs its pipeline too, answering from the demo's
    // recorded cassette (resources/demo/cassette.json), so that the demo feature
    // on the sample repository goes all the way to review, offline.
    explicit StudioFixture(bool demoPipeline = false);
    ~StudioFixture();

    bool start();
    QString errorString() const { return m_error; }
    testing::BuilderdProcess& builderd() { return *m_builderd; }

    // role: "admin" (the local admin token), "engineer", "reviewer".
    // cachePath: empty for a fresh cache file per session.
    std::unique_ptr<StudioSession> open(const QString& role, const QString& user = {},
                                        const QString& cachePath = {});
    client::ConnectionSettings settings(const QString& token) const;
    QString token(const QString& role, const QString& user = {});
    QString makeBareRepo(const QString& name);
    // A bare remote holding resources/demo/sample-repo (the demo's repository).
    QString makeSampleRepo();
    QString scratch() const { return m_scratch.path(); }

    // Through the session's client, waiting for the answer (bounded).
    static feature::repository::v1::Repository
    registerRepository(client::BackendClient& client, const QString& name, const QString& url);
    static bool deleteRepository(client::BackendClient& client, const std::string& id);
    static feature::feature::v1::FeatureExecution createFeature(client::BackendClient& client,
                                                                const std::string& repositoryId,
                                                                const QString& title);
    // The demo feature (title, description and constraints the cassette was recorded with).
    static feature::feature::v1::FeatureExecution
    createDemoFeature(client::BackendClient& client, const std::string& repositoryId);
    static bool waitFor(const std::function<bool()>& condition, int timeoutMs = 20000);
    // A recorded review diff (3 files, 3 hunks, 2 findings, 1 comment): the server
    // cannot produce diffs yet, the diff widgets are tested on this.
    static feature::review::v1::GetDiffResponse sampleDiff();

private:
    std::unique_ptr<testing::BuilderdProcess> m_builderd;
    QTemporaryDir m_scratch;
    QString m_error;
    int m_sessions = 0;
};

// The child of `root` with that objectName, or nullptr.
template <typename T> T* child(QObject* root, const char* name)
{
    return root->findChild<T*>(QString::fromLatin1(name));
}

} // namespace builder::guitest
