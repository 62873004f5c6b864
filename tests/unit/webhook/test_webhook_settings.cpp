#include "webhook/WebhookSettings.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using builder::webhook::WebhookConfig;
using builder::webhook::WebhookSettings;
using Settings = WebhookSettings::Settings;

Q_DECLARE_METATYPE(Settings)

namespace {

const std::string kSecret = "0123456789abcdef-secret";

std::optional<std::string> noEnvironment(const std::string&)
{
    return std::nullopt;
}

} // namespace

class TestWebhookSettings : public QObject
{
    Q_OBJECT

private slots:
    void endpointsAreNamed()
    {
        WebhookConfig c;
        const Settings s{{"webhook.url", "https://hooks.example.com/a/SECRET-PATH"},
                         {"webhook.url", "http://127.0.0.1:9000/hook"},
                         {"webhook.url.ops", "https://ops.example.com/builder"},
                         {"webhook.secret", kSecret}};
        const auto status = WebhookSettings::apply(s, noEnvironment, c);
        QVERIFY2(status.ok(), status.ok() ? "" : status.error().message().c_str());
        QCOMPARE(c.endpoints.size(), std::size_t(3));
        QCOMPARE(QString::fromStdString(c.endpoints[0].name), QStringLiteral("default"));
        QCOMPARE(QString::fromStdString(c.endpoints[1].name), QStringLiteral("url-2"));
        QCOMPARE(QString::fromStdString(c.endpoints[2].name), QStringLiteral("ops"));
        QVERIFY(c.outgoingEnabled());
        QVERIFY(!c.githubEnabled());
        // The delivery log shows no path: webhook paths often hold a token.
        QCOMPARE(QString::fromStdString(WebhookSettings::displayUrl(c.endpoints[0].url)),
                 QStringLiteral("https://hooks.example.com"));
        QCOMPARE(QString::fromStdString(WebhookSettings::displayUrl(c.endpoints[1].url)),
                 QStringLiteral("http://127.0.0.1:9000"));
    }

    void tuningAndGithub()
    {
        WebhookConfig c;
        const Settings s{{"webhook.github_secret", kSecret},
                         {"webhook.github_allowed_users", "OctoCat, hubot"},
                         {"webhook.github_allowed_users", "monalisa"},
                         {"webhook.events", "feature.completed,feature.failed"},
                         {"webhook.max_attempts", "3"},
                         {"webhook.retry_initial", "200ms"},
                         {"webhook.retry_max", "2s"},
                         {"webhook.timeout", "5s"}};
        QVERIFY(WebhookSettings::apply(s, noEnvironment, c).ok());
        QVERIFY(c.githubEnabled());
        QCOMPARE(c.githubAllowedUsers, (std::set<std::string>{"octocat", "hubot", "monalisa"}));
        QCOMPARE(c.events, (std::set<std::string>{"feature.completed", "feature.failed"}));
        QCOMPARE(c.maxAttempts, 3);
        QCOMPARE(c.retryInitial, std::chrono::milliseconds(200));
        QCOMPARE(c.retryMax, std::chrono::milliseconds(2000));
        QCOMPARE(c.timeout, std::chrono::milliseconds(5000));
    }

    void secretsComeFromTheEnvironmentOrAFile()
    {
        WebhookConfig c;
        const auto env = [](const std::string& name) -> std::optional<std::string> {
            if (name == "BUILDER_WEBHOOK_SECRET")
                return kSecret;
            return std::nullopt;
        };
        QVERIFY(WebhookSettings::apply({{"webhook.url", "https://x.example.com/h"}}, env, c).ok());
        QCOMPARE(c.secret, kSecret);

        QTemporaryDir dir;
        const auto path = dir.filePath("gh.secret").toStdString();
        std::ofstream(path) << "  file-secret-0123456789\n";
        WebhookConfig d;
        QVERIFY(
            WebhookSettings::apply({{"webhook.github_secret_file", path}}, noEnvironment, d).ok());
        QCOMPARE(d.githubSecret, std::string("file-secret-0123456789"));
    }

    void badSettingsNameTheKey_data()
    {
        QTest::addColumn<Settings>("settings");
        QTest::addColumn<QString>("key");
        QTest::newRow("url without secret")
            << Settings{{"webhook.url", "https://x.example.com/h"}} << "webhook.secret";
        QTest::newRow("short secret") << Settings{{"webhook.secret", "short"}} << "webhook.secret";
        QTest::newRow("short GitHub secret")
            << Settings{{"webhook.github_secret", "short"}} << "webhook.github_secret";
        QTest::newRow("ftp url") << Settings{{"webhook.url", "ftp://x.example.com/h"},
                                             {"webhook.secret", kSecret}}
                                 << "webhook.url";
        QTest::newRow("credentials in the url")
            << Settings{{"webhook.url", "https://user:pa55@x.example.com/h"},
                        {"webhook.secret", kSecret}}
            << "webhook.url";
        QTest::newRow("bad endpoint name")
            << Settings{{"webhook.url.bad name", "https://x.example.com/h"},
                        {"webhook.secret", kSecret}}
            << "webhook.url.bad name";
        QTest::newRow("unknown event")
            << Settings{{"webhook.events", "feature.exploded"}} << "webhook.events";
        QTest::newRow("retry max below initial")
            << Settings{{"webhook.retry_initial", "10s"}, {"webhook.retry_max", "1s"}}
            << "webhook.retry_max";
        QTest::newRow("attempts zero")
            << Settings{{"webhook.max_attempts", "0"}} << "webhook.max_attempts";
        QTest::newRow("unknown") << Settings{{"webhook.colour", "blue"}} << "webhook.colour";
    }

    void badSettingsNameTheKey()
    {
        QFETCH(Settings, settings);
        QFETCH(QString, key);
        WebhookConfig c;
        const auto status = WebhookSettings::apply(settings, noEnvironment, c);
        QVERIFY(!status.ok());
        QCOMPARE(QString::fromStdString(status.error().violations().front().fieldPath), key);
        // Nothing secret is repeated in the message.
        QVERIFY(status.error().message().find("pa55") == std::string::npos);
        QVERIFY(status.error().message().find(kSecret) == std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestWebhookSettings)
#include "test_webhook_settings.moc"
