#include "ClientConfig.h"

#include "InputFile.h"
#include "TimeText.h"
#include "UsageError.h"
#include "common/LocalEndpoint.h"

namespace builder::ctl {

namespace {

common::Result<std::string> checkServer(const std::string& option, const std::string& value)
{
    if (value.rfind("http://", 0) == 0 || value.rfind("https://", 0) == 0)
        return usageError(option + ": expected HOST:PORT, not a URL ('" + value + "')");
    return value;
}

} // namespace

std::vector<OptionSpec> ClientConfig::options()
{
    return {
        {"server", "HOST:PORT",
         "builderd gRPC address. Default: $BUILDER_SERVER, else \"grpc\" in <data "
         "dir>/endpoint.json "
         "of a running local builderd, else 127.0.0.1:7700"},
        {"token", "TOKEN",
         "Bearer token. Default: $BUILDER_TOKEN, else <data dir>/admin.token. Prefer those: "
         "arguments are visible in process lists"},
        {"data-dir", "DIR",
         "Local builderd data dir (default: $BUILDER_DATA_DIR, else "
         "$XDG_DATA_HOME/builder, else ~/.local/share/builder)"},
        {"json", "", "Print responses as proto3 JSON, one object per line"},
        {"timeout", "SECONDS",
         "Deadline for each call: 30, 1.5s, 500ms, 2m; 0 for none (default 30)"},
        {"tls", "", "Use TLS (for remote servers); plaintext otherwise"},
        {"ca-file", "FILE", "PEM roots to verify the server with (implies --tls)"},
    };
}

common::Result<ClientConfig> ClientConfig::resolve(const ParsedArgs& args, const Environment& env)
{
    ClientConfig config;
    config.m_dataDir = args.value("data-dir").value_or(common::LocalEndpoint::defaultDataDir());
    config.m_json = args.has("json");

    if (auto server = args.value("server")) {
        auto checked = checkServer("--server", *server);
        if (!checked.ok())
            return checked.error();
        config.m_server = *checked;
        config.m_serverSource = "--server";
    } else if (auto fromEnv = env.get(kServerVariable)) {
        auto checked = checkServer(kServerVariable, *fromEnv);
        if (!checked.ok())
            return checked.error();
        config.m_server = *checked;
        config.m_serverSource = kServerVariable;
    } else {
        const auto path = common::LocalEndpoint::endpointPath(config.m_dataDir);
        config.m_server = readEndpoint(path);
        config.m_serverSource = path;
        if (config.m_server.empty()) {
            config.m_server = common::LocalEndpoint::kDefaultGrpcListen;
            config.m_serverSource = "default";
        }
    }
    if (config.m_server.empty())
        return usageError("--server: empty address");

    if (auto token = args.value("token")) {
        config.m_token = *token;
        config.m_tokenSource = "--token";
    } else if (auto fromEnv = env.get(kTokenVariable)) {
        config.m_token = *fromEnv;
        config.m_tokenSource = kTokenVariable;
    } else {
        const auto path = common::LocalEndpoint::adminTokenPath(config.m_dataDir);
        config.m_token = readToken(path);
        if (!config.m_token.empty())
            config.m_tokenSource = path;
    }

    if (auto timeout = args.value("timeout")) {
        auto parsed = TimeText::parseDuration("timeout", *timeout, true);
        if (!parsed.ok())
            return parsed.error();
        config.m_timeout = *parsed;
    }

    config.m_tls = args.has("tls") || args.has("ca-file");
    if (auto caFile = args.value("ca-file")) {
        auto pem = InputFile::read("ca-file", *caFile);
        if (!pem.ok())
            return pem.error();
        if (pem->empty())
            return usageError("--ca-file: '" + *caFile + "' is empty");
        config.m_caPem = *pem;
    }
    return config;
}

std::string ClientConfig::readEndpoint(const std::string& path)
{
    return common::LocalEndpoint::readEndpointFile(path).grpc;
}

std::string ClientConfig::readToken(const std::string& path)
{
    return common::LocalEndpoint::readTokenFile(path);
}

bool ClientConfig::serverIsLoopback() const
{
    return isLoopback(m_server);
}

bool ClientConfig::isLoopback(const std::string& target)
{
    std::string rest = target;
    if (rest.rfind("unix:", 0) == 0 || rest.rfind("unix-abstract:", 0) == 0)
        return true;
    for (const char* scheme : {"dns:///", "dns:", "ipv4:", "ipv6:"}) {
        if (rest.rfind(scheme, 0) == 0) {
            rest = rest.substr(std::char_traits<char>::length(scheme));
            break;
        }
    }
    std::string host;
    if (!rest.empty() && rest[0] == '[') {
        host = rest.substr(1, rest.find(']') - 1);
    } else {
        const auto colon = rest.rfind(':');
        host = colon == std::string::npos || rest.find(':') != colon ? rest : rest.substr(0, colon);
    }
    const bool ipv4Literal = host.find_first_not_of("0123456789.") == std::string::npos;
    return host == "localhost" || host == "::1" || (ipv4Literal && host.rfind("127.", 0) == 0);
}

} // namespace builder::ctl
