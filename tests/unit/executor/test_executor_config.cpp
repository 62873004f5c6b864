// ExecutorConfig: settings and environment variables, with errors naming the
// key; unsandboxed only when spelled out; no sensitive read-only mounts.
#include "executor/ExecutorConfig.h"

#include <QTest>

using builder::common::StatusCode;
using builder::executor::ExecutorConfig;

class TestExecutorConfig : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void defaults();
    void settings();
    void badSettings_data();
    void badSettings();
    void environment();
    void sandboxDisabledNeedsExplicitNone();
    void dockerIsRefused();
};

void TestExecutorConfig::cleanup()
{
    for (const char* name : {"SANDBOX_TYPE", "SANDBOX_ENABLED", "SANDBOX_MEMORY_LIMIT_MB",
                             "MAX_CONCURRENT_EXECUTIONS"})
        qunsetenv(name);
}

void TestExecutorConfig::defaults()
{
    ExecutorConfig config;
    QCOMPARE(config.sandbox, std::string("bubblewrap"));
    QCOMPARE(config.maxConcurrent, 5);
    QCOMPARE(config.outputCapBytes, std::uint64_t(16) * 1024 * 1024);
    QVERIFY(!config.unsandboxed());
    QVERIFY(config.validate().ok());
}

void TestExecutorConfig::settings()
{
    ExecutorConfig config;
    QVERIFY(config
                .apply({{"max_concurrent_executions", "2"},
                        {"sandbox_memory_limit_mb", "512"},
                        {"sandbox_cgroups", "off"},
                        {"sandbox_read_only_paths", "/opt/toolchain:/usr/local/jdk"},
                        {"sandbox", "none"}})
                .ok());
    QCOMPARE(config.maxConcurrent, 2);
    QCOMPARE(config.limits.memoryBytes, std::uint64_t(512) * 1024 * 1024);
    QCOMPARE(config.cgroups, std::string("off"));
    QCOMPARE(config.extraReadOnlyPaths.size(), std::size_t(2));
    QVERIFY(config.unsandboxed());
}

void TestExecutorConfig::badSettings_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addRow("sandbox kind") << "sandbox"
                                  << "firejail";
    QTest::addRow("zero concurrency") << "max_concurrent_executions"
                                      << "0";
    QTest::addRow("negative memory") << "sandbox_memory_limit_mb"
                                     << "-1";
    QTest::addRow("not a number") << "sandbox_max_processes"
                                  << "many";
    QTest::addRow("cgroups mode") << "sandbox_cgroups"
                                  << "maybe";
    QTest::addRow("relative bwrap") << "sandbox_bwrap"
                                    << "bin/bwrap";
    QTest::addRow("mount /home") << "sandbox_read_only_paths"
                                 << "/home";
    QTest::addRow("mount /etc") << "sandbox_read_only_paths"
                                << "/opt/x:/etc";
    QTest::addRow("unnormalized") << "sandbox_read_only_paths"
                                  << "/opt/../root";
    QTest::addRow("unknown key") << "sandbox_flavour"
                                 << "x";
}

void TestExecutorConfig::badSettings()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    ExecutorConfig config;
    auto status = config.apply({{key.toStdString(), value.toStdString()}});
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code(), StatusCode::InvalidArgument);
    QVERIFY(!status.error().violations().empty());
}

void TestExecutorConfig::environment()
{
    qputenv("MAX_CONCURRENT_EXECUTIONS", "3");
    qputenv("SANDBOX_MEMORY_LIMIT_MB", "1024");
    qputenv("SANDBOX_TYPE", "bubblewrap");
    ExecutorConfig config;
    QVERIFY(config.applyEnvironment().ok());
    QCOMPARE(config.maxConcurrent, 3);
    QCOMPARE(config.limits.memoryBytes, std::uint64_t(1024) * 1024 * 1024);
}

void TestExecutorConfig::sandboxDisabledNeedsExplicitNone()
{
    qputenv("SANDBOX_ENABLED", "false");
    ExecutorConfig config;
    auto status = config.applyEnvironment();
    QVERIFY(!status.ok());
    QVERIFY(status.error().message().find("SANDBOX_TYPE=none") != std::string::npos);
    qputenv("SANDBOX_TYPE", "none");
    QVERIFY(config.applyEnvironment().ok());
    QVERIFY(config.unsandboxed());
}

void TestExecutorConfig::dockerIsRefused()
{
    qputenv("SANDBOX_TYPE", "docker");
    ExecutorConfig config;
    auto status = config.applyEnvironment();
    QVERIFY(!status.ok());
    QVERIFY(status.error().message().find("bubblewrap") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestExecutorConfig)
#include "test_executor_config.moc"
