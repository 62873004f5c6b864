#pragma once

#include <QDateTime>
#include <QString>

namespace builder::client {

// Who the token says we are (user and role), read from the JWT's claims. Only
// decides what the Studio shows; builderd checks every call on its own.
class Identity
{
public:
    enum class Role
    {
        Unknown,
        Engineer,
        Reviewer,
        Admin
    };

    static Identity fromToken(const QString& token);

    Role role() const { return m_role; }
    const QString& user() const { return m_user; }
    const QDateTime& expiresAt() const { return m_expiresAt; }
    bool isAdmin() const { return m_role == Role::Admin; }
    bool canReview() const { return m_role == Role::Reviewer || m_role == Role::Admin; }
    bool canAuthor() const { return m_role == Role::Engineer || m_role == Role::Admin; }
    static QString roleName(Role role);

private:
    Role m_role = Role::Unknown;
    QString m_user;
    QDateTime m_expiresAt;
};

} // namespace builder::client
