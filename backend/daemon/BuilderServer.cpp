#include "BuilderServer.h"

#include "DataDirectory.h"
#include "api/AdminGrpcService.h"
#include "api/AdminRpc.h"
#include "api/AnalysisGrpcService.h"
#include "api/AnalysisRpc.h"
#include "api/CallGate.h"
#include "api/ConnectGateway.h"
#include "api/FeatureGrpcService.h"
#include "api/FeatureRpc.h"
#include "api/GrpcBridge.h"
#include "api/RepositoryGrpcService.h"
#include "api/RepositoryRpc.h"
#include "api/RequestMetrics.h"
#include "api/ReviewGrpcService.h"
#include "api/ReviewRpc.h"
#include "api/RpcRegistry.h"
#include "common/LocalEndpoint.h"
#include "core/ArtifactLinks.h"
#include "core/AuditLog.h"
#include "core/DeadLetterManager.h"
#include "core/EventBus.h"
#include "core/EventRecorder.h"
#include "core/FeatureManager.h"
#include "core/KillSwitch.h"
#include "core/KillSwitchMonitor.h"
#include "core/KillSwitchSettings.h"
#include "core/LocalizeManager.h"
#include "core/RepositoryManager.h"
#include "core/ReviewManager.h"
#include "core/RunningExecutions.h"
#include "core/TokenManager.h"
#include "core/WorkerPool.h"
#include "executor/Verifier.h"
#include "git/MirrorCache.h"
#include "http/HttpServer.h"
#include "llm/ProviderConfig.h"
#include "llm/ProviderFactory.h"
#include "pipeline/AutomatedReviewGate.h"
#include "pipeline/PipelineRunner.h"
#include "pipeline/PipelineSettings.h"
#include "queue/EmbeddedJobQueue.h"
#include "review/Thresholds.h"
#include "security/RateLimitTable.h"
#include "security/RateLimiter.h"
#include "security/SecretFile.h"
#include "security/TokenService.h"
#include "store/Database.h"
#include "webhook/GithubWebhook.h"
#include "webhook/WebhookService.h"
#include "webhook/WebhookSettings.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>

#include <QHostAddress>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace builder::daemon {

using common::Error;
using common::StatusCode;

struct BuilderServer::Parts
{
    std::shared_ptr<store::Database> db;
    std::unique_ptr<security::TokenService> tokens;
    security::RateLimiter limiter;
    security::RateLimitTable limits;
    core::EventBus bus;
    std::unique_ptr<core::WorkerPool> pool;    // event replays
    std::unique_ptr<core::WorkerPool> rpcPool; // every call's handler
    std::unique_ptr<core::EventRecorder> recorder;
    std::unique_ptr<queue::EmbeddedJobQueue> jobs;
    core::RunningExecutions running;
    std::unique_ptr<core::ArtifactLinks> links;
    std::unique_ptr<git::MirrorCache> mirrors;
    std::unique_ptr<core::LocalizeManager> localize;
    std::unique_ptr<api::AnalysisGrpcService> analysisService;
    std::unique_ptr<executor::Verifier> verifier;
    std::unique_ptr<pipeline::AutomatedReviewGate> reviewGate;
    std::unique_ptr<pipeline::PipelineRunner> runner;
    std::unique_ptr<core::FeatureManager> features;
    std::unique_ptr<core::RepositoryManager> repositories;
    std::unique_ptr<core::TokenManager> tokenManager;
    std::unique_ptr<core::DeadLetterManager> deadLetters;
    std::unique_ptr<core::ReviewManager> reviews;
    std::unique_ptr<core::AuditLog> audit;
    std::unique_ptr<core::KillSwitch> killSwitch;
    std::unique_ptr<core::KillSwitchMonitor> killSwitchMonitor;
    std::unique_ptr<webhook::WebhookService> webhooks;
    std::unique_ptr<webhook::GithubWebhook> github;
    api::RpcRegistry registry;
    api::RequestMetrics metrics;
    std::unique_ptr<api::CallGate> gate;
    std::unique_ptr<api::GrpcBridge> bridge;
    std::unique_ptr<api::FeatureGrpcService> featureService;
    std::unique_ptr<api::RepositoryGrpcService> repositoryService;
    std::unique_ptr<api::ReviewGrpcService> reviewService;
    std::unique_ptr<api::AdminGrpcService> adminService;
    std::unique_ptr<grpc::Server> grpcServer;
    std::unique_ptr<api::ConnectGateway> gateway;
    std::unique_ptr<http::HttpServer> httpServer;
    std::string grpcAddress;
    std::string httpAddress;
    std::string adminTokenPath;
    std::string dataDir;
};

