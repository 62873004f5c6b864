#include "http/HttpRequest.h"

namespace builder::http {

QByteArray HttpRequest::header(const QByteArray& lowerName) const
{
    return headers.value(lowerName);
}

} // namespace builder::http
