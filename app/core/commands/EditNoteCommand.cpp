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
    : QUndoCommand(text, parent), m_diagram(diagram), m_after(after)
{
    const Note *before = diagram->note(after.id);
    Q_ASSERT(before);
    m_before = before ? *before : after;
    if (m_before == m_after)
        setObsolete(true);
}

EditNoteCommand *EditNoteCommand::setText(Diagram *d, const QString &id, const QString &text,
                                          qreal fitHeight)
{
    const Note *n = d->note(id);
    if (!n)
        return nullptr;
    Note after = *n;
    after.text = text;
    if (fitHeight > after.rect.height())
        after.rect.setHeight(std::min(fitHeight, Limits().maxNoteSize)); // what a file may hold
    const QString shown = firstLine(text);
    return new EditNoteCommand(
        d, after, shown.isEmpty() ? tr("Clear note") : tr("Edit note %1").arg(quoted(shown)));
}

EditNoteCommand *EditNoteCommand::setRect(Diagram *d, const QString &id, const QRectF &rect)
{
    const Note *n = d->note(id);
    if (!n)
        return nullptr;
    Note after = *n;
    after.rect = rect;
    return new EditNoteCommand(d, after, tr("Resize note"));
}

EditNoteCommand *EditNoteCommand::setStyle(Diagram *d, const QString &id, Note::Style style)
{
    const Note *n = d->note(id);
    if (!n)
        return nullptr;
    Note after = *n;
    after.style = style;
    return new EditNoteCommand(d, after,
                               style == Note::Style::Sticky ? tr("Make note a sticky note")
                                                            : tr("Make note free text"));
}

EditNoteCommand *EditNoteCommand::setColor(Diagram *d, const QString &id, const QString &color)
{
    const Note *n = d->note(id);
    if (!n)
        return nullptr;
    Note after = *n;
    after.color = color;
    return new EditNoteCommand(d, after, tr("Colour note"));
}

void EditNoteCommand::redo()
{
    m_diagram->updateNote(m_after);
}

void EditNoteCommand::undo()
{
    m_diagram->updateNote(m_before);
}

} // namespace mls
