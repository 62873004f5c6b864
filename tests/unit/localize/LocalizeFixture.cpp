#include "LocalizeFixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

bool LocalizeFixture::write(const QString& root, const QString& relative, const QByteArray& content)
{
    const QString path = root + "/" + relative;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(content) == content.size();
}

bool LocalizeFixture::git(const QString& dir, const QStringList& args)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("GIT_CONFIG_NOSYSTEM", "1");
    env.insert("HOME", dir);
    env.insert("GIT_AUTHOR_NAME", "test");
    env.insert("GIT_AUTHOR_EMAIL", "test@example.invalid");
    env.insert("GIT_COMMITTER_NAME", "test");
    env.insert("GIT_COMMITTER_EMAIL", "test@example.invalid");
    process.setProcessEnvironment(env);
    process.start("git", args);
    return process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit &&
           process.exitCode() == 0;
}

bool LocalizeFixture::writeServiceTree(const QString& root)
{
    bool ok = true;
    ok &= write(root, "gateway/RateLimiter.h",
                "#pragma once\n"
                "// Token bucket rate limiting per client.\n"
                "class RateLimiter {\n"
                "public:\n"
                "    bool allowRequest(const std::string& clientId);\n"
                "    void refillTokens();\n"
                "};\n");
    ok &= write(root, "gateway/RateLimiter.cpp",
                "#include \"RateLimiter.h\"\n"
                "\n"
                "bool RateLimiter::allowRequest(const std::string& clientId)\n"
                "{\n"
                "    refillTokens();\n"
                "    return m_buckets[clientId].take();\n"
                "}\n"
                "\n"
                "void RateLimiter::refillTokens()\n"
                "{\n"
                "    // add tokens at the configured rate\n"
                "}\n");
    ok &= write(root, "gateway/Router.cpp",
                "// Routes requests to handlers.\n"
                "void Router::route(const Request& request) { dispatch(request); }\n");
    // Mentions "rate" and "limit" often in prose, but is about something else.
    ok &= write(root, "docs/changelog.md",
                "# Changelog\n\nThe exchange rate display now shows the limit of the rate "
                "and the rate of change; rate rate rate limit limit.\n");
    ok &= write(root, "billing/invoice.py",
                "def compute_invoice(customer):\n    tax_rate = 0.2\n    return customer.total * "
                "tax_rate\n");
    ok &= write(root, "README.md", "# Services\n\nA gateway and a billing service.\n");
    return ok;
}
