// SPDX-License-Identifier: MIT
#include "EditNoteCommand.h"

#include "UndoText.h"

#include <QCoreApplication>

#include <algorithm>

#include "../Diagram.h"
#include "../Limits.h"
#include "CommandIds.h"

namespace mls {

namespace {
/// Undo texts in the translation context of this command.
QString tr(const char *text)
{
    return QCoreApplication::translate("mls::EditNoteCommand", text);
}

/// The note's first line, for an undo text.
QString firstLine(const QString &text)
{
    return text.section(QLatin1Char('\n'), 0, 0).trimmed();
}
} // namespace

EditNoteCommand::EditNoteCommand(Diagram *diagram, const Note &after, const QString &text,
                                 QUndoCommand *parent)
    : EditElementCommand(diagram, after, text, parent)
{}

EditNoteCommand *EditNoteCommand::setText(Diagram *d, const QString &id, const QString &text,
                                          qreal fitHeight)
{
    const QString shown = firstLine(text);
    const QString undoText =
        shown.isEmpty() ? tr("Clear note") : tr("Edit note %1").arg(quoted(shown));
    return make<EditNoteCommand>(
        d, id,
        [&](Note &n) {
            n.text = text;
            if (fitHeight > n.rect.height()) // no taller than a file may hold
                n.rect.setHeight(std::min(fitHeight, Limits().maxNoteSize));
        },
        [&](const Note &) { return undoText; });
}

EditNoteCommand *EditNoteCommand::setRect(Diagram *d, const QString &id, const QRectF &rect)
{
    return make<EditNoteCommand>(
        d, id, [&](Note &n) { n.rect = rect; }, [](const Note &) { return tr("Resize note"); });
}

EditNoteCommand *EditNoteCommand::setStyle(Diagram *d, const QString &id, Note::Style style)
{
    return make<EditNoteCommand>(
        d, id, [&](Note &n) { n.style = style; },
        [&](const Note &) {
            return style == Note::Style::Sticky ? tr("Make note a sticky note")
                                                : tr("Make note free text");
        });
}

EditNoteCommand *EditNoteCommand::setColor(Diagram *d, const QString &id, const QString &color)
{
    return make<EditNoteCommand>(
        d, id, [&](Note &n) { n.color = color; }, [](const Note &) { return tr("Colour note"); });
}

} // namespace mls
