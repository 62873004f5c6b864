#include "RemoteLocalizeSource.h"

#include "Session.h"
#include "common/Uuid.h"
#include "feature/analysis/v1/analysis.grpc.pb.h"

namespace builder::ctl {

namespace av1 = feature::analysis::v1;
namespace rv1 = feature::repository::v1;

namespace {

common::Error fromStatus(const grpc::Status& status)
{
    return common::Error(static_cast<common::StatusCode>(status.error_code()),
                         status.error_message());
}

localize::Language languageFrom(const std::string& name)
{
    for (int i = 0; i <= static_cast<int>(localize::Language::Other); ++i) {
        const auto language = static_cast<localize::Language>(i);
        if (localize::languageName(language) == name)
            return language;
    }
    return localize::Language::Other;
}

localize::SymbolKind kindFrom(const std::string& name)
{
    for (int i = 0; i <= static_cast<int>(localize::SymbolKind::Other); ++i) {
        const auto kind = static_cast<localize::SymbolKind>(i);
        if (localize::symbolKindName(kind) == name)
            return kind;
    }
    return localize::SymbolKind::Other;
}

} // namespace

common::Result<std::string> RemoteLocalizeSource::repositoryId()
{
    if (common::Uuid::isValid(m_repository))
        return m_repository;
    rv1::GetByNameRequest request;
    request.set_name(m_repository);
    rv1::GetByNameResponse response;
    const auto status = m_session.unary([&](grpc::ClientContext& context) {
        return m_session.repositories().GetByName(&context, request, &response);
    });
    if (!status.ok())
        return fromStatus(status);
    return response.repository().id();
}

common::Result<localize::LocalizeResult>
RemoteLocalizeSource::localize(const localize::LocalizeRequest& request)
{
    // connect() explains an unreachable builderd itself.
    if (m_session.connect() != 0)
        return common::Error(common::StatusCode::Unavailable,
                             "registered repositories are ranked by builderd");
    auto id = repositoryId();
    if (!id.ok())
        return id.error();
    av1::LocalizeRequest rpc;
    rpc.set_repository_id(id.value());
    rpc.set_text(request.query);
    rpc.set_top_k(static_cast<int>(request.topK));
    rpc.set_token_budget(static_cast<int>(request.tokenBudget));
    rpc.set_ref(m_ref);
    av1::LocalizeResponse response;
    auto service = av1::AnalysisService::NewStub(m_session.channel());
    const auto status = m_session.unary([&](grpc::ClientContext& context) {
        return service->Localize(&context, rpc, &response);
    });
    if (!status.ok())
        return fromStatus(status);

    localize::LocalizeResult result;
    result.root = m_repository + (response.commit_sha().empty()
                                      ? std::string()
                                      : " @ " + response.commit_sha().substr(0, 12));
    result.git = true;
    result.symbolSource = response.symbol_source();
    auto& ranking = result.ranking;
    ranking.totalFiles = static_cast<std::size_t>(response.total_files());
    ranking.indexedFiles = static_cast<std::size_t>(response.indexed_files());
    ranking.matchedFiles = static_cast<std::size_t>(response.matched_files());
    ranking.elapsedMs = response.elapsed_ms();
    for (const auto& f : response.files()) {
        localize::RankedFile file;
        file.path = f.path();
        file.score = f.score();
        file.language = languageFrom(f.language());
        for (const auto& s : f.matched_symbols()) {
            localize::Symbol symbol;
            symbol.name = s.name();
            symbol.kind = kindFrom(s.kind());
            symbol.line = static_cast<std::uint32_t>(s.line());
            file.matchedSymbols.push_back(symbol);
        }
        file.matchedTerms.assign(f.matched_terms().begin(), f.matched_terms().end());
        file.fileTokens = static_cast<std::uint64_t>(f.file_tokens());
        ranking.files.push_back(std::move(file));
        result.excerpts.costs.push_back({f.path(), static_cast<std::uint64_t>(f.file_tokens()),
                                         static_cast<std::uint64_t>(f.excerpt_tokens())});
    }
    for (const auto& e : response.excerpts())
        result.excerpts.excerpts.push_back({e.path(), static_cast<std::uint32_t>(e.start_line()),
                                            static_cast<std::uint32_t>(e.end_line()), e.text(),
                                            static_cast<std::uint64_t>(e.tokens())});
    result.excerpts.tokenBudget = static_cast<std::uint64_t>(response.token_budget());
    result.excerpts.tokensUsed = static_cast<std::uint64_t>(response.tokens_used());
    result.timings.totalMs = response.elapsed_ms();
    return result;
}

} // namespace builder::ctl
