#include "Session.h"

#include "ErrorPrinter.h"
#include "ExitCode.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

#include <algorithm>

namespace builder::ctl {

namespace {

// Slices of a connect wait, so Ctrl-C is noticed while the channel connects.
constexpr std::chrono::milliseconds kConnectSlice{100};
// Reconnect quickly after a builderd restart; --follow depends on it.
constexpr int kInitialReconnectBackoffMs = 250;
constexpr int kMaxReconnectBackoffMs = 5000;
// Above gRPC servers' default minimum ping interval (5 min), so pings on a
// long --follow are never refused as abusive.
constexpr int kKeepaliveMs = 6 * 60 * 1000;
constexpr int kKeepaliveTimeoutMs = 20 * 1000;

} // namespace

Session::Session(ClientConfig config, Environment environment, Printer& printer, std::ostream& err,
                 std::string commandName)
    : m_config(std::move(config)), m_environment(std::move(environment)), m_printer(printer),
      m_err(err), m_commandName(std::move(commandName))
{}

std::shared_ptr<grpc::Channel> Session::channel()
{
    if (m_channel)
        return m_channel;
    grpc::ChannelArguments arguments;
    arguments.SetUserAgentPrefix(std::string("builderctl/") + BUILDER_VERSION);
    arguments.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, kInitialReconnectBackoffMs);
    arguments.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, kMaxReconnectBackoffMs);
    arguments.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, kKeepaliveMs);
    arguments.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, kKeepaliveTimeoutMs);
    std::shared_ptr<grpc::ChannelCredentials> credentials;
    if (m_config.tls()) {
        grpc::SslCredentialsOptions options;
        options.pem_root_certs = m_config.caPem();
        credentials = grpc::SslCredentials(options);
    } else {
        credentials = grpc::InsecureChannelCredentials();
    }
    m_channel = grpc::CreateCustomChannel(m_config.server(), credentials, arguments);
    return m_channel;
}

feature::repository::v1::RepositoryService::Stub& Session::repositories()
{
    if (!m_repositories)
        m_repositories = feature::repository::v1::RepositoryService::NewStub(channel());
    return *m_repositories;
}

feature::feature::v1::FeatureService::Stub& Session::features()
{
    if (!m_features)
        m_features = feature::feature::v1::FeatureService::NewStub(channel());
    return *m_features;
}

void Session::prepare(grpc::ClientContext& context, bool withDeadline) const
{
    if (!m_config.token().empty())
        context.AddMetadata("authorization", "Bearer " + m_config.token());
    if (withDeadline && m_config.timeout().count() > 0)
        context.set_deadline(std::chrono::system_clock::now() + m_config.timeout());
}

int Session::connect()
{
    if (!m_config.tls() && !m_config.serverIsLoopback() && !m_config.token().empty())
        m_err << "warning: sending the token to " << m_config.server()
              << " without TLS; use --tls for remote servers\n";

    const auto start = std::chrono::steady_clock::now();
    const bool bounded = m_config.timeout().count() > 0;
    auto channel = this->channel();
    auto state = channel->GetState(true);
    while (state != GRPC_CHANNEL_READY) {
        if (Interrupt::instance().triggered())
            return toInt(ExitCode::Interrupted);
        if (state == GRPC_CHANNEL_TRANSIENT_FAILURE || state == GRPC_CHANNEL_SHUTDOWN)
            return unreachable();
        const auto elapsed = std::chrono::steady_clock::now() - start;
        if (bounded && elapsed >= m_config.timeout())
            return unreachable();
        channel->WaitForStateChange(state, std::chrono::system_clock::now() + kConnectSlice);
        state = channel->GetState(true);
    }
    return toInt(ExitCode::Ok);
}

int Session::unreachable()
{
    std::string source;
    if (m_config.serverSource() == "default")
        source = "the default address";
    else if (m_config.serverSource() == ClientConfig::kServerVariable)
        source = std::string("from $") + ClientConfig::kServerVariable;
    else
        source = "from " + m_config.serverSource();
    m_err << "error: cannot connect to builderd at " << m_config.server() << " (" << source
          << (m_config.tls() ? ", TLS" : ", plaintext") << ")\n"
          << "hint: start a local server with 'builderd serve', or point builderctl at a running "
             "one with --server HOST:PORT or $"
          << ClientConfig::kServerVariable << "\n";
    if (m_config.tls())
        m_err << "hint: with --tls, also check --ca-file and that the server speaks TLS\n";
    return toInt(ExitCode::Unreachable);
}

int Session::fail(const grpc::Status& status)
{
    if (Interrupt::instance().triggered())
        return toInt(ExitCode::Interrupted);
    if (status.error_code() == grpc::StatusCode::UNAVAILABLE && m_channel &&
        m_channel->GetState(false) != GRPC_CHANNEL_READY)
        return unreachable();
    m_err << ErrorPrinter::format(status);
    if (status.error_code() == grpc::StatusCode::UNAUTHENTICATED) {
        if (m_config.token().empty())
            m_err << "hint: no token found; pass --token, set $" << ClientConfig::kTokenVariable
                  << ", or check " << m_config.dataDir() << "/admin.token\n";
        else
            m_err << "hint: the token from " << m_config.tokenSource() << " was rejected\n";
    }
    if (status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED)
        m_err << "hint: raise --timeout (now " << m_config.timeout().count() << " ms)\n";
    return toInt(ExitCode::ServerError);
}

void Session::printListEnd(const Table& table, std::size_t count, const PageInfo& page,
                           const std::string& noun)
{
    const std::string footer = page.footer(count);
    if (m_printer.json()) {
        // stdout stays pure JSON lines; scripts still find the next token on stderr.
        m_err << footer;
        return;
    }
    if (count == 0)
        m_err << "no " << noun << " found\n";
    else
        m_printer.text(table.toString());
    m_printer.text(footer);
}

int Session::usage(const common::Error& error)
{
    m_err << "error: " << error.message() << "\n"
          << "Run 'builderctl " << m_commandName << " --help' for usage.\n";
    return toInt(ExitCode::Usage);
}

} // namespace builder::ctl
