// JUnitParser on the XML that ctest, pytest and Maven surefire really write,
// and TestSummaryParser on runner summary lines when there is no XML.
#include "executor/JUnitParser.h"
#include "executor/TestSummaryParser.h"

#include <QTest>

using builder::executor::JUnitParser;
using builder::executor::TestSummaryParser;

namespace {

// ctest 3.25 --output-junit (one failing, one disabled)
const char* kCtest =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<testsuite name=\"(empty)\" tests=\"3\" failures=\"1\" disabled=\"1\" skipped=\"0\" "
    "hostname=\"\" time=\"0\" timestamp=\"2026-12-01T07:03:39\">\n"
    "\t<testcase name=\"passes\" classname=\"passes\" time=\"0.00199903\" status=\"run\">\n"
    "\t\t<system-out>running 0\n"
    "</system-out>\n"
    "\t</testcase>\n"
    "\t<testcase name=\"fails\" classname=\"fails\" time=\"0.00160242\" status=\"fail\">\n"
    "\t\t<failure message=\"\"/>\n"
    "\t\t<system-out>assertion failed: expected 2 got 3\n"
    "running 1\n"
    "</system-out>\n"
    "\t</testcase>\n"
    "\t<testcase name=\"skipped\" classname=\"skipped\" time=\"0\" status=\"disabled\">\n"
    "\t\t<system-out>Disabled</system-out>\n"
    "\t</testcase>\n"
    "</testsuite>\n"
    "";

// pytest --junitxml (pytest 7)
const char* kPytest =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?><testsuites><testsuite name=\"pytest\" errors=\"1\" "
    "failures=\"1\" skipped=\"1\" tests=\"5\" time=\"0.031\" timestamp=\"2026-12-01T07:00:00\" "
    "hostname=\"h\"><testcase classname=\"tests.test_math\" name=\"test_add\" time=\"0.001\" "
    "/><testcase classname=\"tests.test_math\" name=\"test_div\" time=\"0.001\"><failure "
    "message=\"assert 0.5 == 2\">def test_div():\n"
    "&gt;       assert 1 / 2 == 2\n"
    "E       assert 0.5 == 2\n"
    "\n"
    "tests/test_math.py:6: AssertionError</failure></testcase><testcase "
    "classname=\"tests.test_math\" name=\"test_skip\" time=\"0.000\"><skipped type=\"pytest.skip\" "
    "message=\"not on linux\">tests/test_math.py:9: not on linux</skipped></testcase><testcase "
    "classname=\"tests.test_io\" name=\"test_fixture\" time=\"0.000\"><error message=\"failed on "
    "setup with &quot;FileNotFoundError&quot;\">FileNotFoundError: "
    "data.csv</error></testcase><testcase classname=\"tests.test_io\" name=\"test_read\" "
    "time=\"0.002\" /></testsuite></testsuites>\n"
    "";

// Maven surefire TEST-com.example.CalculatorTest.xml
const char* kSurefire =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
    "xsi:noNamespaceSchemaLocation=\"https://maven.apache.org/surefire/maven-surefire-plugin/xsd/"
    "surefire-test-report.xsd\" version=\"3.0\" name=\"com.example.CalculatorTest\" time=\"0.042\" "
    "tests=\"3\" errors=\"0\" skipped=\"0\" failures=\"1\">\n"
    "  <properties>\n"
    "    <property name=\"java.version\" value=\"17.0.9\"/>\n"
    "  </properties>\n"
    "  <testcase name=\"addsNumbers\" classname=\"com.example.CalculatorTest\" time=\"0.003\"/>\n"
    "  <testcase name=\"dividesByZero\" classname=\"com.example.CalculatorTest\" time=\"0.011\">\n"
    "    <failure message=\"expected: &lt;0&gt; but was: &lt;1&gt;\" "
    "type=\"org.opentest4j.AssertionFailedError\"><![CDATA[org.opentest4j.AssertionFailedError: "
    "expected: <0> but was: <1>\n"
    "\tat com.example.CalculatorTest.dividesByZero(CalculatorTest.java:21)\n"
    "]]></failure>\n"
    "    <system-out><![CDATA[dividing...\n"
    "]]></system-out>\n"
    "  </testcase>\n"
    "  <testcase name=\"multiplies\" classname=\"com.example.CalculatorTest\" time=\"0.001\"/>\n"
    "</testsuite>\n"
    "";

} // namespace

class TestJUnitParser : public QObject
{
    Q_OBJECT

private slots:
    void ctestReport();
    void pytestReport();
    void surefireReport();
    void malformedXmlIsAnError();
    void notJUnitIsAnError();
    void longMessagesAreBounded();
    void summaryLines_data();
    void summaryLines();
    void noSummaryLine();
};

void TestJUnitParser::ctestReport()
{
    auto summary = JUnitParser::parse(kCtest);
    QVERIFY2(summary.ok(), summary.ok() ? "" : summary.error().message().c_str());
    QCOMPARE(summary->total, 3);
    QCOMPARE(summary->failed, 1);
    QCOMPARE(summary->skipped, 1);
    QCOMPARE(summary->failures.size(), std::size_t(1));
    QCOMPARE(summary->failures[0].name, std::string("fails"));
    QCOMPARE(summary->failures[0].suite, std::string("fails"));
    // ctest's failure element says nothing: the case's output does.
    QVERIFY(summary->failures[0].message.find("expected 2 got 3") != std::string::npos);
}

