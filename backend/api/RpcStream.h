#pragma once

#include "common/Result.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace builder::api {

using Trailers = std::vector<std::pair<std::string, std::string>>;

// The server side of one server-streaming call, whatever the transport (gRPC,
// Connect over HTTP, WebSocket). All methods are thread-safe and never block.
class RpcStream
{
public:
    virtual ~RpcStream() = default;
    // Queues one response message.
    virtual void send(const google::protobuf::Message& message) = 0;
    // Like send(), but may take the message's contents instead of copying them
    // (the caller's message is left in an unspecified state).
    virtual void sendTaking(google::protobuf::Message& message) { send(message); }
    // Queues response messages that are already serialized, each of them one
    // message of `type`. Transports that write protobuf bytes queue them as
    // they are; the others parse them and send() each.
    virtual void sendSerialized(std::vector<std::string> messages,
                                const google::protobuf::Descriptor* type)
    {
        std::unique_ptr<google::protobuf::Message> message(
            google::protobuf::MessageFactory::generated_factory()->GetPrototype(type)->New());
        for (const auto& bytes : messages) {
            if (!message->ParseFromString(bytes)) {
                finish(common::Error(common::StatusCode::Internal,
                                     "a stored " + type->full_name() + " could not be decoded"));
                return;
            }
            sendTaking(*message);
        }
    }
    // Ends the stream after everything queued was written.
    virtual void finish(const common::Status& status, Trailers trailers = {}) = 0;
    // More is queued than the transport wants; producers should pause.
    virtual bool congested() const = 0;
    virtual bool closed() const = 0;
    // Called when a congested stream drained again.
    virtual void setOnDrained(std::function<void()> callback) = 0;
    // Called once when the stream ends for any reason (client gone, finished).
    virtual void setOnClosed(std::function<void()> callback) = 0;
};

} // namespace builder::api
