#pragma once

#include <QString>

#include <string>

// Serves the repositories under a directory over git's smart HTTP protocol by
// running the real `git http-backend` as a CGI program for each request. Plug
// handle() into a FakeHttpServer BodyResponder. With a required Authorization
// header, any other request gets 401 and never reaches git.
class GitHttpBackend
{
public:
    GitHttpBackend(QString projectRoot, QString homeDir, std::string requiredAuthorization = {});

    std::string handle(const std::string& head, const std::string& body) const;

private:
    QString m_projectRoot;
    QString m_homeDir;
    std::string m_requiredAuthorization;
};
