#include "webhook/WebhookSignature.h"

#include <QTest>

using builder::webhook::WebhookSignature;

class TestWebhookSignature : public QObject
{
    Q_OBJECT

private slots:
    void signsWithHmacSha256()
    {
        // RFC 4231, test case 2.
        QCOMPARE(
            QString::fromStdString(WebhookSignature::sign("Jefe", "what do ya want for nothing?")),
            QStringLiteral("sha256=5bdcc146bf60754e6a042426089575c7"
                           "5a003f089d2739839dec58b964ec3843"));
    }

    void verifies_data()
    {
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("valid");
        const QByteArray secret = "a-webhook-secret-of-some-length";
        const QByteArray body = R"({"action":"labeled"})";
        const QByteArray good = QByteArray::fromStdString(
            WebhookSignature::sign(secret.toStdString(), body.toStdString()));
        QTest::newRow("the right signature") << secret << body << good << true;
        QTest::newRow("upper-case hex")
            << secret << body << ("sha256=" + good.mid(7).toUpper()) << true;
        QTest::newRow("another secret")
            << QByteArray("another-secret-entirely") << body << good << false;
        QTest::newRow("one byte of the body changed")
            << secret << QByteArray(R"({"action":"labelled"})") << good << false;
        QTest::newRow("one hex digit changed")
            << secret << body << (good.left(good.size() - 1) + (good.endsWith('0') ? "1" : "0"))
            << false;
        QTest::newRow("sha1 header") << secret << body << ("sha1=" + good.mid(7)) << false;
        QTest::newRow("no prefix") << secret << body << good.mid(7) << false;
        QTest::newRow("truncated") << secret << body << good.left(40) << false;
        QTest::newRow("not hex") << secret << body << ("sha256=" + QByteArray(64, 'z')) << false;
        QTest::newRow("empty header") << secret << body << QByteArray() << false;
        QTest::newRow("no secret configured") << QByteArray() << body << good << false;
    }

    void verifies()
    {
        QFETCH(QByteArray, secret);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, header);
        QFETCH(bool, valid);
        QCOMPARE(WebhookSignature::verify(secret.toStdString(), body.toStdString(),
                                          header.toStdString()),
                 valid);
    }
};

QTEST_GUILESS_MAIN(TestWebhookSignature)
#include "test_webhook_signature.moc"
