#include "BackendInternals.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

namespace builder::client {

namespace {

// Reconnect quickly after a builderd restart: live views depend on it.
constexpr int kInitialReconnectBackoffMs = 250;
constexpr int kMaxReconnectBackoffMs = 5000;
// Above gRPC servers' default minimum ping interval (5 min).
constexpr int kKeepaliveMs = 6 * 60 * 1000;
constexpr int kKeepaliveTimeoutMs = 20 * 1000;
// Calls are short; a few at once keep the GUI responsive without flooding the server.
constexpr int kMaxCallThreads = 4;

} // namespace

BackendInternals::BackendInternals(const ConnectionSettings& settings) : m_settings(settings)
{
    grpc::ChannelArguments arguments;
    arguments.SetUserAgentPrefix("builder-studio");
    arguments.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, kInitialReconnectBackoffMs);
    arguments.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, kMaxReconnectBackoffMs);
    arguments.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, kKeepaliveMs);
    arguments.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, kKeepaliveTimeoutMs);
    arguments.SetMaxReceiveMessageSize(64 * 1024 * 1024); // large diffs
    std::shared_ptr<grpc::ChannelCredentials> credentials;
    if (settings.tls) {
        grpc::SslCredentialsOptions options;
        options.pem_root_certs = settings.caPem.toStdString();
        credentials = grpc::SslCredentials(options);
    } else {
        credentials = grpc::InsecureChannelCredentials();
    }
    m_channel =
        grpc::CreateCustomChannel(settings.grpcAddress.toStdString(), credentials, arguments);
    m_pool.setMaxThreadCount(kMaxCallThreads);
}

BackendInternals::~BackendInternals()
{
    {
        std::lock_guard lock(m_mutex);
        m_shuttingDown = true;
        for (auto* context : m_active)
            context->TryCancel();
    }
    m_pool.waitForDone();
    std::list<StreamThread> streams;
    {
        std::lock_guard lock(m_mutex);
        streams.swap(m_streams);
    }
    // Stream owners cancel their calls before this point; the joins are short.
    for (auto& stream : streams)
        if (stream.thread.joinable())
            stream.thread.join();
}

void BackendInternals::prepare(grpc::ClientContext& context, bool withDeadline) const
{
    if (!m_settings.token.isEmpty())
        context.AddMetadata("authorization", "Bearer " + m_settings.token.toStdString());
    if (withDeadline && m_settings.callTimeoutMs > 0)
        context.set_deadline(std::chrono::system_clock::now() +
                             std::chrono::milliseconds(m_settings.callTimeoutMs));
}

void BackendInternals::run(std::function<void(grpc::ClientContext&)> work)
{
    m_pool.start([this, work = std::move(work)] {
        grpc::ClientContext context;
        prepare(context, true);
        {
            std::lock_guard lock(m_mutex);
            if (m_shuttingDown)
                context.TryCancel();
            m_active.insert(&context);
        }
        work(context);
        std::lock_guard lock(m_mutex);
        m_active.erase(&context);
    });
}

void BackendInternals::spawn(std::function<void()> work)
{
    reapFinished();
    auto done = std::make_shared<std::atomic<bool>>(false);
    std::thread thread([work = std::move(work), done] {
        work();
        done->store(true);
    });
    std::lock_guard lock(m_mutex);
    m_streams.push_back({std::move(thread), done});
}

void BackendInternals::reapFinished()
{
    std::list<StreamThread> finished;
    {
        std::lock_guard lock(m_mutex);
        for (auto it = m_streams.begin(); it != m_streams.end();) {
            if (it->done->load()) {
                finished.push_back(std::move(*it));
                it = m_streams.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (auto& stream : finished)
        stream.thread.join(); // already returned: does not block
}

void BackendInternals::setStatusObserver(std::function<void(int)> observer)
{
    std::lock_guard lock(m_mutex);
    m_observer = std::move(observer);
}

void BackendInternals::observe(int grpcCode) const
{
    std::function<void(int)> observer;
    {
        std::lock_guard lock(m_mutex);
        observer = m_observer;
    }
    if (observer)
        observer(grpcCode);
}

} // namespace builder::client
