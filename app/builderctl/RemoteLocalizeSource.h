#pragma once

#include "LocalizeSource.h"

#include <string>

namespace builder::ctl {

class Session;

// `builderctl localize --repo NAME`: builderd ranks its registered repository
// (feature.analysis.v1.AnalysisService/Localize) at its default branch or --ref.
class RemoteLocalizeSource : public LocalizeSource
{
public:
    RemoteLocalizeSource(Session& session, std::string repository, std::string ref)
        : m_session(session), m_repository(std::move(repository)), m_ref(std::move(ref))
    {}

    common::Result<localize::LocalizeResult>
    localize(const localize::LocalizeRequest& request) override;

private:
    // The repository's id: given as one, or looked up by name.
    common::Result<std::string> repositoryId();

    Session& m_session;
    std::string m_repository;
    std::string m_ref;
};

} // namespace builder::ctl
