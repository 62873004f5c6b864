#include "LocalEndpoint.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace builder::common {

namespace {

std::string readWhole(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return {};
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string trimmed(const std::string& text)
{
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && std::isspace(static_cast<unsigned char>(text[begin])))
        ++begin;
    while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1])))
        --end;
    return text.substr(begin, end - begin);
}

std::string stringField(const google::protobuf::Struct& object, const char* key)
{
    const auto it = object.fields().find(key);
    if (it == object.fields().end() || !it->second.has_string_value())
        return {};
    return trimmed(it->second.string_value());
}

} // namespace

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

namespace builder::common {

LocalEndpoint::Addresses LocalEndpoint::readEndpointFile(const std::string& path)
{
    google::protobuf::Struct object;
    const std::string text = readWhole(path);
    if (text.empty() || !google::protobuf::util::JsonStringToMessage(text, &object).ok())
        return {};
    return {stringField(object, "grpc"), stringField(object, "http")};
}

std::string LocalEndpoint::readTokenFile(const std::string& path)
{
    return trimmed(readWhole(path));
}

} // namespace builder::common
