#include "pipeline/StageParsers.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace builder::pipeline;

namespace {
QJsonValue json(const char* text)
{
    return QJsonDocument::fromJson(text).object();
}
} // namespace

class TestStageParsers : public QObject
{
    Q_OBJECT

private slots:
    void planKeepsOrderTypesAndAffectedFiles()
    {
        auto plan = StageParsers::plan(json(R"J({"summary": "Add multiply",
            "steps": [
              {"description": "Add mul()", "type": "modify_file", "target_files": ["src/calc.c", "src/calc.h"]},
              {"description": "Test mul()", "type": "test", "target_files": ["tests/calc_test.c", "src/calc.h"], "depends_on": [0]}
            ]})J"),
                                       5);
        QVERIFY(plan.ok());
        QCOMPARE(plan->steps_size(), 2);
        QCOMPARE(plan->steps(1).index(), 1);
        QCOMPARE(plan->steps(1).type(), feature::feature::v1::STEP_TYPE_TEST);
        QCOMPARE(plan->steps(1).dependencies(0), 0);
        QCOMPARE(plan->affected_files_size(), 3);
    }

    void planRefusesForwardDependenciesAndTooManySteps_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("maxSteps");
        QTest::addColumn<QString>("path");
        QTest::addRow("forward dependency")
            << R"J({"summary": "s", "steps": [{"description": "a", "type": "test", "target_files": ["x"], "depends_on": [1]},
                  {"description": "b", "type": "test", "target_files": ["y"]}]})J"
            << 5 << "$.steps[0].depends_on";
        QTest::addRow("over max_steps")
            << R"J({"summary": "s", "steps": [{"description": "a", "type": "test", "target_files": ["x"]},
                  {"description": "b", "type": "test", "target_files": ["y"]}]})J"
            << 1 << "$.steps";
    }
    void planRefusesForwardDependenciesAndTooManySteps()
    {
        QFETCH(QString, text);
        QFETCH(int, maxSteps);
        QFETCH(QString, path);
        auto plan = StageParsers::plan(QJsonDocument::fromJson(text.toUtf8()).object(), maxSteps);
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().code(), builder::common::StatusCode::InvalidArgument);
        QCOMPARE(QString::fromStdString(plan.error().violations().at(0).fieldPath), path);
    }

    void codeChangeActions()
    {
        auto change =
            StageParsers::codeChange(json(R"J({"summary": "s", "commit_message": "Add mul",
            "edits": [{"action": "create", "path": "a.c", "content": "x"},
                      {"action": "modify", "path": "b.c", "blocks": [{"search": "1", "replace": "2"}]},
                      {"action": "rename", "path": "c.c", "new_path": "d.c"},
                      {"action": "delete", "path": "e.c"}]})J"));
        QVERIFY(change.ok());
        QCOMPARE(static_cast<int>(change->edits.size()), 4);
        QCOMPARE(change->edits[0].action, FileEdit::Action::Create);
        QCOMPARE(QString::fromStdString(change->edits[1].blocks[0].replace), QStringLiteral("2"));
        QCOMPARE(QString::fromStdString(change->edits[2].newPath), QStringLiteral("d.c"));
        QCOMPARE(change->edits[3].action, FileEdit::Action::Delete);
    }

    void codeChangeMissingPartsAreNamed_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::addColumn<QString>("path");
        QTest::addRow("create without content") << R"J({"action": "create", "path": "a"})J"
                                                << "$.edits[0].content";
        QTest::addRow("modify without blocks") << R"J({"action": "modify", "path": "a"})J"
                                               << "$.edits[0].blocks";
        QTest::addRow("rename without target") << R"J({"action": "rename", "path": "a"})J"
                                               << "$.edits[0].new_path";
    }
    void codeChangeMissingPartsAreNamed()
    {
        QFETCH(QString, edit);
        QFETCH(QString, path);
        const auto text = R"J({"summary": "s", "commit_message": "m", "edits": [)J" + edit + "]}";
        auto change = StageParsers::codeChange(QJsonDocument::fromJson(text.toUtf8()).object());
        QVERIFY(!change.ok());
        QCOMPARE(QString::fromStdString(change.error().violations().at(0).fieldPath), path);
    }

    void normalizedSpecQueryText()
    {
        auto spec = StageParsers::normalizedSpec(json(R"J({"problem_statement": "Users need mul",
            "requirements": ["mul(a,b) returns a*b"], "acceptance_criteria": ["mul(2,3) == 6"],
            "search_terms": ["calc", "arith"]})J"));
        const auto text = QString::fromStdString(spec.queryText("Multiply"));
        QVERIFY(text.contains("Multiply"));
        QVERIFY(text.contains("mul(2,3) == 6"));
        QVERIFY(text.contains("arith"));
    }
};

QTEST_GUILESS_MAIN(TestStageParsers)
#include "test_stage_parsers.moc"
