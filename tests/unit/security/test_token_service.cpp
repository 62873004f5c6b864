// TokenService: tokens are hand-crafted here with libsodium's HMAC-SHA256 so the
// verdicts do not depend on the code under test producing them.
#include "security/TokenService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <sodium.h>

#include <atomic>
#include <thread>
#include <vector>

using builder::common::StatusCode;
using builder::security::Principal;
using builder::security::Role;
using builder::security::TokenService;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(Role)

namespace {

constexpr qint64 kNowSeconds = 1'700'000'000;
const std::chrono::system_clock::time_point kNow{std::chrono::seconds{kNowSeconds}};

std::string key(char fill)
{
    return std::string(crypto_auth_hmacsha256_KEYBYTES, fill);
}

const std::string kKey = key('k');
const std::string kOtherKey = key('o');

QByteArray base64Url(const QByteArray& data)
{
    std::string out(
        sodium_base64_ENCODED_LEN(data.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()),
                      data.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return QByteArray(out.c_str());
}

QByteArray fromBase64Url(const QByteArray& text)
{
    return QByteArray::fromBase64(text,
                                  QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray hmac(const std::string& secret, const QByteArray& input)
{
    QByteArray mac(crypto_auth_hmacsha256_BYTES, '\0');
    crypto_auth_hmacsha256(reinterpret_cast<unsigned char*>(mac.data()),
                           reinterpret_cast<const unsigned char*>(input.data()), input.size(),
                           reinterpret_cast<const unsigned char*>(secret.data()));
    return mac;
}

QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject standardHeader()
{
    return {{"alg", "HS256"}, {"typ", "JWT"}};
}

QJsonObject standardClaims()
{
    return {{"iss", "builderd"},         {"aud", "builder"},   {"sub", "alice"},
            {"role", "engineer"},        {"iat", kNowSeconds}, {"nbf", kNowSeconds},
            {"exp", kNowSeconds + 3600}, {"jti", "token-1"}};
}

QByteArray signedToken(const QByteArray& header, const QByteArray& claims,
                       const std::string& secret = kKey)
{
    const QByteArray input = base64Url(header) + '.' + base64Url(claims);
    return input + '.' + base64Url(hmac(secret, input));
}

QJsonObject with(QJsonObject object, const QString& name, const QJsonValue& value)
{
    object.insert(name, value);
    return object;
}

QJsonObject without(QJsonObject object, const QString& name)
{
    object.remove(name);
    return object;
}

} // namespace

class TestTokenService : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void issuedTokenHasAllClaims();
    void emptyTokenIdIsGenerated();
    void craftedToken_data();
    void craftedToken();
    void algNoneRejected_data();
    void algNoneRejected();
    void tampered_data();
    void tampered();
    void garbage_data();
    void garbage();
    void revoked();
    void badArgumentsRefused();
    void concurrentVerify();
};

void TestTokenService::roundTrip_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<Role>("role");
    QTest::addColumn<QString>("tokenId");

    QTest::addRow("engineer") << "alice" << Role::Engineer << "t-1";
    QTest::addRow("reviewer") << "bob@example.com" << Role::Reviewer << "t-2";
    QTest::addRow("admin") << "root" << Role::Admin << "0123456789abcdef";
    QTest::addRow("unicode user") << QString::fromUtf8("j\u00f6rg \u6f22") << Role::Engineer
                                  << "t-3";
}

void TestTokenService::roundTrip()
{
    QFETCH(QString, user);
    QFETCH(Role, role);
    QFETCH(QString, tokenId);

    const TokenService service(kKey);
    const std::string token =
        service.issue(user.toStdString(), role, 1h, tokenId.toStdString(), kNow);
    const auto principal = service.verify(token, kNow);
    QVERIFY2(principal.ok(), principal.ok() ? "" : principal.error().message().c_str());
    QCOMPARE(principal->user, user.toStdString());
    QCOMPARE(principal->role, role);
    QCOMPARE(principal->tokenId, tokenId.toStdString());

    // Still valid one second before expiry, and strictly expired at it.
    QVERIFY(service.verify(token, kNow + 1h - 1s).ok());
    QVERIFY(!service.verify(token, kNow + 1h).ok());
}

void TestTokenService::issuedTokenHasAllClaims()
{
    const TokenService service(kKey, "issuer-x", "audience-y");
    const QByteArray token =
        QByteArray::fromStdString(service.issue("carol", Role::Reviewer, 15min, "jti-9", kNow));
    const QList<QByteArray> parts = token.split('.');
    QCOMPARE(parts.size(), 3);

    // Signature checked independently of the code under test.
    QCOMPARE(fromBase64Url(parts[2]), hmac(kKey, parts[0] + '.' + parts[1]));

    const QJsonObject header = QJsonDocument::fromJson(fromBase64Url(parts[0])).object();
    QCOMPARE(header.value("alg").toString(), QString("HS256"));

    const QJsonObject claims = QJsonDocument::fromJson(fromBase64Url(parts[1])).object();
    QCOMPARE(claims.value("iss").toString(), QString("issuer-x"));
    QCOMPARE(claims.value("aud").toString(), QString("audience-y"));
    QCOMPARE(claims.value("sub").toString(), QString("carol"));
    QCOMPARE(claims.value("role").toString(), QString("reviewer"));
    QCOMPARE(claims.value("jti").toString(), QString("jti-9"));
    QCOMPARE(claims.value("iat").toInteger(), kNowSeconds);
    QCOMPARE(claims.value("nbf").toInteger(), kNowSeconds);
    QCOMPARE(claims.value("exp").toInteger(), kNowSeconds + 15 * 60);

    // The default issuer/audience service must not accept it.
    QVERIFY(!TokenService(kKey).verify(token.toStdString(), kNow).ok());
}

void TestTokenService::emptyTokenIdIsGenerated()
{
    const TokenService service(kKey);
    const auto first = service.verify(service.issue("alice", Role::Engineer, 1h, "", kNow), kNow);
    const auto second = service.verify(service.issue("alice", Role::Engineer, 1h, "", kNow), kNow);
    QVERIFY(first.ok() && second.ok());
    QVERIFY(!first->tokenId.empty());
    QVERIFY(first->tokenId != second->tokenId);
}

void TestTokenService::craftedToken_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("claims");
    QTest::addColumn<bool>("otherKey");
    QTest::addColumn<qint64>("nowOffset");
    QTest::addColumn<QString>("error"); // empty: must verify

