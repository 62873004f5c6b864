// OutputCollector and Utf8Sanitizer: the cap cuts exactly and says so once,
// the tail keeps the real end, and chunks are valid UTF-8 even when a read
// splits a character or the program prints garbage.
#include "executor/OutputCollector.h"
#include "executor/Utf8Sanitizer.h"

#include <QTest>

using namespace builder::executor;

class TestOutputCollector : public QObject
{
    Q_OBJECT

private slots:
    void capCutsAndFlags();
    void tailKeepsTheEnd();
    void splitCharacterIsJoined();
    void invalidBytesAreReplaced_data();
    void invalidBytesAreReplaced();
};

void TestOutputCollector::capCutsAndFlags()
{
    std::string streamed;
    int notes = 0;
    const OutputSink sink = [&](const OutputChunk& chunk) {
        if (chunk.stream == "system")
            ++notes;
        else
            streamed += chunk.text;
    };
    OutputCollector collector(sink, 10, 64);
    collector.add(false, "12345", 5);
    QVERIFY(!collector.truncated());
    collector.add(true, "6789012345", 10);
    collector.add(false, "more", 4);
    collector.finish();
    QVERIFY(collector.truncated());
    QCOMPARE(streamed, std::string("1234567890"));
    QCOMPARE(notes, 1);
    QCOMPARE(collector.totalBytes(), std::uint64_t(19));
}

void TestOutputCollector::tailKeepsTheEnd()
{
    OutputCollector collector({}, 4, 8);
    for (int i = 0; i < 100; ++i)
        collector.add(false, "abcdefghij", 10);
    collector.add(false, "THE-END", 7);
    QCOMPARE(collector.tail(), std::string("jTHE-END"));
}

void TestOutputCollector::splitCharacterIsJoined()
{
    Utf8Sanitizer sanitizer;
    const std::string euro = "\xE2\x82\xAC";
    QCOMPARE(sanitizer.feed(euro.substr(0, 1)), std::string());
    QCOMPARE(sanitizer.feed(euro.substr(1, 1)), std::string());
    QCOMPARE(sanitizer.feed(euro.substr(2) + "x"), euro + "x");
    QCOMPARE(sanitizer.feed("\xE2\x82"), std::string());
    QCOMPARE(sanitizer.flush(), std::string("\xEF\xBF\xBD"));
}

void TestOutputCollector::invalidBytesAreReplaced_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("lone continuation") << QByteArray("a\x80z") << QByteArray("a\xEF\xBF\xBDz");
    QTest::addRow("overlong") << QByteArray("\xC0\xAF") << QByteArray("\xEF\xBF\xBD\xEF\xBF\xBD");
    QTest::addRow("surrogate") << QByteArray("\xED\xA0\x80")
                               << QByteArray("\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    QTest::addRow("valid 4-byte") << QByteArray("\xF0\x9F\x98\x80")
                                  << QByteArray("\xF0\x9F\x98\x80");
}

void TestOutputCollector::invalidBytesAreReplaced()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(QByteArray::fromStdString(Utf8Sanitizer::sanitize(input.toStdString())), expected);
}

QTEST_GUILESS_MAIN(TestOutputCollector)
#include "test_output_collector.moc"
