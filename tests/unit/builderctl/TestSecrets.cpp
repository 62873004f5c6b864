#include "TestBuilderCtl.h"

#include "builderctl/Cli.h"
#include "builderctl/CommandLine.h"
#include "builderctl/CredentialArgs.h"
#include "builderctl/EnumNames.h"
#include "builderctl/Environment.h"
#include "builderctl/RepoRequests.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sstream>

using namespace builder::ctl;

namespace {

using Variables = QMap<QString, QString>;

std::map<std::string, std::string> toMap(const Variables& variables)
{
    std::map<std::string, std::string> out;
    for (auto it = variables.begin(); it != variables.end(); ++it)
        out[it.key().toStdString()] = it.value().toStdString();
    return out;
}

} // namespace

void TestBuilderCtl::credentials_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<Variables>("env");
    // "type|field=value|..." of the built Credential; "none" for no credential
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("error");

    QTest::newRow("none") << QStringList{} << Variables{} << "none"
                          << "";
    QTest::newRow("token from env") << QStringList{"--token-env", "GIT_TOKEN"}
                                    << Variables{{"GIT_TOKEN", "t0k"}} << "token|token=t0k"
                                    << "";
    QTest::newRow("token explicit type with user")
        << QStringList{"--credential-type", "token", "--token-env", "T", "--username", "bot"}
        << Variables{{"T", "t0k"}} << "token|token=t0k|username=bot"
        << "";
    QTest::newRow("token env unset")
        << QStringList{"--token-env", "GIT_TOKEN"} << Variables{} << ""
        << "--token-env: environment variable GIT_TOKEN is not set or empty";
    QTest::newRow("token env empty")
        << QStringList{"--token-env", "GIT_TOKEN"} << Variables{{"GIT_TOKEN", ""}} << ""
        << "--token-env: environment variable GIT_TOKEN is not set or empty";
    QTest::newRow("basic") << QStringList{"--username", "me", "--password-env", "PW"}
                           << Variables{{"PW", "s3cret"}} << "basic|username=me|password=s3cret"
                           << "";
    QTest::newRow("basic without user")
        << QStringList{"--credential-type", "basic", "--password-env", "PW"}
        << Variables{{"PW", "x"}} << ""
        << "--credential-type basic requires --username USER";
    QTest::newRow("oauth with refresh")
        << QStringList{"--oauth-token-env", "A", "--oauth-refresh-token-env", "R"}
        << Variables{{"A", "at"}, {"R", "rt"}} << "oauth|oauth_token=at|oauth_refresh_token=rt"
        << "";
    QTest::newRow("ssh key file") << QStringList{"--ssh-key-file", "KEYFILE"} << Variables{}
                                  << "ssh-key|ssh_private_key=KEY"
                                  << "";
    QTest::newRow("ssh key missing file")
        << QStringList{"--ssh-key-file", "/nonexistent/id_ed25519"} << Variables{} << ""
        << "--ssh-key-file: cannot read '/nonexistent/id_ed25519'";
    QTest::newRow("type without secret")
        << QStringList{"--credential-type", "ssh-key"} << Variables{} << ""
        << "--credential-type ssh-key requires --ssh-key-file";
    QTest::newRow("conflicting") << QStringList{"--token-env", "A", "--password-env", "B"}
                                 << Variables{{"A", "a"}, {"B", "b"}} << ""
                                 << "conflicting credential options";
    QTest::newRow("mismatch") << QStringList{"--credential-type", "ssh-key", "--token-env", "A"}
                              << Variables{{"A", "a"}} << ""
                              << "--token-env does not apply to --credential-type ssh-key";
    QTest::newRow("unknown type") << QStringList{"--credential-type", "password"} << Variables{}
                                  << ""
                                  << "--credential-type: unknown value 'password' (valid: "
                                     "ssh-key, token, oauth, basic)";
    QTest::newRow("username alone") << QStringList{"--username", "me"} << Variables{} << ""
                                    << "--username needs --password-env VAR";
}

