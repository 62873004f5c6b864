#include "TestBuilderCtl.h"

#include "builderctl/ArgValues.h"
#include "builderctl/Cli.h"
#include "builderctl/EnumNames.h"
#include "builderctl/TimeText.h"
#include "feature/common/v1/common.pb.h"
#include "feature/feature/v1/feature.pb.h"
#include "feature/repository/v1/repository.pb.h"

#include <QTest>

using namespace builder::ctl;

namespace {

std::vector<std::string> toArgs(const QStringList& list)
{
    std::vector<std::string> out;
    for (const auto& item : list)
        out.push_back(item.toStdString());
    return out;
}

const google::protobuf::EnumDescriptor* enumNamed(const QString& name)
{
    if (name == "feature")
        return feature::feature::v1::FeatureState_descriptor();
    if (name == "repo")
        return feature::common::v1::State_descriptor();
    if (name == "provider")
        return feature::repository::v1::GitProvider_descriptor();
    return feature::repository::v1::CredentialType_descriptor();
}

} // namespace

void TestBuilderCtl::parseCommandLine_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("command"); // empty when an error is expected
    QTest::addColumn<QStringList>("positionals");
    QTest::addColumn<QString>("error");

    QTest::newRow("plain") << QStringList{"repo", "list"} << "repo list" << QStringList{} << "";
    QTest::newRow("global before")
        << QStringList{"--json", "repo", "list"} << "repo list" << QStringList{} << "";
    QTest::newRow("global between words")
        << QStringList{"repo", "--server", "h:1", "list"} << "repo list" << QStringList{} << "";
    QTest::newRow("global after") << QStringList{"repo", "list", "--timeout", "5"} << "repo list"
                                  << QStringList{} << "";
    QTest::newRow("equals form") << QStringList{"repo", "list", "--query=a=b"} << "repo list"
                                 << QStringList{} << "";
    QTest::newRow("positional") << QStringList{"feature", "get", "abc"} << "feature get"
                                << QStringList{"abc"} << "";
    QTest::newRow("double dash") << QStringList{"feature", "get", "--", "-abc"} << "feature get"
                                 << QStringList{"-abc"} << "";
    QTest::newRow("unknown option") << QStringList{"repo", "list", "--bogus"} << "" << QStringList{}
                                    << "unknown option --bogus for 'repo list'";
    QTest::newRow("unknown option with value")
        << QStringList{"repo", "list", "--bogus=1"} << "" << QStringList{}
        << "unknown option --bogus for 'repo list'";
    QTest::newRow("command option too early")
        << QStringList{"--query", "x", "repo", "list"} << "" << QStringList{}
        << "command options go after the command";
    QTest::newRow("missing value") << QStringList{"repo", "list", "--page-size"} << ""
                                   << QStringList{} << "option --page-size requires a value (N)";
    QTest::newRow("flag with value") << QStringList{"repo", "list", "--json=1"} << ""
                                     << QStringList{} << "option --json does not take a value";
    QTest::newRow("repeated single")
        << QStringList{"repo", "list", "--query", "a", "--query", "b"} << "" << QStringList{}
        << "option --query given more than once";
    QTest::newRow("repeatable") << QStringList{"repo",   "list",    "--state",
                                               "active", "--state", "inactive"}
                                << "repo list" << QStringList{} << "";
    QTest::newRow("too many") << QStringList{"repo", "get", "a", "b"} << "" << QStringList{}
                              << "unexpected argument 'b' for 'repo get'";
    QTest::newRow("too few") << QStringList{"repo", "delete"} << "" << QStringList{}
                             << "missing argument for 'repo delete'";
    QTest::newRow("unknown verb") << QStringList{"repo", "frob"} << "" << QStringList{}
                                  << "unknown command 'repo frob'";
    QTest::newRow("unknown group")
        << QStringList{"frob"} << "" << QStringList{} << "unknown command 'frob'";
    QTest::newRow("missing verb") << QStringList{"feature"} << "" << QStringList{}
                                  << "missing command after 'feature'";
    QTest::newRow("only globals") << QStringList{"--json"} << "" << QStringList{}
                                  << "missing command";
}

