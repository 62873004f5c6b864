#include "pipeline/EditApplier.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace builder::pipeline;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

FileEdit modify(std::string path, std::vector<ReplaceBlock> blocks)
{
    FileEdit e;
    e.action = FileEdit::Action::Modify;
    e.path = std::move(path);
    e.blocks = std::move(blocks);
    return e;
}

FileEdit create(std::string path, std::string content)
{
    FileEdit e;
    e.action = FileEdit::Action::Create;
    e.path = std::move(path);
    e.content = std::move(content);
    return e;
}

} // namespace

class TestEditApplier : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    fs::path m_root;
    const std::string m_calc = "int add(int a, int b)\n{\n    return a + b;\n}\n";

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_root = m_dir->path().toStdString();
        fs::create_directories(m_root / "src");
        std::ofstream(m_root / "src" / "calc.c") << m_calc;
        std::ofstream(m_root / "README.md") << "# Calc\n";
    }

    void exactBlockApplies()
    {
        PathPolicy policy(m_root, {}, {});
        auto outcome = EditApplier(policy).apply(
            {modify("src/calc.c", {{"    return a + b;\n", "    return b + a;\n"}})});
        QVERIFY(outcome.ok());
        QVERIFY(outcome->ok());
        QCOMPARE(outcome->fuzzyMatches, 0);
        QCOMPARE(QString::fromStdString(read(m_root / "src/calc.c")),
                 QStringLiteral("int add(int a, int b)\n{\n    return b + a;\n}\n"));
    }

    void whitespaceTolerantMatch()
    {
        PathPolicy policy(m_root, {}, {});
        // The model dropped the indentation and added trailing spaces.
        auto outcome = EditApplier(policy).apply(
            {modify("src/calc.c", {{"{\nreturn a + b;   \n}", "{\n    return a - b;\n}"}})});
        QVERIFY(outcome.ok());
        QVERIFY(outcome->ok());
        QCOMPARE(outcome->fuzzyMatches, 1);
        QCOMPARE(QString::fromStdString(read(m_root / "src/calc.c")),
                 QStringLiteral("int add(int a, int b)\n{\n    return a - b;\n}\n"));
    }

    void ambiguousAndMissingBlocksFailAndWriteNothing()
    {
        std::ofstream(m_root / "src" / "twice.c") << "x = 1;\ny = 2;\nx = 1;\n";
        PathPolicy policy(m_root, {}, {});
        auto outcome = EditApplier(policy).apply(
            {create("src/new.c", "int n;\n"), modify("src/twice.c", {{"x = 1;\n", "x = 3;\n"}}),
             modify("src/calc.c", {{"return a * b;", "return 0;"}})});
        QVERIFY(outcome.ok());
        QCOMPARE(static_cast<int>(outcome->failures.size()), 2);
        QVERIFY(QString::fromStdString(outcome->failures[0].reason).contains("occurs 2 times"));
        QVERIFY(QString::fromStdString(outcome->failures[1].reason).contains("not found"));
        QVERIFY(!fs::exists(m_root / "src/new.c"));
        QCOMPARE(read(m_root / "src/calc.c"), m_calc);
    }

    void policyViolationIsAnErrorAndWritesNothing_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addRow("parent") << "../outside.c";
        QTest::addRow("git hooks") << ".git/hooks/post-checkout";
        QTest::addRow("absolute") << "/tmp/x.c";
        QTest::addRow("forbidden") << "config/secrets.yml";
    }
    void policyViolationIsAnErrorAndWritesNothing()
    {
        QFETCH(QString, path);
        PathPolicy policy(m_root, {}, {"config"});
        auto outcome = EditApplier(policy).apply(
            {create("src/first.c", "int first;\n"), create(path.toStdString(), "#!/bin/sh\n")});
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.error().code(), builder::common::StatusCode::PermissionDenied);
        QVERIFY(QString::fromStdString(outcome.error().message()).contains(path));
        QVERIFY(!fs::exists(m_root / "src/first.c"));
    }

    void createDeleteRename()
    {
        PathPolicy policy(m_root, {}, {});
        FileEdit rename;
        rename.action = FileEdit::Action::Rename;
        rename.path = "README.md";
        rename.newPath = "docs/README.md";
        FileEdit remove;
        remove.action = FileEdit::Action::Delete;
        remove.path = "src/calc.c";
        auto outcome =
            EditApplier(policy).apply({create("src/mul.c", "int mul;\n"), rename, remove});
        QVERIFY(outcome.ok());
        QVERIFY(outcome->ok());
        QCOMPARE(QString::fromStdString(read(m_root / "src/mul.c")), QStringLiteral("int mul;\n"));
        QCOMPARE(QString::fromStdString(read(m_root / "docs/README.md")),
                 QStringLiteral("# Calc\n"));
        QVERIFY(!fs::exists(m_root / "README.md"));
        QVERIFY(!fs::exists(m_root / "src/calc.c"));
        QCOMPARE(static_cast<int>(outcome->changedPaths.size()), 4);
    }

    void editsSeeEarlierEditsOfTheSameStep()
    {
        PathPolicy policy(m_root, {}, {});
        auto outcome = EditApplier(policy).apply(
            {create("src/new.c", "int a;\n"), modify("src/new.c", {{"int a;", "int b;"}})});
        QVERIFY(outcome.ok());
        QVERIFY(outcome->ok());
        QCOMPARE(QString::fromStdString(read(m_root / "src/new.c")), QStringLiteral("int b;\n"));
    }

    void createOverADifferentFileFails()
    {
        PathPolicy policy(m_root, {}, {});
        auto outcome = EditApplier(policy).apply({create("src/calc.c", "replaced\n")});
        QVERIFY(outcome.ok());
        QCOMPARE(static_cast<int>(outcome->failures.size()), 1);
        QCOMPARE(read(m_root / "src/calc.c"), m_calc);
    }
};

QTEST_GUILESS_MAIN(TestEditApplier)
#include "test_edit_applier.moc"
