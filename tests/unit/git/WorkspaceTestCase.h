#pragma once

#include "TestRepos.h"
#include "WorkspaceFixture.h"
#include "git/Workspace.h"

#include <QObject>
#include <QTemporaryDir>
#include <QtGlobal>

#include <string>

// The frame the Workspace test classes share: the fixture on a temporary root
// (set up by the test's initTestCase) and the shorthands every test uses.
class WorkspaceTestCase : public QObject
{
protected:
    static inline const builder::git::Signature& kBot = WorkspaceFixture::kBot;
    static inline const QByteArray& kBinary = WorkspaceFixture::kBinary;

    static TestRepos::Files baseFiles() { return WorkspaceFixture::baseFiles(); }
    static void makeStepChanges(const QString& workTree)
    {
        WorkspaceFixture::makeStepChanges(workTree);
    }
    static QString str(const std::string& text) { return QString::fromStdString(text); }

    QString path(const QString& name) const { return m_fixture.path(name); }
    QString freshClone(const QString& name) const { return m_fixture.freshClone(name); }
    // A workspace the test cannot go on without: a failure ends the test run.
    builder::git::Workspace create(const QString& name, const std::string& base = "main")
    {
        auto ws = m_fixture.create(name, base);
        if (!ws.ok())
            qFatal("cannot create workspace %s: %s", qPrintable(name),
                   ws.error().message().c_str());
        return std::move(ws).value();
    }

    QTemporaryDir m_dir;
    WorkspaceFixture m_fixture{m_dir.path()};
    const TestRepos& m_repos = m_fixture.repos();
    std::string m_mirror;
    QString m_baseSha;
};