BuilderServer::BuilderServer(DaemonOptions options)
    : m_options(std::move(options)), m_parts(std::make_unique<Parts>())
{}

BuilderServer::~BuilderServer()
{
    shutdown();
}

std::string BuilderServer::grpcAddress() const
{
    return m_parts->grpcAddress;
}
std::string BuilderServer::httpAddress() const
{
    return m_parts->httpAddress;
}
std::string BuilderServer::adminTokenPath() const
{
    return m_parts->adminTokenPath;
}

common::Status BuilderServer::start()
{
    auto& p = *m_parts;
    DataDirectory dir(m_options.dataDir);
    p.dataDir = m_options.dataDir;
    if (auto status = dir.ensureExists(); !status.ok())
        return status;
    auto db = dir.openDatabase();
    if (!db.ok())
        return db.error();
    p.db = db.value();
    auto tokens = dir.tokenService();
    if (!tokens.ok())
        return tokens.error();
    p.tokens = std::move(tokens).value();
    auto cipher = dir.credentialCipher();
    if (!cipher.ok())
        return cipher.error();

    p.tokenManager = std::make_unique<core::TokenManager>(p.db, *p.tokens);
    if (auto status = p.tokenManager->load(); !status.ok())
        return status;
    auto adminToken = dir.ensureAdminToken(*p.db, *p.tokens);
    if (!adminToken.ok())
        return adminToken.error();
    p.adminTokenPath = adminToken.value();

    p.limiter.setEnabled(m_options.rateLimits);
    for (const auto& [bucket, perMinute] : m_options.rateLimitOverrides)
        p.limits.setLimit(bucket, {perMinute, std::chrono::seconds(60)});

    // The pipeline's settings are checked before anything listens.
    pipeline::PipelineConfig pipelineConfig;
    pipelineConfig.dataDir = m_options.dataDir;
    queue::RetryPolicy retry;
    if (auto status = pipeline::PipelineSettings::applyEnvironment(pipelineConfig); !status.ok())
        return status;
    if (auto status =
            pipeline::PipelineSettings::apply(m_options.pipelineSettings, pipelineConfig, retry);
        !status.ok())
        return status;
    executor::ExecutorConfig executorConfig;
    if (auto status = executorConfig.applyEnvironment(); !status.ok())
        return status;
    if (auto status = executorConfig.apply(m_options.executorSettings); !status.ok())
        return status;
    // Sandboxed code may never see builderd's own files.
    executorConfig.protectedPaths.push_back(
        std::filesystem::absolute(m_options.dataDir).lexically_normal().string());
    executorConfig.stateDir = (std::filesystem::path(m_options.dataDir) / "sandbox").string();
    if (auto status = executorConfig.validate(); !status.ok())
        return status;
    const auto fromEnvironment = [](const std::string& name) -> std::optional<std::string> {
        const char* value = std::getenv(name.c_str());
        return value && *value ? std::optional<std::string>(value) : std::nullopt;
    };
    auto thresholds = review::Thresholds::fromEnvironment(fromEnvironment);
    if (!thresholds.ok())
        return thresholds.error();
    auto llmConfig = llm::ProviderConfig::parse(m_options.llmSettings,
                                                llm::ProviderConfig::processEnvironment());
    if (!llmConfig.ok())
        return llmConfig.error();
    core::KillSwitchRuleConfig killSwitchRules;
    if (auto status =
            core::KillSwitchSettings::apply(m_options.killSwitchSettings, killSwitchRules);
        !status.ok())
        return status;
    webhook::WebhookConfig webhookConfig;
    if (auto status = webhook::WebhookSettings::apply(m_options.webhookSettings, fromEnvironment,
                                                      webhookConfig);
        !status.ok())
        return status;

    core::CoreConfig config;
    p.pool = std::make_unique<core::WorkerPool>(4);
    p.rpcPool = std::make_unique<core::WorkerPool>(8);
    p.recorder = std::make_unique<core::EventRecorder>(p.db, p.bus);
    p.jobs = std::make_unique<queue::EmbeddedJobQueue>(p.db, retry);
    p.features =
        std::make_unique<core::FeatureManager>(p.db, *p.recorder, *p.jobs, config, &p.running);
    // The kill switch is loaded before anything is served: a stop survives restarts.
    p.audit = std::make_unique<core::AuditLog>(p.db, config.defaultPageSize);
    p.killSwitch =
        std::make_unique<core::KillSwitch>(p.db, *p.recorder, *p.audit, &p.running, p.jobs.get());
    if (auto status = p.killSwitch->load(); !status.ok())
        return status;
    p.features->setKillSwitch(p.killSwitch.get());
    p.webhooks = std::make_unique<webhook::WebhookService>(p.db, p.bus, std::move(webhookConfig),
                                                           config.defaultPageSize);
    p.github =
        std::make_unique<webhook::GithubWebhook>(p.db, *p.features, *p.audit, p.webhooks->config());
    auto artifactKey = security::SecretFile::loadOrCreate(
        (std::filesystem::path(m_options.dataDir) / "artifact.key").string(), 32);
    if (!artifactKey.ok())
        return artifactKey.error();
    p.links = std::make_unique<core::ArtifactLinks>(
        p.db, pipelineConfig.artifactsDir().string(),
        security::ArtifactSigner(std::move(artifactKey).value()));
    p.features->setArtifactLinks(p.links.get());
    p.repositories =
        std::make_unique<core::RepositoryManager>(p.db, std::move(cipher).value(), config);
    api::FeatureRpc::registerAll(p.registry, *p.features, p.db, p.bus, *p.pool);
    api::RepositoryRpc::registerAll(p.registry, *p.repositories);
    p.mirrors = std::make_unique<git::MirrorCache>(pipelineConfig.mirrorsDir().string(),
                                                   pipelineConfig.maxConcurrentClones);
    p.localize = std::make_unique<core::LocalizeManager>(p.db, *p.repositories, *p.mirrors,
                                                         pipelineConfig.cacheDir());
    api::AnalysisRpc::registerAll(p.registry, *p.localize);
    p.deadLetters = std::make_unique<core::DeadLetterManager>(p.db, *p.jobs, *p.recorder,
                                                              config.defaultPageSize);
    api::AdminRpc::registerAll(
        p.registry, {*p.tokenManager, *p.deadLetters, *p.killSwitch, *p.audit, *p.webhooks});
    p.reviews = std::make_unique<core::ReviewManager>(
        p.db, *p.recorder, *p.jobs,
        core::ReviewManager::Settings{pipelineConfig.workspacesDir(), thresholds.value()},
        &p.running);
    p.reviews->setArtifactLinks(p.links.get());
    api::ReviewRpc::registerAll(p.registry, *p.reviews);
    p.gate = std::make_unique<api::CallGate>(*p.tokens, p.limiter, p.limits);
    p.bridge = std::make_unique<api::GrpcBridge>(p.registry, *p.gate, p.metrics, *p.rpcPool);
    p.featureService = std::make_unique<api::FeatureGrpcService>(*p.bridge);
    p.repositoryService = std::make_unique<api::RepositoryGrpcService>(*p.bridge);
    p.reviewService = std::make_unique<api::ReviewGrpcService>(*p.bridge);
    p.adminService = std::make_unique<api::AdminGrpcService>(*p.bridge);
    p.analysisService = std::make_unique<api::AnalysisGrpcService>(*p.bridge);

    // gRPC
    grpc::EnableDefaultHealthCheckService(true);
    // Reflection answers without a token, like health: it lists the public
    // contract (shared/proto) and serves no data.
    grpc::reflection::InitProtoReflectionServerBuilderPlugin();
    grpc::ServerBuilder builder;
    std::shared_ptr<grpc::ServerCredentials> credentials = grpc::InsecureServerCredentials();
    if (!m_options.tlsCertificate.empty()) {
        auto read = [](const std::string& path) {
            std::ifstream in(path);
            std::stringstream ss;
            ss << in.rdbuf();
            return ss.str();
        };
        grpc::SslServerCredentialsOptions ssl;
        ssl.pem_key_cert_pairs.push_back({read(m_options.tlsKey), read(m_options.tlsCertificate)});
        credentials = grpc::SslServerCredentials(ssl);
    }
    int grpcPort = 0;
    builder.AddListeningPort(m_options.grpcListen, credentials, &grpcPort);
    builder.SetMaxReceiveMessageSize(static_cast<int>(m_options.maxBodyBytes));
    builder.RegisterService(p.featureService.get());
    builder.RegisterService(p.repositoryService.get());
    builder.RegisterService(p.reviewService.get());
    builder.RegisterService(p.adminService.get());
    builder.RegisterService(p.analysisService.get());
    p.grpcServer = builder.BuildAndStart();
    if (!p.grpcServer || grpcPort == 0)
        return Error(StatusCode::Unavailable, "cannot listen for gRPC on " + m_options.grpcListen +
                                                  " (address in use or not available)");
    std::string host;
    int port = 0;
    DaemonOptions::splitHostPort(m_options.grpcListen, host, port);
    p.grpcAddress = host + ":" + std::to_string(grpcPort);

    // HTTP
    DaemonOptions::splitHostPort(m_options.httpListen, host, port);
    http::HttpServerOptions httpOptions;
    httpOptions.address = host == "localhost" ? QHostAddress(QHostAddress::LocalHost)
                                              : QHostAddress(QString::fromStdString(host));
    httpOptions.port = static_cast<quint16>(port);
    httpOptions.maxBodyBytes = m_options.maxBodyBytes;
    httpOptions.ioThreads = m_options.httpThreads;
    httpOptions.tlsCertificateFile = QString::fromStdString(m_options.tlsCertificate);
    httpOptions.tlsKeyFile = QString::fromStdString(m_options.tlsKey);
    p.gateway =
        std::make_unique<api::ConnectGateway>(p.registry, *p.gate, p.metrics, p.db, *p.rpcPool);
    p.gateway->setArtifactLinks(p.links.get());
    p.gateway->setWebhookHandler(
        [github = p.github.get()](const http::HttpRequest& request, http::ResponderPtr responder) {
            const auto reply = github->handle(request);
            responder->respond(reply.status, {{"Content-Type", "application/json"}},
                               QByteArray::fromStdString(reply.json));
        });
    p.gateway->addMetrics(
        [killSwitch = p.killSwitch.get()](std::string& out) { killSwitch->renderMetrics(out); });
    p.httpServer = std::make_unique<http::HttpServer>(httpOptions, p.gateway.get());
    QString httpError;
    if (!p.httpServer->start(&httpError))
        return Error(StatusCode::Unavailable, "cannot listen for HTTP on " + m_options.httpListen +
                                                  ": " + httpError.toStdString());
    p.httpAddress = host + ":" + std::to_string(p.httpServer->port());
    p.links->setBaseUrl((m_options.tlsCertificate.empty() ? "http://" : "https://") +
                        (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" +
                        std::to_string(p.httpServer->port()));

    // The pipeline's workers.
    p.verifier = std::make_unique<executor::Verifier>(executorConfig);
    pipeline::PipelineServices services;
    services.db = p.db;
    services.jobs = p.jobs.get();
    services.events = p.recorder.get();
    services.repositories = p.repositories.get();
    services.running = &p.running;
    services.provider = llm::ProviderFactory::createOrFailing(llmConfig.value());
    // The model's architecture review runs only when a provider is configured.
    const bool llmConfigured = llm::ProviderFactory::create(llmConfig.value()).ok();
    p.reviewGate =
        std::make_unique<pipeline::AutomatedReviewGate>(thresholds.value(), llmConfigured);
    services.review = p.reviewGate.get();
    services.mirrors = p.mirrors.get();
    services.verifier = p.verifier.get();
    services.config = pipelineConfig;
    services.killSwitch = p.killSwitch.get();
    if (m_options.workerRole) {
        p.runner = std::make_unique<pipeline::PipelineRunner>(std::move(services));
        if (auto status = p.runner->start(); !status.ok())
            return status;
    }
    p.killSwitchMonitor =
        std::make_unique<core::KillSwitchMonitor>(p.db, p.bus, *p.killSwitch, killSwitchRules);
    if (auto status = p.killSwitchMonitor->start(); !status.ok())
        return status;
    if (auto status = p.webhooks->start(); !status.ok())
        return status;

    // Tells local clients (builderctl, the Studio) where this builderd listens.
    auto written = security::SecretFile::writePrivate(
        common::LocalEndpoint::endpointPath(m_options.dataDir),
        "{\"grpc\":\"" + p.grpcAddress + "\",\"http\":\"" + p.httpAddress + "\"}\n");
    if (!written.ok())
        return written.error();
    return {};
}

void BuilderServer::shutdown()
{
    auto& p = *m_parts;
    // Running executions stop first; their leases are released at the next start.
    if (p.runner) {
        p.runner->stop();
        p.runner.reset();
    }
    if (p.killSwitchMonitor)
        p.killSwitchMonitor->stop();
    if (p.webhooks)
        p.webhooks->stop();
    if (p.grpcServer) {
        p.grpcServer->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2));
        p.grpcServer->Wait();
        p.grpcServer.reset();
    }
    if (p.httpServer) {
        p.httpServer->stop();
        p.httpServer.reset();
    }
    if (!p.dataDir.empty()) {
        std::error_code ec;
        std::filesystem::remove(common::LocalEndpoint::endpointPath(p.dataDir), ec);
        p.dataDir.clear();
    }
    p.rpcPool.reset();
    p.pool.reset();
}

} // namespace builder::daemon
