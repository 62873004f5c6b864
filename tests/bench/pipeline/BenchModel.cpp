#include "BenchModel.h"

#include "DemoModel.h"

#include <QJsonArray>
#include <QJsonObject>

namespace builder::bench {

namespace {

QJsonArray strings(std::initializer_list<const char*> items)
{
    QJsonArray out;
    for (const char* s : items)
        out.append(QString::fromUtf8(s));
    return out;
}

} // namespace

BenchModel::BenchModel(std::vector<SyntheticRepo::Target> targets) : m_targets(std::move(targets))
{}

QString BenchModel::title(int run)
{
    return QString("Request tracing %1").arg(run);
}

QString BenchModel::description()
{
    return "Propagate a request tracing span id through the request handlers of the C++, "
           "Python and Go services, so that one request can be followed across them.";
}

QString BenchModel::addedLine(int step)
{
    return QString("trace span step %1").arg(step);
}

fakes::FakeReply BenchModel::answer(const fakes::FakeRequest& request)
{
    ++m_requests;
    const auto key = itest::DemoModel::keyOf(request);
    QJsonObject o;
    if (request.stage == "normalize_spec") {
        o = {{"problem_statement", "Requests cannot be followed across the C++, Python and Go "
                                   "services because no span id is propagated."},
             {"requirements", strings({"Each request handler forwards the incoming span id",
                                       "A missing span id is replaced by a new one"})},
             {"acceptance_criteria", strings({"A request keeps one span id through all services",
                                              "Handlers without a span id create one"})},
             {"out_of_scope", strings({"Exporting traces to a collector"})},
             {"search_terms", strings({"request", "tracing", "span", "handler"})}};
    } else if (request.stage == "analyze_impact") {
        QJsonArray direct;
        for (const auto& t : m_targets)
            direct.append(QJsonObject{{"path", t.path}, {"reason", "a request handler"}});
        o = {{"direct", direct}, {"indirect", QJsonArray{}}, {"new_files", QJsonArray{}}};
    } else if (request.stage == "generate_plan") {
        QJsonArray steps;
        for (std::size_t i = 0; i < m_targets.size(); ++i) {
            QJsonObject step{{"description", "Forward the span id in " + m_targets[i].path},
                             {"type", "modify_file"},
                             {"target_files", QJsonArray{m_targets[i].path}}};
            if (i > 0)
                step["depends_on"] = QJsonArray{0};
            steps.append(step);
        }
        o = {{"summary", "Forward the span id in the three services' request handlers"},
             {"steps", steps}};
    } else if (request.stage == "generate_code") {
        bool ok = false;
        const int step = QString::fromStdString(key.substr(key.find('/') + 1)).toInt(&ok);
        if (!ok || step < 0 || step >= static_cast<int>(m_targets.size())) {
            ++m_unanswered;
            return fakes::FakeReply::error(400, "invalid_request_error",
                                           "bench model: no step in the request (" + key + ")");
        }
        const auto& t = m_targets[static_cast<std::size_t>(step)];
        const QString comment = t.path.endsWith(".py") ? "# " : "// ";
        QJsonObject block{{"search", t.firstLine + "\n"},
                          {"replace", t.firstLine + "\n" + comment + addedLine(step) + "\n"}};
        QJsonObject edit{{"action", "modify"}, {"path", t.path}, {"blocks", QJsonArray{block}}};
        o = {{"summary", "Forward the span id in " + t.path},
             {"commit_message", "Forward the span id in " + t.path},
             {"edits", QJsonArray{edit}}};
    } else if (request.stage == "review") {
        o = {{"findings", QJsonArray{}}};
    } else {
        ++m_unanswered;
        return fakes::FakeReply::error(400, "invalid_request_error",
                                       "bench model: no answer for stage " + request.stage);
    }
    return fakes::FakeReply::json(o).withUsage(1200, 300);
}

} // namespace builder::bench
