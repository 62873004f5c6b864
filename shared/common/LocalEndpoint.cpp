#include "LocalEndpoint.h"

#include <cstdlib>

namespace builder::common {

std::string LocalEndpoint::defaultDataDir()
{
    if (const char* dir = std::getenv("BUILDER_DATA_DIR"); dir && *dir)
        return dir;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return std::string(xdg) + "/builder";
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/.local/share/builder";
}

std::string LocalEndpoint::adminTokenPath(const std::string& dataDir)
{
    return dataDir + "/" + kAdminTokenFile;
}

std::string LocalEndpoint::endpointPath(const std::string& dataDir)
{
    return dataDir + "/" + kEndpointFile;
}

} // namespace builder::common
