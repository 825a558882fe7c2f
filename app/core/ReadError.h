// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include <algorithm>

namespace mls {

/// A failed read: where (line/column or JSON path) and what. Thrown inside the reader's units
/// (DiagramReader, JsonBuilder, SectionReader, ElementReader); read() turns it into the
/// ReadResult's error.
struct ReadError
{
    QString where;
    QString what;
};

/// A failed reference to @p id: its message depends on every zone id in the file, so a
/// failure found while parsing is worded once the whole file is read.
struct ReferenceError : ReadError
{
    QString id;
};

/// 1-based line and column of a byte offset.
inline QString lineColumn(const QByteArray &bytes, qint64 offset)
{
    offset = std::clamp<qint64>(offset, 0, bytes.size());
    int line = 1;
    qint64 lineStart = 0;
    for (qint64 i = 0; i < offset; ++i) {
        if (bytes[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(offset - lineStart + 1);
}

} // namespace mls
