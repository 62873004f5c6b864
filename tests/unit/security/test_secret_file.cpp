// SecretFile: owner-only key files, created atomically and refused when loose.
#include "security/SecretFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <thread>
#include <vector>

using builder::common::StatusCode;
using builder::security::SecretFile;

namespace {

mode_t modeOf(const QString& path)
{
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 07777;
}

void writeFile(const QString& path, const QByteArray& content, mode_t mode)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(content), content.size());
    file.close();
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode), 0);
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestSecretFile : public QObject
{
    Q_OBJECT

private slots:
    void createsPrivateFile_data();
    void createsPrivateFile();
    void reloadsSameBytes();
    void acceptsOwnerOnlyModes_data();
    void acceptsOwnerOnlyModes();
    void refusesLoosePermissions_data();
    void refusesLoosePermissions();
    void refusesWrongSize_data();
    void refusesWrongSize();
    void refusesSymlinkAndDirectory();
    void concurrentCreatorsAgree();
    void writePrivateReplacesAtomically();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
};

void TestSecretFile::createsPrivateFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("bytes");

    QTest::addRow("32 bytes") << "k32/key" << 32;
    QTest::addRow("64 bytes") << "k64/key" << 64;
    QTest::addRow("missing parents") << "a/b/c/key" << 32;
}

void TestSecretFile::createsPrivateFile()
{
    QFETCH(QString, name);
    QFETCH(int, bytes);

    const QString file = path(name);
    const auto key = SecretFile::loadOrCreate(file.toStdString(), bytes);
    QVERIFY2(key.ok(), key.ok() ? "" : key.error().message().c_str());
    QCOMPARE(key->size(), std::size_t(bytes));
    QCOMPARE(modeOf(file), mode_t(0600));
    QCOMPARE(readFile(file), QByteArray::fromStdString(*key));
    QVERIFY(*key != std::string(bytes, '\0'));
    if (name.contains('/'))
        QCOMPARE(modeOf(QFileInfo(file).path()), mode_t(0700));
    // Nothing but the key itself is left behind (no temp files).
    QCOMPARE(QDir(QFileInfo(file).path()).entryList(QDir::Files).size(), 1);
}

void TestSecretFile::reloadsSameBytes()
{
    const std::string file = path("reload").toStdString();
    const auto created = SecretFile::loadOrCreate(file, 32);
    QVERIFY(created.ok());
    const auto loaded = SecretFile::loadOrCreate(file, 32);
    QVERIFY(loaded.ok());
    QCOMPARE(*loaded, *created);
}

void TestSecretFile::acceptsOwnerOnlyModes_data()
{
    QTest::addColumn<int>("mode");
    QTest::addRow("0600") << 0600;
    QTest::addRow("0400") << 0400;
}

void TestSecretFile::acceptsOwnerOnlyModes()
{
    QFETCH(int, mode);
    const QString file = path(QString("owner-%1").arg(mode, 0, 8));
    const QByteArray content(32, 'q');
    writeFile(file, content, mode);
    const auto key = SecretFile::loadOrCreate(file.toStdString(), 32);
    QVERIFY2(key.ok(), key.ok() ? "" : key.error().message().c_str());
    QCOMPARE(QByteArray::fromStdString(*key), content);
}

void TestSecretFile::refusesLoosePermissions_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("shown");

    QTest::addRow("0644") << 0644 << "0644";
    QTest::addRow("0640") << 0640 << "0640";
    QTest::addRow("0604") << 0604 << "0604";
    QTest::addRow("0660") << 0660 << "0660";
    QTest::addRow("0666") << 0666 << "0666";
    QTest::addRow("0610") << 0610 << "0610";
}

