#pragma once

#include <functional>
#include <ostream>
#include <string>

namespace google::protobuf {
class Message;
}

namespace builder::ctl {

// Writes results to stdout: text for people, or one proto3 JSON object per line
// (original snake_case names, defaults included) for machines. Diagnostics never
// go through here.
class Printer
{
public:
    Printer(bool json, std::ostream& out);

    bool json() const { return m_json; }
    // The message as JSON in --json mode, else the text `human` builds.
    void print(const google::protobuf::Message& message, const std::function<std::string()>& human);
    void jsonLine(const google::protobuf::Message& message);
    void text(const std::string& text);
    // Streamed output must reach a pipe as it happens.
    void flush();

    static std::string toJson(const google::protobuf::Message& message);

private:
    bool m_json;
    std::ostream& m_out;
};

} // namespace builder::ctl
