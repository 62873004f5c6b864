// .builder.toml: the documented format parses; every malformed or unknown
// piece is an InvalidArgument naming the line and the key.
#include "executor/BuilderToml.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using builder::common::StatusCode;
using builder::executor::BuilderToml;

class TestBuilderToml : public QObject
{
    Q_OBJECT

private slots:
    void parsesTheDocumentedExample();
    void singleStringCommands();
    void errors_data();
    void errors();
    void loadFromWorkspace();
    void absentFileIsNoConfig();
};

void TestBuilderToml::parsesTheDocumentedExample()
{
    const char* text = R"(# .builder.toml
version = 1

[build]
command = [
  "cmake -S . -B .builder/build",   # configure
  'cmake --build .builder/build',
]

[test]
command = "ctest --test-dir .builder/build --output-junit \"$PWD/.builder/reports/junit.xml\""
reports = [".builder/reports/junit.xml"]
coverage = "coverage/lcov.info"

[env]
CTEST_OUTPUT_ON_FAILURE = "1"
GREETING = "caf\u00e9\ttab"
)";
    auto parsed = BuilderToml::parse(text);
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message().c_str());
    QVERIFY(parsed->buildCommands.has_value());
    QCOMPARE(parsed->buildCommands->size(), std::size_t(2));
    QCOMPARE(parsed->buildCommands->at(0), std::string("cmake -S . -B .builder/build"));
    QCOMPARE(parsed->buildCommands->at(1), std::string("cmake --build .builder/build"));
    QCOMPARE(
        parsed->testCommands->at(0),
        std::string(
            "ctest --test-dir .builder/build --output-junit \"$PWD/.builder/reports/junit.xml\""));
    QCOMPARE(parsed->reports, std::vector<std::string>{".builder/reports/junit.xml"});
    QCOMPARE(parsed->coverage, std::vector<std::string>{"coverage/lcov.info"});
    QCOMPARE(parsed->env.at("CTEST_OUTPUT_ON_FAILURE"), std::string("1"));
    QCOMPARE(parsed->env.at("GREETING"), std::string("caf\xC3\xA9\ttab"));
}

void TestBuilderToml::singleStringCommands()
{
    auto parsed = BuilderToml::parse("[test]\ncommand = 'make test'\n");
    QVERIFY(parsed.ok());
    QVERIFY(!parsed->buildCommands.has_value());
    QCOMPARE(*parsed->testCommands, std::vector<std::string>{"make test"});
}

void TestBuilderToml::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("unknown table") << "[deploy]\ncommand = \"x\""
                                   << "unknown table [deploy]";
    QTest::addRow("unknown key") << "[build]\nscript = \"x\""
                                 << "unknown key build.script";
    QTest::addRow("unknown top-level key") << "name = \"x\""
                                           << "line 1";
    QTest::addRow("wrong version") << "version = 2"
                                   << "version must be 1";
    QTest::addRow("number as command") << "[build]\ncommand = 3"
                                       << "build.command must be a string";
    QTest::addRow("empty command") << "[test]\ncommand = \"  \""
                                   << "empty command";
    QTest::addRow("unterminated string") << "[test]\ncommand = \"make"
                                         << "unterminated string";
    QTest::addRow("missing equals") << "[test]\ncommand \"make\""
                                    << "expected = after command";
    QTest::addRow("array of tables") << "[[build]]"
                                     << "arrays of tables";
    QTest::addRow("mixed array") << "[build]\ncommand = [\"a\", 1]"
                                 << "arrays may only hold strings";
    QTest::addRow("absolute report") << "[test]\nreports = [\"/etc/passwd\"]"
                                     << "stay inside";
    QTest::addRow("escaping report") << "[test]\nreports = \"../x.xml\""
                                     << "stay inside";
    QTest::addRow("bad env name") << "[env]\n\"1BAD\" = \"x\""
                                  << "environment name 1BAD";
    QTest::addRow("env not a string") << "[env]\nX = true"
                                      << "environment values must be strings";
    QTest::addRow("trailing text") << "[test]\ncommand = \"a\" \"b\""
                                   << "unexpected text";
    QTest::addRow("bad escape") << "[test]\ncommand = \"\\q\""
                                << "unknown escape";
    QTest::addRow("error on line 3") << "\n\n[bad]"
                                     << "line 3";
}

void TestBuilderToml::errors()
{
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    auto parsed = BuilderToml::parse(text.toStdString());
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code(), StatusCode::InvalidArgument);
    QVERIFY2(parsed.error().message().find(mentions.toStdString()) != std::string::npos,
             parsed.error().message().c_str());
    QCOMPARE(parsed.error().violations().size(), std::size_t(1));
    const auto& violation = parsed.error().violations().front();
    QVERIFY(violation.message.rfind(".builder.toml line ", 0) == 0);
    QVERIFY(violation.fieldPath.rfind(".builder.toml", 0) == 0);
    QCOMPARE(violation.constraintId, std::string("toml.syntax"));
}

void TestBuilderToml::loadFromWorkspace()
{
    QTemporaryDir dir;
    std::ofstream(dir.filePath(".builder.toml").toStdString()) << "[build]\ncommand = \"make\"\n";
    auto loaded = BuilderToml::load(dir.path().toStdString());
    QVERIFY(loaded.ok());
    QVERIFY(loaded->has_value());
    QCOMPARE((*loaded)->buildCommands->front(), std::string("make"));
    std::ofstream(dir.filePath(".builder.toml").toStdString()) << "[build\n";
    QCOMPARE(BuilderToml::load(dir.path().toStdString()).error().code(),
             StatusCode::InvalidArgument);
}

void TestBuilderToml::absentFileIsNoConfig()
{
    QTemporaryDir dir;
    auto loaded = BuilderToml::load(dir.path().toStdString());
    QVERIFY(loaded.ok());
    QVERIFY(!loaded->has_value());
}

QTEST_GUILESS_MAIN(TestBuilderToml)
#include "test_builder_toml.moc"
