#include "TestBuilderCtl.h"

#include "buf/validate/violations.pb.h"
#include "builderctl/ErrorPrinter.h"
#include "google/rpc/status.pb.h"

#include <google/protobuf/timestamp.pb.h>

#include <QTest>

using namespace builder::ctl;

namespace {

// "field|message|constraint" triples as a serialized google.rpc.Status, the way
// builderd puts them into grpc-status-details-bin.
std::string detailsWith(int code, const std::string& message, const QStringList& violations,
                        bool addUnrelatedDetail)
{
    google::rpc::Status status;
    status.set_code(code);
    status.set_message(message);
    if (addUnrelatedDetail) {
        google::protobuf::Timestamp unrelated;
        unrelated.set_seconds(1);
        status.add_details()->PackFrom(unrelated);
    }
    if (!violations.isEmpty()) {
        buf::validate::Violations list;
        for (const auto& triple : violations) {
            const QStringList parts = triple.split('|');
            auto* v = list.add_violations();
            v->set_field_path(parts.value(0).toStdString());
            v->set_message(parts.value(1).toStdString());
            v->set_constraint_id(parts.value(2).toStdString());
        }
        status.add_details()->PackFrom(list);
    }
    return status.SerializeAsString();
}

} // namespace

void TestBuilderCtl::errorFormat_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QStringList>("violations");
    QTest::addColumn<QString>("details"); // "status", "garbage" or "none"
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << 5 << "repository r1 not found" << QStringList{} << "none"
                           << "error: not_found: repository r1 not found\n";
    QTest::newRow("no message") << 14 << "" << QStringList{} << "none"
                                << "error: unavailable\n";
    QTest::newRow("violations")
        << 3 << "invalid request"
        << QStringList{"spec.title|value length must be at least 1 characters|string.min_len",
                       "spec.constraints.max_steps|value must be less than or equal to "
                       "50|int32.lte"}
        << "status"
        << "error: invalid_argument: invalid request\n"
           "  spec.title: value length must be at least 1 characters [string.min_len]\n"
           "  spec.constraints.max_steps: value must be less than or equal to 50 [int32.lte]\n";
    QTest::newRow("no constraint id") << 3 << "bad" << QStringList{"name|too long|"} << "status"
                                      << "error: invalid_argument: bad\n"
                                         "  name: too long\n";
    QTest::newRow("whole request")
        << 3 << "bad" << QStringList{"|ids differ|request.same"} << "status"
        << "error: invalid_argument: bad\n"
           "  (request): ids differ [request.same]\n";
    QTest::newRow("status without violations")
        << 9 << "kill switch engaged" << QStringList{} << "status"
        << "error: failed_precondition: kill switch engaged\n";
    QTest::newRow("garbage details") << 3 << "bad" << QStringList{} << "garbage"
                                     << "error: invalid_argument: bad\n";
    QTest::newRow("multi-line message") << 13 << "boom\nat line 2" << QStringList{} << "none"
                                        << "error: internal: boom at line 2\n";
    QTest::newRow("unauthenticated") << 16 << "missing bearer token" << QStringList{} << "none"
                                     << "error: unauthenticated: missing bearer token\n";
    QTest::newRow("unknown code") << 42 << "odd" << QStringList{} << "none"
                                  << "error: code 42: odd\n";
}

void TestBuilderCtl::errorFormat()
{
    QFETCH(int, code);
    QFETCH(QString, message);
    QFETCH(QStringList, violations);
    QFETCH(QString, details);
    QFETCH(QString, expected);

    std::string bytes;
    if (details == "status")
        bytes = detailsWith(code, message.toStdString(), violations, true);
    else if (details == "garbage")
        bytes = "\xff\xff not a proto";

    QCOMPARE(QString::fromStdString(ErrorPrinter::format(code, message.toStdString(), bytes)),
             expected);
    QCOMPARE(ErrorPrinter::violations(bytes).size(), std::size_t(violations.size()));
    if (code <= 16) {
        // The same through the gRPC status the client library hands over.
        const grpc::Status status(static_cast<grpc::StatusCode>(code), message.toStdString(),
                                  bytes);
        QCOMPARE(QString::fromStdString(ErrorPrinter::format(status)), expected);
    }
}
