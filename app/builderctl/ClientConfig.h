#pragma once

#include "Environment.h"
#include "OptionSpec.h"
#include "ParsedArgs.h"
#include "common/Result.h"

#include <chrono>
#include <string>
#include <vector>

namespace builder::ctl {

// Where and how to reach builderd, resolved once per run in the order
// option > environment > files in the data dir > built-in default, and
// remembering where each value came from for diagnostics.
class ClientConfig
{
public:
    static constexpr const char* kServerVariable = "BUILDER_SERVER";
    static constexpr const char* kTokenVariable = "BUILDER_TOKEN";
    static constexpr std::chrono::seconds kDefaultTimeout{30};

    // The global options this class reads.
    static std::vector<OptionSpec> options();
    static common::Result<ClientConfig> resolve(const ParsedArgs& args, const Environment& env);

    const std::string& server() const { return m_server; }
    // "--server", "BUILDER_SERVER", the endpoint.json path, or "default".
    const std::string& serverSource() const { return m_serverSource; }
    const std::string& token() const { return m_token; }
    const std::string& tokenSource() const { return m_tokenSource; }
    const std::string& dataDir() const { return m_dataDir; }
    bool json() const { return m_json; }
    bool tls() const { return m_tls; }
    const std::string& caPem() const { return m_caPem; }
    // Zero means no deadline.
    std::chrono::milliseconds timeout() const { return m_timeout; }
    // Plaintext is only safe to loopback and unix sockets.
    bool serverIsLoopback() const;
    static bool isLoopback(const std::string& target);

private:
    static std::string readEndpoint(const std::string& path);
    static std::string readToken(const std::string& path);

    std::string m_server;
    std::string m_serverSource;
    std::string m_token;
    std::string m_tokenSource;
    std::string m_dataDir;
    std::string m_caPem;
    bool m_json = false;
    bool m_tls = false;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
};

} // namespace builder::ctl
