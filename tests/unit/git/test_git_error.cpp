// GitError keeps libgit2's thread-local last error once captured, so it survives
// further libgit2 calls and the hop to another thread.
#include "git/GitError.h"
#include "git/GitRuntime.h"

#include <git2.h>

#include <QTest>

#include <thread>

using builder::common::StatusCode;
using builder::git::GitError;
using builder::git::GitRuntime;

namespace {

constexpr const char* kMissing = "/nonexistent/builder-git-error-test";

GitError failToOpen()
{
    git_repository* repo = nullptr;
    const int rc = git_repository_open_ext(&repo, kMissing, GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
    return GitError::capture(rc);
}

} // namespace

class TestGitError : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(GitRuntime::ensureInitialized().ok()); }

    void capturesCodeClassAndMessage()
    {
        const GitError error = failToOpen();

        QCOMPARE(error.code(), int(GIT_ENOTFOUND));
        QVERIFY(error.errorClass() != int(GIT_ERROR_NONE));
        QVERIFY2(error.message().find(kMissing) != std::string::npos, error.message().c_str());
    }

    void survivesLaterCallsAndThreads()
    {
        GitError error;
        std::thread worker([&] {
            error = failToOpen();
            git_error_clear();
        });
        worker.join();
        git_error_clear();

        QCOMPARE(error.code(), int(GIT_ENOTFOUND));
        QVERIFY(error.message().find(kMissing) != std::string::npos);
    }

    void becomesAnErrorWithContext()
    {
        const auto error = failToOpen().toError(StatusCode::Unavailable, "cannot open the mirror");

        QCOMPARE(error.code(), StatusCode::Unavailable);
        QVERIFY(error.message().starts_with("cannot open the mirror: "));
        QVERIFY(error.message().find(kMissing) != std::string::npos);
    }

    void captureWithoutLibgit2ErrorStillSaysSomething()
    {
        git_error_clear();

        const GitError error = GitError::capture(-1);

        QCOMPARE(error.code(), -1);
        QVERIFY(!error.message().empty());
    }
};

QTEST_GUILESS_MAIN(TestGitError)
#include "test_git_error.moc"
