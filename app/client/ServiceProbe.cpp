#include "ServiceProbe.h"

#include "CallSupport.h"

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/slice.h>

namespace builder::client {

void ServiceProbe::isOffered(const QString& fullMethod, QObject* guard, Reply<bool> done)
{
    auto channel = m_internals.channel();
    const std::string method = fullMethod.toStdString();
    QPointer<QObject> target(guard);
    m_internals.run(
        [channel, method, target, done = std::move(done)](grpc::ClientContext& context) mutable {
            grpc::GenericStub generic(channel);
            grpc::CompletionQueue queue;
            // One empty message (a ByteBuffer without a slice sends none, and a unary
            // method then never reaches its handler).
            grpc::Slice nothing(std::string{});
            grpc::ByteBuffer request(&nothing, 1);
            grpc::ByteBuffer response;
            grpc::Status status;
            auto call = generic.PrepareUnaryCall(&context, method, request, &queue);
            call->StartCall();
            int tag = 0;
            call->Finish(&response, &status, &tag);
            void* got = nullptr;
            bool ok = false;
            queue.Next(&got, &ok);
            queue.Shutdown();
            while (queue.Next(&got, &ok)) {
            }
            common::Result<bool> result = true;
            if (status.error_code() == grpc::StatusCode::UNIMPLEMENTED)
                result = false;
            else if (status.error_code() == grpc::StatusCode::UNAVAILABLE ||
                     status.error_code() == grpc::StatusCode::UNAUTHENTICATED ||
                     status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED)
                result = GrpcErrors::fromStatus(status);
            deliver(target, [done = std::move(done), result = std::move(result)]() mutable {
                done(std::move(result));
            });
        });
}

} // namespace builder::client
