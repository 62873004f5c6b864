#pragma once

#include <string>
#include <utility>
#include <vector>

namespace builder::common {

// Status codes with the same numbers as gRPC's, so every layer speaks one
// vocabulary and the edge maps them 1:1 (gRPC status, Connect code, HTTP status).
enum class StatusCode : int
{
    Ok = 0,
    Cancelled = 1,
    Unknown = 2,
    InvalidArgument = 3,
    DeadlineExceeded = 4,
    NotFound = 5,
    AlreadyExists = 6,
    PermissionDenied = 7,
    ResourceExhausted = 8,
    FailedPrecondition = 9,
    Aborted = 10,
    OutOfRange = 11,
    Unimplemented = 12,
    Internal = 13,
    Unavailable = 14,
    DataLoss = 15,
    Unauthenticated = 16,
};

// One broken validation rule: which field, which rule, and a human sentence.
struct Violation
{
    std::string fieldPath;    // e.g. "spec.constraints.max_steps"
    std::string constraintId; // e.g. "int32.gte"
    std::string message;      // e.g. "value must be greater than or equal to 1"

    bool operator==(const Violation&) const = default;
};

// An error travelling as a value: code, message, and the violations behind it.
class Error
{
public:
    Error() = default;
    Error(StatusCode code, std::string message, std::vector<Violation> violations = {})
        : m_code(code), m_message(std::move(message)), m_violations(std::move(violations))
    {}

    StatusCode code() const { return m_code; }
    const std::string& message() const { return m_message; }
    const std::vector<Violation>& violations() const { return m_violations; }

    static Error invalid(std::vector<Violation> violations);
    static Error invalid(std::string fieldPath, std::string constraintId, std::string message);
    static Error notFound(std::string message)
    {
        return {StatusCode::NotFound, std::move(message)};
    }
    static Error alreadyExists(std::string message)
    {
        return {StatusCode::AlreadyExists, std::move(message)};
    }
    static Error failedPrecondition(std::string message)
    {
        return {StatusCode::FailedPrecondition, std::move(message)};
    }
    static Error internal(std::string message)
    {
        return {StatusCode::Internal, std::move(message)};
    }
    static Error unauthenticated(std::string message)
    {
        return {StatusCode::Unauthenticated, std::move(message)};
    }
    static Error permissionDenied(std::string message)
    {
        return {StatusCode::PermissionDenied, std::move(message)};
    }
    static Error unavailable(std::string message)
    {
        return {StatusCode::Unavailable, std::move(message)};
    }

private:
    StatusCode m_code = StatusCode::Unknown;
    std::string m_message;
    std::vector<Violation> m_violations;
};

// The lower_snake name of a code as the API contract spells it ("invalid_argument",
// "cancelled"); the parser also accepts Connect's "canceled".
const char* connectCodeName(StatusCode code);
// The HTTP status the Connect protocol maps a code to.
int httpStatusFor(StatusCode code);
// Parses a Connect code name; returns false for an unknown name.
bool parseConnectCodeName(const std::string& name, StatusCode& code);

} // namespace builder::common
