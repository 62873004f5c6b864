#include "GrpcEventFeed.h"

#include "BackendInternals.h"
#include "Delivery.h"
#include "GrpcErrors.h"
#include "feature/feature/v1/feature.grpc.pb.h"

#include <QPointer>

#include <mutex>

namespace builder::client {

namespace fv1 = feature::feature::v1;

struct GrpcEventFeed::Shared
{
    std::mutex mutex;
    EventBatch buffer;
    bool drainPending = false;
    bool closed = false;
    grpc::ClientContext* context = nullptr;
};

GrpcEventFeed::GrpcEventFeed(BackendInternals& internals, QObject* parent)
    : EventFeed(parent), m_internals(internals)
{}

GrpcEventFeed::~GrpcEventFeed()
{
    close();
}

void GrpcEventFeed::open(const QString& executionId, quint64 afterSequence)
{
    close();
    auto shared = std::make_shared<Shared>();
    m_shared = shared;
    QPointer<QObject> self(this);
    fv1::ListEventsRequest request;
    request.set_feature_execution_id(executionId.toStdString());
    request.set_after_sequence(afterSequence);
    auto channel = m_internals.channel();
    BackendInternals* internals = &m_internals;
    m_internals.spawn([shared, self, request, channel, internals] {
        grpc::ClientContext context;
        internals->prepare(context, false); // a live stream has no deadline
        {
            std::lock_guard lock(shared->mutex);
            if (shared->closed)
                return;
            shared->context = &context;
        }
        auto service = fv1::FeatureService::NewStub(channel);
        auto reader = service->ListEvents(&context, request);
        deliver(self, [self, shared] {
            if (!shared->closed)
                emit static_cast<GrpcEventFeed*>(self.data())->opened();
        });
        fv1::ListEventsResponse response;
        while (reader->Read(&response)) {
            std::lock_guard lock(shared->mutex);
            shared->buffer.push_back(std::move(*response.mutable_event()));
            if (!shared->drainPending) {
                shared->drainPending = true;
                deliver(self, [self] { static_cast<GrpcEventFeed*>(self.data())->drain(); });
            }
        }
        const grpc::Status status = reader->Finish();
        internals->observe(status.error_code());
        {
            std::lock_guard lock(shared->mutex);
            shared->context = nullptr;
        }
        const common::Error error = GrpcErrors::fromStatus(status);
        deliver(self, [self, shared, error] {
            auto* feed = static_cast<GrpcEventFeed*>(self.data());
            if (shared->closed || feed->m_shared != shared)
                return;
            feed->drain(); // events read before the end come first
            emit feed->ended(error);
        });
    });
}

void GrpcEventFeed::drain()
{
    auto shared = m_shared;
    if (!shared)
        return;
    EventBatch batch;
    {
        std::lock_guard lock(shared->mutex);
        batch.swap(shared->buffer);
        shared->drainPending = false;
        if (shared->closed)
            return;
    }
    if (!batch.empty())
        emit eventsArrived(batch);
}

void GrpcEventFeed::close()
{
    auto shared = std::move(m_shared);
    if (!shared)
        return;
    std::lock_guard lock(shared->mutex);
    shared->closed = true;
    if (shared->context)
        shared->context->TryCancel();
    shared->buffer.clear();
}

} // namespace builder::client
