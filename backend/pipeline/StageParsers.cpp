#include "StageParsers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace builder::pipeline {

namespace fv1 = feature::feature::v1;
using common::Error;

namespace {

std::vector<std::string> strings(const QJsonValue& value)
{
    std::vector<std::string> out;
    for (const auto& item : value.toArray())
        out.push_back(item.toString().toStdString());
    return out;
}

std::vector<ImpactedFile> files(const QJsonValue& value)
{
    std::vector<ImpactedFile> out;
    for (const auto& item : value.toArray()) {
        const auto o = item.toObject();
        out.push_back({o["path"].toString().toStdString(), o["reason"].toString().toStdString()});
    }
    return out;
}

QJsonArray array(const std::vector<std::string>& items)
{
    QJsonArray out;
    for (const auto& item : items)
        out.append(QString::fromStdString(item));
    return out;
}

QJsonArray array(const std::vector<ImpactedFile>& items)
{
    QJsonArray out;
    for (const auto& item : items)
        out.append(QJsonObject{{"path", QString::fromStdString(item.path)},
                               {"reason", QString::fromStdString(item.reason)}});
    return out;
}

fv1::StepType stepType(const QString& name)
{
    static const std::pair<const char*, fv1::StepType> kTypes[] = {
        {"create_file", fv1::STEP_TYPE_CREATE_FILE},
        {"modify_file", fv1::STEP_TYPE_MODIFY_FILE},
        {"delete_file", fv1::STEP_TYPE_DELETE_FILE},
        {"rename_file", fv1::STEP_TYPE_RENAME_FILE},
        {"add_dependency", fv1::STEP_TYPE_ADD_DEPENDENCY},
        {"refactor", fv1::STEP_TYPE_REFACTOR},
        {"test", fv1::STEP_TYPE_TEST},
        {"documentation", fv1::STEP_TYPE_DOCUMENTATION},
    };
    for (const auto& [text, type] : kTypes)
        if (name == QLatin1String(text))
            return type;
    return fv1::STEP_TYPE_UNSPECIFIED;
}

Error invalid(const std::string& stage, const std::string& path, const std::string& rule)
{
    return Error(common::StatusCode::InvalidArgument,
                 "model output for " + stage + " is invalid: " + path + ": " + rule,
                 {{path, "model_output", rule}});
}

} // namespace

std::string NormalizedSpec::queryText(const std::string& title) const
{
    std::string out = title + "\n" + problemStatement + "\n";
    for (const auto& r : requirements)
        out += r + "\n";
    for (const auto& a : acceptanceCriteria)
        out += a + "\n";
    for (const auto& t : searchTerms)
        out += t + " ";
    return out;
}

NormalizedSpec StageParsers::normalizedSpec(const QJsonValue& value)
{
    const auto o = value.toObject();
    NormalizedSpec spec;
    spec.problemStatement = o["problem_statement"].toString().toStdString();
    spec.requirements = strings(o["requirements"]);
    spec.acceptanceCriteria = strings(o["acceptance_criteria"]);
    spec.outOfScope = strings(o["out_of_scope"]);
    spec.searchTerms = strings(o["search_terms"]);
    return spec;
}

ImpactAnalysis StageParsers::impact(const QJsonValue& value)
{
    const auto o = value.toObject();
    return {files(o["direct"]), files(o["indirect"]), files(o["new_files"])};
}

common::Result<fv1::ExecutionPlan> StageParsers::plan(const QJsonValue& value, int maxSteps)
{
    const auto o = value.toObject();
    const auto steps = o["steps"].toArray();
    if (steps.size() > maxSteps)
        return invalid("generate_plan", "$.steps",
                       "has " + std::to_string(steps.size()) + " steps; max_steps is " +
                           std::to_string(maxSteps));
    fv1::ExecutionPlan plan;
    plan.set_summary(o["summary"].toString().toStdString());
    std::vector<std::string> affected;
    for (int i = 0; i < steps.size(); ++i) {
        const auto s = steps[i].toObject();
        auto* step = plan.add_steps();
        step->set_index(i);
        step->set_description(s["description"].toString().toStdString());
        step->set_type(stepType(s["type"].toString()));
        for (const auto& f : s["target_files"].toArray()) {
            const auto path = f.toString().toStdString();
            step->add_target_files(path);
            if (std::find(affected.begin(), affected.end(), path) == affected.end())
                affected.push_back(path);
        }
        for (const auto& d : s["depends_on"].toArray()) {
            const int dep = d.toInt(-1);
            if (dep < 0 || dep >= i)
                return invalid("generate_plan", "$.steps[" + std::to_string(i) + "].depends_on",
                               "step " + std::to_string(i) +
                                   " may only depend on earlier steps (0.." +
                                   std::to_string(i - 1) + "), not " + std::to_string(dep));
            step->add_dependencies(dep);
        }
    }
    for (const auto& path : affected)
        plan.add_affected_files(path);
    return plan;
}

common::Result<CodeChange> StageParsers::codeChange(const QJsonValue& value)
{
    const auto o = value.toObject();
    CodeChange change;
    change.summary = o["summary"].toString().toStdString();
    change.commitMessage = o["commit_message"].toString().toStdString();
    const auto edits = o["edits"].toArray();
    for (int i = 0; i < edits.size(); ++i) {
        const auto e = edits[i].toObject();
        const auto at = "$.edits[" + std::to_string(i) + "]";
        FileEdit edit;
        const auto action = e["action"].toString();
        edit.path = e["path"].toString().toStdString();
        if (action == "create") {
            edit.action = FileEdit::Action::Create;
            if (!e.contains("content"))
                return invalid("generate_code", at + ".content", "a create edit needs content");
            edit.content = e["content"].toString().toStdString();
        } else if (action == "delete") {
            edit.action = FileEdit::Action::Delete;
        } else if (action == "rename") {
            edit.action = FileEdit::Action::Rename;
            edit.newPath = e["new_path"].toString().toStdString();
            if (edit.newPath.empty())
                return invalid("generate_code", at + ".new_path", "a rename edit needs new_path");
        } else {
            edit.action = FileEdit::Action::Modify;
            const auto blocks = e["blocks"].toArray();
            if (blocks.isEmpty())
                return invalid("generate_code", at + ".blocks",
                               "a modify edit needs at least one search/replace block");
            for (const auto& b : blocks)
                edit.blocks.push_back({b.toObject()["search"].toString().toStdString(),
                                       b.toObject()["replace"].toString().toStdString()});
        }
        change.edits.push_back(std::move(edit));
    }
    return change;
}

std::string StageParsers::toJson(const NormalizedSpec& spec)
{
    QJsonObject o{{"problem_statement", QString::fromStdString(spec.problemStatement)},
                  {"requirements", array(spec.requirements)},
                  {"acceptance_criteria", array(spec.acceptanceCriteria)},
                  {"out_of_scope", array(spec.outOfScope)}};
    return QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
}

std::string StageParsers::toJson(const ImpactAnalysis& impact)
{
    QJsonObject o{{"direct", array(impact.direct)},
                  {"indirect", array(impact.indirect)},
                  {"new_files", array(impact.newFiles)}};
    return QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
}

} // namespace builder::pipeline