    const QByteArray h = json(standardHeader());
    const QJsonObject c = standardClaims();

    QTest::addRow("valid") << h << json(c) << false << 0LL << "";
    QTest::addRow("valid without typ")
        << json(without(standardHeader(), "typ")) << json(c) << false << 0LL << "";
    QTest::addRow("aud array containing ours")
        << h << json(with(c, "aud", QJsonArray{"other", "builder"})) << false << 0LL << "";
    QTest::addRow("aud array without ours")
        << h << json(with(c, "aud", QJsonArray{"other", "builder2"})) << false << 0LL << "audience";
    QTest::addRow("aud empty array")
        << h << json(with(c, "aud", QJsonArray{})) << false << 0LL << "audience";
    QTest::addRow("wrong audience")
        << h << json(with(c, "aud", "builders")) << false << 0LL << "audience";
    QTest::addRow("missing audience") << h << json(without(c, "aud")) << false << 0LL << "audience";
    QTest::addRow("wrong issuer") << h << json(with(c, "iss", "someone-else")) << false << 0LL
                                  << "issuer";
    QTest::addRow("missing issuer") << h << json(without(c, "iss")) << false << 0LL << "issuer";
    QTest::addRow("another key") << h << json(c) << true << 0LL << "signature";
    QTest::addRow("expired at exp")
        << h << json(with(c, "exp", kNowSeconds)) << false << 0LL << "expired";
    QTest::addRow("expired after exp")
        << h << json(with(c, "exp", kNowSeconds)) << false << 1LL << "expired";
    QTest::addRow("valid a second before exp")
        << h << json(with(c, "exp", kNowSeconds + 1)) << false << 0LL << "";
    QTest::addRow("missing exp") << h << json(without(c, "exp")) << false << 0LL << "expiry";
    QTest::addRow("exp as string")
        << h << json(with(c, "exp", "1700003600")) << false << 0LL << "malformed";
    QTest::addRow("exp as real") << h << json(with(c, "exp", double(kNowSeconds) + 3600.5)) << false
                                 << 0LL << "malformed";
    QTest::addRow("exp as bool") << h << json(with(c, "exp", true)) << false << 0LL << "malformed";
    QTest::addRow("nbf as string") << h << json(with(c, "nbf", "0")) << false << 0LL << "malformed";
    QTest::addRow("nbf within leeway")
        << h << json(with(c, "nbf", kNowSeconds + 30)) << false << 0LL << "";
    QTest::addRow("nbf in future")
        << h << json(with(c, "nbf", kNowSeconds + 31)) << false << 0LL << "not yet valid";
    QTest::addRow("missing nbf") << h << json(without(c, "nbf")) << false << 0LL << "";
    QTest::addRow("missing sub") << h << json(without(c, "sub")) << false << 0LL << "subject";
    QTest::addRow("empty sub") << h << json(with(c, "sub", "")) << false << 0LL << "subject";
    QTest::addRow("sub not a string") << h << json(with(c, "sub", 42)) << false << 0LL << "subject";
    QTest::addRow("missing role") << h << json(without(c, "role")) << false << 0LL << "no role";
    QTest::addRow("role not a string")
        << h << json(with(c, "role", 1)) << false << 0LL << "no role";
    QTest::addRow("unknown role") << h << json(with(c, "role", "superuser")) << false << 0LL
                                  << "role is unknown";
    QTest::addRow("role wrong case")
        << h << json(with(c, "role", "Admin")) << false << 0LL << "role is unknown";
    QTest::addRow("missing jti") << h << json(without(c, "jti")) << false << 0LL << "no id";
    QTest::addRow("empty jti") << h << json(with(c, "jti", "")) << false << 0LL << "no id";
    QTest::addRow("claims not an object")
        << h << QByteArray("[1,2]") << false << 0LL << "malformed";
    QTest::addRow("alg HS512") << json(with(standardHeader(), "alg", "HS512")) << json(c) << false
                               << 0LL << "algorithm";
    QTest::addRow("alg RS256") << json(with(standardHeader(), "alg", "RS256")) << json(c) << false
                               << 0LL << "algorithm";
    QTest::addRow("alg hs256") << json(with(standardHeader(), "alg", "hs256")) << json(c) << false
                               << 0LL << "algorithm";
    QTest::addRow("alg None") << json(with(standardHeader(), "alg", "None")) << json(c) << false
                              << 0LL << "algorithm";
    QTest::addRow("alg missing") << json(without(standardHeader(), "alg")) << json(c) << false
                                 << 0LL << "algorithm";
    QTest::addRow("alg not a string")
        << json(with(standardHeader(), "alg", 256)) << json(c) << false << 0LL << "algorithm";
    QTest::addRow("typ other") << json(with(standardHeader(), "typ", "at+jwt+x")) << json(c)
                               << false << 0LL << "type";
    QTest::addRow("crit header") << json(with(standardHeader(), "crit", QJsonArray{"exp"}))
                                 << json(c) << false << 0LL << "critical";
    QTest::addRow("header not an object")
        << QByteArray("[\"HS256\"]") << json(c) << false << 0LL << "malformed";
}