void TestBuilderCtl::parseCommandLine()
{
    QFETCH(QStringList, args);
    QFETCH(QString, command);
    QFETCH(QStringList, positionals);
    QFETCH(QString, error);

    const Cli cli;
    auto result = cli.commandLine().parse(toArgs(args));
    if (command.isEmpty()) {
        QVERIFY(!result.ok());
        QVERIFY2(QString::fromStdString(result.error().message()).contains(error),
                 result.error().message().c_str());
        return;
    }
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
    QVERIFY(!result->help);
    QVERIFY(result->command);
    QCOMPARE(QString::fromStdString(result->command->name()), command);
    QStringList actual;
    for (const auto& p : result->args.positionals())
        actual << QString::fromStdString(p);
    QCOMPARE(actual, positionals);
}

void TestBuilderCtl::helpRequests_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("topic");

    QTest::newRow("help") << QStringList{"help"} << QStringList{};
    QTest::newRow("--help") << QStringList{"--help"} << QStringList{};
    QTest::newRow("-h") << QStringList{"-h"} << QStringList{};
    QTest::newRow("help command") << QStringList{"help", "repo", "list"}
                                  << QStringList{"repo", "list"};
    QTest::newRow("command --help")
        << QStringList{"repo", "list", "--help"} << QStringList{"repo", "list"};
    QTest::newRow("help wins over bad option")
        << QStringList{"repo", "list", "--bogus", "-h"} << QStringList{"repo", "list"};
    QTest::newRow("group") << QStringList{"feature", "--help"} << QStringList{"feature"};
    QTest::newRow("globals skipped") << QStringList{"--server", "h:1", "feature", "events", "-h"}
                                     << QStringList{"feature", "events"};
}

void TestBuilderCtl::helpRequests()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, topic);

    const Cli cli;
    auto result = cli.commandLine().parse(toArgs(args));
    QVERIFY(result.ok());
    QVERIFY(result->help);
    QStringList actual;
    for (const auto& word : result->helpTopic)
        actual << QString::fromStdString(word);
    QCOMPARE(actual, topic);
}

void TestBuilderCtl::stateNames_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QStringList>("input");
    QTest::addColumn<QList<int>>("values");
    QTest::addColumn<QString>("error");

    QTest::newRow("short") << "feature" << QStringList{"pending"} << QList<int>{1} << "";
    QTest::newRow("hyphen") << "feature" << QStringList{"awaiting-review"} << QList<int>{9} << "";
    QTest::newRow("upper snake") << "feature" << QStringList{"AWAITING_REVIEW"} << QList<int>{9}
                                 << "";
    QTest::newRow("full name") << "feature" << QStringList{"FEATURE_STATE_FAILED"} << QList<int>{7}
                               << "";
    QTest::newRow("comma list") << "feature" << QStringList{"pending,failed"} << QList<int>{1, 7}
                                << "";
    QTest::newRow("repeated") << "feature" << QStringList{"completed", "cancelled"}
                              << QList<int>{6, 8} << "";
    QTest::newRow("repo active") << "repo" << QStringList{"active"} << QList<int>{1} << "";
    QTest::newRow("repo deleted") << "repo" << QStringList{"Deleted"} << QList<int>{3} << "";
    QTest::newRow("unspecified refused")
        << "feature" << QStringList{"unspecified"} << QList<int>{}
        << "--state: unknown value 'unspecified' (valid: pending, analyzing, planning, executing, "
           "verifying, completed, failed, cancelled, awaiting-review)";
    QTest::newRow("unknown") << "feature" << QStringList{"pending,done"} << QList<int>{}
                             << "--state: unknown value 'done'";
    QTest::newRow("feature state for repo")
        << "repo" << QStringList{"pending"} << QList<int>{}
        << "unknown value 'pending' (valid: active, inactive, deleted)";
}

