#pragma once

#include "BackendInternals.h"
#include "Delivery.h"
#include "GrpcErrors.h"
#include "Reply.h"

#include <grpcpp/client_context.h>
#include <grpcpp/support/sync_stream.h>

#include <QPointer>

#include <string>

namespace builder::client {

// Templates the Api classes use to run calls on the pool and hand results back.
// Private to app/client (it pulls in gRPC).
class CallSupport
{
public:
    // `call(context, response)` returns the grpc::Status of one unary call.
    template <typename Response, typename Call>
    static void unary(BackendInternals& internals, QObject* guard, Call call, Reply<Response> done)
    {
        QPointer<QObject> target(guard);
        internals.run([&internals, target, call = std::move(call),
                       done = std::move(done)](grpc::ClientContext& context) mutable {
            Response response;
            const grpc::Status status = call(context, response);
            internals.observe(status.error_code());
            common::Result<Response> result =
                status.ok() ? common::Result<Response>(std::move(response))
                            : common::Result<Response>(GrpcErrors::fromStatus(status));
            deliver(target, [done = std::move(done), result = std::move(result)]() mutable {
                done(std::move(result));
            });
        });
    }

    // `open(context)` returns the stream reader; `item(message)` extracts one item.
    template <typename Item, typename Message, typename Open, typename Extract>
    static void page(BackendInternals& internals, QObject* guard, Open open, Extract item,
                     Reply<Page<Item>> done)
    {
        QPointer<QObject> target(guard);
        internals.run([&internals, target, open = std::move(open), item = std::move(item),
                       done = std::move(done)](grpc::ClientContext& context) mutable {
            Page<Item> page;
            auto reader = open(context);
            Message message;
            while (reader->Read(&message))
                page.items.push_back(item(message));
            const grpc::Status status = reader->Finish();
            internals.observe(status.error_code());
            page.nextPageToken = trailer(context, "x-next-page-token");
            const std::string total = trailer(context, "x-total-count");
            page.totalCount = total.empty() ? -1 : std::atoi(total.c_str());
            common::Result<Page<Item>> result =
                status.ok() ? common::Result<Page<Item>>(std::move(page))
                            : common::Result<Page<Item>>(GrpcErrors::fromStatus(status));
            deliver(target, [done = std::move(done), result = std::move(result)]() mutable {
                done(std::move(result));
            });
        });
    }

    static std::string trailer(const grpc::ClientContext& context, const std::string& key)
    {
        const auto& trailers = context.GetServerTrailingMetadata();
        const auto it = trailers.find(key);
        return it == trailers.end() ? std::string()
                                    : std::string(it->second.data(), it->second.size());
    }
};

} // namespace builder::client
