// WorkspaceFiles: globs with ** (never into .git, into node_modules only when
// named), and reads that refuse what a hostile run could plant: symlinks out
// of the workspace, non-regular files, oversized files.
#include "executor/WorkspaceFiles.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using builder::executor::WorkspaceFiles;
namespace fs = std::filesystem;

class TestWorkspaceFiles : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void globs_data();
    void globs();
    void readStaysInside();
    void copyOutAndRemoveTree();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    fs::path m_root;
    void write(const std::string& relative, const std::string& text = "x")
    {
        fs::create_directories((m_root / relative).parent_path());
        std::ofstream(m_root / relative) << text;
    }
};

void TestWorkspaceFiles::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_root = m_dir->path().toStdString();
    write("target/surefire-reports/TEST-a.xml");
    write("module/target/surefire-reports/TEST-b.xml");
    write("module/target/surefire-reports/other.txt");
    write("node_modules/pkg/junit.xml");
    write(".git/junit.xml");
    write("junit.xml");
    write("build/test-results/test/TEST-c.xml");
    fs::create_symlink("/etc", m_root / "link-to-etc");
}

void TestWorkspaceFiles::globs_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("expected");
    QTest::addRow("surefire") << "**/target/surefire-reports/TEST-*.xml"
                              << "module/target/surefire-reports/TEST-b.xml,"
                                 "target/surefire-reports/TEST-a.xml";
    QTest::addRow("gradle") << "**/build/test-results/**/TEST-*.xml"
                            << "build/test-results/test/TEST-c.xml";
    QTest::addRow("literal") << "junit.xml"
                             << "junit.xml";
    QTest::addRow("any junit skips node_modules and .git") << "**/junit.xml"
                                                           << "junit.xml";
    QTest::addRow("node_modules when named") << "node_modules/*/junit.xml"
                                             << "node_modules/pkg/junit.xml";
    QTest::addRow("no symlinked directories") << "link-to-etc/passwd"
                                              << "";
    QTest::addRow("no escaping") << "../*"
                                 << "";
}

void TestWorkspaceFiles::globs()
{
    QFETCH(QString, pattern);
    QFETCH(QString, expected);
    QStringList found;
    for (const auto& match : WorkspaceFiles::glob(m_root, pattern.toStdString()))
        found << QString::fromStdString(match.path);
    QCOMPARE(found.join(','), expected);
}

void TestWorkspaceFiles::readStaysInside()
{
    write("report.xml", "<testsuite/>");
    QCOMPARE(*WorkspaceFiles::read(m_root, "report.xml", 1024), std::string("<testsuite/>"));
    fs::create_symlink("/etc/passwd", m_root / "planted.xml");
    QVERIFY(!WorkspaceFiles::read(m_root, "planted.xml", 1 << 20).ok());
    QVERIFY(!WorkspaceFiles::read(m_root, "link-to-etc/passwd", 1 << 20).ok());
    QVERIFY(!WorkspaceFiles::read(m_root, "../../etc/passwd", 1 << 20).ok());
    QVERIFY(mkfifo((m_root / "fifo.xml").c_str(), 0644) == 0);
    QVERIFY(!WorkspaceFiles::read(m_root, "fifo.xml", 1024).ok()); // and does not block
    write("big.xml", std::string(4096, 'x'));
    QCOMPARE(WorkspaceFiles::read(m_root, "big.xml", 1024).error().code(),
             builder::common::StatusCode::ResourceExhausted);
}

void TestWorkspaceFiles::copyOutAndRemoveTree()
{
    QTemporaryDir out;
    const fs::path target = fs::path(out.path().toStdString()) / "junit" / "a.xml";
    QVERIFY(WorkspaceFiles::copyOut(m_root, "junit.xml", target, 1024).ok());
    QVERIFY(fs::exists(target));
    // A symlink inside the tree is removed, not followed.
    write("victim/keep.txt", "keep");
    fs::create_symlink(m_root / "victim", m_root / "target" / "to-victim");
    WorkspaceFiles::removeTree(m_root, "target");
    QVERIFY(!fs::exists(m_root / "target" / "surefire-reports"));
    QVERIFY(fs::exists(m_root / "victim" / "keep.txt"));
}

QTEST_GUILESS_MAIN(TestWorkspaceFiles)
#include "test_workspace_files.moc"
