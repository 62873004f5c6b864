#include "core/KillSwitchSettings.h"

#include <QTest>

using builder::core::KillSwitchRuleConfig;
using builder::core::KillSwitchSettings;
using Settings = std::map<std::string, std::string>;

Q_DECLARE_METATYPE(Settings)

class TestKillSwitchSettings : public QObject
{
    Q_OBJECT

private slots:
    void defaults()
    {
        KillSwitchRuleConfig c;
        QVERIFY(KillSwitchSettings::apply({}, c).ok());
        QVERIFY(c.secretsRule);
        QCOMPARE(c.secretsThreshold, 3);
        QCOMPARE(c.secretsWindow, std::chrono::milliseconds(std::chrono::hours(1)));
        QVERIFY(c.failureRule);
        QCOMPARE(c.failureMinExecutions, 10);
        QCOMPARE(c.failureWindow, 10);
        QCOMPARE(c.failureRate, 0.5);
    }

    void valuesAreRead()
    {
        KillSwitchRuleConfig c;
        const Settings s{
            {"killswitch.secrets_threshold", "5"}, {"killswitch.secrets_window", "90m"},
            {"killswitch.failure_rule", "off"},    {"killswitch.failure_min_executions", "20"},
            {"killswitch.failure_rate", "60%"},    {"killswitch.refresh_interval", "250ms"}};
        QVERIFY(KillSwitchSettings::apply(s, c).ok());
        QCOMPARE(c.secretsThreshold, 5);
        QCOMPARE(c.secretsWindow, std::chrono::milliseconds(std::chrono::minutes(90)));
        QVERIFY(!c.failureRule);
        QCOMPARE(c.failureMinExecutions, 20);
        // The window follows the minimum when it is not set.
        QCOMPARE(c.failureWindow, 20);
        QCOMPARE(c.failureRate, 0.6);
        QCOMPARE(c.refreshInterval, std::chrono::milliseconds(250));
    }

    void badValuesNameTheKey_data()
    {
        QTest::addColumn<Settings>("settings");
        QTest::addColumn<QString>("key");
        QTest::newRow("threshold zero")
            << Settings{{"killswitch.secrets_threshold", "0"}} << "killswitch.secrets_threshold";
        QTest::newRow("window without unit")
            << Settings{{"killswitch.secrets_window", "1y"}} << "killswitch.secrets_window";
        QTest::newRow("rate above one")
            << Settings{{"killswitch.failure_rate", "1.5"}} << "killswitch.failure_rate";
        QTest::newRow("rate zero")
            << Settings{{"killswitch.failure_rate", "0"}} << "killswitch.failure_rate";
        QTest::newRow("rule not a switch")
            << Settings{{"killswitch.secrets_rule", "maybe"}} << "killswitch.secrets_rule";
        QTest::newRow("window below the minimum")
            << Settings{{"killswitch.failure_window", "5"},
                        {"killswitch.failure_min_executions", "10"}}
            << "killswitch.failure_window";
        QTest::newRow("unknown key") << Settings{{"killswitch.bogus", "1"}} << "killswitch.bogus";
    }

    void badValuesNameTheKey()
    {
        QFETCH(Settings, settings);
        QFETCH(QString, key);
        KillSwitchRuleConfig c;
        const auto status = KillSwitchSettings::apply(settings, c);
        QVERIFY(!status.ok());
        QVERIFY(!status.error().violations().empty());
        QCOMPARE(QString::fromStdString(status.error().violations().front().fieldPath), key);
        QVERIFY2(status.error().message().find(key.toStdString()) != std::string::npos,
                 status.error().message().c_str());
    }
};

QTEST_GUILESS_MAIN(TestKillSwitchSettings)
#include "test_kill_switch_settings.moc"
