// CredentialCipher: AEAD round trips, binding to the repository id, tampering,
// and the BUILDER_CREDENTIAL_KEY / key file sources.
#include "security/CredentialCipher.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sodium.h>

using builder::common::StatusCode;
using builder::security::CredentialCipher;

namespace {

const char* const kEnv = CredentialCipher::kKeyEnvironmentVariable;

std::string rawKey()
{
    std::string key(CredentialCipher::kKeyBytes, '\0');
    for (std::size_t i = 0; i < key.size(); ++i)
        key[i] = static_cast<char>(0xA0 + i); // non-ASCII bytes catch sign/encoding slips
    return key;
}

CredentialCipher cipherFor(const std::string& key)
{
    auto cipher = CredentialCipher::fromKey(key);
    if (!cipher.ok())
        qFatal("fromKey failed: %s", cipher.error().message().c_str());
    return std::move(cipher).value();
}

} // namespace

class TestCredentialCipher : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void roundTrip_data();
    void roundTrip();
    void movedToAnotherRepositoryFails();
    void wrongKeyFails();
    void tampered_data();
    void tampered();
    void sealsDiffer();
    void fromKeyRejectsWrongSize_data();
    void fromKeyRejectsWrongSize();
    void environmentKey_data();
    void environmentKey();
    void malformedEnvironmentKey_data();
    void malformedEnvironmentKey();
    void keyFileFallback_data();
    void keyFileFallback();

private:
    QTemporaryDir m_dir;
};

void TestCredentialCipher::init()
{
    qunsetenv(kEnv);
}

void TestCredentialCipher::cleanup()
{
    qunsetenv(kEnv);
}

void TestCredentialCipher::roundTrip_data()
{
    QTest::addColumn<QByteArray>("plaintext");

    QTest::addRow("empty") << QByteArray();
    QTest::addRow("token") << QByteArray("ghp_0123456789abcdefghijklmnopqrstuvwxyz");
    QTest::addRow("ssh key with NULs") << QByteArray("-----BEGIN\0KEY\0\xff\xfe-----", 22);
    QTest::addRow("64 KiB") << QByteArray(64 * 1024, 'x');
}

void TestCredentialCipher::roundTrip()
{
    QFETCH(QByteArray, plaintext);

    const auto cipher = cipherFor(rawKey());
    const std::string_view text(plaintext.constData(), plaintext.size());
    const auto sealed = cipher.seal(text, "repo-1");
    QCOMPARE(sealed.nonce.size(), std::size_t(24));
    QCOMPARE(sealed.ciphertext.size(), text.size() + 16);
    if (!text.empty())
        QVERIFY(sealed.ciphertext.find(text) == std::string::npos);

    const auto opened = cipher.open(sealed, "repo-1");
    QVERIFY(opened.ok());
    QCOMPARE(*opened, std::string(text));
}

void TestCredentialCipher::movedToAnotherRepositoryFails()
{
    const auto cipher = cipherFor(rawKey());
    const auto sealed = cipher.seal("secret-password", "repo-1");
    for (const char* other : {"repo-2", "repo-1 ", "", "REPO-1"}) {
        const auto opened = cipher.open(sealed, other);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), StatusCode::DataLoss);
        QCOMPARE(opened.error().message(),
                 std::string("credential could not be decrypted (wrong key or moved between "
                             "repositories)"));
    }
}

void TestCredentialCipher::wrongKeyFails()
{
    const auto sealed = cipherFor(rawKey()).seal("secret-password", "repo-1");
    const auto opened = cipherFor(std::string(32, 'z')).open(sealed, "repo-1");
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code(), StatusCode::DataLoss);
}

void TestCredentialCipher::tampered_data()
{
    QTest::addColumn<int>("part");  // 0 = ciphertext, 1 = nonce
    QTest::addColumn<int>("index"); // byte to flip; -1 = truncate by one, -2 = empty

    QTest::addRow("ciphertext first byte") << 0 << 0;
    QTest::addRow("ciphertext last byte (tag)") << 0 << 1000;
    QTest::addRow("ciphertext truncated") << 0 << -1;
    QTest::addRow("ciphertext empty") << 0 << -2;
    QTest::addRow("nonce first byte") << 1 << 0;
    QTest::addRow("nonce last byte") << 1 << 1000;
    QTest::addRow("nonce truncated") << 1 << -1;
    QTest::addRow("nonce empty") << 1 << -2;
}

void TestCredentialCipher::tampered()
{
    QFETCH(int, part);
    QFETCH(int, index);

    const auto cipher = cipherFor(rawKey());
    auto sealed = cipher.seal("secret-password", "repo-1");
    std::string& target = part == 0 ? sealed.ciphertext : sealed.nonce;
    if (index == -1)
        target.pop_back();
    else if (index == -2)
        target.clear();
    else
        target[std::min<std::size_t>(index, target.size() - 1)] ^= 0x01;

    const auto opened = cipher.open(sealed, "repo-1");
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code(), StatusCode::DataLoss);
}

void TestCredentialCipher::sealsDiffer()
{
    const auto cipher = cipherFor(rawKey());
    const auto first = cipher.seal("same plaintext", "repo-1");
    const auto second = cipher.seal("same plaintext", "repo-1");
    QVERIFY(first.nonce != second.nonce);
    QVERIFY(first.ciphertext != second.ciphertext);
    QCOMPARE(*cipher.open(first, "repo-1"), std::string("same plaintext"));
    QCOMPARE(*cipher.open(second, "repo-1"), std::string("same plaintext"));
}

