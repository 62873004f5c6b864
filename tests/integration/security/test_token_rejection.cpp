// Hand-crafted JWTs: only a token signed with the server's key, with HS256 and
// every claim right, is accepted; each single defect is UNAUTHENTICATED.
#include "feature/feature/v1/feature.grpc.pb.h"
#include "support/BuilderdProcess.h"
#include "support/GrpcTestClient.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <sodium.h>

#include <functional>

using builder::testing::BuilderdProcess;
using builder::testing::GrpcTestClient;
namespace fv1 = feature::feature::v1;

namespace {

QByteArray b64url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray hmac(const QByteArray& key, const QByteArray& input)
{
    Q_ASSERT(key.size() == crypto_auth_hmacsha256_KEYBYTES);
    QByteArray mac(crypto_auth_hmacsha256_BYTES, '\0');
    crypto_auth_hmacsha256(reinterpret_cast<unsigned char*>(mac.data()),
                           reinterpret_cast<const unsigned char*>(input.constData()),
                           static_cast<unsigned long long>(input.size()),
                           reinterpret_cast<const unsigned char*>(key.constData()));
    return mac;
}

// header.payload.signature; an empty key leaves the signature empty.
QByteArray craft(const QJsonObject& header, const QJsonObject& claims, const QByteArray& key)
{
    const QByteArray input = b64url(json(header)) + '.' + b64url(json(claims));
    return input + '.' + (key.isEmpty() ? QByteArray() : b64url(hmac(key, input)));
}

QByteArray randomBytes(int n)
{
    QByteArray out(n, '\0');
    randombytes_buf(out.data(), static_cast<size_t>(n));
    return out;
}

const QJsonObject kHs256{{"alg", "HS256"}, {"typ", "JWT"}};

} // namespace

class TokenRejectionTest : public QObject
{
    Q_OBJECT

private:
    BuilderdProcess m_builderd;
    std::unique_ptr<fv1::FeatureService::Stub> m_stub;
    QByteArray m_key;

