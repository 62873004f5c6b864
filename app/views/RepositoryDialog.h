#pragma once

#include "FieldErrors.h"
#include "StudioContext.h"
#include "common/Result.h"
#include "feature/repository/v1/repository.pb.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace builder::views {

class CredentialForm;

// Register a repository, edit its name and default branch, or replace its
// credentials. Fields are checked with the shared rules as they are typed; the
// server's violations land next to the same fields.
class RepositoryDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        Register,
        Edit,
        Credentials
    };

    RepositoryDialog(Mode mode, StudioContext context, QWidget* parent = nullptr,
                     const feature::repository::v1::Repository& existing = {});

signals:
    void saved(const feature::repository::v1::Repository& repository);

private:
    void validateLive();
    void submit();
    void finish(const common::Result<feature::repository::v1::Repository>& result,
                const QString& what);

    Mode m_mode;
    StudioContext m_context;
    feature::repository::v1::Repository m_existing;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_branch = nullptr;
    CredentialForm* m_credential = nullptr;
    QLabel* m_formError = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    FieldErrors m_errors;
};

} // namespace builder::views