void TestSecretFile::refusesLoosePermissions()
{
    QFETCH(int, mode);
    QFETCH(QString, shown);

    const QString file = path("loose-" + shown);
    const QByteArray content(32, 'q');
    writeFile(file, content, mode);

    const auto key = SecretFile::loadOrCreate(file.toStdString(), 32);
    QVERIFY(!key.ok());
    QCOMPARE(key.error().code(), StatusCode::FailedPrecondition);
    const QString message = QString::fromStdString(key.error().message());
    QVERIFY2(message.contains(file), qPrintable(message));
    QVERIFY2(message.contains(shown), qPrintable(message));
    // Refused, not "repaired": the file is untouched.
    QCOMPARE(modeOf(file), mode_t(mode));
    QCOMPARE(readFile(file), content);
}

void TestSecretFile::refusesWrongSize_data()
{
    QTest::addColumn<int>("actual");
    QTest::addRow("empty") << 0;
    QTest::addRow("31 bytes") << 31;
    QTest::addRow("33 bytes") << 33;
    QTest::addRow("hex text of 32 bytes") << 64;
}

void TestSecretFile::refusesWrongSize()
{
    QFETCH(int, actual);

    const QString file = path(QString("size-%1").arg(actual));
    writeFile(file, QByteArray(actual, 'q'), 0600);
    const auto key = SecretFile::loadOrCreate(file.toStdString(), 32);
    QVERIFY(!key.ok());
    QCOMPARE(key.error().code(), StatusCode::FailedPrecondition);
    const QString message = QString::fromStdString(key.error().message());
    QVERIFY2(message.contains(file), qPrintable(message));
    QVERIFY2(message.contains("expected 32 bytes"), qPrintable(message));
}

void TestSecretFile::refusesSymlinkAndDirectory()
{
    const QString target = path("link-target");
    writeFile(target, QByteArray(32, 'q'), 0600);
    const QString link = path("link");
    QVERIFY(QFile::link(target, link));
    const auto viaLink = SecretFile::loadOrCreate(link.toStdString(), 32);
    QVERIFY(!viaLink.ok());
    QVERIFY(QString::fromStdString(viaLink.error().message()).contains(link));

    const QString directory = path("a-directory");
    QVERIFY(QDir().mkpath(directory));
    QVERIFY(::chmod(QFile::encodeName(directory).constData(), 0700) == 0);
    QVERIFY(!SecretFile::loadOrCreate(directory.toStdString(), 32).ok());

    QCOMPARE(SecretFile::loadOrCreate(path("zero").toStdString(), 0).error().code(),
             StatusCode::InvalidArgument);
}

void TestSecretFile::concurrentCreatorsAgree()
{
    // Daemons starting together must end up with one key, never overwrite each other.
    const std::string file = path("race").toStdString();
    std::vector<std::string> keys(8);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        threads.emplace_back([&, i] {
            const auto key = SecretFile::loadOrCreate(file, 32);
            keys[i] = key.ok() ? *key : std::string();
        });
    }
    for (auto& thread : threads)
        thread.join();
    const QByteArray onDisk = readFile(path("race"));
    for (const auto& key : keys)
        QCOMPARE(QByteArray::fromStdString(key), onDisk);
}

void TestSecretFile::writePrivateReplacesAtomically()
{
    const QString directory = path("tokens");
    QVERIFY(QDir().mkpath(directory));
    const QString file = directory + "/admin.token";
    writeFile(file, "old and world-readable", 0644);

    QVERIFY(SecretFile::writePrivate(file.toStdString(), "new-token").ok());
    QCOMPARE(readFile(file), QByteArray("new-token"));
    QCOMPARE(modeOf(file), mode_t(0600));
    QCOMPARE(QDir(directory).entryList(QDir::Files), QStringList{"admin.token"});

    const QString fresh = path("fresh/admin.token");
    QVERIFY(SecretFile::writePrivate(fresh.toStdString(), std::string("a\0b", 3)).ok());
    QCOMPARE(readFile(fresh), QByteArray("a\0b", 3));
    QCOMPARE(modeOf(fresh), mode_t(0600));

    const auto failed = SecretFile::writePrivate("/proc/no-such-dir/x", "data");
    QVERIFY(!failed.ok());
    QVERIFY(failed.error().message().find("/proc/no-such-dir") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestSecretFile)
#include "test_secret_file.moc"