    // Claims exactly as builderd issues them, for a token valid for an hour.
    static QJsonObject goodClaims()
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        return QJsonObject{{"iss", "builderd"},
                           {"aud", "builder"},
                           {"sub", "mallory"},
                           {"role", "engineer"},
                           {"jti", QString::fromLatin1(randomBytes(16).toHex())},
                           {"iat", now},
                           {"nbf", now},
                           {"exp", now + 3600}};
    }

    static QJsonObject with(QJsonObject claims, const QString& key, const QJsonValue& value)
    {
        if (value.isUndefined())
            claims.remove(key);
        else
            claims.insert(key, value);
        return claims;
    }

    // A server-streaming call with a raw Authorization value; OK with no results
    // for an admitted caller on a fresh server.
    grpc::Status search(const QByteArray& authorization)
    {
        grpc::ClientContext ctx;
        if (!authorization.isNull())
            ctx.AddMetadata("authorization", authorization.toStdString());
        ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
        auto reader = m_stub->Search(&ctx, fv1::SearchRequest{});
        fv1::SearchResponse response;
        while (reader->Read(&response)) {
        }
        return reader->Finish();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        QVERIFY2(m_builderd.start(), qPrintable(m_builderd.errorString()));
        m_stub = fv1::FeatureService::NewStub(GrpcTestClient::channel(m_builderd.grpcAddress()));
        QFile keyFile(m_builderd.dataDir() + "/jwt.key");
        QVERIFY2(keyFile.open(QIODevice::ReadOnly), qPrintable(keyFile.fileName()));
        m_key = keyFile.readAll();
        QCOMPARE(m_key.size(), 32);
    }

    void serverIssuedTokenIsAccepted()
    {
        const auto status = search("Bearer " + m_builderd.createToken("eve", "reviewer").toUtf8());
        QVERIFY2(status.ok(), status.error_message().c_str());
    }

    void authorization_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<bool>("accepted");

        const QByteArray other = randomBytes(32);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        auto bearer = [](const QByteArray& token) { return "Bearer " + token; };
        auto real = [&](const QJsonObject& claims) { return bearer(craft(kHs256, claims, m_key)); };

        // The control rows: the crafting itself is right.
        QTest::newRow("valid, real key") << real(goodClaims()) << true;
        QTest::newRow("valid, admin role") << real(with(goodClaims(), "role", "admin")) << true;
        QTest::newRow("valid, audience as array")
            << real(with(goodClaims(), "aud", QJsonArray{"other", "builder"})) << true;
        QTest::newRow("valid, lower-case scheme")
            << "bearer " + craft(kHs256, goodClaims(), m_key) << true;

        // Algorithm confusion.
        for (const char* alg : {"none", "None", "NONE", "nOnE"}) {
            const QJsonObject header{{"alg", alg}, {"typ", "JWT"}};
            QTest::addRow("alg %s, empty signature", alg)
                << bearer(craft(header, goodClaims(), {})) << false;
        }
        {
            // alg none, but a signature that is right for these bytes: the header decides.
            const QJsonObject header{{"alg", "none"}, {"typ", "JWT"}};
            QTest::newRow("alg none, signed with real key")
                << bearer(craft(header, goodClaims(), m_key)) << false;
        }
        QTest::newRow("alg HS512 header, HS256 signature")
            << bearer(craft({{"alg", "HS512"}, {"typ", "JWT"}}, goodClaims(), m_key)) << false;
        QTest::newRow("no alg") << bearer(craft({{"typ", "JWT"}}, goodClaims(), m_key)) << false;
        QTest::newRow("crit header")
            << bearer(craft({{"alg", "HS256"}, {"crit", QJsonArray{"exp"}}}, goodClaims(), m_key))
            << false;

        // Signature.
        QTest::newRow("signed with another key")
            << bearer(craft(kHs256, goodClaims(), other)) << false;
        QTest::newRow("HS256, empty signature") << bearer(craft(kHs256, goodClaims(), {})) << false;
        {
            // Signed as an engineer, presented with an admin payload.
            const QByteArray signedToken = craft(kHs256, goodClaims(), m_key);
            const QByteArray forged = b64url(json(with(goodClaims(), "role", "admin")));
            const auto parts = signedToken.split('.');
            QTest::newRow("payload swapped after signing")
                << bearer(parts[0] + '.' + forged + '.' + parts[2]) << false;
            QTest::newRow("signature truncated")
                << bearer(parts[0] + '.' + parts[1] + '.' + parts[2].left(parts[2].size() - 4))
                << false;
        }

        // One wrong claim each, correctly signed with the server's key.
        QTest::newRow("expired a minute ago")
            << real(with(with(with(goodClaims(), "exp", now - 60), "iat", now - 3660), "nbf",
                         now - 3660))
            << false;
        QTest::newRow("expires this second") << real(with(goodClaims(), "exp", now)) << false;
        QTest::newRow("no exp") << real(with(goodClaims(), "exp", QJsonValue::Undefined)) << false;
        QTest::newRow("exp as string")
            << real(with(goodClaims(), "exp", QString::number(now + 3600))) << false;
        QTest::newRow("not valid for an hour yet")
            << real(with(with(goodClaims(), "nbf", now + 3600), "exp", now + 7200)) << false;
        QTest::newRow("wrong audience") << real(with(goodClaims(), "aud", "someone-else")) << false;
        QTest::newRow("no audience")
            << real(with(goodClaims(), "aud", QJsonValue::Undefined)) << false;
        QTest::newRow("wrong issuer") << real(with(goodClaims(), "iss", "evil-corp")) << false;
        QTest::newRow("no issuer")
            << real(with(goodClaims(), "iss", QJsonValue::Undefined)) << false;
        QTest::newRow("unknown role") << real(with(goodClaims(), "role", "superuser")) << false;
        QTest::newRow("role in other case") << real(with(goodClaims(), "role", "Admin")) << false;
        QTest::newRow("no role") << real(with(goodClaims(), "role", QJsonValue::Undefined))
                                 << false;
        QTest::newRow("no subject")
            << real(with(goodClaims(), "sub", QJsonValue::Undefined)) << false;
        QTest::newRow("no token id")
            << real(with(goodClaims(), "jti", QJsonValue::Undefined)) << false;

        // The header itself.
        QTest::newRow("Bearer with no token") << QByteArray("Bearer") << false;
        QTest::newRow("Basic credentials") << QByteArray("Basic xyz") << false;
        QTest::newRow("Basic with a valid token")
            << "Basic " + craft(kHs256, goodClaims(), m_key) << false;
        QTest::newRow("valid token without scheme") << craft(kHs256, goodClaims(), m_key) << false;
        QTest::newRow("not a JWT") << QByteArray("Bearer not.a.jwt") << false;
        QTest::newRow("two dots only") << QByteArray("Bearer ..") << false;
        QTest::newRow("no header at all") << QByteArray() << false;
    }

    void authorization()
    {
        QFETCH(QByteArray, authorization);
        QFETCH(bool, accepted);
        const auto status = search(authorization);
        if (accepted) {
            QVERIFY2(status.ok(), status.error_message().c_str());
            return;
        }
        QVERIFY2(status.error_code() == grpc::StatusCode::UNAUTHENTICATED,
                 qPrintable(QString("code %1: %2")
                                .arg(status.error_code())
                                .arg(QString::fromStdString(status.error_message()))));
        // The refusal never echoes the presented credential.
        const QByteArray credential = authorization.mid(authorization.indexOf(' ') + 1);
        if (credential.size() > 8)
            QVERIFY(!QByteArray::fromStdString(status.error_message()).contains(credential));
    }

    void cleanupTestCase() { QCOMPARE(m_builderd.stop(), 0); }
};

QTEST_GUILESS_MAIN(TokenRejectionTest)
#include "test_token_rejection.moc"
