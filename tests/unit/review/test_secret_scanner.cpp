// The secret scanner: the rule table itself, every token rule against a token of
// its own shape, a true-positive corpus per family, a false-positive corpus
// (dummy values, hashes, UUIDs, lock-file integrity strings, go.sum, base64
// images, fixtures) and redaction. All credential-looking values are built at
// run time from parts.
#include "SecretSamples.h"
#include "review/Redaction.h"
#include "review/SecretChecks.h"
#include "review/SecretRuleTable.h"
#include "review/SecretScanner.h"
#include "review/TokenPattern.h"

#include <QtTest>

#include <set>

using namespace builder::review;
using S = builder::testing::SecretSamples;

namespace {

std::vector<Finding> scanLines(const std::string& path, const std::vector<std::string>& lines)
{
    ScanTarget target;
    target.path = path;
    for (std::size_t i = 0; i < lines.size(); ++i)
        target.lines.push_back({static_cast<int>(i + 1), lines[i]});
    std::vector<Finding> out;
    SecretScanner::builtIn().scan(target, out);
    return out;
}

std::string describe(const std::vector<Finding>& findings)
{
    std::string text;
    for (const auto& f : findings)
        text += "[" + f.ruleId + " line " + std::to_string(f.line) + ": " + f.message + "] ";
    return text.empty() ? "(none)" : text;
}

// The message may show at most 4 leading characters of the secret. The rule's
// title (which may name words the token's prefix spells) is not searched.
bool leaksSecret(const Finding& f, const std::string& secret, const std::string& title = {})
{
    std::string message = f.message;
    if (!title.empty() && message.rfind(title, 0) == 0)
        message = message.substr(title.size());
    const std::string text = message + " " + f.fixHint + " " + f.file;
    for (std::size_t k = 0; k + 5 <= secret.size(); ++k) {
        if (text.find(secret.substr(k, 5)) != std::string::npos)
            return true;
    }
    return false;
}

const std::string kPemDashes = "-----";

std::string pem(const std::string& kind)
{
    return S::join({kPemDashes, "BEGIN ", kind, " KEY", kPemDashes});
}

} // namespace

Q_DECLARE_METATYPE(std::vector<std::string>)

class TestSecretScanner : public QObject
{
    Q_OBJECT

private slots:
    void ruleTableIsLargeAndValid();
    void checksumPrimitives();
    void everyTokenRuleMatchesItsOwnShape();
    void truePositives_data();
    void truePositives();
    void falsePositives_data();
    void falsePositives();
    void maskShowsAtMostFourCharacters();
    void fixturePathsAreSkipped();
    void overlappingRulesReportOnce();
};

void TestSecretScanner::ruleTableIsLargeAndValid()
{
    const auto& rules = SecretScanner::builtIn().rules();
    QVERIFY2(rules.size() >= 100, std::to_string(rules.size()).c_str());
    std::string invalid;
    for (const auto& id : SecretScanner::builtIn().invalidRules())
        invalid += id + " ";
    QVERIFY2(invalid.empty(), invalid.c_str());
    std::set<std::string> ids;
    std::set<std::string> families;
    for (const auto& rule : rules) {
        QVERIFY2(ids.insert(rule.id).second, rule.id.c_str());
        QVERIFY(!rule.title.empty());
        QVERIFY(!rule.family.empty());
        QVERIFY(!rule.anchors.empty());
        families.insert(rule.family);
    }
    QVERIFY(families.size() >= 9);
    qInfo("%zu secret rules in %zu families", rules.size(), families.size());
}

void TestSecretScanner::checksumPrimitives()
{
    QCOMPARE(SecretChecks::crc32("123456789"), 0xCBF43926u); // the CRC-32 check value
    QCOMPARE(SecretChecks::base62(0, 6), std::string("000000"));
    QCOMPARE(SecretChecks::base62(61, 2), std::string("0z"));
    const std::string good = S::checksummed("gh"
                                            "p_",
                                            7);
    QVERIFY(SecretChecks::githubChecksum(good));
    std::string bad = good;
    bad[10] = bad[10] == 'A' ? 'B' : 'A';
    QVERIFY(!SecretChecks::githubChecksum(bad));
    QVERIFY(SecretChecks::jwtHeader(S::jwt(3)));
    QVERIFY(!SecretChecks::jwtHeader("eyJub3QiOiJhIGhlYWRlciJ9.eyJhIjoxfQ.c2ln"));
}

