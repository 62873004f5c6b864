#pragma once

#include "feature/feature/v1/feature.grpc.pb.h"
#include "feature/repository/v1/repository.grpc.pb.h"
#include "support/BuilderdProcess.h"

#include <grpcpp/grpcpp.h>

#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <string>
#include <vector>

namespace builder::itest {

// One real builderd (rate limits off) with stubs for both services, an admin
// token and a scratch directory for bare repositories. One per test function.
class ApiFixture
{
public:
    ApiFixture();
    ~ApiFixture();

    // False (and a reason in errorString()) when builderd does not come up.
    bool start();
    int stop();
    QString errorString() const { return m_error; }

    testing::BuilderdProcess& builderd() { return *m_builderd; }
    const QString& token() const { return m_token; }
    std::shared_ptr<grpc::Channel> channel() const { return m_channel; }
    feature::repository::v1::RepositoryService::Stub& repos() { return *m_repos; }
    feature::feature::v1::FeatureService::Stub& features() { return *m_features; }

    // A call context with the admin token and a deadline.
    std::unique_ptr<grpc::ClientContext> ctx(int timeoutMs = 10000) const;

    // A new bare repository (HEAD = branch, one commit) under the scratch dir.
    // Empty on failure.
    QString makeBareRepo(const QString& name, const QString& branch);
    QString scratchDir() const { return m_scratch.path(); }

    grpc::Status registerRepo(const feature::repository::v1::RegisterRequest& request,
                              feature::repository::v1::Repository* out);
    // A remote repository with an explicit default branch: nothing is probed.
    grpc::Status registerRemote(const std::string& name, const std::string& url,
                                feature::repository::v1::Repository* out,
                                const std::string& defaultBranch = "main");

    // A valid CreateRequest for `repositoryId`; tests change one thing in it.
    static feature::feature::v1::CreateRequest
    featureRequest(const std::string& repositoryId, const std::string& title,
                   const std::string& description = "Implement the thing described "
                                                    "in the title, with tests.");
    grpc::Status createFeature(const feature::feature::v1::CreateRequest& request,
                               feature::feature::v1::FeatureExecution* out);
    grpc::Status cancelFeature(const std::string& id, feature::feature::v1::FeatureExecution* out,
                               const std::string& reason = {});

    // Reads a whole server stream; the trailers stay readable on `ctx`.
    template <typename Resp>
    static grpc::Status readAll(grpc::ClientReaderInterface<Resp>& reader, std::vector<Resp>& out)
    {
        Resp message;
        while (reader.Read(&message))
            out.push_back(message);
        return reader.Finish();
    }

    // A trailing-metadata value (pagination trailers), or "" when absent.
    static std::string trailer(const grpc::ClientContext& ctx, const std::string& key);

    // True when `text` is a canonical (lower-case, hyphenated) UUID.
    static bool isUuid(const std::string& text);

private:
    std::unique_ptr<testing::BuilderdProcess> m_builderd;
    QTemporaryDir m_scratch;
    QString m_token;
    QString m_error;
    std::shared_ptr<grpc::Channel> m_channel;
    std::unique_ptr<feature::repository::v1::RepositoryService::Stub> m_repos;
    std::unique_ptr<feature::feature::v1::FeatureService::Stub> m_features;
};

} // namespace builder::itest
