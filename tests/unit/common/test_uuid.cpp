#include "common/Uuid.h"

#include <QTest>

#include <set>
#include <string>

using builder::common::Uuid;

class TestUuid : public QObject
{
    Q_OBJECT

private slots:
    void generatedIsCanonicalVersion4()
    {
        const std::string id = Uuid::generateV4();
        QCOMPARE(id.size(), std::size_t{36});
        QVERIFY(Uuid::isValid(id));
        QCOMPARE(id[14], '4');                                          // version nibble
        QVERIFY(std::string("89ab").find(id[19]) != std::string::npos); // RFC 4122 variant
        for (const char c : id)
            QVERIFY2(!(c >= 'A' && c <= 'F'), "generated UUIDs are lowercase");
    }

    void generatedAreDistinct()
    {
        std::set<std::string> seen;
        for (int i = 0; i < 1000; ++i) {
            const std::string id = Uuid::generateV4();
            QCOMPARE(id[14], '4');
            QVERIFY2(seen.insert(id).second, id.c_str());
        }
    }

    void isValid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addRow("lowercase") << "550e8400-e29b-41d4-a716-446655440000" << true;
        QTest::addRow("uppercase") << "550E8400-E29B-41D4-A716-446655440000" << true;
        QTest::addRow("mixed case") << "550e8400-E29B-41d4-A716-446655440000" << true;
        QTest::addRow("nil") << "00000000-0000-0000-0000-000000000000" << true;
        QTest::addRow("empty") << "" << false;
        QTest::addRow("35 chars") << "550e8400-e29b-41d4-a716-44665544000" << false;
        QTest::addRow("37 chars") << "550e8400-e29b-41d4-a716-4466554400000" << false;
        QTest::addRow("no hyphens") << "550e8400e29b41d4a716446655440000" << false;
        QTest::addRow("hyphen moved") << "550e840-0e29b-41d4-a716-446655440000" << false;
        QTest::addRow("non-hex g") << "550e8400-e29b-41d4-a716-44665544000g" << false;
        QTest::addRow("braces") << "{550e8400-e29b-41d4-a716-446655440000}" << false;
        QTest::addRow("urn prefix") << "urn:uuid:550e8400-e29b-41d4-a716-446655440000" << false;
        QTest::addRow("space padded") << " 550e8400-e29b-41d4-a716-44665544000" << false;
    }

    void isValid()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(Uuid::isValid(text.toStdString()), valid);
    }
};

QTEST_GUILESS_MAIN(TestUuid)
#include "test_uuid.moc"
