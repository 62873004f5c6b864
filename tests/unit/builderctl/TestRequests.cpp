#include "TestBuilderCtl.h"

#include "builderctl/Cli.h"
#include "builderctl/Environment.h"
#include "builderctl/FeatureRequests.h"
#include "builderctl/Printer.h"
#include "builderctl/RepoRequests.h"

#include <QTest>

using namespace builder::ctl;

namespace {

// The request a command line builds, as JSON, or the usage error.
builder::common::Result<std::string> requestJson(const QStringList& args)
{
    std::vector<std::string> argv;
    for (const auto& arg : args)
        argv.push_back(arg.toStdString());
    const Cli cli;
    auto invocation = cli.commandLine().parse(argv);
    if (!invocation.ok())
        return invocation.error();
    const auto& parsed = invocation->args;
    const auto env = Environment::fromMap({{"GIT_TOKEN", "t0k"}});
    const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1714608000));
    const std::string name = invocation->command->name();
    const auto json = [](const auto& result) -> builder::common::Result<std::string> {
        if (!result.ok())
            return result.error();
        return Printer::toJson(*result);
    };
    if (name == "repo register")
        return json(RepoRequests::registerRequest(parsed, env));
    if (name == "repo list")
        return json(RepoRequests::list(parsed));
    if (name == "repo update")
        return json(RepoRequests::update(parsed));
    if (name == "repo credentials")
        return json(RepoRequests::credentials(parsed, env));
    if (name == "feature create")
        return json(FeatureRequests::create(parsed));
    if (name == "feature search")
        return json(FeatureRequests::search(parsed, now));
    if (name == "feature cancel")
        return json(FeatureRequests::cancel(parsed));
    if (name == "feature retry")
        return json(FeatureRequests::retry(parsed));
    return json(FeatureRequests::events(parsed));
}

} // namespace

void TestBuilderCtl::requests_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("fragments"); // in the request's JSON
    QTest::addColumn<QStringList>("absent");    // not in it

    QTest::newRow("register")
        << QStringList{"repo",        "register",        "--name",           "api",
                       "--url",       "https://h/a.git", "--default-branch", "dev",
                       "--token-env", "GIT_TOKEN",       "--property",       "team=core"}
        << QStringList{"\"name\":\"api\"",           "\"url\":\"https://h/a.git\"",
                       "\"default_branch\":\"dev\"", "\"type\":\"CREDENTIAL_TYPE_TOKEN\"",
                       "\"token\":\"t0k\"",          "\"values\":{\"team\":\"core\"}"}
        << QStringList{};
    QTest::newRow("register without credential")
        << QStringList{"repo", "register", "--name", "api", "--url", "u"}
        << QStringList{"\"name\":\"api\""} << QStringList{"\"credential\""};
    QTest::newRow("list") << QStringList{"repo",         "list", "--state",     "active,deleted",
                                         "--query",      "ap",   "--page-size", "10",
                                         "--page-token", "p2"}
                          << QStringList{"\"states\":[\"STATE_ACTIVE\",\"STATE_DELETED\"]",
                                         "\"query\":\"ap\"", "\"page_size\":10",
                                         "\"page_token\":\"p2\""}
                          << QStringList{};
    QTest::newRow("list without paging")
        << QStringList{"repo", "list"} << QStringList{"\"states\":[]"}
        << QStringList{"\"pagination\""};
    QTest::newRow("update name only") << QStringList{"repo", "update", "r1", "--name", "new"}
                                      << QStringList{"\"id\":\"r1\"", "\"name\":\"new\""}
                                      << QStringList{"\"default_branch\"", "\"properties\""};
    QTest::newRow("credentials") << QStringList{"repo",     "credentials",
                                                "r1",       "--credential-type",
                                                "token",    "--token-env",
                                                "GIT_TOKEN"}
                                 << QStringList{"\"id\":\"r1\"", "\"token\":\"t0k\""}
                                 << QStringList{};
    QTest::newRow("create") << QStringList{"feature",
                                           "create",
                                           "--repo",
                                           "r1",
                                           "--title",
                                           "Login",
                                           "--description",
                                           "Add a login page",
                                           "--max-steps",
                                           "7",
                                           "--allow",
                                           "src/",
                                           "--allow",
                                           "docs/",
                                           "--forbid",
                                           "secrets/",
                                           "--require-tests",
                                           "--correlation-id",
                                           "c-1",
                                           "--idempotency-key",
                                           "k-1"}
                            << QStringList{"\"repository_id\":\"r1\"",
                                           "\"title\":\"Login\"",
                                           "\"description\":\"Add a login page\"",
                                           "\"max_steps\":7",
                                           "\"allowed_paths\":[\"src/\",\"docs/\"]",
                                           "\"forbidden_paths\":[\"secrets/\"]",
                                           "\"require_tests\":true",
                                           "\"require_build\":false",
                                           "\"correlation_id\":\"c-1\"",
                                           "\"idempotency_key\":\"k-1\""}
                            << QStringList{};
    QTest::newRow("create without constraints")
        << QStringList{"feature", "create", "--repo", "r1", "--title", "T", "--description", "D"}
        << QStringList{"\"title\":\"T\""} << QStringList{"\"constraints\""};
    QTest::newRow("search")
        << QStringList{"feature", "search",           "--repo",
                       "r1",      "--state",          "awaiting-review",
                       "--state", "failed",           "--created-after",
                       "24h",     "--created-before", "2024-05-02"}
        << QStringList{"\"repository_id\":\"r1\"",
                       "\"states\":[\"FEATURE_STATE_AWAITING_REVIEW\",\"FEATURE_STATE_FAILED\"]",
                       "\"created_after\":\"2024-05-01T00:00:00Z\"",
                       "\"created_before\":\"2024-05-02T00:00:00Z\""}
        << QStringList{"\"pagination\""};
    QTest::newRow("cancel") << QStringList{"feature", "cancel", "e1", "--reason", "wrong spec"}
                            << QStringList{"\"id\":\"e1\"", "\"reason\":\"wrong spec\""}
                            << QStringList{};
    QTest::newRow("retry") << QStringList{"feature", "retry", "e1", "--from-step", "2"}
                           << QStringList{"\"id\":\"e1\"", "\"from_step\":2"} << QStringList{};
    QTest::newRow("events") << QStringList{"feature",
                                           "events",
                                           "e1",
                                           "--after",
                                           "12",
                                           "--type",
                                           "step.completed,commit.created",
                                           "--follow"}
                            << QStringList{"\"feature_execution_id\":\"e1\"",
                                           "\"after_sequence\":\"12\"",
                                           "\"event_types\":[\"step.completed\","
                                           "\"commit.created\"]"}
                            << QStringList{};
}

void TestBuilderCtl::requests()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, fragments);
    QFETCH(QStringList, absent);

    auto json = requestJson(args);
    QVERIFY2(json.ok(), json.ok() ? "" : json.error().message().c_str());
    const QString text = QString::fromStdString(*json);
    for (const auto& fragment : fragments)
        QVERIFY2(text.contains(fragment), qPrintable(fragment + " not in " + text));
    for (const auto& fragment : absent)
        QVERIFY2(!text.contains(fragment), qPrintable(fragment + " in " + text));
}
