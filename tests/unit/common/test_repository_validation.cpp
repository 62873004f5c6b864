#include "ViolationTestSupport.h"

#include "common/RepositoryValidation.h"
#include "common/Validation.h"

#include <QTest>

#include <type_traits>

using builder::common::RepositoryValidation;
using builder::common::Validation;
namespace rv1 = feature::repository::v1;

namespace {

constexpr const char* kId = "550e8400-e29b-41d4-a716-446655440000";
constexpr const char* kSshUrl = "git@github.com:org/app.git";
constexpr const char* kHttpsUrl = "https://github.com/org/app.git";
constexpr const char* kPrivateKey = "-----BEGIN OPENSSH PRIVATE KEY-----\n"
                                    "b3BlbnNzaC1rZXktdjEAAAAA\n"
                                    "-----END OPENSSH PRIVATE KEY-----\n";

rv1::RegisterRequest validRegister()
{
    rv1::RegisterRequest r;
    r.set_name("my-app");
    r.set_url(kSshUrl);
    return r;
}

template <typename Request>
Scenario check(Request base, std::type_identity_t<std::function<void(Request&)>> mutate)
{
    return [base, mutate]() mutable {
        mutate(base);
        return Validation::validate(base);
    };
}

Scenario reg(std::function<void(rv1::RegisterRequest&)> mutate)
{
    return check(validRegister(), std::move(mutate));
}

// Register with the given URL and a credential built by `fill`.
Scenario withCredential(std::string url, std::function<void(rv1::Credential&)> fill)
{
    return reg([url, fill](rv1::RegisterRequest& r) {
        r.set_url(url);
        fill(*r.mutable_credential());
    });
}

Scenario updateCredentials(std::string url,
                           std::function<void(rv1::UpdateCredentialsRequest&)> fill)
{
    return [url, fill] {
        rv1::UpdateCredentialsRequest r;
        r.set_id(kId);
        fill(r);
        return Validation::validate(r, url);
    };
}

} // namespace

class TestRepositoryValidation : public QObject
{
    Q_OBJECT

private:
    static void addColumns()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::addColumn<QStringList>("expected");
    }

    static void verify()
    {
        QFETCH(Scenario, scenario);
        QFETCH(QStringList, expected);
        QCOMPARE(describe(scenario()), expected);
    }

