#pragma once

#include <string>

namespace builder::common {

// Where a local builderd keeps its data and how local clients find it, shared by
// builderd, builderctl and the Studio so they agree without configuration.
//   data dir:  $BUILDER_DATA_DIR, else $XDG_DATA_HOME/builder, else ~/.local/share/builder
//   files:     <data dir>/admin.token    the local admin token (0600)
//              <data dir>/endpoint.json  {"grpc":"HOST:PORT","http":"HOST:PORT"} of the running
//              builderd
class LocalEndpoint
{
public:
    static constexpr const char* kAdminTokenFile = "admin.token";
    static constexpr const char* kEndpointFile = "endpoint.json";
    static constexpr const char* kDefaultGrpcListen = "127.0.0.1:7700";
    static constexpr const char* kDefaultHttpListen = "127.0.0.1:7780";

    // Where a running builderd listens, as read from an endpoint.json file.
    struct Addresses
    {
        std::string grpc; // "HOST:PORT", empty when unknown
        std::string http;
    };

    static std::string defaultDataDir();
    static std::string adminTokenPath(const std::string& dataDir);
    static std::string endpointPath(const std::string& dataDir);

    // The addresses in an endpoint.json file; both empty when it is missing or malformed.
    static Addresses readEndpointFile(const std::string& path);
    // The token in a token file, without surrounding whitespace; empty when unreadable.
    static std::string readTokenFile(const std::string& path);
};

} // namespace builder::common