void TestSecretScanner::everyTokenRuleMatchesItsOwnShape()
{
    int tested = 0;
    std::uint32_t seed = 11;
    for (const auto& rule : SecretScanner::builtIn().rules()) {
        if ((rule.kind != SecretKind::Token && rule.kind != SecretKind::Keyed) ||
            rule.check != SecretCheck::None)
            continue;
        const auto pattern = TokenPattern::compile(rule.pattern);
        QVERIFY2(pattern, rule.id.c_str());
        std::string token;
        // Some seeds give a dummy-looking run; the next seed will not.
        for (int attempt = 0; attempt < 8; ++attempt) {
            token = pattern->example(++seed);
            if (!rule.lead.empty())
                token = TokenPattern::compile(rule.lead)->example(seed) + token;
            bool anchored = rule.kind == SecretKind::Keyed;
            for (const auto& anchor : rule.anchors)
                anchored = anchored || token.find(anchor) != std::string::npos;
            if (anchored)
                break;
            token.clear();
        }
        if (token.empty())
            continue; // a pattern whose variable part spells the anchor (webhook kinds): rows below
        const std::string line = rule.kind == SecretKind::Keyed
                                     ? rule.anchors.front() + " = \"" + token + "\""
                                     : "value = \"" + token + "\"";
        const auto findings = scanLines("src/config.cpp", {line});
        bool found = false;
        for (const auto& f : findings) {
            found = found || f.ruleId == rule.id;
            // The anchor is public (and may spell words of the title or hint): check the rest.
            std::string variable = token;
            for (const auto& anchor : rule.anchors) {
                const auto at = variable.find(anchor);
                if (at != std::string::npos) {
                    variable.erase(at, anchor.size());
                    break;
                }
            }
            QVERIFY2(!leaksSecret(f, variable, rule.title), (rule.id + ": " + f.message).c_str());
        }
        QVERIFY2(found,
                 (rule.id + " did not match its own shape: " + line + " -> " + describe(findings))
                     .c_str());
        ++tested;
    }
    qInfo("%d token and keyed rules matched a token of their own shape", tested);
    QVERIFY(tested >= 120);
}

