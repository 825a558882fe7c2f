// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace mls {

/// Ids for QUndoCommand::id(); only commands with an id can merge, and only with their own kind.
/// Each id is one kind of gesture (a nudge, a typed edit of one field), never a whole class.
enum CommandId
{
    NudgeCommandId = 1,
    EditComponentCommandId,
    EditConnectionCommandId,
    EditGroupCommandId,
    SetMetaCommandId,
};

/// "component" / "3 components": English counts for undo texts.
inline QString countText(int n, const QString &singular, const QString &plural)
{
    return n == 1 ? QStringLiteral("1 %1").arg(singular)
                  : QStringLiteral("%1 %2").arg(n).arg(plural);
}

/// A label shortened for a menu entry, in curly quotes.
inline QString quoted(const QString &label)
{
    const QString text = label.size() > 32 ? label.left(31) + QChar(0x2026) : label;
    return QChar(0x201C) + text + QChar(0x201D);
}

} // namespace mls
