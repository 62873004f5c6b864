#pragma once

#include <string>

namespace builder::llm {

// Who said a message in a conversation; the system prompt travels separately.
enum class Role
{
    User,
    Assistant
};

// One turn of a conversation sent to a model.
struct ChatMessage
{
    Role role = Role::User;
    std::string text;

    bool operator==(const ChatMessage&) const = default;
};

} // namespace builder::llm