void TestSecretScanner::truePositives_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("path");
    QTest::addColumn<std::vector<std::string>>("lines");
    QTest::addColumn<QString>("secret");

    auto row = [](const char* name, const char* rule, const char* path,
                  std::vector<std::string> lines, const std::string& secret) {
        QTest::newRow(name) << QString(rule) << QString(path) << lines
                            << QString::fromStdString(secret);
    };
    // cloud
    const std::string akia = "AK"
                             "IA" +
                             S::random(S::kUpperBase32, 16, 1);
    row("cloud: AWS access key id", "aws-access-key-id", "deploy/config.py",
        {"AWS_ACCESS_KEY_ID = \"" + akia + "\""}, akia);
    const std::string awsSecret = S::random(S::kBase64, 40, 2);
    row("cloud: AWS secret key", "aws-secret-access-key", "deploy/.env",
        {"aws_secret_access_key=" + awsSecret}, awsSecret);
    const std::string gcp = "AI"
                            "za" +
                            S::random(S::kBase64Url, 35, 3);
    row("cloud: Google API key", "gcp-api-key", "web/src/firebase.ts",
        {"  apiKey: \"" + gcp + "\","}, gcp);
    const std::string azure = S::random(S::kBase64, 86, 4) + "==";
    row("cloud: Azure storage connection string", "azure-storage-account-key", "app.config",
        {"DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + azure +
         ";EndpointSuffix=core.windows.net"},
        azure);
    const std::string dop = "dop"
                            "_v1_" +
                            S::random(S::kHex, 64, 5);
    row("cloud: DigitalOcean token", "digitalocean-pat", "ci/do.sh", {"export DO_TOKEN=" + dop},
        dop);
    // vcs
    const std::string ghp = S::checksummed("gh"
                                           "p_",
                                           6);
    row("vcs: GitHub classic PAT with valid checksum", "github-pat-classic", "scripts/release.py",
        {"token = '" + ghp + "'"}, ghp);
    const std::string fine = "github"
                             "_pat_" +
                             S::random(S::kAlnum, 22, 7) + "_" + S::random(S::kAlnum, 59, 8);
    row("vcs: GitHub fine-grained PAT", "github-fine-grained-pat", "README.md",
        {"Use `" + fine + "` to authenticate"}, fine);
    const std::string glpat = "gl"
                              "pat-" +
                              S::random(S::kAlnum, 20, 9);
    row("vcs: GitLab PAT", "gitlab-pat", ".netrc", {"password " + glpat}, glpat);
    // chat
    const std::string slack = "xo"
                              "xb-" +
                              S::random(S::kDigits, 12, 10) + "-" + S::random(S::kDigits, 12, 11) +
                              "-" + S::random(S::kAlnum, 24, 12);
    row("chat: Slack bot token", "slack-bot-token", "bot/main.go",
        {"\tclient := slack.New(\"" + slack + "\")"}, slack);
    const std::string hook = "https://hooks.slack.com/services/T" +
                             S::random("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", 10, 13) + "/B" +
                             S::random("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", 10, 14) + "/" +
                             S::random(S::kAlnum, 24, 15);
    row("chat: Slack webhook", "slack-webhook-url", "alert.js", {"const url = '" + hook + "';"},
        hook.substr(8));
    const std::string discord = "https://discord.com/api/webhooks/" +
                                S::random(S::kDigits, 18, 16) + "/" +
                                S::random(S::kBase64Url, 68, 17);
    row("chat: Discord webhook", "discord-webhook-url", "notify.py", {"URL = \"" + discord + "\""},
        discord.substr(34));
    const std::string telegram =
        S::random("123456789", 10, 18) + ":AA" + S::random(S::kBase64Url, 33, 19);
    row("chat: Telegram bot token", "telegram-bot-token", "bot.rb", {"TOKEN = '" + telegram + "'"},
        telegram);
    // payments
    const std::string stripe = "sk"
                               "_live_" +
                               S::random(S::kAlnum, 24, 20);
    row("payments: Stripe live key", "stripe-secret-key", "billing/stripe.js",
        {"const stripe = require('stripe')('" + stripe + "');"}, stripe);
    const std::string square = "sq0"
                               "atp-" +
                               S::random(S::kBase64Url, 22, 21);
    row("payments: Square token", "square-access-token", "pay.php",
        {"$token = \"" + square + "\";"}, square);
    // registries
    const std::string npm = S::checksummed("np"
                                           "m_",
                                           22);
    row("registries: npm token in .npmrc", "npm-access-token", ".npmrc",
        {"//registry.npmjs.org/:_authToken=" + npm}, npm);
    const std::string pypi = "pypi-"
                             "AgEIcHlwaS5vcmc" +
                             S::random(S::kBase64Url, 70, 23);
    row("registries: PyPI token", "pypi-upload-token", ".pypirc", {"password = " + pypi}, pypi);
    // operations
    const std::string dd = S::random(S::kHex, 32, 24);
    row("operations: Datadog key (keyword context)", "datadog-api-key", "docker-compose.yml",
        {"      DD_API_KEY: \"" + dd + "\""}, dd);
    const std::string vault = "hv"
                              "s." +
                              S::random(S::kBase64Url, 95, 25);
    row("operations: Vault token", "vault-service-token", "ops/vault.hcl",
        {"token = \"" + vault + "\""}, vault);
    // ai
    const std::string openai = "sk-"
                               "proj-" +
                               S::random(S::kBase64Url, 60, 26);
    row("ai: OpenAI project key", "openai-project-key", "agent.py",
        {"client = OpenAI(api_key=\"" + openai + "\")"}, openai);
    const std::string anthropic = "sk-ant-"
                                  "api03-" +
                                  S::random(S::kBase64Url, 93, 27) + "AA";
    row("ai: Anthropic key", "anthropic-api-key", "llm.ts", {"const key = `" + anthropic + "`;"},
        anthropic);
    const std::string hf = "hf"
                           "_" +
                           S::random(S::kLetters, 34, 28);
    row("ai: Hugging Face token", "huggingface-token", "train.sh",
        {"huggingface-cli login --token " + hf}, hf);
    // saas
    const std::string postman = "PM"
                                "AK-" +
                                S::random(S::kHex, 24, 29) + "-" + S::random(S::kHex, 34, 30);
    row("saas: Postman key", "postman-api-key", "collection.json",
        {"\"value\": \"" + postman + "\""}, postman);
    // keys
    const std::string body = S::random(S::kBase64, 64, 31);
    row("keys: RSA private key", "rsa-private-key", "deploy/id_rsa",
        {pem("RSA PRIVATE"), body, body}, body);
    row("keys: OpenSSH private key", "openssh-private-key", "keys/deploy_key",
        {pem("OPENSSH PRIVATE"), body}, body);
    row("keys: PKCS8 key in JSON", "pkcs8-private-key", "sa.json",
        {"  \"private_key\": \"" + pem("PRIVATE") + "\\n" + body + "\\n\","}, body);
    row("keys: encrypted PKCS8 key", "pkcs8-encrypted-private-key", "certs/key.pem",
        {pem("ENCRYPTED PRIVATE"), body}, body);
    row("keys: PGP private key block", "pgp-private-key", "gpg/secret.asc",
        {S::join({kPemDashes, "BEGIN PGP PRIVATE KEY BLOCK", kPemDashes}), "", body}, body);
    const std::string jwt = S::jwt(32);
    row("keys: JWT", "jwt", "api/client.go",
        {"\treq.Header.Set(\"Authorization\", \"Bearer " + jwt + "\")"}, jwt);
    const std::string pgPassword = S::random(S::kAlnum, 14, 33);
    row("keys: postgres URL", "postgres-url-password", "settings.py",
        {"DATABASE_URL = 'postgres://app:" + pgPassword + "@db.internal:5432/app'"}, pgPassword);
    const std::string mongoPassword = S::random(S::kAlnum, 16, 34);
    row("keys: mongodb+srv URL", "mongodb-url-password", "server.js",
        {"mongoose.connect('mongodb+srv://admin:" + mongoPassword +
         "@cluster0.abcde.mongodb.net/prod')"},
        mongoPassword);
    const std::string redisPassword = S::random(S::kAlnum, 12, 35);
    row("keys: redis URL", "redis-url-password", "config/cache.yml",
        {"url: rediss://default:" + redisPassword + "@cache.prod.internal:6380/0"}, redisPassword);
    const std::string basic = S::random(S::kAlnum, 12, 36);
    row("keys: basic auth in URL", "basic-auth-url", "Makefile",
        {"\tcurl https://deploy:" + basic + "@artifacts.corp.net/upload"}, basic);
    // generic
    const std::string password = "s3cr" + S::random(S::kAlnum, 8, 37) + "!";
    row("generic: password assignment", "generic-password-assignment", "app/db.py",
        {"DB_PASSWORD = \"" + password + "\""}, password);
    const std::string apiKey = S::random(S::kAlnum, 24, 38);
    row("generic: api_key in YAML (bare value)", "generic-secret-assignment", "config/app.yaml",
        {"  api_key: " + apiKey}, apiKey);
    const std::string clientSecret = S::random(S::kAlnum, 20, 39);
    row("generic: JSON client secret", "generic-secret-assignment", "oauth.json",
        {"{\"client_secret\": \"" + clientSecret + "\"}"}, clientSecret);
}

