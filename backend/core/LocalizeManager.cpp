#include "LocalizeManager.h"

#include "GitCredentials.h"
#include "RepositoryManager.h"
#include "common/AnalysisValidation.h"
#include "common/Uuid.h"
#include "git/DirectoryRemover.h"
#include "git/MirrorCache.h"
#include "git/Workspace.h"
#include "localize/Localizer.h"

namespace builder::core {

namespace av1 = feature::analysis::v1;
using common::Error;

LocalizeManager::LocalizeManager(std::shared_ptr<store::Database> db,
                                 RepositoryManager& repositories, git::MirrorCache& mirrors,
                                 std::filesystem::path cacheDir)
    : m_db(std::move(db)), m_repositories(repositories), m_mirrors(mirrors),
      m_cacheDir(std::move(cacheDir))
{}

common::Result<av1::LocalizeResponse> LocalizeManager::localize(const av1::LocalizeRequest& request)
{
    if (auto violations = common::AnalysisValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));
    auto repository = m_repositories.get(request.repository_id());
    if (!repository.ok())
        return repository.error();
    if (repository->state() != feature::common::v1::STATE_ACTIVE)
        return Error(common::StatusCode::FailedPrecondition,
                     "repository " + repository->name() + " is not active",
                     {{"repository_id", "repository.active", "the repository is not active"}});
    auto credential = m_repositories.credentialOf(repository->id());
    if (!credential.ok())
        return credential.error();
    const common::CancelToken never;
    auto mirror = m_mirrors.ensure(repository->id(), repository->url(),
                                   GitCredentials::fromProto(credential.value()), never);
    if (!mirror.ok())
        return mirror.error();

    const auto ref = request.ref().empty() ? repository->default_branch() : request.ref();
    const auto scratch = m_cacheDir / "previews" / common::Uuid::generateV4();
    std::error_code ec;
    std::filesystem::create_directories(scratch.parent_path(), ec);
    auto tree = git::Workspace::create(mirror->path, scratch.string(), "builder-preview", ref);
    if (!tree.ok()) {
        if (tree.error().code() == common::StatusCode::NotFound)
            return Error(common::StatusCode::NotFound, tree.error().message(),
                         {{"ref", "ref.exists", tree.error().message()}});
        return tree.error();
    }
    auto head = tree->headSha();

    localize::LocalizeRequest query;
    query.root = scratch.string();
    query.query = request.text();
    query.topK = request.top_k() > 0 ? static_cast<std::size_t>(request.top_k()) : 20;
    query.tokenBudget =
        request.token_budget() > 0 ? static_cast<std::uint64_t>(request.token_budget()) : 8000;
    query.cacheDir = (m_cacheDir / "localize").string();
    // One cache per repository, shared with the pipeline's ranking of it.
    query.cacheScope = repository->id();
    auto localized = localize::Localizer::localize(query);
    (void)git::DirectoryRemover::remove(scratch.string());
    if (!localized.ok())
        return localized.error();

    av1::LocalizeResponse response;
    std::map<std::string, std::uint64_t> excerptTokens;
    for (const auto& cost : localized->excerpts.costs)
        excerptTokens[cost.path] = cost.excerptTokens;
    for (const auto& f : localized->ranking.files) {
        auto* out = response.add_files();
        out->set_path(f.path);
        out->set_score(f.score);
        out->set_language(std::string(localize::languageName(f.language)));
        for (const auto& s : f.matchedSymbols) {
            auto* symbol = out->add_matched_symbols();
            symbol->set_name(s.name);
            symbol->set_kind(std::string(localize::symbolKindName(s.kind)));
            symbol->set_line(static_cast<int>(s.line));
        }
        for (const auto& t : f.matchedTerms)
            out->add_matched_terms(t);
        out->set_file_tokens(static_cast<std::int64_t>(f.fileTokens));
        out->set_excerpt_tokens(static_cast<std::int64_t>(excerptTokens[f.path]));
    }
    for (const auto& e : localized->excerpts.excerpts) {
        auto* out = response.add_excerpts();
        out->set_path(e.path);
        out->set_start_line(static_cast<int>(e.startLine));
        out->set_end_line(static_cast<int>(e.endLine));
        out->set_text(e.text);
        out->set_tokens(static_cast<std::int64_t>(e.tokens));
    }
    response.set_total_files(static_cast<int>(localized->ranking.totalFiles));
    response.set_indexed_files(static_cast<int>(localized->ranking.indexedFiles));
    response.set_matched_files(static_cast<int>(localized->ranking.matchedFiles));
    response.set_tokens_used(static_cast<std::int64_t>(localized->excerpts.tokensUsed));
    response.set_token_budget(static_cast<std::int64_t>(localized->excerpts.tokenBudget));
    response.set_elapsed_ms(localized->timings.totalMs);
    response.set_commit_sha(head.ok() ? head.value() : std::string());
    response.set_symbol_source(localized->symbolSource);
    return response;
}

} // namespace builder::core