private slots:
    void registerRequest_data()
    {
        addColumns();
        const auto none = QStringList{};
        QTest::addRow("valid") << reg([](auto&) {}) << none;

        // name: 1..255 code points, not blank
        QTest::addRow("name 0") << reg([](auto& r) { r.set_name(""); })
                                << QStringList{"name|string.min_len"};
        QTest::addRow("name 1") << reg([](auto& r) { r.set_name("a"); }) << none;
        QTest::addRow("name 255") << reg([](auto& r) { r.set_name(std::string(255, 'n')); })
                                  << none;
        QTest::addRow("name 256") << reg([](auto& r) { r.set_name(std::string(256, 'n')); })
                                  << QStringList{"name|string.max_len"};
        QTest::addRow("name 255 three-byte chars")
            << reg([](auto& r) { r.set_name(repeat("\xe6\x97\xa5", 255)); }) << none;
        QTest::addRow("name 256 three-byte chars")
            << reg([](auto& r) { r.set_name(repeat("\xe6\x97\xa5", 256)); })
            << QStringList{"name|string.max_len"};
        QTest::addRow("name blank")
            << reg([](auto& r) { r.set_name(" \t "); }) << QStringList{"name|string.not_blank"};

        // url
        QTest::addRow("url empty")
            << reg([](auto& r) { r.set_url(""); }) << QStringList{"url|required"};
        QTest::addRow("url https") << reg([](auto& r) { r.set_url(kHttpsUrl); }) << none;
        QTest::addRow("url ssh") << reg([](auto& r) { r.set_url("ssh://git@h.io:22/x.git"); })
                                 << none;
        QTest::addRow("url local") << reg([](auto& r) { r.set_url("/srv/git/app"); }) << none;
        QTest::addRow("url ftp") << reg([](auto& r) { r.set_url("ftp://h.io/x.git"); })
                                 << QStringList{"url|string.uri"};
        QTest::addRow("url no path") << reg([](auto& r) { r.set_url("https://github.com"); })
                                     << QStringList{"url|string.uri"};
        QTest::addRow("url embedded password")
            << reg([](auto& r) { r.set_url("https://me:pw@github.com/o/r"); })
            << QStringList{"url|string.uri"};

        // default_branch: optional, valid when set
        QTest::addRow("default_branch set")
            << reg([](auto& r) { r.set_default_branch("main"); }) << none;
        QTest::addRow("default_branch invalid")
            << reg([](auto& r) { r.set_default_branch("main~1"); })
            << QStringList{"default_branch|string.git_ref"};

        // credentials
        QTest::addRow("ssh key with scp url") << withCredential(kSshUrl, [](auto& c) {
            c.set_type(rv1::CREDENTIAL_TYPE_SSH_KEY);
            c.set_ssh_private_key(kPrivateKey);
        }) << none;
        QTest::addRow("ssh key with ssh url")
            << withCredential("ssh://git@example.com/app.git",
                              [](auto& c) {
                                  c.set_type(rv1::CREDENTIAL_TYPE_SSH_KEY);
                                  c.set_ssh_private_key("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n");
                              })
            << none;
        QTest::addRow("ssh key missing")
            << withCredential(kSshUrl, [](auto& c) { c.set_type(rv1::CREDENTIAL_TYPE_SSH_KEY); })
            << QStringList{"credential.ssh_private_key|required"};
        QTest::addRow("ssh key is a public key") << withCredential(kSshUrl, [](auto& c) {
            c.set_type(rv1::CREDENTIAL_TYPE_SSH_KEY);
            c.set_ssh_private_key("ssh-ed25519 AAAAC3Nza me@host");
        }) << QStringList{"credential.ssh_private_key|string.ssh_private_key"};
        QTest::addRow("ssh key not PEM") << withCredential(kSshUrl, [](auto& c) {
            c.set_type(rv1::CREDENTIAL_TYPE_SSH_KEY);
            c.set_ssh_private_key("hunter2");
        }) << QStringList{"credential.ssh_private_key|string.ssh_private_key"};
        QTest::addRow("ssh key with https url") << withCredential(kHttpsUrl, [](auto& c) {
            c.set_type(rv1::CREDENTIAL_TYPE_SSH_KEY);
            c.set_ssh_private_key(kPrivateKey);
        }) << QStringList{"credential|credential.matches_url"};
        QTest::addRow("ssh key with foreign token") << withCredential(kSshUrl, [](auto& c) {
            c.set_type(rv1::CREDENTIAL_TYPE_SSH_KEY);
            c.set_ssh_private_key(kPrivateKey);
            c.set_token("t");
        }) << QStringList{"credential.token|credential.fields"};

        QTest::addRow("token with https url") << withCredential(kHttpsUrl, [](auto& c) {
            c.set_type(rv1::CREDENTIAL_TYPE_TOKEN);
            c.set_token("ghp_x");
        }) << none;
        QTest::addRow("token with http url")
            << withCredential("http://git.local/app.git",
                              [](auto& c) {
                                  c.set_type(rv1::CREDENTIAL_TYPE_TOKEN);
                                  c.set_token("t");
                              })
            << none;
        QTest::addRow("token missing")
            << withCredential(kHttpsUrl, [](auto& c) { c.set_type(rv1::CREDENTIAL_TYPE_TOKEN); })
            << QStringList{"credential.token|required"};
        QTest::addRow("token with scp url") << withCredential(kSshUrl, [](auto& c) {
            c.set_type(rv1::CREDENTIAL_TYPE_TOKEN);
            c.set_token("t");
        }) << QStringList{"credential|credential.matches_url"};
        QTest::addRow("token with local path") << withCredential("/srv/app", [](auto& c) {
            c.set_type(rv1::CREDENTIAL_TYPE_TOKEN);
            c.set_token("t");
        }) << QStringList{"credential|credential.matches_url"};
        QTest::addRow("token with foreign password and key")
            << withCredential(kHttpsUrl,
                              [](auto& c) {
                                  c.set_type(rv1::CREDENTIAL_TYPE_TOKEN);
                                  c.set_token("t");
                                  c.set_ssh_private_key(kPrivateKey);
                                  c.set_password("p");
                              })
            << QStringList{"credential.ssh_private_key|credential.fields",
                           "credential.password|credential.fields"};

        QTest::addRow("basic complete") << withCredential(kHttpsUrl, [](auto& c) {
            c.set_type(rv1::CREDENTIAL_TYPE_BASIC);
            c.set_username("u");
            c.set_password("p");
        }) << none;
        QTest::addRow("basic missing both")
            << withCredential(kHttpsUrl, [](auto& c) { c.set_type(rv1::CREDENTIAL_TYPE_BASIC); })
            << QStringList{"credential.username|required", "credential.password|required"};
        QTest::addRow("basic missing password") << withCredential(kHttpsUrl, [](auto& c) {
            c.set_type(rv1::CREDENTIAL_TYPE_BASIC);
            c.set_username("u");
        }) << QStringList{"credential.password|required"};

        QTest::addRow("oauth with refresh token") << withCredential(kHttpsUrl, [](auto& c) {
            c.set_type(rv1::CREDENTIAL_TYPE_OAUTH);
            c.set_oauth_token("o");
            c.set_oauth_refresh_token("r");
        }) << none;
        QTest::addRow("oauth missing token") << withCredential(kHttpsUrl, [](auto& c) {
            c.set_type(rv1::CREDENTIAL_TYPE_OAUTH);
            c.set_oauth_refresh_token("r");
        }) << QStringList{"credential.oauth_token|required"};
        QTest::addRow("refresh token on a token credential")
            << withCredential(kHttpsUrl,
                              [](auto& c) {
                                  c.set_type(rv1::CREDENTIAL_TYPE_TOKEN);
                                  c.set_token("t");
                                  c.set_oauth_refresh_token("r");
                              })
            << QStringList{"credential.oauth_refresh_token|credential.fields"};

        QTest::addRow("credential type unspecified")
            << withCredential(kHttpsUrl, [](auto& c) { c.set_token("t"); })
            << QStringList{"credential.type|enum.not_in"};
        QTest::addRow("credential type undefined") << withCredential(kHttpsUrl, [](auto& c) {
            c.set_type(static_cast<rv1::CredentialType>(42));
        }) << QStringList{"credential.type|enum.defined_only"};
        QTest::addRow("bad url skips the credential url check")
            << withCredential("ftp://h/x",
                              [](auto& c) {
                                  c.set_type(rv1::CREDENTIAL_TYPE_TOKEN);
                                  c.set_token("t");
                              })
            << QStringList{"url|string.uri"};

        QTest::addRow("property value 4097") << reg([](auto& r) {
            (*r.mutable_properties()->mutable_values())["team"] = std::string(4097, 'v');
        }) << QStringList{"properties.values[\"team\"]|string.max_len"};

        QTest::addRow("every violation reported together")
            << reg([](rv1::RegisterRequest& r) {
                   r.set_name("");
                   r.set_url(kHttpsUrl);
                   r.set_default_branch("a..b");
                   r.mutable_credential()->set_type(rv1::CREDENTIAL_TYPE_SSH_KEY);
                   r.mutable_credential()->set_username("u");
                   (*r.mutable_properties()->mutable_values())[""] = "v";
               })
            << QStringList{"name|string.min_len",
                           "default_branch|string.git_ref",
                           "credential.ssh_private_key|required",
                           "credential.username|credential.fields",
                           "credential|credential.matches_url",
                           "properties.values[\"\"]|string.min_len"};
    }

    void registerRequest() { verify(); }

    void otherRequests_data()
    {
        addColumns();
        const auto none = QStringList{};
        using Get = rv1::GetRequest;
        using ByName = rv1::GetByNameRequest;
        using List = rv1::ListRequest;
        using Update = rv1::UpdateRequest;
        using Access = rv1::ValidateAccessRequest;
        using Delete = rv1::DeleteRequest;

        QTest::addRow("get valid") << check<Get>({}, [](Get& r) { r.set_id(kId); }) << none;
        QTest::addRow("get bad id")
            << check<Get>({}, [](Get& r) { r.set_id("x"); }) << QStringList{"id|string.uuid"};
        QTest::addRow("validate access bad id")
            << check<Access>({}, [](Access&) {}) << QStringList{"id|string.uuid"};
        QTest::addRow("validate access valid")
            << check<Access>({}, [](Access& r) { r.set_id(kId); }) << none;
        QTest::addRow("delete bad id")
            << check<Delete>({}, [](Delete&) {}) << QStringList{"id|string.uuid"};
        QTest::addRow("delete valid")
            << check<Delete>({}, [](Delete& r) { r.set_id(kId); }) << none;

        QTest::addRow("by name 0")
            << check<ByName>({}, [](ByName&) {}) << QStringList{"name|string.min_len"};
        QTest::addRow("by name 1") << check<ByName>({}, [](ByName& r) { r.set_name("a"); }) << none;
        QTest::addRow("by name 255")
            << check<ByName>({}, [](ByName& r) { r.set_name(std::string(255, 'n')); }) << none;
        QTest::addRow("by name 256")
            << check<ByName>({}, [](ByName& r) { r.set_name(std::string(256, 'n')); })
            << QStringList{"name|string.max_len"};

        QTest::addRow("list empty") << check<List>({}, [](List&) {}) << none;
        QTest::addRow("list query 500")
            << check<List>({}, [](List& r) { r.set_query(std::string(500, 'q')); }) << none;
        QTest::addRow("list query 501")
            << check<List>({}, [](List& r) { r.set_query(std::string(501, 'q')); })
            << QStringList{"query|string.max_len"};
        QTest::addRow("list states") << check<List>({}, [](List& r) {
            r.add_states(feature::common::v1::STATE_ACTIVE);
            r.add_states(feature::common::v1::STATE_UNSPECIFIED);
            r.add_states(static_cast<feature::common::v1::State>(7));
        }) << QStringList{"states[1]|enum.not_in", "states[2]|enum.defined_only"};
        QTest::addRow("list page_size 0")
            << check<List>({}, [](List& r) { r.mutable_pagination()->set_page_size(0); }) << none;
        QTest::addRow("list page_size -1")
            << check<List>({}, [](List& r) { r.mutable_pagination()->set_page_size(-1); })
            << QStringList{"pagination.page_size|int32.gte"};

        const auto update = [](std::function<void(Update&)> fill) {
            return check<Update>({}, [fill](Update& r) {
                r.set_id(kId);
                fill(r);
            });
        };
        QTest::addRow("update id only") << update([](Update&) {}) << none;
        QTest::addRow("update bad id")
            << check<Update>({}, [](Update&) {}) << QStringList{"id|string.uuid"};
        QTest::addRow("update name") << update([](Update& r) { r.set_name("renamed"); }) << none;
        QTest::addRow("update name empty")
            << update([](Update& r) { r.set_name(""); }) << QStringList{"name|string.min_len"};
        QTest::addRow("update name 256")
            << update([](Update& r) { r.set_name(std::string(256, 'n')); })
            << QStringList{"name|string.max_len"};
        QTest::addRow("update name blank")
            << update([](Update& r) { r.set_name("  "); }) << QStringList{"name|string.not_blank"};
        QTest::addRow("update default_branch")
            << update([](Update& r) { r.set_default_branch("develop"); }) << none;
        QTest::addRow("update default_branch empty")
            << update([](Update& r) { r.set_default_branch(""); })
            << QStringList{"default_branch|string.git_ref"};
        QTest::addRow("update default_branch invalid")
            << update([](Update& r) { r.set_default_branch("x.lock"); })
            << QStringList{"default_branch|string.git_ref"};
        QTest::addRow("update 65 properties") << update([](Update& r) {
            for (int i = 0; i < 65; ++i)
                (*r.mutable_properties()->mutable_values())["k" + std::to_string(i)] = "v";
        }) << QStringList{"properties.values|map.max_pairs"};

        QTest::addRow("update credentials missing")
            << updateCredentials({}, [](rv1::UpdateCredentialsRequest&) {})
            << QStringList{"credential|required"};
        QTest::addRow("update credentials bad id and missing")
            << updateCredentials({}, [](rv1::UpdateCredentialsRequest& r) { r.set_id("x"); })
            << QStringList{"id|string.uuid", "credential|required"};
        QTest::addRow("update credentials without url")
            << updateCredentials({},
                                 [](rv1::UpdateCredentialsRequest& r) {
                                     r.mutable_credential()->set_type(rv1::CREDENTIAL_TYPE_SSH_KEY);
                                     r.mutable_credential()->set_ssh_private_key(kPrivateKey);
                                 })
            << none;
        QTest::addRow("update credentials against https url")
            << updateCredentials(kHttpsUrl,
                                 [](rv1::UpdateCredentialsRequest& r) {
                                     r.mutable_credential()->set_type(rv1::CREDENTIAL_TYPE_SSH_KEY);
                                     r.mutable_credential()->set_ssh_private_key(kPrivateKey);
                                 })
            << QStringList{"credential|credential.matches_url"};
        QTest::addRow("update credentials token against https url")
            << updateCredentials(kHttpsUrl,
                                 [](rv1::UpdateCredentialsRequest& r) {
                                     r.mutable_credential()->set_type(rv1::CREDENTIAL_TYPE_TOKEN);
                                     r.mutable_credential()->set_token("t");
                                 })
            << none;
    }

    void otherRequests() { verify(); }

    void messages_data()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::addColumn<QString>("message");
        QTest::addRow("embedded credentials")
            << reg([](auto& r) { r.set_url("https://me:pw@github.com/o/r"); })
            << "value must not embed credentials; remove them from the URL and put the secret "
               "in the credential instead";
        QTest::addRow("unsupported scheme")
            << reg([](auto& r) { r.set_url("ftp://h.io/x.git"); })
            << "value must be a valid git URL (the scheme 'ftp' is not supported; use https, "
               "http, ssh, git or file); accepted forms are https://host/path, "
               "http://host/path, ssh://[user@]host[:port]/path, [user@]host:path, "
               "git://host/path, file:///path, /absolute/path, ./relative/path";
        QTest::addRow("ssh key needs ssh url") << withCredential(kHttpsUrl, [](auto& c) {
            c.set_type(rv1::CREDENTIAL_TYPE_SSH_KEY);
            c.set_ssh_private_key(kPrivateKey);
        }) << "a SSH_KEY credential needs an ssh:// or [user@]host:path URL";
        QTest::addRow("token needs http url") << withCredential(kSshUrl, [](auto& c) {
            c.set_type(rv1::CREDENTIAL_TYPE_TOKEN);
            c.set_token("t");
        }) << "a TOKEN credential needs an https:// or http:// URL";
        QTest::addRow("foreign field") << withCredential(kHttpsUrl, [](auto& c) {
            c.set_type(rv1::CREDENTIAL_TYPE_TOKEN);
            c.set_token("t");
            c.set_username("u");
        }) << "value must be empty for a TOKEN credential; it belongs to BASIC credentials";
        QTest::addRow("public key")
            << withCredential(kSshUrl,
                              [](auto& c) {
                                  c.set_type(rv1::CREDENTIAL_TYPE_SSH_KEY);
                                  c.set_ssh_private_key("ssh-rsa AAAAB3 me@host");
                              })
            << "value is a public key; paste the private key (-----BEGIN ... PRIVATE KEY-----) "
               "instead";
        QTest::addRow("unspecified type") << withCredential(kHttpsUrl, [](auto&) {})
                                          << "value must not be CREDENTIAL_TYPE_UNSPECIFIED";
    }

    void messages()
    {
        QFETCH(Scenario, scenario);
        QFETCH(QString, message);
        const auto violations = scenario();
        QCOMPARE(violations.size(), std::size_t{1});
        QCOMPARE(QString::fromStdString(violations[0].message), message);
    }

    void fieldHelpersMatchRequestRules()
    {
        QCOMPARE(describe(RepositoryValidation::validateUrl("")), QStringList{"url|required"});
        QCOMPARE(describe(RepositoryValidation::validateUrl(kSshUrl)), QStringList{});
        QCOMPARE(describe(RepositoryValidation::validateName("  ", "repo_name")),
                 QStringList{"repo_name|string.not_blank"});
        QCOMPARE(describe(RepositoryValidation::validateDefaultBranch("")), QStringList{});

        rv1::Credential token;
        token.set_type(rv1::CREDENTIAL_TYPE_TOKEN);
        QCOMPARE(describe(RepositoryValidation::validateCredential(token, kSshUrl)),
                 (QStringList{"credential.token|required", "credential|credential.matches_url"}));
        token.set_token("t");
        QCOMPARE(describe(RepositoryValidation::validateCredential(token)), QStringList{});
    }
};

QTEST_GUILESS_MAIN(TestRepositoryValidation)
#include "test_repository_validation.moc"