void TestSecretScanner::truePositives()
{
    QFETCH(QString, rule);
    QFETCH(QString, path);
    QFETCH(std::vector<std::string>, lines);
    QFETCH(QString, secret);
    const auto findings = scanLines(path.toStdString(), lines);
    bool found = false;
    for (const auto& f : findings) {
        QVERIFY2(!leaksSecret(f, secret.toStdString()), f.message.c_str());
        QCOMPARE(f.source, FindingSource::Secrets);
        QVERIFY(!f.fixHint.empty());
        if (f.ruleId == rule.toStdString()) {
            found = true;
            QCOMPARE(f.line, 1);
        }
    }
    QVERIFY2(found, describe(findings).c_str());
}

void TestSecretScanner::falsePositives_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<std::vector<std::string>>("lines");
    auto row = [](const char* name, const char* path, std::vector<std::string> lines) {
        QTest::newRow(name) << QString(path) << lines;
    };
    const std::string sha256 = S::random(S::kHex, 64, 40);
    const std::string sha1 = S::random(S::kHex, 40, 41);
    const std::string md5 = S::random(S::kHex, 32, 42);
    row("AWS documentation key id", "docs/aws.md",
        {"aws_access_key_id = AKIA"
         "IOSFODNN7EXAMPLE"});
    row("AWS documentation secret", "docs/aws.md",
        {"aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY"
         "EXAMPLEKEY"});
    row("xxxx token", "src/app.py", {"token = \"xxxxxxxxxxxxxxxxxxxxxxxxxxxx\""});
    row("angle-bracket value", "README.md", {"password = \"<your-password>\""});
    row("environment reference", "config.yml", {"api_key: ${API_KEY}"});
    row("GitHub Actions expression", ".github/workflows/ci.yml",
        {"      GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}"});
    row("changeme", "config/app.ini", {"password = changeme"});
    row("password from environment", "app/settings.py", {"password = os.environ[\"DB_PASSWORD\"]"});
    row("password from a call", "app/settings.py", {"token = get_token(user)"});
    row("empty password", "app/settings.py", {"password = \"\""});
    row("shell variable", "run.sh", {"PGPASSWORD=$DB_PASSWORD psql -h db"});
    row("sha256 digest", "checksums.py", {"sha256 = \"" + sha256 + "\""});
    row("git commit sha", "deps.yaml", {"commit: " + sha1});
    row("md5 sum", "release.json", {"\"md5\": \"" + md5 + "\""});
    row("hash-named token key", "auth.py", {"token_sha256 = \"" + sha256 + "\""});
    row("password hash", "fixtures.sql",
        {"password_hash = '$2b$12$" + S::random(S::kBase64, 53, 43) + "'"});
    row("UUID request id", "api.ts",
        {"const requestId = \"550e8400-e29b-41d4-a716-446655440000\";"});
    row("UUID under a key name", "settings.py",
        {"api_key = \"123e4567-e89b-12d3-a456-426614174000\""});
    row("package-lock integrity", "package-lock.json",
        {"      \"integrity\": \"sha512-" + S::random(S::kBase64, 86, 44) + "==\","});
    row("yarn.lock integrity", "yarn.lock",
        {"  integrity sha512-" + S::random(S::kBase64, 86, 45) + "=="});
    row("pnpm integrity", "pnpm-lock.yaml",
        {"    resolution: {integrity: sha512-" + S::random(S::kBase64, 86, 46) + "==}"});
    row("go.sum", "go.sum",
        {"github.com/stretchr/testify v1.8.4 h1:" + S::random(S::kBase64, 43, 47) + "="});
    row("go.sum hashes anywhere", "vendor/modules.txt",
        {"# h1:" + S::random(S::kBase64, 43, 48) + "="});
    row("Cargo.lock checksum", "Cargo.lock", {"checksum = \"" + sha256 + "\""});
    row("base64 image", "web/logo.html",
        {"<img src=\"data:image/png;base64,iVBORw0KGgo" + S::random(S::kBase64, 2000, 49) + "\">"});
    row("PEM header in parser code", "src/pem.cpp",
        {"if (text.starts_with(\"" + pem("RSA PRIVATE") + "\"))", "    return Kind::Rsa;"});
    row("GitHub token with a broken checksum", "notes.txt",
        {"gh"
         "p_" +
         S::random(S::kAlnum, 36, 50)});
    row("documentation GitHub token", "docs/auth.md",
        {"export GITHUB_TOKEN=gh"
         "p_abcdefghijklmnopqrstuvwxyzABCD012345"});
    row("URL with a dummy password", "docker-compose.yml",
        {"DATABASE_URL: postgres://user:password@db:5432/app"});
    row("URL with variables", "deploy.sh", {"psql postgres://${DB_USER}:${DB_PASS}@db/app"});
    row("URL on an example host", "README.md",
        {"curl https://user:" + S::random(S::kAlnum, 10, 51) + "@api.example.com/"});
    row("max tokens setting", "llm.py", {"max_tokens = 4096"});
    row("token count in code", "tokenizer.py",
        {"token_count = \"" + S::random(S::kAlnum, 20, 52) + "\""});
    row("words only", "messages.js", {"const password = \"Please enter your password\";"});
    row("short secret", "a.py", {"secret = \"abc12\""});
    row("bare value in code", "b.py", {"password = hunter2abc"});
    row("low-entropy password", "c.py", {"password = \"aaaabbbb\""});
    row("random identifiers without an anchor", "bundle.min.js",
        {"var " + S::random(S::kLetters, 40, 53) + "=" + S::random(S::kAlnum, 64, 54) + ";"});
}

