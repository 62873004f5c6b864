// Private keys, JWTs, credentials inside URLs, and the generic entropy-based
// assignment rules.
#include "SecretRuleTable.h"

namespace builder::review {

namespace {

SecretRule privateKey(std::string id, std::string title, std::string header,
                      Severity severity = Severity::Critical)
{
    SecretRule rule;
    rule.id = std::move(id);
    rule.title = std::move(title);
    rule.kind = SecretKind::PrivateKey;
    rule.anchors = {std::move(header)};
    rule.severity = severity;
    rule.family = "keys";
    rule.fixHint = "Remove the key from the change, treat it as compromised and rotate it; load "
                   "keys from a secret store or a file outside the repository.";
    return rule;
}

SecretRule url(std::string id, std::string title, std::vector<std::string> schemes,
               Severity severity = Severity::Critical)
{
    SecretRule rule;
    rule.id = std::move(id);
    rule.title = std::move(title);
    rule.kind = SecretKind::UrlPassword;
    rule.anchors = std::move(schemes);
    rule.severity = severity;
    rule.family = "urls";
    rule.fixHint = "Take the password out of the URL: read it from the environment or a secret "
                   "store and rotate the exposed one.";
    return rule;
}

SecretRule assignment(std::string id, std::string title, std::vector<std::string> words)
{
    SecretRule rule;
    rule.id = std::move(id);
    rule.title = std::move(title);
    rule.kind = SecretKind::Assignment;
    rule.anchors = std::move(words);
    rule.severity = Severity::High;
    rule.family = "generic";
    rule.fixHint = "Do not hard-code credentials: read the value from the environment or a "
                   "secret store, and rotate it if it was real.";
    return rule;
}

} // namespace

std::vector<SecretRule> SecretRuleTable::keysAndUrls()
{
    SecretRule jwt = checked(token("jwt", "JSON Web Token", {"eyJ"},
                                   "eyJ[A-Za-z0-9_-]{8,4000}\\.eyJ[A-Za-z0-9_-]{8,4000}\\."
                                   "[A-Za-z0-9_-]{8,1000}",
                                   Severity::High),
                             SecretCheck::JwtHeader);
    jwt.family = "keys";
    SecretRule putty = token("putty-private-key", "PuTTY private key file",
                             {"PuTTY-User-Key-File-"}, "PuTTY-User-Key-File-\\d: [a-z0-9-]{3,30}");
    putty.family = "keys";
    return {
        privateKey("rsa-private-key", "RSA private key", "-----BEGIN RSA PRIVATE KEY-----"),
        privateKey("ec-private-key", "EC private key", "-----BEGIN EC PRIVATE KEY-----"),
        privateKey("dsa-private-key", "DSA private key", "-----BEGIN DSA PRIVATE KEY-----"),
        privateKey("openssh-private-key", "OpenSSH private key",
                   "-----BEGIN OPENSSH PRIVATE KEY-----"),
        privateKey("pgp-private-key", "PGP private key block",
                   "-----BEGIN PGP PRIVATE KEY BLOCK-----"),
        privateKey("pkcs8-private-key", "PKCS#8 private key", "-----BEGIN PRIVATE KEY-----"),
        privateKey("pkcs8-encrypted-private-key", "Encrypted PKCS#8 private key",
                   "-----BEGIN ENCRYPTED PRIVATE KEY-----", Severity::High),
        privateKey("ssh2-encrypted-private-key", "SSH2 encrypted private key",
                   "-----BEGIN SSH2 ENCRYPTED PRIVATE KEY-----", Severity::High),
        putty,
        jwt,
        url("postgres-url-password", "PostgreSQL URL with a password",
            {"postgres", "postgresql", "postgis", "pgsql"}),
        url("mysql-url-password", "MySQL/MariaDB URL with a password",
            {"mysql", "mysql2", "mysqlx", "mariadb"}),
        url("mongodb-url-password", "MongoDB URL with a password", {"mongodb", "mongodb+srv"}),
        url("redis-url-password", "Redis URL with a password", {"redis", "rediss"}),
        url("amqp-url-password", "AMQP (RabbitMQ) URL with a password", {"amqp", "amqps"}),
        url("mssql-url-password", "SQL Server URL with a password", {"mssql", "sqlserver"}),
        url("smtp-url-password", "SMTP URL with a password", {"smtp", "smtps"}, Severity::High),
        url("ftp-url-password", "FTP URL with a password", {"ftp", "ftps", "sftp"}, Severity::High),
        url("ldap-url-password", "LDAP URL with a password", {"ldap", "ldaps"}, Severity::High),
        url("basic-auth-url", "HTTP URL with basic-auth credentials",
            {"http", "https", "ws", "wss"}, Severity::High),
        url("url-credentials", "URL with embedded credentials", {"*"}, Severity::High),
        assignment("generic-password-assignment", "Hard-coded password",
                   {"password", "passwd", "pwd", "passphrase"}),
        assignment("generic-secret-assignment", "Hard-coded secret or token",
                   {"secret", "token", "api_key", "apikey", "api-key", "access_key", "accesskey",
                    "auth_key", "private_key", "client_secret", "credential"}),
    };
}

} // namespace builder::review
