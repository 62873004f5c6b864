#include "Printer.h"

#include <google/protobuf/message.h>
#include <google/protobuf/util/json_util.h>

namespace builder::ctl {

Printer::Printer(bool json, std::ostream& out) : m_json(json), m_out(out) {}

std::string Printer::toJson(const google::protobuf::Message& message)
{
    google::protobuf::util::JsonPrintOptions options;
    options.preserve_proto_field_names = true;
    // Scripts should see every field, not only the non-default ones.
    options.always_print_primitive_fields = true;
    std::string json;
    const auto status = google::protobuf::util::MessageToJsonString(message, &json, options);
    if (!status.ok())
        return "{}";
    return json;
}

void Printer::print(const google::protobuf::Message& message,
                    const std::function<std::string()>& human)
{
    if (m_json)
        jsonLine(message);
    else
        text(human());
}

void Printer::jsonLine(const google::protobuf::Message& message)
{
    m_out << toJson(message) << '\n';
}

void Printer::text(const std::string& text)
{
    m_out << text;
}

void Printer::flush()
{
    m_out.flush();
}

} // namespace builder::ctl
