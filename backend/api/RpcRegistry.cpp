#include "RpcRegistry.h"

#include <google/protobuf/dynamic_message.h>

#include <stdexcept>

namespace builder::api {

using google::protobuf::DescriptorPool;
using google::protobuf::MessageFactory;

std::unique_ptr<google::protobuf::Message> RpcRegistry::Method::newRequest() const
{
    return std::unique_ptr<google::protobuf::Message>(
        MessageFactory::generated_factory()->GetPrototype(descriptor->input_type())->New());
}

std::unique_ptr<google::protobuf::Message> RpcRegistry::Method::newResponse() const
{
    return std::unique_ptr<google::protobuf::Message>(
        MessageFactory::generated_factory()->GetPrototype(descriptor->output_type())->New());
}

RpcRegistry::Method& RpcRegistry::add(const std::string& fullName, std::set<security::Role> roles)
{
    std::string dotted = fullName;
    const auto slash = dotted.find('/');
    if (slash == std::string::npos)
        throw std::logic_error("RPC name without '/': " + fullName);
    dotted[slash] = '.';
    const auto* descriptor = DescriptorPool::generated_pool()->FindMethodByName(dotted);
    if (!descriptor)
        throw std::logic_error("no such RPC in the contract: " + fullName);
    Method& m = m_methods[fullName];
    m.fullName = fullName;
    m.descriptor = descriptor;
    m.roles = std::move(roles);
    return m;
}

const RpcRegistry::Method* RpcRegistry::find(const std::string& fullName) const
{
    auto it = m_methods.find(fullName);
    return it == m_methods.end() ? nullptr : &it->second;
}

std::set<security::Role> RpcRegistry::allRoles()
{
    return {security::Role::Engineer, security::Role::Reviewer, security::Role::Admin};
}

} // namespace builder::api