void TestTokenService::craftedToken()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, claims);
    QFETCH(bool, otherKey);
    QFETCH(qint64, nowOffset);
    QFETCH(QString, error);

    const TokenService service(kKey);
    const QByteArray token = signedToken(header, claims, otherKey ? kOtherKey : kKey);
    const auto result = service.verify(token.toStdString(), kNow + std::chrono::seconds(nowOffset));

    if (error.isEmpty()) {
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
        QCOMPARE(result->user, std::string("alice"));
        return;
    }
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code(), StatusCode::Unauthenticated);
    const QString message = QString::fromStdString(result.error().message());
    QVERIFY2(message.contains(error), qPrintable(message));
    QVERIFY(!message.contains(QString::fromLatin1(token)));
}

void TestTokenService::algNoneRejected_data()
{
    QTest::addColumn<QByteArray>("token");

    const QByteArray claims = base64Url(json(with(standardClaims(), "role", "admin")));
    for (const char* alg : {"none", "None", "NONE", "nOnE"}) {
        const QByteArray header = base64Url(json({{"alg", alg}, {"typ", "JWT"}}));
        const QByteArray input = header + '.' + claims;
        QTest::addRow("%s, empty signature", alg) << input + '.';
        QTest::addRow("%s, no signature segment", alg) << input;
        QTest::addRow("%s, with HMAC signature", alg) << input + '.' + base64Url(hmac(kKey, input));
    }
}

