#include "WorkspaceStage.h"

#include "core/EventRecorder.h"
#include "git/MirrorCache.h"
#include "git/Workspace.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <filesystem>
#include <fstream>

namespace builder::pipeline {

namespace fv1 = feature::feature::v1;
using core::EventRecorder;

namespace {
constexpr const char* kKey = "done/workspace";
}

common::Status WorkspaceStage::run(RunContext& ctx)
{
    auto& mirrors = *ctx.services.mirrors;
    const auto dir = ctx.worktreeDir();
    const auto& spec = ctx.spec();

    if (auto journaled = ctx.journal.get(kKey)) {
        const auto o = QJsonDocument::fromJson(QByteArray::fromStdString(*journaled)).object();
        ctx.baseSha = o["base_sha"].toString().toStdString();
        auto opened = git::Workspace::open(dir.string());
        if (opened.ok()) {
            ctx.workspace = std::make_unique<git::Workspace>(std::move(opened).value());
            return {};
        }
        // The worktree is gone. Before any commit it can be rebuilt from the
        // journaled base; the commits of finished rounds lived only in it.
        if (ctx.journal.hasPrefix("done/step/") || ctx.journal.hasPrefix("done/repair/"))
            return common::Error(common::StatusCode::DataLoss,
                                 "the execution's worktree " + dir.string() +
                                     " disappeared after commits were made; retry the execution");
        auto mirror =
            mirrors.ensure(ctx.repository.id(), ctx.repository.url(), ctx.credential, ctx.cancel);
        if (!mirror.ok())
            return mirror.error();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
        auto created =
            git::Workspace::create(mirror->path, dir.string(), spec.feature_branch(), ctx.baseSha);
        if (!created.ok())
            return created.error();
        ctx.workspace = std::make_unique<git::Workspace>(std::move(created).value());
        return ctx.event("workspace.recreated",
                         "Worktree recreated at base " + ctx.baseSha.substr(0, 12));
    }

    if (auto status = ctx.ensureState(fv1::FEATURE_STATE_ANALYZING); !status.ok())
        return status;
    if (auto status = ctx.event("stage.started", "Fetching " + ctx.repository.name(),
                                EventRecorder::payload({{"stage", "workspace"}}));
        !status.ok())
        return status;
    auto mirror =
        mirrors.ensure(ctx.repository.id(), ctx.repository.url(), ctx.credential, ctx.cancel);
    if (!mirror.ok())
        return mirror.error();
    if (!mirror->warning.empty())
        (void)ctx.event("workspace.warning",
                        "Remote unreachable, building on the last fetched mirror: " +
                            mirror->warning,
                        EventRecorder::payload({{"warning", mirror->warning}}));
    // A worktree left by a run that died while creating it is half made: start over.
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    auto created = git::Workspace::create(mirror->path, dir.string(), spec.feature_branch(),
                                          spec.target_branch());
    if (!created.ok())
        return created.error();
    ctx.workspace = std::make_unique<git::Workspace>(std::move(created).value());
    // The executor's build output and reports live in .builder/: never committed.
    {
        std::error_code made;
        std::filesystem::create_directories(dir / ".git" / "info", made);
        std::ofstream exclude(dir / ".git" / "info" / "exclude", std::ios::app);
        exclude << "/.builder/\n";
    }
    auto base = ctx.workspace->baseSha();
    if (!base.ok())
        return base.error();
    ctx.baseSha = base.value();

    QJsonObject o{{"base_sha", QString::fromStdString(ctx.baseSha)},
                  {"branch", QString::fromStdString(spec.feature_branch())}};
    return ctx.writer.write([&](store::Connection& c) -> common::Status {
        ctx.journal.put(c, kKey, QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString());
        ctx.writer.event(
            c, "workspace.ready",
            "Worktree on " + spec.feature_branch() + " from " + spec.target_branch() + " at " +
                ctx.baseSha.substr(0, 12) +
                (mirror->cloned ? " (mirror cloned)" : " (mirror fetched)"),
            EventRecorder::payload({{"branch", spec.feature_branch()},
                                    {"base_branch", spec.target_branch()},
                                    {"base_sha", ctx.baseSha},
                                    {"mirror", mirror->cloned ? "cloned" : "fetched"}}));
        return {};
    });
}

} // namespace builder::pipeline
