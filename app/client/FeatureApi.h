#pragma once

#include "Reply.h"
#include "feature/feature/v1/feature.pb.h"

#include <QObject>

namespace builder::client {

class BackendInternals;

// FeatureService's calls, asynchronously (the live event feed is EventSubscription).
class FeatureApi
{
public:
    explicit FeatureApi(BackendInternals& internals) : m_internals(internals) {}

    using Execution = feature::feature::v1::FeatureExecution;
    void create(const feature::feature::v1::CreateRequest& request, QObject* guard,
                Reply<Execution> done);
    void get(const std::string& id, QObject* guard, Reply<Execution> done);
    void search(const feature::feature::v1::SearchRequest& request, QObject* guard,
                Reply<Page<Execution>> done);
    void cancel(const std::string& id, const std::string& reason, QObject* guard,
                Reply<Execution> done);
    void retry(const std::string& id, int fromStep, QObject* guard, Reply<Execution> done);
    void artifacts(const std::string& id, QObject* guard,
                   Reply<std::vector<feature::feature::v1::Artifact>> done);

private:
    BackendInternals& m_internals;
};

} // namespace builder::client
