// SPDX-License-Identifier: MIT
#pragma once

#include "EditElementCommand.h"

namespace mls {

/// Changes one note: its text (one in-place edit), its size (one drag of the grip), its style or
/// its colour. Each is its own gesture, so edits never merge. The factories return nullptr for
/// a note that does not exist; a change to the same value is obsolete.
class EditNoteCommand : public EditElementCommand<Note>
{
public:
    EditNoteCommand(Diagram *diagram, const Note &after, const QString &text,
                    QUndoCommand *parent = nullptr);

    /// "Edit note “…”"; the note grows to at least @p fitHeight (the height its new text needs),
    /// in the same step.
    static EditNoteCommand *setText(Diagram *d, const QString &id, const QString &text,
                                    qreal fitHeight = 0);
    /// "Resize note": @p rect is the new outline (top-left and size, scene units).
    static EditNoteCommand *setRect(Diagram *d, const QString &id, const QRectF &rect);
    /// "Make note a sticky note" / "Make note free text".
    static EditNoteCommand *setStyle(Diagram *d, const QString &id, Note::Style style);
    /// "Colour note" ("#RRGGBB"; empty: the default yellow).
    static EditNoteCommand *setColor(Diagram *d, const QString &id, const QString &color);
};

} // namespace mls
