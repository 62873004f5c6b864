// Sandbox output colours: SGR sequences become runs, other escapes vanish, and a
// sequence cut between two chunks still applies.
#include "views/AnsiText.h"

#include <QtTest>

using builder::views::AnsiText;

class TestStudioAnsiText : public QObject
{
    Q_OBJECT
private slots:
    void runs_data();
    void runs();
    void splitSequence();
};

void TestStudioAnsiText::runs_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("texts");
    QTest::addColumn<QList<int>>("colours"); // palette index, -1 default
    QTest::addRow("plain") << "hello" << QStringList{"hello"} << QList<int>{-1};
    QTest::addRow("red then reset")
        << "\x1b[31merror\x1b[0m ok" << QStringList{"error", " ok"} << QList<int>{1, -1};
    QTest::addRow("green bold") << "\x1b[1;32mPASS\x1b[m" << QStringList{"PASS"} << QList<int>{2};
    QTest::addRow("cursor moves dropped")
        << "a\x1b[2Kb\x1b[1Ac" << QStringList{"abc"} << QList<int>{-1};
    QTest::addRow("carriage return dropped")
        << "50%\r100%" << QStringList{"50%100%"} << QList<int>{-1};
}

void TestStudioAnsiText::runs()
{
    QFETCH(QString, input);
    QFETCH(QStringList, texts);
    QFETCH(QList<int>, colours);
    AnsiText parser;
    const auto runs = parser.feed(input);
    QStringList gotTexts;
    for (const auto& run : runs)
        gotTexts << run.text;
    // Adjacent runs of one style may be split; compare the joined text per colour.
    QCOMPARE(gotTexts.join(QString()), texts.join(QString()));
    int at = 0;
    for (int i = 0; i < texts.size(); ++i) {
        QVERIFY(at < static_cast<int>(runs.size()));
        const QColor expected =
            colours[i] < 0 ? QColor() : AnsiText::paletteColour(colours[i], colours[i] == 2);
        QCOMPARE(runs[static_cast<std::size_t>(at)].foreground.isValid(), expected.isValid());
        if (expected.isValid())
            QCOMPARE(runs[static_cast<std::size_t>(at)].foreground.hue(), expected.hue());
        QString joined;
        while (joined.size() < texts[i].size() && at < static_cast<int>(runs.size()))
            joined += runs[static_cast<std::size_t>(at++)].text;
        QCOMPARE(joined, texts[i]);
    }
}

void TestStudioAnsiText::splitSequence()
{
    AnsiText parser;
    auto first = parser.feed(QStringLiteral("ok \x1b[3"));
    QCOMPARE(first.size(), std::size_t(1));
    QCOMPARE(first[0].text, QStringLiteral("ok "));
    auto second = parser.feed(QStringLiteral("1mfail"));
    QCOMPARE(second.size(), std::size_t(1));
    QCOMPARE(second[0].text, QStringLiteral("fail"));
    QVERIFY(second[0].foreground.isValid());
}

QTEST_GUILESS_MAIN(TestStudioAnsiText)
#include "test_studio_ansi_text.moc"