void TestTokenService::algNoneRejected()
{
    QFETCH(QByteArray, token);

    const auto result = TokenService(kKey).verify(token.toStdString(), kNow);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code(), StatusCode::Unauthenticated);
    QVERIFY(!QString::fromStdString(result.error().message()).contains(QString::fromLatin1(token)));
}

void TestTokenService::tampered_data()
{
    QTest::addColumn<QByteArray>("token");

    const QByteArray header = base64Url(json(standardHeader()));
    const QByteArray claims = base64Url(json(standardClaims()));
    const QByteArray signature = base64Url(hmac(kKey, header + '.' + claims));
    const QByteArray admin = base64Url(json(with(standardClaims(), "role", "admin")));
    const QByteArray later = base64Url(json(with(standardClaims(), "exp", kNowSeconds + 86400)));

    QTest::addRow("role raised, old signature") << header + '.' + admin + '.' + signature;
    QTest::addRow("exp extended, old signature") << header + '.' + later + '.' + signature;

    QByteArray flipped = signature;
    flipped[0] = flipped[0] == 'A' ? 'B' : 'A';
    QTest::addRow("signature byte changed") << header + '.' + claims + '.' + flipped;
    QTest::addRow("signature truncated") << header + '.' + claims + '.' + signature.chopped(2);
    QTest::addRow("signature extended") << header + '.' + claims + '.' + signature + "AA";

    // 32 bytes take 43 characters whose last 2 bits are padding: setting one must
    // not yield a second valid spelling of the same signature.
    static const QByteArray kAlphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    QByteArray padded = signature;
    padded[padded.size() - 1] = kAlphabet[kAlphabet.indexOf(padded.back()) ^ 1];
    QTest::addRow("signature padding bits set") << header + '.' + claims + '.' + padded;
    QTest::addRow("signature base64 padded") << header + '.' + claims + '.' + signature + '=';
    QTest::addRow("header re-encoded with padding") << header + "=." + claims + '.' + signature;
}

void TestTokenService::tampered()
{
    QFETCH(QByteArray, token);

    const auto result = TokenService(kKey).verify(token.toStdString(), kNow);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code(), StatusCode::Unauthenticated);
}

