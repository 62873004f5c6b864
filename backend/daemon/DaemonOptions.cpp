#include "DaemonOptions.h"

#include "llm/ProviderConfig.h"
#include "pipeline/PipelineSettings.h"

#include "common/LocalEndpoint.h"
#include "common/SettingText.h"
#include "core/KillSwitchSettings.h"
#include "webhook/WebhookSettings.h"

#include <cstdlib>
#include <fstream>
#include <limits>

namespace builder::daemon {

using common::Error;
using common::StatusCode;

namespace {

Error usageError(const std::string& message)
{
    return Error(StatusCode::InvalidArgument, message);
}

std::string trim(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

// One setting, by its config-file key; flags use the same keys with dashes.
common::Status apply(DaemonOptions& o, const std::string& key, const std::string& value,
                     const std::string& where)
{
    auto bad = [&](const std::string& rule) {
        return usageError(where + ": " + key + " " + rule + " (got \"" + value + "\")");
    };
    const auto number = common::SettingText::integer(value);
    const auto flag = common::SettingText::boolean(value);
    if (key == "data_dir")
        o.dataDir = value;
    else if (key == "grpc_listen")
        o.grpcListen = value;
    else if (key == "http_listen")
        o.httpListen = value;
    else if (key == "tls_cert")
        o.tlsCertificate = value;
    else if (key == "tls_key")
        o.tlsKey = value;
    else if (key == "allow_insecure_remote") {
        if (!flag)
            return bad("must be on or off");
        o.allowInsecureRemote = *flag;
    } else if (key == "rate_limits") {
        if (!flag)
            return bad("must be on or off");
        o.rateLimits = *flag;
    } else if (key.rfind("rate_limit.", 0) == 0) {
        if (!number || *number < 1 || *number > std::numeric_limits<int>::max())
            return bad("must be a positive number of requests per minute");
        o.rateLimitOverrides[key.substr(11)] = static_cast<int>(*number);
    } else if (key == "max_body_bytes") {
        if (!number || *number < 1024)
            return bad("must be a number of bytes, at least 1024");
        o.maxBodyBytes = *number;
    } else if (key == "http_threads") {
        if (!number || *number < 1 || *number > 64)
            return bad("must be between 1 and 64");
        o.httpThreads = static_cast<int>(*number);
    } else if (key == "roles") {
        o.gatewayRole = o.workerRole = false;
        std::size_t start = 0;
        while (start <= value.size()) {
            auto end = value.find(',', start);
            if (end == std::string::npos)
                end = value.size();
            const auto role = trim(value.substr(start, end - start));
            if (role == "gateway")
                o.gatewayRole = true;
            else if (role == "worker")
                o.workerRole = true;
            else if (role == "all")
                o.gatewayRole = o.workerRole = true;
            else
                return bad("must list gateway, worker or all, separated by commas");
            start = end + 1;
        }
        if (!o.gatewayRole)
            return bad("must include gateway (a worker-only builderd needs the scale-out queue, "
                       "which the embedded store does not offer)");
    } else if (llm::ProviderConfig::isLlmSetting(key)) {
        o.llmSettings[key] = value;
    } else if (key == "sandbox" || key.rfind("sandbox_", 0) == 0 ||
               key == "max_concurrent_executions") {
        o.executorSettings[key] = value;
    } else if (core::KillSwitchSettings::isKillSwitchSetting(key)) {
        o.killSwitchSettings[key] = value;
    } else if (webhook::WebhookSettings::isWebhookSetting(key)) {
        o.webhookSettings.emplace_back(key, value);
    } else if (pipeline::PipelineSettings::isPipelineSetting(key)) {
        o.pipelineSettings[key] = value;
    } else {
        return usageError(where + ": unknown setting \"" + key + "\"");
    }
    return {};
}

common::Status loadConfigFile(DaemonOptions& o, const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        return usageError("cannot read config file " + path);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        line = trim(line.substr(0, line.find('#')));
        if (line.empty())
            continue;
        const auto eq = line.find('=');
        if (eq == std::string::npos)
            return usageError(path + ":" + std::to_string(number) + ": expected key = value");
        auto status = apply(o, trim(line.substr(0, eq)), trim(line.substr(eq + 1)),
                            path + ":" + std::to_string(number));
        if (!status.ok())
            return status;
    }
    return {};
}

} // namespace

std::string DaemonOptions::usage()
{
    return "usage: builderd serve [--data-dir DIR] [--grpc-listen HOST:PORT] "
           "[--http-listen HOST:PORT] [--config FILE]\n"
           "                      [--tls-cert FILE --tls-key FILE] [--allow-insecure-remote]\n"
           "                      [--rate-limits on|off] [--max-body-bytes N] "
           "[--roles gateway,worker]\n"
           "       builderd token create [--data-dir DIR] --user NAME --role "
           "engineer|reviewer|admin [--ttl DURATION]\n"
           "       builderd audit verify [--data-dir DIR]\n"
           "       builderd version\n"
           "Port 0 picks a free port. Environment: BUILDER_DATA_DIR, BUILDER_RATE_LIMITS=off,\n"
           "BUILDER_CREDENTIAL_KEY (64 hex chars or base64 of 32 bytes).\n";
}

common::Result<DaemonOptions> DaemonOptions::parse(const std::vector<std::string>& args)
{
    DaemonOptions o;
    o.dataDir = common::LocalEndpoint::defaultDataDir();
    o.grpcListen = common::LocalEndpoint::kDefaultGrpcListen;
    o.httpListen = common::LocalEndpoint::kDefaultHttpListen;

    // The config file comes first so that flags override it, wherever it appears.
    for (std::size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i] == "--config")
            o.configFile = args[i + 1];
    if (!o.configFile.empty())
        if (auto status = loadConfigFile(o, o.configFile); !status.ok())
            return status.error();
    if (const char* v = std::getenv("BUILDER_RATE_LIMITS"); v && *v)
        if (auto status = apply(o, "rate_limits", v, "BUILDER_RATE_LIMITS"); !status.ok())
            return status.error();

    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string flag = args[i];
        if (flag == "--allow-insecure-remote") {
            o.allowInsecureRemote = true;
            continue;
        }
        if (flag.rfind("--", 0) != 0)
            return usageError("unexpected argument \"" + flag + "\"");
        if (i + 1 >= args.size())
            return usageError(flag + " needs a value");
        const std::string value = args[++i];
        if (flag == "--config")
            continue;
        std::string key = flag.substr(2);
        for (auto& ch : key)
            if (ch == '-')
                ch = '_';
        if (auto status = apply(o, key, value, flag); !status.ok())
            return status.error();
    }

    std::string host;
    int port = 0;
    for (const auto* address : {&o.grpcListen, &o.httpListen}) {
        if (!splitHostPort(*address, host, port))
            return usageError("listen address \"" + *address +
                              "\" must be HOST:PORT with a port from 0 to 65535");
        const bool tls = !o.tlsCertificate.empty() && !o.tlsKey.empty();
        if (!isLoopbackHost(host) && !tls && !o.allowInsecureRemote)
            return usageError("listening on " + *address +
                              " (not loopback) requires TLS: pass --tls-cert and --tls-key, or "
                              "--allow-insecure-remote to accept plaintext on the network");
    }
    if (o.tlsCertificate.empty() != o.tlsKey.empty())
        return usageError("--tls-cert and --tls-key must be given together");
    return o;
}

bool DaemonOptions::splitHostPort(const std::string& address, std::string& host, int& port)
{
    const auto colon = address.rfind(':');
    if (colon == std::string::npos || colon == 0)
        return false;
    host = address.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    const auto p = common::SettingText::integer(std::string_view(address).substr(colon + 1));
    if (!p || *p < 0 || *p > 65535)
        return false;
    port = static_cast<int>(*p);
    return true;
}

bool DaemonOptions::isLoopbackHost(const std::string& host)
{
    return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

} // namespace builder::daemon
