// api::GrpcStream on a real gRPC server on loopback: serialized batches queued
// in one call (as ListEvents' replay queues them) arrive whole and in order on
// a fresh stream, and a reader that falls 50,000 messages behind is ended with
// RESOURCE_EXHAUSTED after everything queued before the limit.
#include "api/GrpcStream.h"
#include "feature/feature/v1/feature.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QTest>

#include <memory>
#include <mutex>
#include <thread>
#include <vector>

using builder::api::GrpcStream;
namespace fv1 = feature::feature::v1;

namespace {

// The serialized ListEventsResponse of event `seq`.
std::string response(std::uint64_t seq)
{
    fv1::ListEventsResponse r;
    r.mutable_event()->set_sequence_number(seq);
    r.mutable_event()->set_type("sandbox.output");
    r.mutable_event()->set_summary("line " + std::to_string(seq));
    (*r.mutable_event()->mutable_payload()->mutable_fields())["chunk"].set_string_value(
        std::string(200, 'x'));
    return r.SerializeAsString();
}

// ListEvents registered raw, as builderd registers it: the request's
// after_sequence says how many responses to queue, in one sendSerialized call
// from another thread (builderd queues from its worker pool), then finish.
class RawEventsService final : public fv1::FeatureService::WithRawCallbackMethod_ListEvents<
                                   fv1::FeatureService::CallbackService>
{
public:
    ~RawEventsService() override { joinAll(); }

    grpc::ServerWriteReactor<grpc::ByteBuffer>* ListEvents(grpc::CallbackServerContext* ctx,
                                                           const grpc::ByteBuffer* request) override
    {
        std::vector<grpc::Slice> slices;
        std::string bytes;
        if (request->Valid() && request->Dump(&slices).ok())
            for (const auto& slice : slices)
                bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
        fv1::ListEventsRequest parsed;
        parsed.ParseFromString(bytes);
        const auto count = parsed.after_sequence();
        // builderd's calls carry initial metadata (rate-limit headers).
        ctx->AddInitialMetadata("x-ratelimit-limit", "1000");
        auto [reactor, state] = GrpcStream<grpc::ByteBuffer>::create(ctx);
        std::lock_guard lock(m_mutex);
        m_threads.emplace_back([count, state = state] {
            // builderd reads the first batch from SQLite before queuing it; by
            // then the call's transport has nothing else to write. (A first
            // write hinted "buffer" then held the initial metadata back for
            // ever: no sleep here waits for anything, it sets the scene.)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            std::vector<std::string> batch;
            batch.reserve(count);
            for (std::uint64_t seq = 1; seq <= count; ++seq)
                batch.push_back(response(seq));
            state->sendSerialized(std::move(batch), fv1::ListEventsResponse::descriptor());
            state->finish({});
        });
        return reactor;
    }

    void joinAll()
    {
        std::vector<std::thread> threads;
        {
            std::lock_guard lock(m_mutex);
            threads.swap(m_threads);
        }
        for (auto& t : threads)
            t.join();
    }

private:
    std::mutex m_mutex;
    std::vector<std::thread> m_threads;
};

} // namespace

class TestGrpcStream : public QObject
{
    Q_OBJECT

private:
    RawEventsService m_service;
    std::unique_ptr<grpc::Server> m_server;
    std::unique_ptr<fv1::FeatureService::Stub> m_stub;

    struct Read
    {
        std::uint64_t received = 0;
        bool inOrder = true;
        bool payloadsIntact = true;
        grpc::Status status;
    };

    // Reads the whole stream of `count` queued responses.
    Read readAll(std::uint64_t count)
    {
        grpc::ClientContext ctx;
        ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
        fv1::ListEventsRequest request;
        request.set_after_sequence(count);
        auto reader = m_stub->ListEvents(&ctx, request);
        Read out;
        fv1::ListEventsResponse message;
        while (reader->Read(&message)) {
            ++out.received;
            if (message.event().sequence_number() != out.received)
                out.inOrder = false;
            if (message.SerializeAsString() != response(out.received))
                out.payloadsIntact = false;
        }
        out.status = reader->Finish();
        return out;
    }

private slots:
    void initTestCase()
    {
        grpc::ServerBuilder builder;
        int port = 0;
        builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
        builder.RegisterService(&m_service);
        m_server = builder.BuildAndStart();
        QVERIFY(m_server && port > 0);
        m_stub = fv1::FeatureService::NewStub(grpc::CreateChannel(
            "127.0.0.1:" + std::to_string(port), grpc::InsecureChannelCredentials()));
    }

    void cleanupTestCase()
    {
        m_server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(5));
        m_service.joinAll();
    }

    void batchesArriveWholeAndInOrder_data()
    {
        QTest::addColumn<int>("count");
        QTest::addRow("one") << 1;
        QTest::addRow("two") << 2;
        QTest::addRow("one replay batch") << 512;
        QTest::addRow("above the high-water mark") << 5000;
    }

    void batchesArriveWholeAndInOrder()
    {
        QFETCH(int, count);
        const auto read = readAll(static_cast<std::uint64_t>(count));
        QVERIFY2(read.status.ok(), read.status.error_message().c_str());
        QCOMPARE(read.received, static_cast<std::uint64_t>(count));
        QVERIFY(read.inOrder);
        QVERIFY(read.payloadsIntact);
    }

    void slowReaderIsEndedAtTheHardLimit()
    {
        // One call queues more than the limit at once, faster than any
        // client reads: the stream takes the first kHardLimit and gives up.
        constexpr auto kLimit = GrpcStream<grpc::ByteBuffer>::kHardLimit;
        const auto read = readAll(kLimit + 10000);
        QCOMPARE(read.status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
        QVERIFY2(read.status.error_message().find("reading too slowly") != std::string::npos,
                 read.status.error_message().c_str());
        // Everything queued before the limit is delivered first, in order.
        QCOMPARE(read.received, static_cast<std::uint64_t>(kLimit));
        QVERIFY(read.inOrder);
        QVERIFY(read.payloadsIntact);
    }
};

QTEST_GUILESS_MAIN(TestGrpcStream)
#include "test_grpc_stream.moc"