void TestTokenService::garbage_data()
{
    QTest::addColumn<QByteArray>("token");

    const QByteArray header = base64Url(json(standardHeader()));
    const QByteArray claims = base64Url(json(standardClaims()));
    const QByteArray valid = signedToken(json(standardHeader()), json(standardClaims()));

    QTest::addRow("empty") << QByteArray();
    QTest::addRow("one dot") << QByteArray(".");
    QTest::addRow("two dots") << QByteArray("..");
    QTest::addRow("two segments") << QByteArray("abc.def");
    QTest::addRow("four segments") << valid + ".extra";
    QTest::addRow("bearer prefix") << "Bearer " + valid;
    QTest::addRow("trailing space") << valid + ' ';
    QTest::addRow("plain words") << QByteArray("not a token at all");
    QTest::addRow("invalid characters") << QByteArray("eyJ!.eyJ$.c2ln");
    QTest::addRow("standard base64 alphabet") << QByteArray("ab+c.de/f.gh+i");
    QTest::addRow("header not json") << base64Url("hello") + '.' + claims + ".c2ln";
    QTest::addRow("header impossible base64") << "a." + claims + ".c2ln";
    QTest::addRow("empty header") << '.' + claims + ".c2ln";
    QTest::addRow("empty payload") << header + "..c2ln";
    QTest::addRow("nul inside") << header + '\0' + '.' + claims + ".c2ln";
    QTest::addRow("huge") << QByteArray(TokenService::kMaxTokenBytes + 1, 'a');
    QTest::addRow("huge but well formed") << header + '.' + QByteArray(9000, 'A') + ".c2ln";
}

void TestTokenService::garbage()
{
    QFETCH(QByteArray, token);

    const auto result =
        TokenService(kKey).verify(std::string_view(token.data(), token.size()), kNow);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code(), StatusCode::Unauthenticated);
    QVERIFY(!result.error().message().empty());
    if (token.size() > 8)
        QVERIFY(
            !QString::fromStdString(result.error().message()).contains(QString::fromLatin1(token)));
}

void TestTokenService::revoked()
{
    TokenService service(kKey);
    const std::string revokedToken = service.issue("alice", Role::Admin, 1h, "revoked-1", kNow);
    const std::string goodToken = service.issue("alice", Role::Admin, 1h, "good-1", kNow);

    service.setRevocationCheck([](const std::string& id) { return id == "revoked-1"; });
    const auto result = service.verify(revokedToken, kNow);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code(), StatusCode::Unauthenticated);
    QCOMPARE(result.error().message(), std::string("token has been revoked"));
    QVERIFY(service.verify(goodToken, kNow).ok());

    service.setRevocationCheck(nullptr);
    QVERIFY(service.verify(revokedToken, kNow).ok());
}

void TestTokenService::badArgumentsRefused()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TokenService(std::string(31, 'x')));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TokenService(kKey, "", "builder"));
    const TokenService service(kKey);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, service.issue("", Role::Admin, 1h, "t", kNow));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             service.issue(std::string("bob\0admin", 9), Role::Engineer, 1h, "t"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, service.issue("bob", Role::Admin, 0s, "t"));
    // Longer keys are fine (HMAC hashes them down).
    const TokenService longKey(std::string(100, 'z'));
    QVERIFY(longKey.verify(longKey.issue("alice", Role::Engineer, 1min, "t", kNow), kNow).ok());
}

void TestTokenService::concurrentVerify()
{
    TokenService service(kKey);
    const std::string good = service.issue("alice", Role::Engineer, 1h, "good", kNow);
    const std::string revoked = service.issue("alice", Role::Engineer, 1h, "bad", kNow);
    std::atomic<int> failures{0};
    std::atomic<bool> stop{false};

    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 300; ++i) {
                if (!service.verify(good, kNow).ok())
                    ++failures;
                (void)service.verify(revoked, kNow);
            }
        });
    }
    // Swapping the hook while others verify must be safe (run under TSan/ASan too).
    std::thread swapper([&] {
        while (!stop.load()) {
            service.setRevocationCheck([](const std::string& id) { return id == "bad"; });
            service.setRevocationCheck(nullptr);
        }
    });
    for (auto& thread : threads)
        thread.join();
    stop = true;
    swapper.join();
    QCOMPARE(failures.load(), 0);
}

QTEST_GUILESS_MAIN(TestTokenService)
#include "test_token_service.moc"