void TestBuilderCtl::stateNames()
{
    QFETCH(QString, type);
    QFETCH(QStringList, input);
    QFETCH(QList<int>, values);
    QFETCH(QString, error);

    auto result = ArgValues::enumValues("state", toArgs(input), enumNamed(type));
    if (!error.isEmpty()) {
        QVERIFY(!result.ok());
        QVERIFY2(QString::fromStdString(result.error().message()).contains(error),
                 result.error().message().c_str());
        return;
    }
    QVERIFY(result.ok());
    QCOMPARE(QList<int>(result->begin(), result->end()), values);
}

void TestBuilderCtl::shortNames_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("name");

    QTest::newRow("pending") << "feature" << 1 << "pending";
    QTest::newRow("awaiting review") << "feature" << 9 << "awaiting-review";
    QTest::newRow("unspecified") << "feature" << 0 << "unspecified";
    QTest::newRow("unknown number") << "feature" << 42 << "42";
    QTest::newRow("azure devops") << "provider" << 4 << "azure-devops";
    QTest::newRow("ssh key") << "credential" << 1 << "ssh-key";
    QTest::newRow("inactive") << "repo" << 2 << "inactive";
}

void TestBuilderCtl::shortNames()
{
    QFETCH(QString, type);
    QFETCH(int, value);
    QFETCH(QString, name);

    const std::string actual = EnumNames::shortName(enumNamed(type), value);
    QCOMPARE(QString::fromStdString(actual), name);
    if (value != 0 && value != 42)
        QCOMPARE(EnumNames::parse(enumNamed(type), actual).value_or(-1), value); // round trip
}

void TestBuilderCtl::properties_data()
{
    QTest::addColumn<QStringList>("input");
    QTest::addColumn<QStringList>("expected"); // "key=value", sorted by key
    QTest::addColumn<QString>("error");

    QTest::newRow("one") << QStringList{"team=core"} << QStringList{"team=core"} << "";
    QTest::newRow("empty value") << QStringList{"flag="} << QStringList{"flag="} << "";
    QTest::newRow("equals in value") << QStringList{"expr=a=b"} << QStringList{"expr=a=b"} << "";
    QTest::newRow("several") << QStringList{"b=2", "a=1"} << QStringList{"a=1", "b=2"} << "";
    QTest::newRow("missing equals") << QStringList{"novalue"} << QStringList{}
                                    << "--property: expected KEY=VALUE, got 'novalue'";
    QTest::newRow("empty key") << QStringList{"=v"} << QStringList{}
                               << "--property: empty key in '=v'";
    QTest::newRow("duplicate key")
        << QStringList{"a=1", "a=2"} << QStringList{} << "--property: key 'a' given more than once";
}

void TestBuilderCtl::properties()
{
    QFETCH(QStringList, input);
    QFETCH(QStringList, expected);
    QFETCH(QString, error);

    auto result = ArgValues::properties("property", toArgs(input));
    if (!error.isEmpty()) {
        QVERIFY(!result.ok());
        QCOMPARE(QString::fromStdString(result.error().message()), error);
        QCOMPARE(result.error().code(), builder::common::StatusCode::InvalidArgument);
        return;
    }
    QVERIFY(result.ok());
    QStringList actual;
    for (const auto& [key, value] : *result)
        actual << QString::fromStdString(key + "=" + value);
    QCOMPARE(actual, expected);
}

void TestBuilderCtl::integers_data()
{
    QTest::addColumn<bool>("unsignedValue");
    QTest::addColumn<QString>("input");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<QString>("error");

    QTest::newRow("int32") << false << "12" << qint64(12) << "";
    QTest::newRow("int32 negative") << false << "-3" << qint64(-3) << "";
    QTest::newRow("int32 word") << false << "ten" << qint64(0)
                                << "--n: expected a whole number, got 'ten'";
    QTest::newRow("int32 trailing")
        << false << "10x" << qint64(0) << "--n: expected a whole number, got '10x'";
    QTest::newRow("int32 empty") << false << "" << qint64(0) << "expected a whole number";
    QTest::newRow("int32 overflow")
        << false << "99999999999" << qint64(0) << "--n: 99999999999 is out of range";
    QTest::newRow("uint64") << true << "42" << qint64(42) << "";
    QTest::newRow("uint64 negative")
        << true << "-1" << qint64(0) << "--n: expected a non-negative number, got '-1'";
}

