#pragma once

#include "Reply.h"
#include "feature/analysis/v1/analysis.pb.h"

#include <QObject>

namespace builder::client {

class BackendInternals;

// AnalysisService: the localization preview (ranked files before any code is written).
class AnalysisApi
{
public:
    static constexpr const char* kLocalizeMethod = "/feature.analysis.v1.AnalysisService/Localize";

    explicit AnalysisApi(BackendInternals& internals) : m_internals(internals) {}

    void localize(const feature::analysis::v1::LocalizeRequest& request, QObject* guard,
                  Reply<feature::analysis::v1::LocalizeResponse> done);

private:
    BackendInternals& m_internals;
};

} // namespace builder::client
