#pragma once

#include "DaemonOptions.h"
#include "common/Result.h"

#include <memory>
#include <string>

namespace builder::daemon {

// One running builderd: store, managers, the RPC registry, and the gRPC and
// HTTP listeners built from them. start() returns once both listen.
class BuilderServer
{
public:
    explicit BuilderServer(DaemonOptions options);
    ~BuilderServer();

    common::Status start();
    // Stops accepting, drains in-flight calls (bounded), closes streams.
    void shutdown();

    std::string grpcAddress() const;
    std::string httpAddress() const;
    std::string adminTokenPath() const;

private:
    struct Parts;
    DaemonOptions m_options;
    std::unique_ptr<Parts> m_parts;
};

} // namespace builder::daemon
