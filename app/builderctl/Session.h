#pragma once

#include "ClientConfig.h"
#include "Environment.h"
#include "Interrupt.h"
#include "PageInfo.h"
#include "Printer.h"
#include "Table.h"
#include "common/Error.h"
#include "feature/feature/v1/feature.grpc.pb.h"
#include "feature/repository/v1/repository.grpc.pb.h"

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

#include <memory>
#include <ostream>
#include <string>

namespace builder::ctl {

// One run's link to builderd: the channel, per-call contexts carrying the token
// and deadline, and the mapping of failures to messages and exit codes.
class Session
{
public:
    Session(ClientConfig config, Environment environment, Printer& printer, std::ostream& err,
            std::string commandName);

    const ClientConfig& config() const { return m_config; }
    const Environment& environment() const { return m_environment; }
    Printer& printer() { return m_printer; }
    std::ostream& err() { return m_err; }

    // Waits for the channel to be ready. Returns 0, or the exit code after
    // explaining on stderr why builderd cannot be reached.
    int connect();
    // Adds the token and, when asked, the --timeout deadline.
    void prepare(grpc::ClientContext& context, bool withDeadline) const;

    // One unary call with the token, the deadline and Ctrl-C cancellation.
    template <typename Call> grpc::Status unary(Call&& call)
    {
        grpc::ClientContext context;
        prepare(context, true);
        Interrupt::Guard guard([&context] { context.TryCancel(); });
        return call(context);
    }

    // Reads a finite server stream to its end; page metadata comes from the trailers.
    template <typename Response, typename Open, typename OnMessage>
    grpc::Status readStream(Open&& open, OnMessage&& onMessage, PageInfo& page)
    {
        grpc::ClientContext context;
        prepare(context, true);
        Interrupt::Guard guard([&context] { context.TryCancel(); });
        auto reader = open(context);
        Response response;
        while (reader->Read(&response))
            onMessage(response);
        const grpc::Status status = reader->Finish();
        page = PageInfo::fromTrailers(context.GetServerTrailingMetadata());
        return status;
    }

    // Connects, runs one unary call and prints its response.
    template <typename Response, typename Call, typename Human>
    int callAndPrint(Call&& call, Human&& human)
    {
        if (const int code = connect())
            return code;
        Response response;
        const grpc::Status status =
            unary([&](grpc::ClientContext& context) { return call(context, response); });
        if (!status.ok())
            return fail(status);
        m_printer.print(response, [&] { return human(response); });
        return 0;
    }

    // Connects, reads a List/Search stream and prints a table (or JSON lines),
    // then the page footer.
    template <typename Response, typename Open, typename Row>
    int listAndPrint(Open&& open, Table table, Row&& row, const std::string& noun)
    {
        if (const int code = connect())
            return code;
        std::size_t count = 0;
        PageInfo page;
        const grpc::Status status = readStream<Response>(
            open,
            [&](const Response& response) {
                ++count;
                if (m_printer.json())
                    m_printer.jsonLine(response);
                else
                    table.addRow(row(response));
            },
            page);
        if (!status.ok())
            return fail(status);
        printListEnd(table, count, page, noun);
        return 0;
    }

    // Explains a failed call on stderr; returns the exit code.
    int fail(const grpc::Status& status);
    // Explains a usage error on stderr; returns 2.
    int usage(const common::Error& error);

    feature::repository::v1::RepositoryService::Stub& repositories();
    feature::feature::v1::FeatureService::Stub& features();
    std::shared_ptr<grpc::Channel> channel();

private:
    int unreachable();
    void printListEnd(const Table& table, std::size_t count, const PageInfo& page,
                      const std::string& noun);

    ClientConfig m_config;
    Environment m_environment;
    Printer& m_printer;
    std::ostream& m_err;
    std::string m_commandName;
    std::shared_ptr<grpc::Channel> m_channel;
    std::unique_ptr<feature::repository::v1::RepositoryService::Stub> m_repositories;
    std::unique_ptr<feature::feature::v1::FeatureService::Stub> m_features;
};

} // namespace builder::ctl
