#pragma once

#include "RpcContext.h"
#include "RpcStream.h"
#include "common/Result.h"
#include "security/Role.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>

namespace builder::api {

// Every RPC builderd serves, by full name, with the roles allowed to call it and
// a transport-neutral handler. The gRPC services and the Connect gateway both
// dispatch through it, so a method is written once.
class RpcRegistry
{
public:
    using UnaryFn = std::function<common::Status(
        const RpcContext&, const google::protobuf::Message&, google::protobuf::Message*)>;
    using StreamFn = std::function<void(const RpcContext&, const google::protobuf::Message&,
                                        std::shared_ptr<RpcStream>)>;

    struct Method
    {
        std::string fullName; // "package.Service/Method"
        const google::protobuf::MethodDescriptor* descriptor = nullptr;
        std::set<security::Role> roles;
        UnaryFn unary;   // set for unary methods
        StreamFn stream; // set for server-streaming methods

        std::unique_ptr<google::protobuf::Message> newRequest() const;
        std::unique_ptr<google::protobuf::Message> newResponse() const;
    };

    template <typename Req, typename Resp>
    void addUnary(const std::string& fullName, std::set<security::Role> roles,
                  std::function<common::Status(const RpcContext&, const Req&, Resp&)> fn)
    {
        Method& m = add(fullName, std::move(roles));
        m.unary = [fn = std::move(fn)](const RpcContext& ctx, const google::protobuf::Message& req,
                                       google::protobuf::Message* resp) {
            return fn(ctx, static_cast<const Req&>(req), *static_cast<Resp*>(resp));
        };
    }

    template <typename Req>
    void
    addStream(const std::string& fullName, std::set<security::Role> roles,
              std::function<void(const RpcContext&, const Req&, std::shared_ptr<RpcStream>)> fn)
    {
        Method& m = add(fullName, std::move(roles));
        m.stream = [fn = std::move(fn)](const RpcContext& ctx, const google::protobuf::Message& req,
                                        std::shared_ptr<RpcStream> stream) {
            fn(ctx, static_cast<const Req&>(req), std::move(stream));
        };
    }

    const Method* find(const std::string& fullName) const;
    const std::map<std::string, Method>& methods() const { return m_methods; }

    static std::set<security::Role> allRoles();

private:
    Method& add(const std::string& fullName, std::set<security::Role> roles);

    std::map<std::string, Method> m_methods;
};

} // namespace builder::api