void TestCredentialCipher::fromKeyRejectsWrongSize_data()
{
    QTest::addColumn<int>("size");
    QTest::addRow("empty") << 0;
    QTest::addRow("31 bytes") << 31;
    QTest::addRow("33 bytes") << 33;
    QTest::addRow("64 bytes") << 64;
}

void TestCredentialCipher::fromKeyRejectsWrongSize()
{
    QFETCH(int, size);
    const auto cipher = CredentialCipher::fromKey(std::string(size, 'k'));
    QVERIFY(!cipher.ok());
    QCOMPARE(cipher.error().code(), StatusCode::InvalidArgument);
}

void TestCredentialCipher::environmentKey_data()
{
    QTest::addColumn<QByteArray>("value");

    const QByteArray key = QByteArray::fromStdString(rawKey());
    QTest::addRow("hex lower") << key.toHex();
    QTest::addRow("hex upper") << key.toHex().toUpper();
    QTest::addRow("base64 padded") << key.toBase64();
    QTest::addRow("base64 unpadded") << key.toBase64(QByteArray::OmitTrailingEquals);
    QTest::addRow("base64url") << key.toBase64(QByteArray::Base64UrlEncoding |
                                               QByteArray::OmitTrailingEquals);
    QTest::addRow("hex with trailing newline") << key.toHex() + '\n';
}

void TestCredentialCipher::environmentKey()
{
    QFETCH(QByteArray, value);

    qputenv(kEnv, value);
    const QString keyFile = m_dir.filePath("env-" + QString(QTest::currentDataTag()) + "/key");
    auto cipher = CredentialCipher::fromEnvironmentOrFile(keyFile.toStdString());
    QVERIFY2(cipher.ok(), cipher.ok() ? "" : cipher.error().message().c_str());
    QVERIFY(!QFile::exists(keyFile)); // the environment wins; no file is made

    // Same key as the raw bytes: each side opens what the other sealed.
    const auto reference = cipherFor(rawKey());
    QCOMPARE(*reference.open(cipher->seal("pw", "repo-1"), "repo-1"), std::string("pw"));
    QCOMPARE(*cipher->open(reference.seal("pw", "repo-1"), "repo-1"), std::string("pw"));
}

void TestCredentialCipher::malformedEnvironmentKey_data()
{
    QTest::addColumn<QByteArray>("value");

    const QByteArray key = QByteArray::fromStdString(rawKey());
    QTest::addRow("63 hex chars") << key.toHex().chopped(1);
    QTest::addRow("65 hex chars") << key.toHex() + 'a';
    QTest::addRow("hex with a non-hex char") << key.toHex().replace(10, 1, "g");
    QTest::addRow("base64 of 31 bytes") << key.left(31).toBase64();
    QTest::addRow("base64 of 33 bytes") << (key + 'x').toBase64();
    QTest::addRow("base64 with junk") << key.toBase64() + "!";
    QTest::addRow("passphrase") << QByteArray("correct horse battery staple");
    QTest::addRow("whitespace only") << QByteArray("   ");
}

void TestCredentialCipher::malformedEnvironmentKey()
{
    QFETCH(QByteArray, value);

    qputenv(kEnv, value);
    const QString keyFile = m_dir.filePath("bad-" + QString(QTest::currentDataTag()) + "/key");
    const auto cipher = CredentialCipher::fromEnvironmentOrFile(keyFile.toStdString());
    QVERIFY(!cipher.ok());
    QCOMPARE(cipher.error().code(), StatusCode::FailedPrecondition);
    QVERIFY(cipher.error().message().find(kEnv) != std::string::npos);
    QVERIFY(cipher.error().message().find(value.toStdString()) == std::string::npos ||
            value.trimmed().isEmpty());
    QVERIFY(!QFile::exists(keyFile)); // an error, not a fallback to the file
}

void TestCredentialCipher::keyFileFallback_data()
{
    QTest::addColumn<bool>("setEmpty");
    QTest::addRow("variable unset") << false;
    QTest::addRow("variable empty") << true;
}

void TestCredentialCipher::keyFileFallback()
{
    QFETCH(bool, setEmpty);
    if (setEmpty)
        qputenv(kEnv, "");

    const QString keyFile = m_dir.filePath("file-" + QString(QTest::currentDataTag()) + "/key");
    auto first = CredentialCipher::fromEnvironmentOrFile(keyFile.toStdString());
    QVERIFY2(first.ok(), first.ok() ? "" : first.error().message().c_str());
    QVERIFY(QFile::exists(keyFile));
    QCOMPARE(QFile(keyFile).size(), qint64(CredentialCipher::kKeyBytes));

    // A restart loads the same key: yesterday's ciphertexts still open.
    auto second = CredentialCipher::fromEnvironmentOrFile(keyFile.toStdString());
    QVERIFY(second.ok());
    QCOMPARE(*second->open(first->seal("pw", "repo-7"), "repo-7"), std::string("pw"));
}

QTEST_GUILESS_MAIN(TestCredentialCipher)
#include "test_credential_cipher.moc"