void TestBuilderCtl::credentials()
{
    QFETCH(QStringList, args);
    QFETCH(Variables, env);
    QFETCH(QString, expected);
    QFETCH(QString, error);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString keyPath = dir.filePath("id_ed25519");
    const QByteArray key = "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE "
                           "KEY-----\n";
    {
        QFile file(keyPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(key);
    }
    args.replaceInStrings("KEYFILE", keyPath);
    expected.replace("KEY", QString::fromUtf8(key));

    const CommandLine commandLine({}, {{"x", "y", "", "", "", 0, 0, CredentialArgs::options()}});
    std::vector<std::string> argv{"x", "y"};
    for (const auto& arg : args)
        argv.push_back(arg.toStdString());
    auto invocation = commandLine.parse(argv);
    QVERIFY(invocation.ok());

    auto credential = CredentialArgs::build(invocation->args, Environment::fromMap(toMap(env)));
    if (!error.isEmpty()) {
        QVERIFY(!credential.ok());
        QVERIFY2(QString::fromStdString(credential.error().message()).startsWith(error),
                 credential.error().message().c_str());
        return;
    }
    QVERIFY2(credential.ok(), credential.ok() ? "" : credential.error().message().c_str());
    if (expected == "none") {
        QVERIFY(!credential->has_value());
        return;
    }
    QVERIFY(credential->has_value());
    const auto& c = **credential;
    QString actual = QString::fromStdString(
        EnumNames::shortName(feature::repository::v1::CredentialType_descriptor(), c.type()));
    const std::pair<const char*, std::string> fields[] = {
        {"token", c.token()},
        {"username", c.username()},
        {"password", c.password()},
        {"oauth_token", c.oauth_token()},
        {"oauth_refresh_token", c.oauth_refresh_token()},
        {"ssh_private_key", c.ssh_private_key()}};
    QStringList parts = expected.split('|');
    QCOMPARE(actual, parts.takeFirst());
    for (const auto& [name, value] : fields) {
        QString wanted;
        for (const auto& part : parts) {
            if (part.section('=', 0, 0) == name)
                wanted = part.section('=', 1);
        }
        QCOMPARE(QString::fromStdString(value), wanted);
    }
}

void TestBuilderCtl::secretsNotFromArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("stderrContains");

    const QStringList reg{"repo", "register", "--name", "n", "--url", "https://x/y.git"};
    QTest::newRow("token value flag") << reg + QStringList{"--token-value", "hunter2"}
                                      << "unknown option --token-value for 'repo register'";
    QTest::newRow("token value equals") << reg + QStringList{"--token-value=hunter2"}
                                        << "unknown option --token-value for 'repo register'";
    QTest::newRow("password flag") << reg + QStringList{"--password", "hunter2"}
                                   << "unknown option --password for 'repo register'";
    QTest::newRow("ssh key flag") << reg + QStringList{"--ssh-key", "hunter2"}
                                  << "unknown option --ssh-key for 'repo register'";
    QTest::newRow("oauth token flag") << reg + QStringList{"--oauth-token=hunter2"}
                                      << "unknown option --oauth-token for 'repo register'";
    QTest::newRow("credentials password")
        << QStringList{"repo", "credentials", "r1", "--password", "hunter2"}
        << "unknown option --password for 'repo credentials'";
    QTest::newRow("unset variable") << reg + QStringList{"--token-env", "BUILDERCTL_TEST_UNSET"}
                                    << "environment variable BUILDERCTL_TEST_UNSET is not set";
    QTest::newRow("unset password variable")
        << QStringList{"repo",           "credentials",       "r1", "--username", "u",
                       "--password-env", "BUILDERCTL_TEST_PW"}
        << "--password-env: environment variable BUILDERCTL_TEST_PW is not set";
}

void TestBuilderCtl::secretsNotFromArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, stderrContains);

    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    std::vector<std::string> argv{"--data-dir", dataDir.path().toStdString()};
    for (const auto& arg : args)
        argv.push_back(arg.toStdString());

    std::ostringstream out;
    std::ostringstream err;
    const Cli cli;
    const int code = cli.run(argv, out, err, Environment::fromMap({}));
    QCOMPARE(code, 2);
    QVERIFY(out.str().empty());
    const QString diagnostics = QString::fromStdString(err.str());
    QVERIFY2(diagnostics.contains(stderrContains), qPrintable(diagnostics));
    QVERIFY2(!diagnostics.contains("hunter2"), "a secret was echoed");
}