void TestJUnitParser::pytestReport()
{
    auto summary = JUnitParser::parse(kPytest);
    QVERIFY(summary.ok());
    QCOMPARE(summary->total, 5);
    QCOMPARE(summary->failed, 2); // a failure and an error
    QCOMPARE(summary->skipped, 1);
    QCOMPARE(summary->failures[0].suite, std::string("tests.test_math"));
    QCOMPARE(summary->failures[0].name, std::string("test_div"));
    QCOMPARE(summary->failures[0].message, std::string("assert 0.5 == 2"));
    QCOMPARE(summary->failures[1].name, std::string("test_fixture"));
    QCOMPARE(summary->failures[1].message,
             std::string("failed on setup with \"FileNotFoundError\""));
}

void TestJUnitParser::surefireReport()
{
    auto summary = JUnitParser::parse(kSurefire);
    QVERIFY(summary.ok());
    QCOMPARE(summary->total, 3);
    QCOMPARE(summary->failed, 1);
    QCOMPARE(summary->skipped, 0);
    QCOMPARE(summary->failures[0].suite, std::string("com.example.CalculatorTest"));
    QCOMPARE(summary->failures[0].name, std::string("dividesByZero"));
    QCOMPARE(summary->failures[0].message, std::string("expected: <0> but was: <1>"));
}

void TestJUnitParser::malformedXmlIsAnError()
{
    auto summary = JUnitParser::parse("<testsuite><testcase name='a'></testsuite>");
    QVERIFY(!summary.ok());
    QVERIFY(summary.error().message().find("malformed JUnit XML") != std::string::npos);
}

void TestJUnitParser::notJUnitIsAnError()
{
    QVERIFY(!JUnitParser::parse("<html><body/></html>").ok());
    QVERIFY(!JUnitParser::parse("").ok());
}

void TestJUnitParser::longMessagesAreBounded()
{
    const std::string xml = "<testsuite><testcase name='big'><failure message='" +
                            std::string(100000, 'x') + "'/></testcase></testsuite>";
    auto summary = JUnitParser::parse(xml);
    QVERIFY(summary.ok());
    QVERIFY(summary->failures[0].message.size() <= JUnitParser::kMaxMessageBytes + 4);
}

void TestJUnitParser::summaryLines_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("runner");
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("failed");
    QTest::addColumn<int>("skipped");
    QTest::addColumn<QString>("names");
    QTest::addRow("ctest") << "50% tests passed, 1 tests failed out of 2\n\nThe following tests "
                              "FAILED:\n\t  2 - fails (Failed)\n"
                           << "ctest" << 2 << 1 << 0 << "fails";
    QTest::addRow("pytest") << "FAILED tests/test_a.py::test_x - assert 1 == 2\n"
                               "=========== 1 failed, 3 passed, 1 skipped in 0.12s ===========\n"
                            << "pytest" << 5 << 1 << 1 << "tests/test_a.py::test_x";
    QTest::addRow("cargo") << "---- tests::it_fails stdout ----\n"
                              "test result: FAILED. 3 passed; 1 failed; 2 ignored; 0 measured\n"
                              "test result: ok. 4 passed; 0 failed; 0 ignored; 0 measured\n"
                           << "cargo test" << 10 << 1 << 2 << "tests::it_fails";
    QTest::addRow("go") << "--- FAIL: TestDivide (0.00s)\n    math_test.go:9: want 2\nFAIL\n"
                           "FAIL\texample.com/m\t0.002s\nok  \texample.com/n\t0.001s\n"
                        << "go test" << 1 << 1 << 0 << "TestDivide";
    QTest::addRow("jest") << "Tests:       1 failed, 2 skipped, 5 passed, 8 total\n"
                          << "jest" << 8 << 1 << 2 << "";
    QTest::addRow("mocha") << "  3 passing (12ms)\n  1 pending\n  2 failing\n"
                           << "mocha" << 6 << 2 << 1 << "";
    QTest::addRow("maven") << "[ERROR] Tests run: 2, Failures: 1, Errors: 0, Skipped: 0, Time "
                              "elapsed: 0.1 s <<< FAILURE! -- in com.x.ATest\n"
                              "[ERROR] Tests run: 7, Failures: 1, Errors: 1, Skipped: 2\n"
                           << "maven" << 7 << 2 << 2 << "";
    QTest::addRow("gradle") << "12 tests completed, 3 failed, 1 skipped\n"
                            << "gradle" << 12 << 3 << 1 << "";
}

void TestJUnitParser::summaryLines()
{
    QFETCH(QString, output);
    QFETCH(QString, runner);
    QFETCH(int, total);
    QFETCH(int, failed);
    QFETCH(int, skipped);
    QFETCH(QString, names);
    const auto counts = TestSummaryParser::parse(output.toStdString());
    QVERIFY(counts.has_value());
    QCOMPARE(QString::fromStdString(counts->runner), runner);
    QCOMPARE(counts->total, total);
    QCOMPARE(counts->failed, failed);
    QCOMPARE(counts->skipped, skipped);
    QStringList got;
    for (const auto& name : counts->failedNames)
        got << QString::fromStdString(name);
    QCOMPARE(got.join(','), names);
}

void TestJUnitParser::noSummaryLine()
{
    QVERIFY(!TestSummaryParser::parse("compiling...\nall good\n").has_value());
}

QTEST_GUILESS_MAIN(TestJUnitParser)
#include "test_junit_parser.moc"
