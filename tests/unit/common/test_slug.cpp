#include "common/GitRefName.h"
#include "common/Slug.h"

#include <QTest>

#include <string>

using builder::common::Slug;

class TestSlug : public QObject
{
    Q_OBJECT

private slots:
    void branchSlug_data()
    {
        QTest::addColumn<QByteArray>("title");
        QTest::addColumn<int>("maxLen");
        QTest::addColumn<QByteArray>("expected");
        QTest::addRow("simple") << QByteArray("Add user authentication") << 40
                                << QByteArray("add-user-authentication");
        QTest::addRow("punctuation runs")
            << QByteArray("Fix: crash -- on   save!!") << 40 << QByteArray("fix-crash-on-save");
        QTest::addRow("trimmed") << QByteArray("  --Hello--  ") << 40 << QByteArray("hello");
        QTest::addRow("digits kept")
            << QByteArray("Upgrade to Qt 6.4") << 40 << QByteArray("upgrade-to-qt-6-4");
        QTest::addRow("non-ASCII dropped") << QByteArray("Caf\xc3\xa9 \xc3\x9c"
                                                         "ber menu")
                                           << 40 << QByteArray("caf-ber-menu");
        QTest::addRow("only non-ASCII")
            << QByteArray("\xe6\x97\xa5\xe6\x9c\xac") << 40 << QByteArray("feature");
        QTest::addRow("empty") << QByteArray("") << 40 << QByteArray("feature");
        QTest::addRow("only punctuation") << QByteArray("!!! ???") << 40 << QByteArray("feature");
        QTest::addRow("cut at word boundary") << QByteArray("Implement password reset emails") << 20
                                              << QByteArray("implement-password");
        QTest::addRow("cut exactly at separator")
            << QByteArray("abcd efgh") << 4 << QByteArray("abcd");
        QTest::addRow("hard cut of one long word")
            << QByteArray("Supercalifragilistic") << 10 << QByteArray("supercalif");
        QTest::addRow("cut leaves no trailing dash")
            << QByteArray("ab cdefghijkl") << 3 << QByteArray("ab");
        QTest::addRow("fallback respects tiny limit") << QByteArray("") << 3 << QByteArray("fea");
    }

    void branchSlug()
    {
        QFETCH(QByteArray, title);
        QFETCH(int, maxLen);
        QFETCH(QByteArray, expected);
        const std::string slug =
            Slug::branchSlug(title.toStdString(), static_cast<std::size_t>(maxLen));
        QCOMPARE(QByteArray::fromStdString(slug), expected);
        QVERIFY(slug.size() <= static_cast<std::size_t>(maxLen));
        QVERIFY(builder::common::GitRefName::isValidBranchName(slug));
    }

    void defaultLimitIs40()
    {
        const std::string slug = Slug::branchSlug(std::string(100, 'a'));
        QCOMPARE(slug.size(), std::size_t{40});
    }
};

QTEST_GUILESS_MAIN(TestSlug)
#include "test_slug.moc"
