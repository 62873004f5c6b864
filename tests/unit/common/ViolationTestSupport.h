#pragma once

#include "common/Error.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <functional>
#include <string>
#include <vector>

// Test rows carry a scenario (build a request, validate it) and the expected
// violations as "field_path|constraint_id" strings, in reporting order.
using Violations = std::vector<builder::common::Violation>;
using Scenario = std::function<Violations()>;
Q_DECLARE_METATYPE(Scenario)

inline QStringList describe(const Violations& violations)
{
    QStringList out;
    for (const auto& v : violations)
        out << QString::fromStdString(v.fieldPath + '|' + v.constraintId);
    return out;
}

// n copies of a (possibly multibyte) UTF-8 sequence.
inline std::string repeat(const std::string& unit, std::size_t n)
{
    std::string out;
    out.reserve(unit.size() * n);
    for (std::size_t i = 0; i < n; ++i)
        out += unit;
    return out;
}