void TestBuilderCtl::integers()
{
    QFETCH(bool, unsignedValue);
    QFETCH(QString, input);
    QFETCH(qint64, expected);
    QFETCH(QString, error);

    std::optional<qint64> value;
    std::string message;
    if (unsignedValue) {
        auto result = ArgValues::uint64("n", input.toStdString());
        if (result.ok())
            value = static_cast<qint64>(*result);
        else
            message = result.error().message();
    } else {
        auto result = ArgValues::int32("n", input.toStdString());
        if (result.ok())
            value = *result;
        else
            message = result.error().message();
    }
    if (!error.isEmpty()) {
        QVERIFY(!value);
        QVERIFY2(QString::fromStdString(message).contains(error), message.c_str());
        return;
    }
    QVERIFY(value);
    QCOMPARE(*value, expected);
}

void TestBuilderCtl::durations_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("bareIsSeconds");
    QTest::addColumn<qint64>("milliseconds"); // -1: error expected

    QTest::newRow("bare seconds") << "30" << true << qint64(30'000);
    QTest::newRow("bare fraction") << "1.5" << true << qint64(1'500);
    QTest::newRow("zero") << "0" << true << qint64(0);
    QTest::newRow("seconds") << "1.5s" << true << qint64(1'500);
    QTest::newRow("milliseconds") << "500ms" << true << qint64(500);
    QTest::newRow("minutes") << "2m" << true << qint64(120'000);
    QTest::newRow("compound") << "1h30m" << false << qint64(5'400'000);
    QTest::newRow("days") << "7d" << false << qint64(604'800'000);
    QTest::newRow("bare not allowed") << "30" << false << qint64(-1);
    QTest::newRow("empty") << "" << true << qint64(-1);
    QTest::newRow("word") << "soon" << true << qint64(-1);
    QTest::newRow("unknown unit") << "10x" << true << qint64(-1);
    QTest::newRow("negative") << "-5" << true << qint64(-1);
    QTest::newRow("bare after unit") << "1m30" << true << qint64(-1);
    QTest::newRow("too long") << "999999d" << false << qint64(-1);
}

void TestBuilderCtl::durations()
{
    QFETCH(QString, input);
    QFETCH(bool, bareIsSeconds);
    QFETCH(qint64, milliseconds);

    auto result = TimeText::parseDuration("timeout", input.toStdString(), bareIsSeconds);
    if (milliseconds < 0) {
        QVERIFY(!result.ok());
        QVERIFY(QString::fromStdString(result.error().message()).startsWith("--timeout: "));
        return;
    }
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
    QCOMPARE(qint64(result->count()), milliseconds);
}

void TestBuilderCtl::instants_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<qint64>("seconds"); // -1: error expected

    // "now" in the test is 2024-05-02T00:00:00Z.
    QTest::newRow("utc") << "2024-05-01T10:00:00Z" << qint64(1714557600);
    QTest::newRow("offset") << "2024-05-01T12:00:00+02:00" << qint64(1714557600);
    QTest::newRow("date") << "2024-05-01" << qint64(1714521600);
    QTest::newRow("hours ago") << "24h" << qint64(1714521600);
    QTest::newRow("days ago") << "1d" << qint64(1714521600);
    QTest::newRow("no zone") << "2024-05-01T10:00:00" << qint64(-1);
    QTest::newRow("bad month") << "2024-13-01" << qint64(-1);
    QTest::newRow("word") << "yesterday" << qint64(-1);
    QTest::newRow("bare number") << "86400" << qint64(-1);
}

void TestBuilderCtl::instants()
{
    QFETCH(QString, input);
    QFETCH(qint64, seconds);

    const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1714608000));
    auto result = TimeText::parseInstant("created-after", input.toStdString(), now);
    if (seconds < 0) {
        QVERIFY(!result.ok());
        QVERIFY(QString::fromStdString(result.error().message()).startsWith("--created-after: "));
        return;
    }
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
    QCOMPARE(qint64(result->seconds()), seconds);
}
