#include "GenericCall.h"

#include "support/GrpcTestClient.h"

#include <grpcpp/generic/generic_stub.h>

#include <chrono>
#include <cstdint>

namespace builder::testing {

namespace {

grpc::ByteBuffer toBuffer(const std::string& bytes)
{
    // A slice even for zero bytes: a default ByteBuffer is "invalid", not empty.
    grpc::Slice slice(bytes);
    return grpc::ByteBuffer(&slice, 1);
}

std::string fromBuffer(const grpc::ByteBuffer& buffer)
{
    std::vector<grpc::Slice> slices;
    std::string out;
    if (!buffer.Dump(&slices).ok())
        return out;
    for (const auto& slice : slices)
        out.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
    return out;
}

std::multimap<std::string, std::string>
copyMetadata(const std::multimap<grpc::string_ref, grpc::string_ref>& in)
{
    std::multimap<std::string, std::string> out;
    for (const auto& [key, value] : in)
        out.emplace(std::string(key.data(), key.size()), std::string(value.data(), value.size()));
    return out;
}

// Waits for exactly one completion; every call below has one operation in flight.
bool next(grpc::CompletionQueue& cq, void* expected, int timeoutMs)
{
    void* tag = nullptr;
    bool ok = false;
    const auto deadline =
        std::chrono::system_clock::now() + std::chrono::milliseconds(timeoutMs + 5000);
    const auto result = cq.AsyncNext(&tag, &ok, deadline);
    return result == grpc::CompletionQueue::GOT_EVENT && tag == expected && ok;
}

void drain(grpc::CompletionQueue& cq)
{
    cq.Shutdown();
    void* tag = nullptr;
    bool ok = false;
    while (cq.Next(&tag, &ok)) {
    }
}

void* tag(intptr_t n)
{
    return reinterpret_cast<void*>(n);
}

} // namespace

GenericCall::Outcome GenericCall::unary(const std::shared_ptr<grpc::Channel>& channel,
                                        const std::string& path, const std::string& request,
                                        const QString& token, int timeoutMs)
{
    Outcome out;
    auto ctx = GrpcTestClient::context(token, timeoutMs);
    grpc::GenericStub stub(channel);
    grpc::CompletionQueue cq;
    bool finished = false;
    {
        auto call = stub.PrepareUnaryCall(ctx.get(), path, toBuffer(request), &cq);
        call->StartCall();
        grpc::ByteBuffer response;
        call->Finish(&response, &out.status, tag(1));
        finished = next(cq, tag(1), timeoutMs);
        if (!finished)
            out.status =
                grpc::Status(grpc::StatusCode::INTERNAL, "test: unary call never finished");
        else if (out.status.ok())
            out.messages.push_back(fromBuffer(response));
    }
    drain(cq);
    if (!finished)
        return out; // reading metadata of an unfinished call would abort
    out.initialMetadata = copyMetadata(ctx->GetServerInitialMetadata());
    out.trailingMetadata = copyMetadata(ctx->GetServerTrailingMetadata());
    return out;
}

GenericCall::Outcome GenericCall::serverStreaming(const std::shared_ptr<grpc::Channel>& channel,
                                                  const std::string& path,
                                                  const std::string& request, const QString& token,
                                                  int timeoutMs)
{
    Outcome out;
    auto ctx = GrpcTestClient::context(token, timeoutMs);
    grpc::GenericStub stub(channel);
    grpc::CompletionQueue cq;
    bool finished = false;
    {
        auto call = stub.PrepareCall(ctx.get(), path, &cq);
        call->StartCall(tag(1));
        if (next(cq, tag(1), timeoutMs)) {
            // Write and WritesDone may fail when the server has already finished; the
            // status below is what counts.
            call->Write(toBuffer(request), tag(2));
            next(cq, tag(2), timeoutMs);
            call->WritesDone(tag(3));
            next(cq, tag(3), timeoutMs);
            for (;;) {
                grpc::ByteBuffer response;
                call->Read(&response, tag(4));
                if (!next(cq, tag(4), timeoutMs))
                    break;
                out.messages.push_back(fromBuffer(response));
            }
        }
        call->Finish(&out.status, tag(5));
        finished = next(cq, tag(5), timeoutMs);
        if (!finished)
            out.status =
                grpc::Status(grpc::StatusCode::INTERNAL, "test: streaming call never finished");
    }
    drain(cq);
    if (!finished)
        return out;
    out.initialMetadata = copyMetadata(ctx->GetServerInitialMetadata());
    out.trailingMetadata = copyMetadata(ctx->GetServerTrailingMetadata());
    return out;
}

} // namespace builder::testing