void TestSecretScanner::falsePositives()
{
    QFETCH(QString, path);
    QFETCH(std::vector<std::string>, lines);
    const auto findings = scanLines(path.toStdString(), lines);
    QVERIFY2(findings.empty(), describe(findings).c_str());
}

void TestSecretScanner::maskShowsAtMostFourCharacters()
{
    QCOMPARE(Redaction::mask("AKIA0123456789ABCDEF", 4), std::string("AKIA\xE2\x80\xA6(redacted)"));
    QCOMPARE(Redaction::mask("AKIA0123456789ABCDEF", 9), std::string("AKIA\xE2\x80\xA6(redacted)"));
    QCOMPARE(Redaction::mask("abcdefgh", 4), std::string("ab\xE2\x80\xA6(redacted)"));
    QCOMPARE(Redaction::mask("secret", 0), std::string("\xE2\x80\xA6(redacted)"));
    const std::string akia = "AK"
                             "IA" +
                             S::random(S::kUpperBase32, 16, 60);
    const auto findings = scanLines("x.py", {"key = '" + akia + "'"});
    QCOMPARE(findings.size(), std::size_t(1));
    QVERIFY(findings[0].message.find("AKIA\xE2\x80\xA6(redacted)") != std::string::npos);
    QVERIFY(findings[0].message.find(akia.substr(0, 5)) == std::string::npos);
}

void TestSecretScanner::fixturePathsAreSkipped()
{
    const std::string ghp = S::checksummed("gh"
                                           "p_",
                                           61);
    QCOMPARE(scanLines("src/deploy.py", {"t = '" + ghp + "'"}).size(), std::size_t(1));
    for (const char* path : {"tests/fixtures/creds.py", "pkg/testdata/token.txt",
                             "web/__mocks__/api.js", ".env.example", "config.sample.yml"})
        QVERIFY2(scanLines(path, {"t = '" + ghp + "'"}).empty(), path);
}

void TestSecretScanner::overlappingRulesReportOnce()
{
    // A provider token inside a generic `token = "..."` assignment is one finding, the specific
    // one.
    const std::string ghp = S::checksummed("gh"
                                           "p_",
                                           62);
    const auto findings = scanLines("app.py", {"github_token = \"" + ghp + "\""});
    QCOMPARE(findings.size(), std::size_t(1));
    QCOMPARE(findings[0].ruleId, std::string("github-pat-classic"));
}

QTEST_GUILESS_MAIN(TestSecretScanner)
#include "test_secret_scanner.moc"
