#include "webhook/RepositoryUrlKey.h"

#include <QTest>

using builder::webhook::RepositoryUrlKey;

class TestRepositoryUrlKey : public QObject
{
    Q_OBJECT

private slots:
    void normalises_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("key");
        const QString key = "github.com/acme/widgets";
        QTest::newRow("html_url") << "https://github.com/acme/widgets" << key;
        QTest::newRow("clone_url") << "https://github.com/acme/widgets.git" << key;
        QTest::newRow("ssh_url") << "git@github.com:acme/widgets.git" << key;
        QTest::newRow("git_url") << "git://github.com/acme/widgets.git" << key;
        QTest::newRow("ssh scheme with port") << "ssh://git@github.com:22/acme/widgets" << key;
        QTest::newRow("case and trailing slash") << "https://GitHub.com/Acme/Widgets/" << key;
        QTest::newRow("user in https") << "https://builder@github.com/acme/widgets.git" << key;
        QTest::newRow("another repository") << "https://github.com/acme/widgets-2"
                                            << "github.com/acme/widgets-2";
        QTest::newRow("another host") << "https://gitlab.com/acme/widgets"
                                      << "gitlab.com/acme/widgets";
        QTest::newRow("a nested group") << "https://gitlab.com/acme/tools/widgets.git"
                                        << "gitlab.com/acme/tools/widgets";
        QTest::newRow("a local path") << "/srv/git/widgets.git/"
                                      << "/srv/git/widgets";
    }

    void normalises()
    {
        QFETCH(QString, url);
        QFETCH(QString, key);
        QCOMPARE(QString::fromStdString(RepositoryUrlKey::of(url.toStdString())), key);
    }
};

QTEST_GUILESS_MAIN(TestRepositoryUrlKey)
#include "test_repository_url_key.moc"
