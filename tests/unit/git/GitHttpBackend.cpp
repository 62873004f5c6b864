#include "GitHttpBackend.h"

#include "FakeHttpServer.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace {

constexpr int kCgiTimeoutMs = 30000;

std::string headerValue(const std::string& head, const std::string& name)
{
    const auto at = head.find("\r\n" + name + ": ");
    if (at == std::string::npos) {
        return {};
    }
    const auto start = at + 2 + name.size() + 2;
    return head.substr(start, head.find("\r\n", start) - start);
}

} // namespace

GitHttpBackend::GitHttpBackend(QString projectRoot, QString homeDir,
                               std::string requiredAuthorization)
    : m_projectRoot(std::move(projectRoot)), m_homeDir(std::move(homeDir)),
      m_requiredAuthorization(std::move(requiredAuthorization))
{}

std::string GitHttpBackend::handle(const std::string& head, const std::string& body) const
{
    if (!m_requiredAuthorization.empty() &&
        headerValue(head, "Authorization") != m_requiredAuthorization) {
        return FakeHttpServer::response("401 Unauthorized",
                                        "WWW-Authenticate: Basic realm=\"git\"\r\n");
    }
    // "GET /repo.git/info/refs?service=git-upload-pack HTTP/1.1"
    const std::string requestLine = head.substr(0, head.find("\r\n"));
    const auto firstSpace = requestLine.find(' ');
    const auto secondSpace = requestLine.find(' ', firstSpace + 1);
    const std::string method = requestLine.substr(0, firstSpace);
    const std::string target = requestLine.substr(firstSpace + 1, secondSpace - firstSpace - 1);
    const auto question = target.find('?');
    const std::string pathInfo = target.substr(0, question);
    const std::string query = question == std::string::npos ? "" : target.substr(question + 1);

    QProcessEnvironment env;
    env.insert("PATH", qEnvironmentVariable("PATH"));
    env.insert("HOME", m_homeDir);
    env.insert("GIT_CONFIG_NOSYSTEM", "1");
    env.insert("GIT_PROJECT_ROOT", m_projectRoot);
    env.insert("GIT_HTTP_EXPORT_ALL", "1");
    env.insert("REMOTE_USER", "builder"); // enables receive-pack
    env.insert("REMOTE_ADDR", "127.0.0.1");
    env.insert("GATEWAY_INTERFACE", "CGI/1.1");
    env.insert("REQUEST_METHOD", QString::fromStdString(method));
    env.insert("PATH_INFO", QString::fromStdString(pathInfo));
    env.insert("QUERY_STRING", QString::fromStdString(query));
    env.insert("CONTENT_TYPE", QString::fromStdString(headerValue(head, "Content-Type")));
    env.insert("CONTENT_LENGTH", QString::number(body.size()));

    QProcess cgi;
    cgi.setProcessEnvironment(env);
    cgi.start("git", {"http-backend"});
    if (!cgi.waitForStarted(kCgiTimeoutMs)) {
        return FakeHttpServer::response("500 Internal Server Error");
    }
    cgi.write(body.data(), static_cast<qint64>(body.size()));
    cgi.closeWriteChannel();
    if (!cgi.waitForFinished(kCgiTimeoutMs)) {
        cgi.kill();
        cgi.waitForFinished(kCgiTimeoutMs);
        return FakeHttpServer::response("500 Internal Server Error");
    }
    const std::string output = cgi.readAllStandardOutput().toStdString();
    auto split = output.find("\r\n\r\n");
    std::size_t separator = 4;
    if (split == std::string::npos) {
        split = output.find("\n\n");
        separator = 2;
    }
    if (split == std::string::npos) {
        return FakeHttpServer::response("500 Internal Server Error");
    }
    std::string status = "200 OK";
    std::string headers;
    std::size_t pos = 0;
    const std::string cgiHead = output.substr(0, split);
    while (pos < cgiHead.size()) {
        auto end = cgiHead.find('\n', pos);
        if (end == std::string::npos) {
            end = cgiHead.size();
        }
        std::string line = cgiHead.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (line.rfind("Status: ", 0) == 0) {
            status = line.substr(8);
        } else if (!line.empty()) {
            headers += line + "\r\n";
        }
        pos = end + 1;
    }
    return FakeHttpServer::response(status, headers, output.substr(split + separator));
}
