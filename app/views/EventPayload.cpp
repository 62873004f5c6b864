#include "EventPayload.h"

namespace builder::views {

QString EventPayload::text(const feature::feature::v1::FeatureEvent& event,
                           std::initializer_list<const char*> keys)
{
    const auto& fields = event.payload().fields();
    for (const char* key : keys) {
        const auto it = fields.find(key);
        if (it == fields.end())
            continue;
        if (it->second.has_string_value())
            return QString::fromStdString(it->second.string_value());
        if (it->second.has_number_value())
            return QString::number(it->second.number_value());
    }
    return {};
}

double EventPayload::number(const feature::feature::v1::FeatureEvent& event,
                            std::initializer_list<const char*> keys, double fallback)
{
    const auto& fields = event.payload().fields();
    for (const char* key : keys) {
        const auto it = fields.find(key);
        if (it == fields.end())
            continue;
        if (it->second.has_number_value())
            return it->second.number_value();
        if (it->second.has_string_value()) {
            bool ok = false;
            // Money arrives formatted ("$0.0102") in some payloads.
            QString text = QString::fromStdString(it->second.string_value()).trimmed();
            if (text.startsWith('$'))
                text.remove(0, 1);
            const double value = text.toDouble(&ok);
            if (ok)
                return value;
        }
    }
    return fallback;
}

bool EventPayload::has(const feature::feature::v1::FeatureEvent& event, const char* key)
{
    return event.payload().fields().count(key) > 0;
}

} // namespace builder::views
