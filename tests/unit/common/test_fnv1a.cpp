// common::Fnv1a: the published FNV-1a 64 test vectors, field separation, the
// hex form, and that a seed other than the offset basis is honoured.
#include "common/Fnv1a.h"

#include <QTest>

using builder::common::Fnv1a;

class TestFnv1a : public QObject
{
    Q_OBJECT

private slots:
    void publishedVectors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<quint64>("hash");
        QTest::addRow("empty") << QByteArray() << quint64(0xcbf29ce484222325ull);
        QTest::addRow("a") << QByteArray("a") << quint64(0xaf63dc4c8601ec8cull);
        QTest::addRow("foobar") << QByteArray("foobar") << quint64(0x85944171f73967e8ull);
    }
    void publishedVectors()
    {
        QFETCH(QByteArray, text);
        QFETCH(quint64, hash);
        const std::string_view view(text.constData(), static_cast<std::size_t>(text.size()));
        QCOMPARE(quint64(Fnv1a::of(view)), hash);
        Fnv1a incremental;
        for (const char c : view)
            incremental.add(static_cast<unsigned char>(c));
        QCOMPARE(quint64(incremental.value()), hash);
    }
    void fieldsAreSeparated()
    {
        Fnv1a one, two;
        one.addField("ab");
        one.addField("c");
        two.addField("a");
        two.addField("bc");
        QVERIFY(one.value() != two.value());
    }
    void numbersAreLittleEndianBytes()
    {
        Fnv1a number, bytes;
        number.addNumber(0x0102);
        for (unsigned char b : {0x02, 0x01, 0, 0, 0, 0, 0, 0})
            bytes.add(b);
        QCOMPARE(number.value(), bytes.value());
    }
    void hexIsSixteenLowerCaseDigits()
    {
        QCOMPARE(Fnv1a().hex(), std::string("cbf29ce484222325"));
        QCOMPARE(Fnv1a(0xaull).hex(), std::string("000000000000000a"));
    }
    void seedIsHonoured()
    {
        Fnv1a seeded(1);
        seeded.add("x");
        QVERIFY(seeded.value() != Fnv1a::of("x"));
        QCOMPARE(seeded.value(), (1ull ^ 'x') * Fnv1a::kPrime);
    }
};

QTEST_GUILESS_MAIN(TestFnv1a)
#include "test_fnv1a.moc"
